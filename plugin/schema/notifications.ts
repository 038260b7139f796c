import type { ConstantGroupDef } from './types';

/** Lifecycle states of a notification record (one per scheduled recovery email). */
export const notificationStates = {
	className: 'NotificationStates',
	description: 'Lifecycle states of a recovery email notification record.',
	constants: [
		{
			name: 'QUEUED',
			value: 'queued',
			description: 'Waiting for its send job.',
		},
		{
			name: 'ATTEMPTED',
			value: 'attempted',
			description: 'A send attempt began.',
		},
		{
			name: 'SENT',
			value: 'sent',
			description: 'WordPress accepted the message.',
		},
		{
			name: 'DELIVERED',
			value: 'delivered',
			description: 'A provider integration confirmed delivery.',
		},
		{
			name: 'FAILED',
			value: 'failed',
			description: 'The send failed after the allowed attempts.',
		},
		{
			name: 'RETRY_QUEUED',
			value: 'retry_queued',
			description: 'A failed attempt will be retried.',
		},
		{
			name: 'CANCELED',
			value: 'canceled',
			description:
				'No longer needed: recovered, unsubscribed, withdrawn or expired.',
		},
	],
} as const satisfies ConstantGroupDef;

export type NotificationState =
	( typeof notificationStates.constants )[ number ][ 'value' ];

/** Failed sends are retried until this many attempts, `retryDelayMinutesPerAttempt × attempts` apart. */
export const notificationRetry = {
	maxAttempts: 3,
	retryDelayMinutesPerAttempt: 15,
} as const;

/** How a recovery email names its notification record: the id format and the mail header carrying it. */
export const notificationMail = {
	idPrefix: 'ntf_',
	/** Lowercase letters and digits after the prefix. */
	idRandomLength: 16,
	header: 'X-CartBay-Notification',
} as const;

/** Rate-limit buckets: each public entry point counts its requests per IP in its own bucket. */
export const rateLimitBuckets = {
	className: 'RateLimitBuckets',
	description:
		'Rate-limit buckets of the public entry points (filters cartbay_rate_limit and cartbay_rate_limit_window receive them).',
	constants: [
		{
			name: 'CAPTURE',
			value: 'capture',
			description: 'The public capture route.',
		},
		{
			name: 'RESTORE',
			value: 'restore',
			description:
				'Restore links that fail (unknown, expired or used token).',
		},
		{
			name: 'UNSUBSCRIBE',
			value: 'unsubscribe',
			description: 'Unsubscribe links that fail.',
		},
	],
} as const satisfies ConstantGroupDef;

/** What scheduled a notification (its record's `trigger`). */
export const notificationTriggers = {
	className: 'NotificationTriggers',
	description: 'What scheduled a recovery email notification.',
	constants: [
		{
			name: 'ABANDONMENT',
			value: 'abandonment',
			description:
				'The session was abandoned: the sequence scheduled the step.',
		},
		{
			name: 'TEST',
			value: 'test',
			description:
				'The Test Mode trigger scheduled the step (sent even with the sequence switched off).',
		},
		{
			name: 'AGENT',
			value: 'agent',
			description:
				'An agent sent the step now (session action send_email_step_now).',
		},
	],
} as const satisfies ConstantGroupDef;

/** Why a notification was canceled (its record's `cancel_reason`). */
export const cancelReasons = {
	className: 'CancelReasons',
	description: 'Why a recovery email notification was canceled.',
	constants: [
		{
			name: 'RECOVERED',
			value: 'recovered',
			description:
				'A paid order was attributed to the session (recovered).',
		},
		{
			name: 'INFLUENCED',
			value: 'influenced',
			description:
				'A paid order matched the session by billing email only (influenced).',
		},
		{
			name: 'ORDER_PLACED',
			value: 'order_placed',
			description:
				'The shopper placed an order that is not paid yet (cash on delivery, cheque, bank transfer): no more reminders, nothing counted until it is paid.',
		},
		{
			name: 'SUPERSEDED',
			value: 'superseded',
			description:
				'A newer session of the same email took over the sequence.',
		},
		{
			name: 'UNSUBSCRIBED',
			value: 'unsubscribed',
			description: 'The shopper unsubscribed.',
		},
		{
			name: 'REACTIVATED',
			value: 'reactivated',
			description:
				'The shopper came back to checkout: the session is live again.',
		},
		{
			name: 'SUPPRESSED',
			value: 'suppressed',
			description: 'The email is on the suppression list.',
		},
		{
			name: 'SENDING_DISABLED',
			value: 'sending_disabled',
			description: 'The recovery sequence is switched off.',
		},
		{
			name: 'EMAIL_DISABLED',
			value: 'email_disabled',
			description: "The step's WooCommerce email is disabled.",
		},
		{
			name: 'AGENT',
			value: 'agent',
			description:
				'An agent canceled the pending emails (session action cancel_pending_emails).',
		},
		{
			name: 'SESSION_STATUS_PREFIX',
			value: 'session_',
			description:
				'Prefix + the session status (without wc-): the session is no longer abandoned.',
		},
	],
} as const satisfies ConstantGroupDef;

/**
 * The value of one constant of a group, by its PHP name (typed: a wrong name does not compile).
 * @param group
 * @param name
 */
export function constantValue< G extends ConstantGroupDef >(
	group: G,
	name: G[ 'constants' ][ number ][ 'name' ]
): string {
	const found = group.constants.find( ( c ) => c.name === name );
	if ( ! found ) {
		throw new Error( `${ group.className } has no constant ${ name }` );
	}
	return found.value;
}
