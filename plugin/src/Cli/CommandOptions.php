<?php
/**
 * The command-line options the `wp cartbay` commands share, checked the way the REST routes check them.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Analytics\ReportPeriod;
use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Reports\SessionFilter;
use WPAnchorBay\CartBay\Reports\SessionSort;

defined( 'ABSPATH' ) || exit;

/**
 * `--days`, `--status`, `--search` and positive counts. A value the command cannot use stops it with
 * WP_CLI::error() naming the accepted values (the REST routes answer 400 for the same values); nothing is
 * silently replaced by a default.
 */
final class CommandOptions {

	/**
	 * The Sessions list filter of `--days`, `--status` and `--search`, newest created first (the list's and
	 * the exports' default order).
	 *
	 * @param array<string, mixed> $assoc_args Command options.
	 * @return SessionFilter
	 */
	public static function session_filter( array $assoc_args ): SessionFilter {
		return new SessionFilter(
			new ReportPeriod( self::days( $assoc_args ) ),
			self::status( $assoc_args ),
			self::search( $assoc_args ),
			new SessionSort( SessionSort::CREATED, true )
		);
	}

	/**
	 * `--days`: one of the report periods (default: the default period).
	 *
	 * @param array<string, mixed> $assoc_args Command options.
	 * @return int
	 */
	public static function days( array $assoc_args ): int {
		$supported = array( AnalyticsSchema::PERIOD_SHORT_DAYS, AnalyticsSchema::PERIOD_DEFAULT_DAYS, AnalyticsSchema::PERIOD_LONG_DAYS );
		if ( ! isset( $assoc_args['days'] ) ) {
			return AnalyticsSchema::PERIOD_DEFAULT_DAYS;
		}
		$days = (string) $assoc_args['days'];
		if ( 1 !== preg_match( '/^[0-9]+$/', $days ) || ! in_array( (int) $days, $supported, true ) ) {
			/* translators: %s: the accepted values, e.g. "7, 30, 90". */
			self::refuse( sprintf( __( '--days must be one of %s.', 'cartbay' ), implode( ', ', $supported ) ) );
		}
		return (int) $days;
	}

	/**
	 * `--status`: `all` (default) or a session status key.
	 *
	 * @param array<string, mixed> $assoc_args Command options.
	 * @return string
	 */
	public static function status( array $assoc_args ): string {
		$choices = array_merge( array( SessionFilter::ALL ), array_keys( OrderStatuses::by_key() ) );
		$status  = isset( $assoc_args['status'] ) ? (string) $assoc_args['status'] : SessionFilter::ALL;
		if ( ! in_array( $status, $choices, true ) ) {
			/* translators: %s: the accepted values, e.g. "all, captured, abandoned". */
			self::refuse( sprintf( __( '--status must be one of %s.', 'cartbay' ), implode( ', ', $choices ) ) );
		}
		return $status;
	}

	/**
	 * `--search`: trimmed text, at most AnalyticsSchema::MAX_SEARCH_LENGTH characters ('' for none).
	 *
	 * @param array<string, mixed> $assoc_args Command options.
	 * @return string
	 */
	public static function search( array $assoc_args ): string {
		$search = isset( $assoc_args['search'] ) && is_string( $assoc_args['search'] ) ? trim( $assoc_args['search'] ) : '';
		if ( mb_strlen( $search ) > AnalyticsSchema::MAX_SEARCH_LENGTH ) {
			/* translators: %d: the longest search accepted, in characters. */
			self::refuse( sprintf( __( '--search can be at most %d characters long.', 'cartbay' ), AnalyticsSchema::MAX_SEARCH_LENGTH ) );
		}
		return $search;
	}

	/**
	 * A whole number of at least 1 (`--limit`, `--batches`), or the default when the option is not given.
	 *
	 * @param array<string, mixed> $assoc_args Command options.
	 * @param string               $name       Option name.
	 * @param int                  $fallback   Value when the option is not given.
	 * @return int
	 */
	public static function positive_int( array $assoc_args, string $name, int $fallback ): int {
		if ( ! isset( $assoc_args[ $name ] ) ) {
			return $fallback;
		}
		$value = (string) $assoc_args[ $name ];
		if ( 1 !== preg_match( '/^[0-9]+$/', $value ) || (int) $value < 1 ) {
			/* translators: %s: option name, e.g. "--limit". */
			self::refuse( sprintf( __( '%s must be a whole number of at least 1.', 'cartbay' ), '--' . $name ) );
		}
		return (int) $value;
	}

	/**
	 * Stops the command with an error.
	 *
	 * @param string $message Translated message.
	 */
	private static function refuse( string $message ): void {
		\WP_CLI::error( $message );
	}
}
