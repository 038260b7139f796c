<?php
/**
 * Placeholders: Placeholders the recovery emails resolve.
 *
 * Generated from plugin/schema/placeholders.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Placeholders the recovery emails resolve.
 */
final class Placeholders {

	/**
	 * Store/site title.
	 */
	public const SITE_TITLE = '{site_title}';

	/**
	 * Store/site title alias.
	 */
	public const SITE_NAME = '{site_name}';

	/**
	 * Store/site title alias.
	 */
	public const STORE_NAME = '{store_name}';

	/**
	 * Captured customer email address.
	 */
	public const CUSTOMER_EMAIL = '{customer_email}';

	/**
	 * Secure cart restore link.
	 */
	public const RESTORE_URL = '{restore_url}';

	/**
	 * Coupon code, on coupon-enabled steps only.
	 */
	public const COUPON_CODE = '{coupon_code}';

	/**
	 * Coupon expiry date, on coupon-enabled steps only.
	 */
	public const COUPON_EXPIRY = '{coupon_expiry}';

	/**
	 * One-click unsubscribe link.
	 */
	public const UNSUBSCRIBE_URL = '{unsubscribe_url}';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::SITE_TITLE,
			self::SITE_NAME,
			self::STORE_NAME,
			self::CUSTOMER_EMAIL,
			self::RESTORE_URL,
			self::COUPON_CODE,
			self::COUPON_EXPIRY,
			self::UNSUBSCRIBE_URL,
		);
	}
}
