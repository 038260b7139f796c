<?php
/**
 * Moments in reports: ISO 8601, UTC.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Every moment a report shows (rows, details, CSV cells) is written the same way: ISO 8601 in UTC
 * (`2025-01-31T09:30:00+00:00`), or null when it never happened. The admin screens show them in the site's
 * time zone; the period itself is counted in site days by ReportPeriod.
 */
final class IsoTime {

	/**
	 * A stored moment (Unix time as int or numeric string, or a WooCommerce date) as ISO 8601 UTC.
	 *
	 * @param mixed $value Unix time, numeric string, \WC_DateTime, or anything else (null then).
	 * @return string|null Null for a missing, zero or unreadable value.
	 */
	public static function from( $value ): ?string {
		$timestamp = self::timestamp( $value );
		return $timestamp > 0 ? gmdate( 'c', $timestamp ) : null;
	}

	/**
	 * A stored moment as Unix time (0 when missing or unreadable).
	 *
	 * @param mixed $value Unix time, numeric string or \WC_DateTime.
	 * @return int
	 */
	public static function timestamp( $value ): int {
		if ( $value instanceof \DateTimeInterface ) {
			return $value->getTimestamp();
		}
		if ( is_int( $value ) || ( is_string( $value ) && ctype_digit( $value ) ) ) {
			return (int) $value;
		}
		return is_float( $value ) ? (int) $value : 0;
	}
}
