<?php
/**
 * RateLimitBuckets: Rate-limit buckets of the public entry points (filters cartbay_rate_limit and cartbay_rate_limit_window receive them).
 *
 * Generated from plugin/schema/notifications.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Rate-limit buckets of the public entry points (filters cartbay_rate_limit and cartbay_rate_limit_window receive them).
 */
final class RateLimitBuckets {

	/**
	 * The public capture route.
	 */
	public const CAPTURE = 'capture';

	/**
	 * Restore links that fail (unknown, expired or used token).
	 */
	public const RESTORE = 'restore';

	/**
	 * Unsubscribe links that fail.
	 */
	public const UNSUBSCRIBE = 'unsubscribe';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::CAPTURE,
			self::RESTORE,
			self::UNSUBSCRIBE,
		);
	}
}
