/**
 * The Sessions table of the period: status filter, search, sortable columns, 20 a page, the CSV exports
 * of what it shows, and a session's details in a modal.
 *
 * A plain semantic <table> with <button> sort headers and `aria-sort`, not DataViews: DataViews would
 * add a large bundle to a screen that needs a handful of columns, and it is not among the packages
 * WordPress ships as a script, so it would be one more pinned dependency for the plugin to carry.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { exportUrl } from '../../exports';
import { formatMetric, formatMoment, formatMoney } from '../../format';
import { sessionList } from '../../schema';
import type { SessionListOrderby } from '../../schema';
import {
	ariaSort,
	initialTableState,
	tableReducer,
	type TableState,
} from '../../sessions-table';
import { sessionsKey, store } from '../../store';
import type { SessionsPage } from '../../store/types';
import type { SessionsTableProps } from '../../types';
import Loading from '../Loading';
import LoadError from '../LoadError';
import Pager from '../Pager';
import StatusSearchFilters from '../StatusSearchFilters';
import { useLastPage } from '../use-last-page';
import { usePeriodListTable } from '../use-period-list-table';
import SessionDetailModal from './SessionDetailModal';
import { statusLabel } from './status-label';

function columnLabel( column: SessionListOrderby ): string {
	switch ( column ) {
		case 'session':
			return __( 'Session', 'cartbay' );
		case 'cart_total':
			return __( 'Cart total', 'cartbay' );
		case 'created':
			return __( 'Created', 'cartbay' );
		case 'last_activity':
			return __( 'Last activity', 'cartbay' );
		case 'emails_sent':
			return __( 'Emails sent', 'cartbay' );
	}
}

export default function SessionsTable( { days }: SessionsTableProps ) {
	const { state, dispatch, query } = usePeriodListTable(
		tableReducer,
		initialTableState,
		days
	);
	const [ openId, setOpenId ] = useState< string | null >( null );
	const { page, error } = useSelect(
		( select ) => ( {
			page: select( store ).getSessionsPage( query ),
			error: select( store ).getReportError(
				'sessions',
				sessionsKey( query )
			),
		} ),
		[ query ]
	);
	const { invalidateResolution } = useDispatch( store );
	const { shown, isBusy } = useLastPage( page );

	return (
		<section
			className="cartbay-sessions"
			aria-labelledby="cartbay-sessions-title"
		>
			<h2 id="cartbay-sessions-title">{ __( 'Sessions', 'cartbay' ) }</h2>
			<div className="cartbay-sessions__controls">
				<StatusSearchFilters
					status={ state.status }
					statuses={ sessionList.statusFilter }
					statusLabel={ statusLabel }
					onStatus={ ( status ) =>
						dispatch( { type: 'status', status } )
					}
					searchLabel={ __( 'Search sessions', 'cartbay' ) }
					searchHelp={ __(
						'Email (or part of it), session id or notification id.',
						'cartbay'
					) }
					onSearch={ ( search ) =>
						dispatch( { type: 'search', search } )
					}
				/>
				<div className="cartbay-sessions__exports">
					<Button
						variant="secondary"
						href={ exportUrl( 'sessions', query ) }
						download
						__next40pxDefaultSize
					>
						{ __( 'Export Sessions CSV', 'cartbay' ) }
					</Button>
					<Button
						variant="secondary"
						href={ exportUrl( 'emails', query ) }
						download
						__next40pxDefaultSize
					>
						{ __( 'Export Emails', 'cartbay' ) }
					</Button>
				</div>
			</div>
			{ page === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getSessionsPage', [ query ] )
					}
				/>
			) }
			{ shown === undefined && ! error && <Loading /> }
			{ shown !== undefined && ! ( page === undefined && error ) && (
				<SessionsGrid
					state={ state }
					page={ shown }
					isBusy={ isBusy }
					onSort={ ( column ) =>
						dispatch( { type: 'sort', column } )
					}
					onPage={ ( next ) =>
						dispatch( {
							type: 'page',
							page: next,
							totalPages: shown.totalPages,
						} )
					}
					onOpen={ setOpenId }
				/>
			) }
			{ openId !== null && (
				<SessionDetailModal
					sessionId={ openId }
					onClose={ () => setOpenId( null ) }
				/>
			) }
		</section>
	);
}

interface GridProps {
	readonly state: TableState;
	readonly page: SessionsPage;
	readonly isBusy: boolean;
	readonly onSort: ( column: SessionListOrderby ) => void;
	readonly onPage: ( page: number ) => void;
	readonly onOpen: ( sessionId: string ) => void;
}

function SessionsGrid( {
	state,
	page,
	isBusy,
	onSort,
	onPage,
	onOpen,
}: GridProps ) {
	const sortHeader = ( column: SessionListOrderby ) => {
		const sort = ariaSort( state, column );
		return (
			<th scope="col" aria-sort={ sort } data-column={ column }>
				<button
					type="button"
					className="cartbay-sessions__sort"
					onClick={ () => onSort( column ) }
				>
					{ columnLabel( column ) }
					<span
						aria-hidden="true"
						className="cartbay-sessions__arrow"
					>
						{ sort === 'ascending' && '▲' }
						{ sort === 'descending' && '▼' }
					</span>
				</button>
			</th>
		);
	};
	const totalPages = Math.max( 1, page.totalPages );
	return (
		<>
			<p className="cartbay-sessions__count" aria-live="polite">
				{ sprintf(
					/* translators: 1: number of sessions, 2: current page, 3: number of pages */
					_n(
						'%1$d session · page %2$d of %3$d',
						'%1$d sessions · page %2$d of %3$d',
						page.total,
						'cartbay'
					),
					page.total,
					state.page,
					totalPages
				) }
			</p>
			<div className="cartbay-sessions__scroll">
				<table
					className="widefat striped cartbay-sessions__table"
					aria-busy={ isBusy }
				>
					<caption className="screen-reader-text">
						{ __(
							'Sessions of the period; column headers sort the table.',
							'cartbay'
						) }
					</caption>
					<thead>
						<tr>
							{ sortHeader( 'session' ) }
							<th scope="col">{ __( 'Email', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Status', 'cartbay' ) }</th>
							{ sortHeader( 'cart_total' ) }
							{ sortHeader( 'created' ) }
							{ sortHeader( 'last_activity' ) }
							{ sortHeader( 'emails_sent' ) }
						</tr>
					</thead>
					<tbody>
						{ page.rows.length === 0 && (
							<tr>
								<td colSpan={ 7 }>
									{ __(
										'No sessions match these filters.',
										'cartbay'
									) }
								</td>
							</tr>
						) }
						{ page.rows.map( ( row ) => (
							<tr
								key={ row.session_id }
								data-session={ row.session_id }
							>
								<th scope="row">
									<Button
										variant="link"
										className="cartbay-sessions__open"
										aria-haspopup="dialog"
										onClick={ () =>
											onOpen( row.session_id )
										}
									>
										{ row.session_id }
									</Button>
								</th>
								<td>{ row.email }</td>
								<td>
									<span
										className={ `cartbay-status cartbay-status--${ row.status }` }
									>
										{ statusLabel( row.status ) }
									</span>
								</td>
								<td data-column="cart_total">
									{ formatMoney(
										row.cart_total,
										row.currency
									) }
								</td>
								<td>{ formatMoment( row.created_at ) }</td>
								<td>
									{ formatMoment( row.last_activity_at ) }
								</td>
								<td>
									{ formatMetric(
										row.emails_sent,
										'count',
										''
									) }
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</div>
			<Pager
				page={ state.page }
				totalPages={ totalPages }
				label={ __( 'Sessions pages', 'cartbay' ) }
				onPage={ onPage }
			/>
		</>
	);
}
