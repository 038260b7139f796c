/**
 * Coupon History (read-only): behind the "View coupon history and details" button, the four cards
 * (generated, active, used, expired) and the CartBay-generated coupons of `GET /coupons`, newest first,
 * codes masked, one page at a time; a coupon's More button opens its details (`GET /coupons/{id}`), the only
 * place its full code is shown.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { getBootData } from '../../boot';
import { formatMetric, formatMoment } from '../../format';
import { clampPage } from '../../list-table';
import { couponStatusLabel, discountText, usageText } from '../../offers';
import { couponCards } from '../../schema';
import { schemaText } from '../../schema-text';
import { SECTIONS } from '../../sections';
import { couponsKey, store } from '../../store';
import type { CouponsPage } from '../../store/types';
import Loading from '../Loading';
import LoadError from '../LoadError';
import Pager from '../Pager';
import SectionLink from '../SectionLink';
import { useLastPage } from '../use-last-page';
import CouponDetailModal from './CouponDetailModal';

export default function CouponHistory() {
	const [ isOpen, setOpen ] = useState( false );
	return (
		<section
			className="cartbay-coupons"
			aria-labelledby="cartbay-coupons-title"
		>
			<h2 id="cartbay-coupons-title">
				{ __( 'Coupon History', 'cartbay' ) }
			</h2>
			<p className="description">
				{ __(
					'The coupons CartBay generated for recovery emails, with their status, usage and recovery context. Review them before raising the discount.',
					'cartbay'
				) }
			</p>
			<Button
				variant="secondary"
				__next40pxDefaultSize
				aria-expanded={ isOpen }
				aria-controls="cartbay-coupons-history"
				onClick={ () => setOpen( ( open ) => ! open ) }
			>
				{ isOpen
					? __( 'Hide coupon history', 'cartbay' )
					: __( 'View coupon history and details', 'cartbay' ) }
			</Button>
			<div id="cartbay-coupons-history">
				{ isOpen && <CouponHistoryBody /> }
			</div>
		</section>
	);
}

function CouponHistoryBody() {
	const [ pageNumber, setPageNumber ] = useState( 1 );
	const [ openId, setOpenId ] = useState< number | null >( null );
	const { page, error } = useSelect(
		( select ) => ( {
			page: select( store ).getCouponsPage( pageNumber ),
			error: select( store ).getReportError(
				'coupons',
				couponsKey( pageNumber )
			),
		} ),
		[ pageNumber ]
	);
	const { invalidateResolution } = useDispatch( store );
	const { shown, isBusy } = useLastPage( page );

	if ( page === undefined && error ) {
		return (
			<LoadError
				error={ error }
				onRetry={ () =>
					invalidateResolution( 'getCouponsPage', [ pageNumber ] )
				}
			/>
		);
	}
	if ( shown === undefined ) {
		return <Loading />;
	}
	const totalPages = Math.max( 1, shown.totalPages );
	return (
		<>
			<ul className="cartbay-stats cartbay-coupons__cards">
				{ couponCards.map( ( { key, label, description } ) => (
					<li
						key={ key }
						className="cartbay-stat"
						data-card={ key }
						aria-labelledby={ `cartbay-coupon-card-${ key }` }
						aria-describedby={ `cartbay-coupon-card-${ key }-definition` }
					>
						<h3
							className="cartbay-stat__label"
							id={ `cartbay-coupon-card-${ key }` }
						>
							{ schemaText( label ) }
						</h3>
						<p className="cartbay-stat__value">
							{ formatMetric( shown.cards[ key ], 'count', '' ) }
						</p>
						<p
							className="cartbay-stat__definition"
							id={ `cartbay-coupon-card-${ key }-definition` }
						>
							{ schemaText( description ) }
						</p>
					</li>
				) ) }
			</ul>
			{ shown.total === 0 ? (
				<EmptyHistory />
			) : (
				<CouponRows
					page={ shown }
					pageNumber={ pageNumber }
					totalPages={ totalPages }
					isBusy={ isBusy }
					onPage={ ( next ) =>
						setPageNumber( clampPage( next, totalPages ) )
					}
					onOpen={ setOpenId }
				/>
			) }
			{ openId !== null && (
				<CouponDetailModal
					couponId={ openId }
					onClose={ () => setOpenId( null ) }
				/>
			) }
		</>
	);
}

function EmptyHistory() {
	return (
		<div className="notice inline notice-info cartbay-coupons__empty">
			<p>
				{ __(
					'CartBay has not generated a coupon yet. Coupons are generated when a recovery email that includes a coupon is sent.',
					'cartbay'
				) }{ ' ' }
				<SectionLink section={ SECTIONS.recoverySequence }>
					{ __(
						'Choose the emails that include a coupon in Recovery Sequence',
						'cartbay'
					) }
				</SectionLink>
			</p>
		</div>
	);
}

interface RowsProps {
	readonly page: CouponsPage;
	readonly pageNumber: number;
	readonly totalPages: number;
	readonly isBusy: boolean;
	readonly onPage: ( page: number ) => void;
	readonly onOpen: ( couponId: number ) => void;
}

function CouponRows( {
	page,
	pageNumber,
	totalPages,
	isBusy,
	onPage,
	onOpen,
}: RowsProps ) {
	const currency = getBootData().currency ?? '';
	return (
		<>
			<p className="cartbay-coupons__count" aria-live="polite">
				{ sprintf(
					/* translators: 1: number of coupons, 2: current page, 3: number of pages */
					_n(
						'%1$d coupon · page %2$d of %3$d',
						'%1$d coupons · page %2$d of %3$d',
						page.total,
						'cartbay'
					),
					page.total,
					pageNumber,
					totalPages
				) }
			</p>
			<div className="cartbay-sessions__scroll">
				<table
					className="widefat striped cartbay-coupons__table"
					aria-busy={ isBusy }
				>
					<caption className="screen-reader-text">
						{ __(
							'CartBay-generated coupons, newest first; codes are masked.',
							'cartbay'
						) }
					</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Coupon', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Session', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Discount', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Usage', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Created', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Expires', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Status', 'cartbay' ) }</th>
							<th scope="col">
								<span className="screen-reader-text">
									{ __( 'Details', 'cartbay' ) }
								</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{ page.rows.map( ( row ) => (
							<tr
								key={ row.coupon_id }
								data-coupon={ row.coupon_id }
							>
								<th scope="row">
									<code>{ row.code }</code>
								</th>
								<td>{ row.session_id || '—' }</td>
								<td>
									{ discountText(
										row.discount_type,
										row.amount,
										currency
									) }
								</td>
								<td>
									{ usageText(
										row.usage_count,
										row.usage_limit
									) }
								</td>
								<td>{ formatMoment( row.created_at ) }</td>
								<td>{ formatMoment( row.expires_at ) }</td>
								<td>
									<span
										className={ `cartbay-status cartbay-coupon-status--${ row.status }` }
									>
										{ couponStatusLabel( row.status ) }
									</span>
								</td>
								<td>
									<Button
										variant="link"
										aria-haspopup="dialog"
										aria-label={ sprintf(
											/* translators: %s: masked coupon code */
											__(
												'More details of coupon %s',
												'cartbay'
											),
											row.code
										) }
										onClick={ () =>
											onOpen( row.coupon_id )
										}
									>
										{ __( 'More', 'cartbay' ) }
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</div>
			<Pager
				page={ pageNumber }
				totalPages={ totalPages }
				label={ __( 'Coupon History pages', 'cartbay' ) }
				onPage={ onPage }
			/>
		</>
	);
}
