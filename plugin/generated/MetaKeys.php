<?php
/**
 * MetaKeys: Meta keys CartBay stores on session orders, generated coupons and attributed orders.
 *
 * Generated from plugin/schema/meta.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Meta keys CartBay stores on session orders, generated coupons and attributed orders.
 */
final class MetaKeys {

	/**
	 * Unguessable CartBay session identity (also on generated coupons and attributed orders).
	 */
	public const SESSION_ID = '_cartbay_session_id';

	/**
	 * SHA-256 of the normalized email, for grouping and fallback attribution.
	 */
	public const EMAIL_HASH = '_cartbay_email_hash';

	/**
	 * Captured email (PII: handle with care); also on generated coupons.
	 */
	public const EMAIL = '_cartbay_email';

	/**
	 * Consent state at capture.
	 */
	public const CONSENT = '_cartbay_consent';

	/**
	 * Consent wording the shopper saw.
	 */
	public const CONSENT_TEXT = '_cartbay_consent_text';

	/**
	 * When consent was given (Unix time).
	 */
	public const CONSENT_AT = '_cartbay_consent_at';

	/**
	 * Checkout type: classic or block.
	 */
	public const SOURCE = '_cartbay_source';

	/**
	 * Hash of the exact cart contents.
	 */
	public const CART_HASH = '_cartbay_cart_hash';

	/**
	 * Quantity-insensitive cart identity used for dedupe.
	 */
	public const CART_FINGERPRINT = '_cartbay_cart_fingerprint';

	/**
	 * Cart total at the last capture.
	 */
	public const CART_TOTAL = '_cartbay_cart_total';

	/**
	 * Cart currency.
	 */
	public const CURRENCY = '_cartbay_currency';

	/**
	 * Number of items in the cart.
	 */
	public const CART_ITEM_COUNT = '_cartbay_cart_item_count';

	/**
	 * Restore-ready cart snapshot.
	 */
	public const CART_SNAPSHOT = '_cartbay_cart_snapshot';

	/**
	 * First capture (Unix time).
	 */
	public const CAPTURED_AT = '_cartbay_captured_at';

	/**
	 * Latest captured activity (Unix time).
	 */
	public const LAST_ACTIVITY_AT = '_cartbay_last_activity_at';

	/**
	 * When the session became abandoned (Unix time).
	 */
	public const ABANDONED_AT = '_cartbay_abandoned_at';

	/**
	 * When a paid order was attributed (Unix time).
	 */
	public const RECOVERED_AT = '_cartbay_recovered_at';

	/**
	 * The attributed WooCommerce order.
	 */
	public const RECOVERED_ORDER_ID = '_cartbay_recovered_order_id';

	/**
	 * Total of the attributed order.
	 */
	public const RECOVERED_REVENUE = '_cartbay_recovered_revenue';

	/**
	 * Which signal matched the order: session_id, restore_token, coupon or email_hash.
	 */
	public const RECOVERY_METHOD = '_cartbay_recovery_method';

	/**
	 * How the paid order counts: recovered (session id, restore token, coupon) or influenced (billing email only).
	 */
	public const ATTRIBUTION = '_cartbay_attribution';

	/**
	 * Paid total (less refunds) of an influenced order: kept apart from recovered revenue.
	 */
	public const INFLUENCED_REVENUE = '_cartbay_influenced_revenue';

	/**
	 * When the attributed order was cancelled, failed or fully refunded and the attribution undone (Unix time).
	 */
	public const REVERTED_AT = '_cartbay_reverted_at';

	/**
	 * Session id of the newer session of the same email that took over the unsent steps.
	 */
	public const SUPERSEDED_BY = '_cartbay_superseded_by';

	/**
	 * Structured session event log.
	 */
	public const EVENTS = '_cartbay_events';

	/**
	 * Notification lifecycle records.
	 */
	public const NOTIFICATIONS = '_cartbay_notifications';

	/**
	 * Notification id: one meta row per queued notification, so a notification finds its session by an indexed meta lookup.
	 */
	public const NOTIFICATION_ID = '_cartbay_notification_id';

	/**
	 * Restore token hash: one meta row per issued token, so a link finds its session by an indexed meta lookup.
	 */
	public const TOKEN_HASH = '_cartbay_token_hash';

	/**
	 * Every issued restore token hash with its expiry and the notification that carried it.
	 */
	public const TOKEN_HASHES = '_cartbay_token_hashes';

	/**
	 * Expiry of the latest restore token (Unix time).
	 */
	public const TOKEN_EXPIRES_AT = '_cartbay_token_expires_at';

	/**
	 * Unsubscribe token hash: one meta row per issued token (every email's link keeps working).
	 */
	public const UNSUB_TOKEN_HASH = '_cartbay_unsub_token_hash';

	/**
	 * Generated recovery coupon code.
	 */
	public const COUPON_CODE = '_cartbay_coupon_code';

	/**
	 * Generated coupon expiry (Unix time).
	 */
	public const COUPON_EXPIRES_AT = '_cartbay_coupon_expires_at';

	/**
	 * Order id of a purchase made before the session was abandoned.
	 */
	public const COMPLETED_BEFORE_ABANDONMENT = '_cartbay_completed_before_abandonment';

	/**
	 * Recovery emails of the session sent or delivered: kept with the notifications so the Sessions list can sort by it.
	 */
	public const EMAILS_SENT = '_cartbay_emails_sent';

	/**
	 * What the session adds to the analytics ledger now: its capture day and counters (no PII), applied once; a change applies only the difference.
	 */
	public const ANALYTICS_CONTRIBUTION = '_cartbay_analytics_contribution';

	/**
	 * Set when the session changed in a way its ledger contribution has not caught up with; the ledger apply job clears it.
	 */
	public const ANALYTICS_PENDING = '_cartbay_analytics_pending';

	/**
	 * On a coupon: marks it CartBay-generated.
	 */
	public const COUPON_GENERATED = '_cartbay_generated';

	/**
	 * On a coupon: the offer it came from.
	 */
	public const COUPON_OFFER_NOTE = '_cartbay_offer_note';

	/**
	 * On a coupon: the saved cart it was sent for ("product_id:variation_id" → quantity); it discounts no other lines or larger quantities.
	 */
	public const COUPON_ITEMS = '_cartbay_coupon_items';

	/**
	 * On a real order: the session a restore link rebuilt its cart from.
	 */
	public const RESTORED_SESSION_ID = '_cartbay_restored_session_id';

	/**
	 * On a real order: hash of the restore token its cart came from (never the token).
	 */
	public const RESTORE_TOKEN_HASH = '_cartbay_restore_token_hash';

	/**
	 * On a real order: the session it was attributed to, so later hooks attribute it no more.
	 */
	public const ATTRIBUTED_SESSION_ID = '_cartbay_attributed_session_id';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::SESSION_ID,
			self::EMAIL_HASH,
			self::EMAIL,
			self::CONSENT,
			self::CONSENT_TEXT,
			self::CONSENT_AT,
			self::SOURCE,
			self::CART_HASH,
			self::CART_FINGERPRINT,
			self::CART_TOTAL,
			self::CURRENCY,
			self::CART_ITEM_COUNT,
			self::CART_SNAPSHOT,
			self::CAPTURED_AT,
			self::LAST_ACTIVITY_AT,
			self::ABANDONED_AT,
			self::RECOVERED_AT,
			self::RECOVERED_ORDER_ID,
			self::RECOVERED_REVENUE,
			self::RECOVERY_METHOD,
			self::ATTRIBUTION,
			self::INFLUENCED_REVENUE,
			self::REVERTED_AT,
			self::SUPERSEDED_BY,
			self::EVENTS,
			self::NOTIFICATIONS,
			self::NOTIFICATION_ID,
			self::TOKEN_HASH,
			self::TOKEN_HASHES,
			self::TOKEN_EXPIRES_AT,
			self::UNSUB_TOKEN_HASH,
			self::COUPON_CODE,
			self::COUPON_EXPIRES_AT,
			self::COMPLETED_BEFORE_ABANDONMENT,
			self::EMAILS_SENT,
			self::ANALYTICS_CONTRIBUTION,
			self::ANALYTICS_PENDING,
			self::COUPON_GENERATED,
			self::COUPON_OFFER_NOTE,
			self::COUPON_ITEMS,
			self::RESTORED_SESSION_ID,
			self::RESTORE_TOKEN_HASH,
			self::ATTRIBUTED_SESSION_ID,
		);
	}
}
