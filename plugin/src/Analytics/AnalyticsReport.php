<?php
/**
 * The figures of one reporting period, computed from the ledger's day counters.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Generated\AnalyticsMetrics;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\NotificationStates;

defined( 'ABSPATH' ) || exit;

/**
 * Pure: every metric of plugin/schema/analytics.ts (AnalyticsMetrics) as a sum or ratio of the
 * SessionContribution counters of the period's days. Counts are integers, money is a float rounded to the
 * store's price decimals, rates are percentages rounded to one decimal (0 when the denominator is 0), the
 * best step is a step number or null.
 */
final class AnalyticsReport {

	/**
	 * Notification states that still expect work: the pending queue.
	 */
	private const PENDING_STATES = array( NotificationStates::QUEUED, NotificationStates::ATTEMPTED, NotificationStates::RETRY_QUEUED );

	/**
	 * The answer of GET /analytics for one period.
	 *
	 * @param ReportPeriod                      $period       Period.
	 * @param array<string, array<string, int>> $day_totals   Live + retired counters by day (any days; the period's are used).
	 * @param array<string, int>                $live_totals  Live counters summed over every day (current figures).
	 * @param array<string, int>                $statuses     Current session counts by status key.
	 * @param int                               $generated_at When the figures were computed (Unix time).
	 * @return array<string, mixed>
	 */
	public static function build( ReportPeriod $period, array $day_totals, array $live_totals, array $statuses, int $generated_at ): array {
		$sum    = array();
		$series = array();
		foreach ( $period->day_keys() as $day ) {
			$counters = $day_totals[ $day ] ?? array();
			$sum      = SessionContribution::add( $sum, $counters );
			$series[] = array(
				'date'              => $day,
				'tracked'           => self::count( $counters, SessionContribution::TRACKED ),
				'abandoned'         => self::count( $counters, SessionContribution::ABANDONED ),
				'recovered'         => self::count( $counters, SessionContribution::RECOVERED ),
				'recovered_revenue' => self::money( $counters, SessionContribution::RECOVERED_REVENUE ),
			);
		}

		$steps = array();
		foreach ( EmailClasses::ids() as $step => $email_id ) {
			$steps[] = array(
				'step'       => $step,
				'email_id'   => $email_id,
				'sent'       => self::count( $sum, SessionContribution::step_key( $step, SessionContribution::STEP_SENT ) ),
				'clicks'     => self::count( $sum, SessionContribution::step_key( $step, SessionContribution::STEP_CLICKS ) ),
				'recoveries' => self::count( $sum, SessionContribution::step_key( $step, SessionContribution::STEP_RECOVERED ) ),
				'revenue'    => self::money( $sum, SessionContribution::step_key( $step, SessionContribution::STEP_REVENUE ) ),
			);
		}

		$notifications = array();
		foreach ( NotificationStates::all() as $state ) {
			$notifications[ $state ] = self::count( $sum, SessionContribution::state_key( $state ) );
		}

		$abandoned = self::count( $sum, SessionContribution::ABANDONED );
		$recovered = self::count( $sum, SessionContribution::RECOVERED );
		$restored  = self::count( $sum, SessionContribution::LINK_RESTORED );
		$clicks    = self::count( $sum, SessionContribution::RESTORE_CLICKS );
		$emails    = $notifications[ NotificationStates::SENT ] + $notifications[ NotificationStates::DELIVERED ];
		$attempted = self::count( $sum, SessionContribution::SENDS_ATTEMPTED );
		$pending   = 0;
		foreach ( self::PENDING_STATES as $state ) {
			$pending += self::count( $live_totals, SessionContribution::state_key( $state ) );
		}

		$metrics = array(
			AnalyticsMetrics::TRACKED_CARTS           => self::count( $sum, SessionContribution::TRACKED ),
			AnalyticsMetrics::ABANDONED_CARTS         => $abandoned,
			AnalyticsMetrics::RECOVERED_CARTS         => $recovered,
			AnalyticsMetrics::LINK_RESTORED_PURCHASES => $restored,
			AnalyticsMetrics::ABANDONED_VALUE         => self::money( $sum, SessionContribution::ABANDONED_VALUE ),
			AnalyticsMetrics::RECOVERED_REVENUE       => self::money( $sum, SessionContribution::RECOVERED_REVENUE ),
			AnalyticsMetrics::RECOVERY_RATE           => self::rate( $recovered, $abandoned ),
			AnalyticsMetrics::RESTORE_CLICKS          => $clicks,
			AnalyticsMetrics::CLICK_TO_RECOVERY_RATE  => self::rate( $restored, $clicks ),
			AnalyticsMetrics::FAILED_RESTORES         => self::count( $sum, SessionContribution::FAILED_RESTORES ),
			AnalyticsMetrics::INFLUENCED_ORDERS       => self::count( $sum, SessionContribution::INFLUENCED ),
			AnalyticsMetrics::INFLUENCED_REVENUE      => self::money( $sum, SessionContribution::INFLUENCED_REVENUE ),
			AnalyticsMetrics::EMAILS_SENT             => $emails,
			AnalyticsMetrics::EMAILS_FAILED           => $notifications[ NotificationStates::FAILED ],
			AnalyticsMetrics::ACCEPTANCE_RATE         => self::rate( $emails, $attempted ),
			AnalyticsMetrics::PENDING_QUEUE           => $pending,
			AnalyticsMetrics::BEST_STEP               => self::best_step( $steps ),
		);

		return array(
			'days'          => $period->days(),
			'from'          => $period->from(),
			'to'            => $period->to(),
			'metrics'       => $metrics,
			'steps'         => $steps,
			'notifications' => $notifications,
			'series'        => $series,
			'statuses'      => $statuses,
			'currency'      => get_woocommerce_currency(),
			'generated_at'  => gmdate( 'c', $generated_at ),
		);
	}

	/**
	 * The step whose recoveries brought the most revenue; ties go to more recoveries, then the earlier
	 * step; null when no step has a recovery.
	 *
	 * @param array<int, array<string, mixed>> $steps Per-step figures, step order.
	 * @return int|null
	 */
	private static function best_step( array $steps ): ?int {
		$best = null;
		foreach ( $steps as $step ) {
			if ( $step['recoveries'] <= 0 ) {
				continue;
			}
			if ( null === $best || $step['revenue'] > $best['revenue'] || ( $step['revenue'] === $best['revenue'] && $step['recoveries'] > $best['recoveries'] ) ) {
				$best = $step;
			}
		}
		return null === $best ? null : (int) $best['step'];
	}

	/**
	 * A counter's value (0 when absent).
	 *
	 * @param array<string, int> $counters Counters.
	 * @param string             $key      Counter.
	 * @return int
	 */
	private static function count( array $counters, string $key ): int {
		return (int) ( $counters[ $key ] ?? 0 );
	}

	/**
	 * A money counter in currency units, rounded to the store's price decimals.
	 *
	 * @param array<string, int> $counters Counters.
	 * @param string             $key      Counter.
	 * @return float
	 */
	private static function money( array $counters, string $key ): float {
		return round( self::count( $counters, $key ) / SessionContribution::MONEY_SCALE, wc_get_price_decimals() );
	}

	/**
	 * A ratio in percent, one decimal; 0 without a denominator.
	 *
	 * @param int $part  Numerator.
	 * @param int $whole Denominator.
	 * @return float
	 */
	private static function rate( int $part, int $whole ): float {
		return $whole > 0 ? round( 100 * $part / $whole, 1 ) : 0.0;
	}
}
