<?php
/**
 * CaptureSchema: limits and names of the public checkout capture.
 *
 * Generated from plugin/schema/capture.ts by codegen/emitters/capture.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Checkout capture limits and names shared with the checkout scripts.
 */
final class CaptureSchema {

	/**
	 * Capture requests allowed per window per IP (filter cartbay_rate_limit).
	 */
	public const RATE_LIMIT_REQUESTS = 10;

	/**
	 * Rate-limit window in seconds.
	 */
	public const RATE_LIMIT_WINDOW = 600;

	/**
	 * Largest capture request body, in bytes.
	 */
	public const MAX_BODY_BYTES = 16384;

	/**
	 * Most lines a client cart may carry.
	 */
	public const MAX_CART_ITEMS = 50;

	/**
	 * Largest quantity of one cart line.
	 */
	public const MAX_QUANTITY = 9999;

	/**
	 * Longest email accepted (RFC 5321 path limit).
	 */
	public const MAX_EMAIL_LENGTH = 254;

	/**
	 * Length of a CartBay session id ([A-Za-z0-9]).
	 */
	public const SESSION_ID_LENGTH = 32;

	/**
	 * Most events kept in a session's event log.
	 */
	public const MAX_EVENTS = 50;

	/**
	 * Age after which a per-email capture lock is taken over.
	 */
	public const EMAIL_LOCK_STALE_SECONDS = 30;

	/**
	 * Block Checkout additional field id of the consent checkbox.
	 */
	public const CONSENT_FIELD_ID = 'cartbay/marketing-consent';

	/**
	 * Block Checkout location of the consent field.
	 */
	public const CONSENT_FIELD_LOCATION = 'contact';

	/**
	 * Global the checkout scripts read their configuration from.
	 */
	public const CONFIG_GLOBAL = 'cartbayCheckout';

	/**
	 * Script handle (and build name) of the classic checkout capture script.
	 */
	public const CLASSIC_HANDLE = 'cartbay-checkout-classic';

	/**
	 * Script handle (and build name) of the Block Checkout capture script.
	 */
	public const BLOCK_HANDLE = 'cartbay-checkout-block';
}
