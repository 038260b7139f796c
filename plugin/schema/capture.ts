import type { ConstantGroupDef } from './types';

/**
 * Checkout capture: the contract between the checkout scripts and the public capture route.
 */

/** What the browser keeps between page loads of one browser session. */
export const captureClient = {
	/** sessionStorage key holding the CartBay session id the server returned. */
	sessionStorageKey: 'cartbay_session_id',
	/** Quiet time after the last change before one capture request is sent. */
	debounceMs: 1200,
	/** Global the inline configuration is assigned to on checkout pages. */
	configGlobal: 'cartbayCheckout',
	/** Script handles (and build entry names). */
	classicHandle: 'cartbay-checkout-classic',
	blockHandle: 'cartbay-checkout-block',
	/** Id of the consent checkbox the classic checkout script inserts (E2E tests find it by this). */
	classicCheckboxId: 'cartbay-consent',
} as const;

/** The Block Checkout additional field (contact location). */
export const blockConsentField = {
	id: 'cartbay/marketing-consent',
	location: 'contact',
} as const;

/** Limits the capture route enforces before any capture work. */
export const captureLimits = {
	/** Requests per window per endpoint and IP (filter `cartbay_rate_limit` can change it). */
	rateLimitRequests: 10,
	rateLimitWindowSeconds: 600,
	/** Largest request body accepted, in bytes. */
	maxBodyBytes: 16384,
	/** Most cart lines a client cart may carry. */
	maxCartItems: 50,
	/** Largest quantity of one cart line. */
	maxQuantity: 9999,
	/** Longest email accepted (RFC 5321 path limit). */
	maxEmailLength: 254,
	/** Session ids are 32 characters of [A-Za-z0-9]. */
	sessionIdPattern: '^[A-Za-z0-9]{32}$',
	sessionIdLength: 32,
	/** Most events kept in a session's event log (oldest `updated` events are dropped first). */
	maxEvents: 50,
	/**
	 * Age after which the per-email lock around "count this email's live sessions, then create one" is
	 * taken over (a request that died holding it must not block that email for long).
	 */
	emailLockStaleSeconds: 30,
} as const;

/** Keys CartBay keeps in the shopper's WooCommerce session. */
export const wcSessionKeys = {
	className: 'WcSessionKeys',
	description: 'Keys CartBay stores in the WooCommerce session of a shopper.',
	constants: [
		{
			name: 'SESSION_ID',
			value: 'cartbay_session_id',
			description:
				'CartBay session of this browser, set by capture; copied onto the order at checkout.',
		},
		{
			name: 'SESSION_ORDER_ID',
			value: 'cartbay_session_order_id',
			description:
				'Order id of that session, so updates load it without a meta query.',
		},
		{
			name: 'RESTORED_SESSION_ID',
			value: 'cartbay_restored_session_id',
			description:
				'Session a restore link rebuilt this cart from (attribution).',
		},
		{
			name: 'RESTORE_TOKEN_HASH',
			value: 'cartbay_restore_token_hash',
			description:
				'Hash of the restore token that rebuilt this cart (attribution; never the token).',
		},
		{
			name: 'RESTORED_EMAIL',
			value: 'cartbay_restored_email',
			description:
				'Captured email of the restored session: prefills checkout and checks its coupon.',
		},
		{
			name: 'CAPTURED_EMAIL',
			value: 'cartbay_captured_email',
			description:
				'Email this browser last sent to capture: prefills classic checkout (what the shopper typed, whatever was stored).',
		},
	],
} as const satisfies ConstantGroupDef;
