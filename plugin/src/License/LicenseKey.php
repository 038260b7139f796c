<?php
/**
 * The WPAnchorBay license key: its format and how it is shown.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\LicenseSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Checks the key format before anything is sent, masks the key for every answer and redacts it from any text
 * that could reach a log. The full key is kept only in the `cartbay_license_data` option.
 */
final class LicenseKey {

	/**
	 * What an administrator typed, trimmed and upper-cased; '' for anything that is not a string.
	 *
	 * @param mixed $raw Input.
	 * @return string
	 */
	public static function normalize( $raw ): string {
		return is_string( $raw ) ? strtoupper( trim( $raw ) ) : '';
	}

	/**
	 * Whether a (normalized) key has the WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX format.
	 *
	 * @param string $key Key.
	 * @return bool
	 */
	public static function is_well_formed( string $key ): bool {
		return LicenseSchema::KEY_LENGTH === strlen( $key ) && 1 === preg_match( '/' . LicenseSchema::KEY_PATTERN . '/D', $key );
	}

	/**
	 * The key as answers show it: the prefix, the dashes and the last characters; every other character masked
	 * (`WPAB-************-********A4C1`). A short or foreign value is masked whole but for its dashes.
	 *
	 * @param string $key Key.
	 * @return string
	 */
	public static function mask( string $key ): string {
		$length = strlen( $key );
		$head   = 0 === strpos( $key, LicenseSchema::KEY_PREFIX . '-' ) ? strlen( LicenseSchema::KEY_PREFIX ) + 1 : 0;
		$tail   = $length > 2 * LicenseSchema::KEY_VISIBLE_TAIL + $head ? LicenseSchema::KEY_VISIBLE_TAIL : 0;
		$masked = '';
		for ( $i = 0; $i < $length; $i++ ) {
			$char    = $key[ $i ];
			$masked .= ( $i < $head || $i >= $length - $tail || '-' === $char ) ? $char : LicenseSchema::KEY_MASK_CHARACTER;
		}
		return $masked;
	}

	/**
	 * A text with every occurrence of the key (plain or URL-encoded) replaced by the masked key.
	 *
	 * @param string $text Text (an error message, a URL).
	 * @param string $key  Key.
	 * @return string
	 */
	public static function redact( string $text, string $key ): string {
		if ( '' === $key ) {
			return $text;
		}
		$masked = self::mask( $key );
		return str_ireplace( array_unique( array( $key, rawurlencode( $key ) ) ), $masked, $text );
	}
}
