<?php
/**
 * PostTypes: Private post types CartBay registers.
 *
 * Generated from plugin/schema/storage.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Private post types CartBay registers.
 */
final class PostTypes {

	/**
	 * Suppression records: slug and title are the SHA-256 of the normalized email.
	 */
	public const SUPPRESSED = 'cartbay_suppressed';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::SUPPRESSED,
		);
	}
}
