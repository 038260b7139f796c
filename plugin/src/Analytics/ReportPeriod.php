<?php
/**
 * A reporting period: the last 7, 30 or 90 days of the site's calendar, today included.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Generated\AnalyticsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * The one definition of "in the period" every figure and list uses: a session belongs to the period when
 * it was created on one of its days, counted in the site's time zone. The cards, the ledger days and the
 * Sessions list filter all ask this class, so they can never disagree at a day boundary.
 */
final class ReportPeriod {

	/**
	 * Days in the period.
	 *
	 * @var int
	 */
	private $days;

	/**
	 * First day, midnight, site time zone.
	 *
	 * @var \DateTimeImmutable
	 */
	private $start;

	/**
	 * Constructor.
	 *
	 * @param int                     $days One of the supported periods (anything else becomes the default).
	 * @param \DateTimeImmutable|null $now  The moment "today" is taken from (default: now).
	 */
	public function __construct( int $days, ?\DateTimeImmutable $now = null ) {
		$this->days  = self::normalize_days( $days );
		$today       = ( $now ?? new \DateTimeImmutable( 'now' ) )->setTimezone( wp_timezone() )->setTime( 0, 0 );
		$this->start = $today->modify( sprintf( '-%d days', $this->days - 1 ) );
	}

	/**
	 * A supported period length, or the default one.
	 *
	 * @param mixed $days Requested days (any type: REST arguments arrive unvalidated here).
	 * @return int
	 */
	public static function normalize_days( $days ): int {
		$supported = array( AnalyticsSchema::PERIOD_SHORT_DAYS, AnalyticsSchema::PERIOD_DEFAULT_DAYS, AnalyticsSchema::PERIOD_LONG_DAYS );
		$days      = is_numeric( $days ) ? (int) $days : 0;
		return in_array( $days, $supported, true ) ? $days : AnalyticsSchema::PERIOD_DEFAULT_DAYS;
	}

	/**
	 * The ledger day (Y-m-d, site time zone) a moment falls on: a session's day is the day it was created.
	 *
	 * @param int $timestamp Unix time.
	 * @return string
	 */
	public static function day_of( int $timestamp ): string {
		return wp_date( 'Y-m-d', $timestamp );
	}

	/**
	 * Days in the period.
	 *
	 * @return int
	 */
	public function days(): int {
		return $this->days;
	}

	/**
	 * Unix time of the period's first moment (midnight of its first day, site time zone).
	 *
	 * @return int
	 */
	public function start_timestamp(): int {
		return $this->start->getTimestamp();
	}

	/**
	 * The period's days, oldest first (Y-m-d, site time zone).
	 *
	 * @return string[]
	 */
	public function day_keys(): array {
		$keys = array();
		for ( $i = 0; $i < $this->days; $i++ ) {
			$keys[] = $this->start->modify( sprintf( '+%d days', $i ) )->format( 'Y-m-d' );
		}
		return $keys;
	}

	/**
	 * First day (Y-m-d).
	 *
	 * @return string
	 */
	public function from(): string {
		return $this->start->format( 'Y-m-d' );
	}

	/**
	 * Last day: today (Y-m-d).
	 *
	 * @return string
	 */
	public function to(): string {
		return $this->start->modify( sprintf( '+%d days', $this->days - 1 ) )->format( 'Y-m-d' );
	}

	/**
	 * The `date_created` argument of `wc_get_orders()` that selects the period's sessions.
	 *
	 * @return string
	 */
	public function date_created_query(): string {
		return '>=' . $this->start_timestamp();
	}
}
