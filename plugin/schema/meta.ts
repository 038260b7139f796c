import type { ConstantGroupDef } from './types';

/** `_cartbay_*` order meta of a recovery session, plus the meta CartBay puts on coupons and orders. */
export const metaKeys = {
	className: 'MetaKeys',
	description:
		'Meta keys CartBay stores on session orders, generated coupons and attributed orders.',
	constants: [
		{
			name: 'SESSION_ID',
			value: '_cartbay_session_id',
			description:
				'Unguessable CartBay session identity (also on generated coupons and attributed orders).',
		},
		{
			name: 'EMAIL_HASH',
			value: '_cartbay_email_hash',
			description:
				'SHA-256 of the normalized email, for grouping and fallback attribution.',
		},
		{
			name: 'EMAIL',
			value: '_cartbay_email',
			description:
				'Captured email (PII: handle with care); also on generated coupons.',
		},
		{
			name: 'CONSENT',
			value: '_cartbay_consent',
			description: 'Consent state at capture.',
		},
		{
			name: 'CONSENT_TEXT',
			value: '_cartbay_consent_text',
			description: 'Consent wording the shopper saw.',
		},
		{
			name: 'CONSENT_AT',
			value: '_cartbay_consent_at',
			description: 'When consent was given (Unix time).',
		},
		{
			name: 'SOURCE',
			value: '_cartbay_source',
			description: 'Checkout type: classic or block.',
		},
		{
			name: 'CART_HASH',
			value: '_cartbay_cart_hash',
			description: 'Hash of the exact cart contents.',
		},
		{
			name: 'CART_FINGERPRINT',
			value: '_cartbay_cart_fingerprint',
			description: 'Quantity-insensitive cart identity used for dedupe.',
		},
		{
			name: 'CART_TOTAL',
			value: '_cartbay_cart_total',
			description: 'Cart total at the last capture.',
		},
		{
			name: 'CURRENCY',
			value: '_cartbay_currency',
			description: 'Cart currency.',
		},
		{
			name: 'CART_ITEM_COUNT',
			value: '_cartbay_cart_item_count',
			description: 'Number of items in the cart.',
		},
		{
			name: 'CART_SNAPSHOT',
			value: '_cartbay_cart_snapshot',
			description: 'Restore-ready cart snapshot.',
		},
		{
			name: 'CAPTURED_AT',
			value: '_cartbay_captured_at',
			description: 'First capture (Unix time).',
		},
		{
			name: 'LAST_ACTIVITY_AT',
			value: '_cartbay_last_activity_at',
			description: 'Latest captured activity (Unix time).',
		},
		{
			name: 'ABANDONED_AT',
			value: '_cartbay_abandoned_at',
			description: 'When the session became abandoned (Unix time).',
		},
		{
			name: 'RECOVERED_AT',
			value: '_cartbay_recovered_at',
			description: 'When a paid order was attributed (Unix time).',
		},
		{
			name: 'RECOVERED_ORDER_ID',
			value: '_cartbay_recovered_order_id',
			description: 'The attributed WooCommerce order.',
		},
		{
			name: 'RECOVERED_REVENUE',
			value: '_cartbay_recovered_revenue',
			description: 'Total of the attributed order.',
		},
		{
			name: 'RECOVERY_METHOD',
			value: '_cartbay_recovery_method',
			description:
				'Which signal matched the order: session_id, restore_token, coupon or email_hash.',
		},
		{
			name: 'ATTRIBUTION',
			value: '_cartbay_attribution',
			description:
				'How the paid order counts: recovered (session id, restore token, coupon) or influenced (billing email only).',
		},
		{
			name: 'INFLUENCED_REVENUE',
			value: '_cartbay_influenced_revenue',
			description:
				'Paid total (less refunds) of an influenced order: kept apart from recovered revenue.',
		},
		{
			name: 'REVERTED_AT',
			value: '_cartbay_reverted_at',
			description:
				'When the attributed order was cancelled, failed or fully refunded and the attribution undone (Unix time).',
		},
		{
			name: 'SUPERSEDED_BY',
			value: '_cartbay_superseded_by',
			description:
				'Session id of the newer session of the same email that took over the unsent steps.',
		},
		{
			name: 'EVENTS',
			value: '_cartbay_events',
			description: 'Structured session event log.',
		},
		{
			name: 'NOTIFICATIONS',
			value: '_cartbay_notifications',
			description: 'Notification lifecycle records.',
		},
		{
			name: 'NOTIFICATION_ID',
			value: '_cartbay_notification_id',
			description:
				'Notification id: one meta row per queued notification, so a notification finds its session by an indexed meta lookup.',
		},
		{
			name: 'TOKEN_HASH',
			value: '_cartbay_token_hash',
			description:
				'Restore token hash: one meta row per issued token, so a link finds its session by an indexed meta lookup.',
		},
		{
			name: 'TOKEN_HASHES',
			value: '_cartbay_token_hashes',
			description:
				'Every issued restore token hash with its expiry and the notification that carried it.',
		},
		{
			name: 'TOKEN_EXPIRES_AT',
			value: '_cartbay_token_expires_at',
			description: 'Expiry of the latest restore token (Unix time).',
		},
		{
			name: 'UNSUB_TOKEN_HASH',
			value: '_cartbay_unsub_token_hash',
			description:
				"Unsubscribe token hash: one meta row per issued token (every email's link keeps working).",
		},
		{
			name: 'COUPON_CODE',
			value: '_cartbay_coupon_code',
			description: 'Generated recovery coupon code.',
		},
		{
			name: 'COUPON_EXPIRES_AT',
			value: '_cartbay_coupon_expires_at',
			description: 'Generated coupon expiry (Unix time).',
		},
		{
			name: 'COMPLETED_BEFORE_ABANDONMENT',
			value: '_cartbay_completed_before_abandonment',
			description:
				'Order id of a purchase made before the session was abandoned.',
		},
		{
			name: 'EMAILS_SENT',
			value: '_cartbay_emails_sent',
			description:
				'Recovery emails of the session sent or delivered: kept with the notifications so the Sessions list can sort by it.',
		},
		{
			name: 'ANALYTICS_CONTRIBUTION',
			value: '_cartbay_analytics_contribution',
			description:
				'What the session adds to the analytics ledger now: its capture day and counters (no PII), applied once; a change applies only the difference.',
		},
		{
			name: 'ANALYTICS_PENDING',
			value: '_cartbay_analytics_pending',
			description:
				'Set when the session changed in a way its ledger contribution has not caught up with; the ledger apply job clears it.',
		},
		{
			name: 'COUPON_GENERATED',
			value: '_cartbay_generated',
			description: 'On a coupon: marks it CartBay-generated.',
		},
		{
			name: 'COUPON_OFFER_NOTE',
			value: '_cartbay_offer_note',
			description: 'On a coupon: the offer it came from.',
		},
		{
			name: 'COUPON_ITEMS',
			value: '_cartbay_coupon_items',
			description:
				'On a coupon: the saved cart it was sent for ("product_id:variation_id" → quantity); it discounts no other lines or larger quantities.',
		},
		{
			name: 'RESTORED_SESSION_ID',
			value: '_cartbay_restored_session_id',
			description:
				'On a real order: the session a restore link rebuilt its cart from.',
		},
		{
			name: 'RESTORE_TOKEN_HASH',
			value: '_cartbay_restore_token_hash',
			description:
				'On a real order: hash of the restore token its cart came from (never the token).',
		},
		{
			name: 'ATTRIBUTED_SESSION_ID',
			value: '_cartbay_attributed_session_id',
			description:
				'On a real order: the session it was attributed to, so later hooks attribute it no more.',
		},
	],
} as const satisfies ConstantGroupDef;

export type MetaKey = ( typeof metaKeys.constants )[ number ][ 'value' ];
