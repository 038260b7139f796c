/**
 * One CartBay coupon in full (`GET /coupons/{id}`), in a modal dialog: the full code (shown nowhere else),
 * discount, usage, dates, the email it was generated for and restricted to, its session, the restore
 * click, the order recovered and the session's recovery events. Escape or the close button closes it, and
 * the focus goes back to the row's More button.
 */
/** WordPress dependencies */
import { Modal } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { getBootData } from '../../boot';
import { formatMoment, formatMoney } from '../../format';
import { couponStatusLabel, discountText, usageText } from '../../offers';
import { couponKey, store } from '../../store';
import type { CouponDetail } from '../../store/types';
import EventTimeline from '../EventTimeline';
import Loading from '../Loading';
import LoadError from '../LoadError';
import { statusLabel } from '../overview/status-label';

export default function CouponDetailModal( {
	couponId,
	onClose,
}: {
	readonly couponId: number;
	readonly onClose: () => void;
} ) {
	const { detail, error } = useSelect(
		( select ) => ( {
			detail: select( store ).getCouponDetail( couponId ),
			error: select( store ).getReportError(
				'coupon',
				couponKey( couponId )
			),
		} ),
		[ couponId ]
	);
	const { invalidateResolution } = useDispatch( store );
	return (
		<Modal
			title={ __( 'Coupon details', 'cartbay' ) }
			onRequestClose={ onClose }
			className="cartbay-coupon-modal"
			size="large"
		>
			{ detail === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getCouponDetail', [ couponId ] )
					}
				/>
			) }
			{ detail === undefined && ! error && <Loading /> }
			{ detail !== undefined && <DetailBody detail={ detail } /> }
		</Modal>
	);
}

function DetailBody( { detail }: { readonly detail: CouponDetail } ) {
	const none = '—';
	return (
		<div className="cartbay-session-detail">
			<dl className="cartbay-session-detail__summary">
				<dt>{ __( 'Full code', 'cartbay' ) }</dt>
				<dd>
					<code className="cartbay-coupon-modal__code">
						{ detail.code }
					</code>
				</dd>
				<dt>{ __( 'Status', 'cartbay' ) }</dt>
				<dd>{ couponStatusLabel( detail.status ) }</dd>
				<dt>{ __( 'Discount', 'cartbay' ) }</dt>
				<dd>
					{ discountText(
						detail.discount_type,
						detail.amount,
						detail.recovered_order?.currency ??
							getBootData().currency ??
							''
					) }
				</dd>
				<dt>{ __( 'Usage', 'cartbay' ) }</dt>
				<dd>{ usageText( detail.usage_count, detail.usage_limit ) }</dd>
				<dt>{ __( 'Created', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.created_at ) }</dd>
				<dt>{ __( 'Expires', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.expires_at ) }</dd>
				<dt>{ __( 'Generated for', 'cartbay' ) }</dt>
				<dd>{ detail.generated_email || none }</dd>
				<dt>{ __( 'Email restrictions', 'cartbay' ) }</dt>
				<dd>
					{ detail.email_restrictions.length === 0
						? __( 'None', 'cartbay' )
						: detail.email_restrictions.join( ', ' ) }
				</dd>
				<dt>{ __( 'Individual use only', 'cartbay' ) }</dt>
				<dd>
					{ detail.individual_use
						? __( 'Yes', 'cartbay' )
						: __( 'No', 'cartbay' ) }
				</dd>
				<dt>{ __( 'Session', 'cartbay' ) }</dt>
				<dd>
					{ detail.session === null
						? __(
								'The session was removed (retention).',
								'cartbay'
							)
						: sprintf(
								/* translators: 1: CartBay session id, 2: session status */
								__( '%1$s (%2$s)', 'cartbay' ),
								detail.session.session_id,
								statusLabel( detail.session.status )
							) }
				</dd>
				<dt>{ __( 'Restore link clicked', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.restore_clicked_at ) }</dd>
				<dt>{ __( 'Recovered order', 'cartbay' ) }</dt>
				<dd>
					{ detail.recovered_order === null ? (
						__( 'None yet', 'cartbay' )
					) : (
						<>
							<a href={ detail.recovered_order.edit_link }>
								{ sprintf(
									/* translators: %d: WooCommerce order number */
									__( 'Order #%d', 'cartbay' ),
									detail.recovered_order.id
								) }
							</a>{ ' ' }
							{ sprintf(
								/* translators: 1: order total, 2: order status */
								__( '%1$s, %2$s', 'cartbay' ),
								formatMoney(
									detail.recovered_order.total,
									detail.recovered_order.currency
								),
								detail.recovered_order.status
							) }
						</>
					) }
				</dd>
				{ detail.offer_note !== '' && (
					<>
						<dt>{ __( 'Offer when generated', 'cartbay' ) }</dt>
						<dd>{ detail.offer_note }</dd>
					</>
				) }
			</dl>

			<h3>{ __( 'Session recovery events', 'cartbay' ) }</h3>
			<EventTimeline events={ detail.events } />
		</div>
	);
}
