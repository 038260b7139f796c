import type { ConstantGroupDef } from './types';

/** Session events recorded in `_cartbay_events`. */
export const sessionEvents = {
	className: 'SessionEvents',
	description: "Names of the events recorded in a session's event log.",
	constants: [
		{
			name: 'CAPTURED',
			value: 'captured',
			label: 'Captured',
			description: 'A consented checkout was captured.',
		},
		{
			name: 'UPDATED',
			value: 'updated',
			label: 'Updated',
			description: 'The email or cart of a session changed.',
		},
		{
			name: 'ABANDONED',
			value: 'abandoned',
			label: 'Abandoned',
			description: 'The session passed the abandonment timeout.',
		},
		{
			name: 'EMAIL_SENT',
			value: 'email_sent',
			label: 'Email sent',
			description: 'A recovery email was accepted by WordPress mail.',
		},
		{
			name: 'EMAIL_FAILED',
			value: 'email_failed',
			label: 'Email failed',
			description: 'A recovery email send failed.',
		},
		{
			name: 'RESTORE_CLICKED',
			value: 'restore_clicked',
			label: 'Restore link opened',
			description: 'A restore link was opened.',
		},
		{
			name: 'CART_RESTORE_STARTED',
			value: 'cart_restore_started',
			label: 'Cart restore started',
			description: 'Rebuilding the cart began.',
		},
		{
			name: 'CART_RESTORED',
			value: 'cart_restored',
			label: 'Cart restored',
			description: 'The whole cart was rebuilt.',
		},
		{
			name: 'CART_RESTORE_PARTIAL',
			value: 'cart_restore_partial',
			label: 'Cart partly restored',
			description: 'Some items could not be restored.',
		},
		{
			name: 'CART_RESTORE_FAILED',
			value: 'cart_restore_failed',
			label: 'Cart restore failed',
			description: 'Nothing could be restored.',
		},
		{
			name: 'COMPLETED_BEFORE_ABANDONMENT',
			value: 'completed_before_abandonment',
			label: 'Ordered before abandonment',
			description: 'The shopper ordered before the cart was abandoned.',
		},
		{
			name: 'RECOVERED',
			value: 'recovered',
			label: 'Recovered',
			description: 'A paid order was attributed to the session.',
		},
		{
			name: 'INFLUENCED',
			value: 'influenced',
			label: 'Influenced order',
			description:
				'A paid order matched the session by billing email only (not counted as recovered).',
		},
		{
			name: 'RECOVERY_REVERTED',
			value: 'recovery_reverted',
			label: 'Recovery reverted',
			description:
				'The attributed order was cancelled, failed or fully refunded; the attribution was undone.',
		},
		{
			name: 'REVENUE_ADJUSTED',
			value: 'revenue_adjusted',
			label: 'Revenue adjusted',
			description: 'A partial refund lowered the attributed revenue.',
		},
		{
			name: 'SUPERSEDED',
			value: 'superseded',
			label: 'Superseded',
			description:
				'A newer session of the same email took over the unsent recovery steps.',
		},
		{
			name: 'UNSUBSCRIBED',
			value: 'unsubscribed',
			label: 'Unsubscribed',
			description: 'The shopper unsubscribed.',
		},
		{
			name: 'EXPIRED',
			value: 'expired',
			label: 'Expired',
			description:
				'An agent expired the session (session action expire_session): its queued emails are canceled.',
		},
		{
			name: 'AGENT_ACTION',
			value: 'agent_action',
			label: 'Agent action',
			description:
				'An agent ran a session action on the session (the action name and principal are in the data).',
		},
		{
			name: 'CORE_RECOVERY_EMAIL_SUPPRESSED',
			value: 'core_recovery_email_suppressed',
			label: 'WooCommerce recovery email held back',
			description:
				"WooCommerce's own abandoned-cart recovery email (WooCommerce 11.0) was held back for an order of this shopper: CartBay handles the recovery.",
		},
	],
} as const satisfies ConstantGroupDef;

export type SessionEvent =
	( typeof sessionEvents.constants )[ number ][ 'value' ];
