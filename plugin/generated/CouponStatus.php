<?php
/**
 * CouponStatus: Status of a CartBay-generated coupon in Offers > Coupon History (GET /coupons).
 *
 * Generated from plugin/schema/coupons.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Status of a CartBay-generated coupon in Offers > Coupon History (GET /coupons).
 */
final class CouponStatus {

	/**
	 * Not used yet and not expired.
	 */
	public const ACTIVE = 'active';

	/**
	 * Used on an order at least once.
	 */
	public const USED = 'used';

	/**
	 * Not used and past its expiry.
	 */
	public const EXPIRED = 'expired';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::ACTIVE,
			self::USED,
			self::EXPIRED,
		);
	}
}
