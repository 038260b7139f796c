/**
 * One session in full (`GET /sessions/{id}`), in a modal dialog: summary, cart, events timeline,
 * notifications, coupon and the order it recovered or influenced. Escape or the close button closes
 * it, and the focus goes back to the session's button.
 */
/** WordPress dependencies */
import { Modal } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoment, formatMoney } from '../../format';
import { sessionKey, store } from '../../store';
import type { SessionDetail } from '../../store/types';
import type { SessionDetailModalProps } from '../../types';
import EventTimeline from '../EventTimeline';
import Loading from '../Loading';
import LoadError from '../LoadError';
import { statusLabel } from './status-label';

export default function SessionDetailModal( {
	sessionId,
	onClose,
}: SessionDetailModalProps ) {
	const { detail, error } = useSelect(
		( select ) => ( {
			detail: select( store ).getSessionDetail( sessionId ),
			error: select( store ).getReportError(
				'session',
				sessionKey( sessionId )
			),
		} ),
		[ sessionId ]
	);
	const { invalidateResolution } = useDispatch( store );
	return (
		<Modal
			title={ sprintf(
				/* translators: %s: CartBay session id */
				__( 'Session %s', 'cartbay' ),
				sessionId
			) }
			onRequestClose={ onClose }
			className="cartbay-session-modal"
			size="large"
		>
			{ detail === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getSessionDetail', [
							sessionId,
						] )
					}
				/>
			) }
			{ detail === undefined && ! error && <Loading /> }
			{ detail !== undefined && <DetailBody detail={ detail } /> }
		</Modal>
	);
}

function DetailBody( { detail }: { readonly detail: SessionDetail } ) {
	return (
		<div className="cartbay-session-detail">
			<dl className="cartbay-session-detail__summary">
				<dt>{ __( 'Email', 'cartbay' ) }</dt>
				<dd>{ detail.email }</dd>
				<dt>{ __( 'Status', 'cartbay' ) }</dt>
				<dd>{ statusLabel( detail.status ) }</dd>
				<dt>{ __( 'Cart total', 'cartbay' ) }</dt>
				<dd>{ formatMoney( detail.cart_total, detail.currency ) }</dd>
				<dt>{ __( 'Created', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.created_at ) }</dd>
				<dt>{ __( 'Abandoned', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.abandoned_at ) }</dd>
				<dt>{ __( 'Recovered', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.recovered_at ) }</dd>
			</dl>

			<h3>{ __( 'Cart', 'cartbay' ) }</h3>
			{ detail.cart.items.length === 0 ? (
				<p>{ __( 'No cart lines were captured.', 'cartbay' ) }</p>
			) : (
				<ul className="cartbay-session-detail__cart">
					{ detail.cart.items.map( ( item, i ) => (
						<li key={ i }>
							{ sprintf(
								/* translators: 1: quantity, 2: product name, 3: line total */
								__( '%1$d × %2$s — %3$s', 'cartbay' ),
								item.quantity,
								item.name,
								formatMoney(
									item.line_total,
									detail.cart.currency || detail.currency
								)
							) }
						</li>
					) ) }
				</ul>
			) }

			<h3>{ __( 'Timeline', 'cartbay' ) }</h3>
			<EventTimeline events={ detail.events } />

			<h3>{ __( 'Notifications', 'cartbay' ) }</h3>
			{ detail.notifications.length === 0 ? (
				<p>
					{ __( 'No recovery emails for this session.', 'cartbay' ) }
				</p>
			) : (
				<table className="widefat striped">
					<thead>
						<tr>
							<th scope="col">{ __( 'Step', 'cartbay' ) }</th>
							<th scope="col">{ __( 'State', 'cartbay' ) }</th>
							<th scope="col">
								{ __( 'Scheduled', 'cartbay' ) }
							</th>
							<th scope="col">{ __( 'Attempts', 'cartbay' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ detail.notifications.map( ( n ) => (
							<tr key={ n.notification_id }>
								<td>{ n.step }</td>
								<td>
									<code>{ n.status }</code>
									{ n.last_error
										? ` — ${ n.last_error }`
										: '' }
								</td>
								<td>{ formatMoment( n.scheduled_at ) }</td>
								<td>{ n.attempts }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }

			<h3>{ __( 'Coupon', 'cartbay' ) }</h3>
			{ detail.coupon === null ? (
				<p>{ __( 'No recovery coupon.', 'cartbay' ) }</p>
			) : (
				<p>
					{ sprintf(
						/* translators: 1: coupon code, 2: coupon status, 3: times used, 4: expiry */
						__(
							'%1$s (%2$s, used %3$d times, expires %4$s)',
							'cartbay'
						),
						detail.coupon.code,
						detail.coupon.status,
						detail.coupon.usage_count,
						formatMoment( detail.coupon.expires_at )
					) }
				</p>
			) }

			<h3>{ __( 'Order', 'cartbay' ) }</h3>
			{ detail.order === null ? (
				<p>{ __( 'No recovered or influenced order.', 'cartbay' ) }</p>
			) : (
				<p>
					<a href={ detail.order.edit_link }>
						{ sprintf(
							/* translators: %d: WooCommerce order number */
							__( 'Order #%d', 'cartbay' ),
							detail.order.id
						) }
					</a>{ ' ' }
					{ sprintf(
						/* translators: 1: order total, 2: refunded amount, 3: order status, 4: recovered or influenced */
						__( '%1$s, %2$s refunded, %3$s (%4$s)', 'cartbay' ),
						formatMoney(
							detail.order.total,
							detail.order.currency
						),
						formatMoney(
							detail.order.total_refunded,
							detail.order.currency
						),
						detail.order.status,
						detail.attribution === 'influenced'
							? __( 'influenced', 'cartbay' )
							: __( 'recovered', 'cartbay' )
					) }
				</p>
			) }
		</div>
	);
}
