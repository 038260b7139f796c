<?php
/**
 * WcSessionKeys: Keys CartBay stores in the WooCommerce session of a shopper.
 *
 * Generated from plugin/schema/capture.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Keys CartBay stores in the WooCommerce session of a shopper.
 */
final class WcSessionKeys {

	/**
	 * CartBay session of this browser, set by capture; copied onto the order at checkout.
	 */
	public const SESSION_ID = 'cartbay_session_id';

	/**
	 * Order id of that session, so updates load it without a meta query.
	 */
	public const SESSION_ORDER_ID = 'cartbay_session_order_id';

	/**
	 * Session a restore link rebuilt this cart from (attribution).
	 */
	public const RESTORED_SESSION_ID = 'cartbay_restored_session_id';

	/**
	 * Hash of the restore token that rebuilt this cart (attribution; never the token).
	 */
	public const RESTORE_TOKEN_HASH = 'cartbay_restore_token_hash';

	/**
	 * Captured email of the restored session: prefills checkout and checks its coupon.
	 */
	public const RESTORED_EMAIL = 'cartbay_restored_email';

	/**
	 * Email this browser last sent to capture: prefills classic checkout (what the shopper typed, whatever was stored).
	 */
	public const CAPTURED_EMAIL = 'cartbay_captured_email';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::SESSION_ID,
			self::SESSION_ORDER_ID,
			self::RESTORED_SESSION_ID,
			self::RESTORE_TOKEN_HASH,
			self::RESTORED_EMAIL,
			self::CAPTURED_EMAIL,
		);
	}
}
