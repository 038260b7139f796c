/**
 * The Notifications section's pure rules: the table's state (status filter, search, page, with the rules
 * every list table shares: list-table.ts), the translated lifecycle labels, a notification's lifecycle in
 * time order, and what the Email Delivery Test says about a detected mail environment.
 */
/** WordPress dependencies */
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { listTableReducer, type ListTableAction } from './list-table';
import { notificationStates, notificationTriggers } from './schema';
import type { MailConfidence, NotificationState } from './schema';
import type {
	MailEnvironment,
	NotificationDetail,
	NotificationStatusFilter,
	NotificationsQuery,
} from './store/types';

export type NotificationsTableState = Omit< NotificationsQuery, 'days' >;

export type NotificationsTableAction =
	ListTableAction< NotificationStatusFilter >;

export const initialNotificationsState: NotificationsTableState = {
	status: 'all',
	search: '',
	page: 1,
};

/** The table's rules: a new status or search starts again at page 1 (the search trimmed). */
export const notificationsReducer: (
	state: NotificationsTableState,
	action: NotificationsTableAction
) => NotificationsTableState = listTableReducer;

/** Every lifecycle state, in the schema's order (the status filter's choices after "All"). */
export const NOTIFICATION_STATES: readonly NotificationState[] =
	notificationStates.constants.map( ( c ) => c.value );

/**
 * A lifecycle state's label (spec "Status Filter"), or the key itself for an unknown one.
 * @param state State key.
 */
export function notificationStateLabel( state: string ): string {
	switch ( state as NotificationState ) {
		case 'queued':
			return __( 'Queued', 'cartbay' );
		case 'attempted':
			return __( 'Attempted', 'cartbay' );
		case 'sent':
			return __( 'Sent', 'cartbay' );
		case 'delivered':
			return __( 'Delivered', 'cartbay' );
		case 'failed':
			return __( 'Failed', 'cartbay' );
		case 'retry_queued':
			return __( 'Retry queued', 'cartbay' );
		case 'canceled':
			return __( 'Canceled', 'cartbay' );
	}
	return state;
}

/**
 * What scheduled a notification, as a label (the key itself for an unknown one).
 * @param trigger Trigger key.
 */
export function triggerLabel( trigger: string ): string {
	const known = notificationTriggers.constants.find(
		( c ) => c.value === trigger
	);
	switch ( known?.value ) {
		case 'abandonment':
			return __( 'Abandonment', 'cartbay' );
		case 'test':
			return __( 'Test Mode trigger', 'cartbay' );
		case 'agent':
			return __( 'AI agent', 'cartbay' );
	}
	return trigger;
}

/** One moment of a notification's lifecycle. */
export interface LifecycleEntry {
	/** A lifecycle state key, or `restore_clicked`. */
	readonly event: string;
	readonly at: string;
}

/**
 * A notification's lifecycle, oldest first: each state's timestamp and the restore click. Moments the
 * record does not have are left out; equal moments keep the schema's state order.
 * @param detail The notification in full.
 */
export function lifecycle( detail: NotificationDetail ): LifecycleEntry[] {
	const order = [ ...NOTIFICATION_STATES, 'restore_clicked' ];
	const entries: LifecycleEntry[] = Object.entries( detail.timestamps )
		.filter( ( entry ): entry is [ string, string ] => !! entry[ 1 ] )
		.map( ( [ event, at ] ) => ( { event, at } ) );
	if ( detail.restore_clicked_at ) {
		entries.push( {
			event: 'restore_clicked',
			at: detail.restore_clicked_at,
		} );
	}
	const rank = ( event: string ) => {
		const index = order.indexOf( event );
		return index === -1 ? order.length : index;
	};
	return entries.sort(
		( a, b ) =>
			Date.parse( a.at ) - Date.parse( b.at ) ||
			rank( a.event ) - rank( b.event )
	);
}

/**
 * A lifecycle entry's label.
 * @param event State key or `restore_clicked`.
 */
export function lifecycleLabel( event: string ): string {
	return event === 'restore_clicked'
		? __( 'Restore link clicked', 'cartbay' )
		: notificationStateLabel( event );
}

/** What the Email Delivery Test's status notice says. */
export interface DeliverySummary {
	/** The notice's status: success (a service found surely), warning (maybe), error (none). */
	readonly status: 'success' | 'warning' | 'error';
	readonly message: string;
}

/**
 * The confidence's label.
 * @param confidence Finding confidence.
 */
export function confidenceLabel( confidence: MailConfidence ): string {
	switch ( confidence ) {
		case 'high':
			return __( 'High confidence', 'cartbay' );
		case 'medium':
			return __( 'Medium confidence', 'cartbay' );
		case 'low':
			return __( 'Low confidence', 'cartbay' );
	}
}

/**
 * The status notice of a detected environment (spec "Delivery Service Detection", "Mail Environment
 * Warnings"): a known plugin is reassuring, a hook is a hint, nothing is a warning to install one.
 * @param env The mail environment.
 */
export function deliverySummary( env: MailEnvironment ): DeliverySummary {
	switch ( env.confidence ) {
		case 'high':
			return {
				status: 'success',
				message: __(
					'A mail delivery service is active. Recovery emails go out through it; send a test to confirm it works.',
					'cartbay'
				),
			};
		case 'medium':
			return {
				status: 'warning',
				message: __(
					'Something outside WordPress handles mail delivery, but it is not a known delivery plugin. Send a test email and check that it arrives.',
					'cartbay'
				),
			};
		case 'low':
			return {
				status: 'warning',
				message: __(
					'A mail callback looks like a delivery integration, but CartBay cannot confirm it. Send a test email and check that it arrives.',
					'cartbay'
				),
			};
		case 'none':
			return {
				status: 'error',
				message: __(
					'No SMTP or transactional email service was detected. Recovery emails may land in spam or not arrive: install and configure an SMTP plugin, then send a test email.',
					'cartbay'
				),
			};
	}
}

/**
 * The Send Test Email failure line: the server's message (the mailer's error, or its own "Failed to send
 * test email: …"), prefixed once with what failed, and where to look next.
 * @param message The server's error message.
 */
export function testEmailFailure( message: string ): string {
	const failed = __( 'Failed to send test email', 'cartbay' );
	const text = message.trim();
	const line = text.toLowerCase().startsWith( failed.toLowerCase() )
		? text
		: sprintf(
				/* translators: 1: "Failed to send test email", 2: the mailer's error message */
				__( '%1$s: %2$s', 'cartbay' ),
				failed,
				text
			);
	return sprintf(
		/* translators: %s: what failed and the mailer's error */
		__(
			'%s — check your SMTP plugin’s credentials and logs, and that the site can reach the mail server.',
			'cartbay'
		),
		line
	);
}
