/**
 * One notification with its lifecycle (`GET /notifications/{id}`), in a modal dialog: status, recipient,
 * session, email type, id, trigger, schedule, the lifecycle moments in order, attempts and retries, the
 * restore click and the order it recovered, and the last recorded error. Escape or the close button closes
 * it; the Modal gives the focus back to the button that opened it.
 */
/** WordPress dependencies */
import { Modal } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoment, formatMoney } from '../../format';
import {
	lifecycle,
	lifecycleLabel,
	notificationStateLabel,
	triggerLabel,
} from '../../notifications';
import { notificationKey, store } from '../../store';
import type { NotificationDetail } from '../../store/types';
import Loading from '../Loading';
import LoadError from '../LoadError';
import { statusLabel } from '../overview/status-label';

export default function NotificationDetailModal( {
	notificationId,
	onClose,
}: {
	readonly notificationId: string;
	readonly onClose: () => void;
} ) {
	const { detail, error } = useSelect(
		( select ) => ( {
			detail: select( store ).getNotificationDetail( notificationId ),
			error: select( store ).getReportError(
				'notification',
				notificationKey( notificationId )
			),
		} ),
		[ notificationId ]
	);
	const { invalidateResolution } = useDispatch( store );
	return (
		<Modal
			title={ sprintf(
				/* translators: %s: notification id */
				__( 'Notification %s', 'cartbay' ),
				notificationId
			) }
			onRequestClose={ onClose }
			className="cartbay-notification-modal"
			size="medium"
		>
			{ detail === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getNotificationDetail', [
							notificationId,
						] )
					}
				/>
			) }
			{ detail === undefined && ! error && <Loading /> }
			{ detail !== undefined && <DetailBody detail={ detail } /> }
		</Modal>
	);
}

function DetailBody( { detail }: { readonly detail: NotificationDetail } ) {
	const moments = lifecycle( detail );
	return (
		<div className="cartbay-session-detail">
			<dl className="cartbay-session-detail__summary">
				<dt>{ __( 'Status', 'cartbay' ) }</dt>
				<dd>{ notificationStateLabel( detail.status ) }</dd>
				<dt>{ __( 'Recipient', 'cartbay' ) }</dt>
				<dd>{ detail.recipient }</dd>
				<dt>{ __( 'Session ID', 'cartbay' ) }</dt>
				<dd>
					{ detail.session_id }{ ' ' }
					{ detail.session_status !== '' &&
						sprintf(
							/* translators: %s: session status */
							__( '(%s)', 'cartbay' ),
							statusLabel( detail.session_status )
						) }
				</dd>
				<dt>{ __( 'Email type', 'cartbay' ) }</dt>
				<dd>
					{ sprintf(
						/* translators: 1: recovery email step number, 2: WooCommerce email id */
						__( 'Recovery Email %1$d (%2$s)', 'cartbay' ),
						detail.step,
						detail.email_type
					) }
				</dd>
				<dt>{ __( 'Notification ID', 'cartbay' ) }</dt>
				<dd>
					<code>{ detail.notification_id }</code>
				</dd>
				<dt>{ __( 'Trigger source', 'cartbay' ) }</dt>
				<dd>{ triggerLabel( detail.trigger ) }</dd>
				<dt>{ __( 'Scheduled', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.scheduled_at ) }</dd>
				<dt>{ __( 'Attempts', 'cartbay' ) }</dt>
				<dd>{ detail.attempts }</dd>
				<dt>{ __( 'Retries', 'cartbay' ) }</dt>
				<dd>{ detail.retries }</dd>
				{ detail.cancel_reason !== '' && (
					<>
						<dt>{ __( 'Cancel reason', 'cartbay' ) }</dt>
						<dd>{ detail.cancel_reason }</dd>
					</>
				) }
				<dt>{ __( 'Restore link clicked', 'cartbay' ) }</dt>
				<dd>{ formatMoment( detail.restore_clicked_at ) }</dd>
				<dt>{ __( 'Recovered order', 'cartbay' ) }</dt>
				<dd>
					{ detail.recovered_order ? (
						<a href={ detail.recovered_order.edit_link }>
							{ sprintf(
								/* translators: 1: order number, 2: order total */
								__( 'Order #%1$d (%2$s)', 'cartbay' ),
								detail.recovered_order.id,
								formatMoney(
									detail.recovered_order.total,
									detail.recovered_order.currency
								)
							) }
						</a>
					) : (
						__( 'None', 'cartbay' )
					) }
				</dd>
				<dt>{ __( 'Last error', 'cartbay' ) }</dt>
				<dd className="cartbay-notification-detail__error">
					{ detail.last_error !== ''
						? detail.last_error
						: __( 'None recorded', 'cartbay' ) }
				</dd>
			</dl>
			<h3>{ __( 'Lifecycle', 'cartbay' ) }</h3>
			{ moments.length === 0 ? (
				<p>{ __( 'No lifecycle moments recorded.', 'cartbay' ) }</p>
			) : (
				<ol className="cartbay-notification-detail__lifecycle">
					{ moments.map( ( moment ) => (
						<li key={ `${ moment.event }-${ moment.at }` }>
							<strong>{ lifecycleLabel( moment.event ) }</strong>{ ' ' }
							{ formatMoment( moment.at ) }
						</li>
					) ) }
				</ol>
			) }
		</div>
	);
}
