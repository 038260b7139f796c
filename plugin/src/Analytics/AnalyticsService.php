<?php
/**
 * The analytics ledger kept up to date, and the cached report every admin view reads.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * - apply_pending() (`cartbay_apply_analytics`, queued by ContributionTracker after a key event): under the
 *   ledger lock, loads the sessions flagged `_cartbay_analytics_pending`, LEDGER_BATCH at a time, applies
 *   each one's change (current contribution − stored contribution) to the live layer, stores the current
 *   contribution and clears the flag (meta-only save), then writes the batch's months. Applying a state
 *   twice changes nothing. Bounded by REBUILD_REQUEST_SECONDS; the rest goes to a continuation.
 * - forget() (`cartbay_forget_analytics`): a deleted or trashed session's stored contribution leaves the
 *   live layer.
 * - refresh_cache() (`cartbay_refresh_analytics`, hourly): applies what is pending (new captures wait for
 *   it), then recomputes the cached report of all three periods.
 * - report(): what GET /analytics answers. A fresh cache (younger than CACHE_SECONDS, computed today, not
 *   invalidated) is returned as it is: a page view never recomputes it. A missing one is computed from the
 *   ledger (a few option reads and five counts) and stored.
 */
final class AnalyticsService {

	/**
	 * Seconds before a job that found the ledger locked tries again.
	 */
	private const RETRY_SECONDS = 30;

	/**
	 * The ledger rebuild.
	 *
	 * @var LedgerRebuild
	 */
	private $rebuild;

	/**
	 * Constructor.
	 *
	 * @param LedgerRebuild $rebuild The ledger rebuild.
	 */
	public function __construct( LedgerRebuild $rebuild ) {
		$this->rebuild = $rebuild;
	}

	/**
	 * Handler of `cartbay_refresh_analytics` (hourly): catches the ledger up, then recomputes and caches
	 * the report. A store whose sessions no rebuild derived as this version does (CartBay updated from a
	 * version without the ledger, or with an older LEDGER_DERIVATION_VERSION) starts a rebuild first; a rebuild
	 * whose runs stopped is resumed.
	 *
	 * @return array{generated_at: int, reports: array<int, array<string, mixed>>}
	 */
	public function refresh_cache(): array {
		if ( $this->rebuild->is_outdated() ) {
			$this->rebuild->start();
		}
		$this->rebuild->resume_if_stalled();
		$this->apply();
		return $this->store();
	}

	/**
	 * Handler of `cartbay_apply_analytics`: applies the flagged sessions, then refreshes the cached report.
	 */
	public function apply_pending(): void {
		if ( $this->apply() ) {
			$this->store();
		}
	}

	/**
	 * Handler of `cartbay_forget_analytics`: takes a deleted (or trashed) session's stored contribution
	 * out of the live layer.
	 *
	 * @param int    $order_id Order id of the session.
	 * @param string $day      Its ledger day.
	 * @param string $counters Its counters, JSON-encoded.
	 */
	public function forget( int $order_id, string $day, string $counters ): void {
		$contribution = SessionContribution::normalize(
			array(
				'day'      => $day,
				'counters' => json_decode( $counters, true ),
			)
		);
		if ( null === $contribution ) {
			return;
		}
		if ( ! AnalyticsLedger::lock() ) {
			as_schedule_single_action( time() + self::RETRY_SECONDS, ScheduledJobs::FORGET_ANALYTICS, array( $order_id, $day, $counters ), ScheduledJobs::GROUP );
			return;
		}
		try {
			$delta = new LedgerDelta( AnalyticsLedger::rebuild_cursor() );
			$delta->live( $order_id, $contribution['day'], $contribution['counters'], -1 );
			AnalyticsLedger::commit( $delta );
		} finally {
			AnalyticsLedger::unlock();
		}
		$this->store();
	}

	/**
	 * The report of a period for GET /analytics: from a fresh cache, else computed and cached.
	 *
	 * @param mixed $days Requested days (normalized: anything unsupported is the default period).
	 * @return array<string, mixed>
	 */
	public function report( $days ): array {
		$days  = ReportPeriod::normalize_days( $days );
		$cache = get_transient( Transients::ANALYTICS_CACHE );
		if ( $this->is_fresh( $cache ) && isset( $cache['reports'][ $days ] ) ) {
			return $cache['reports'][ $days ];
		}
		return $this->store()['reports'][ $days ];
	}

	/**
	 * Computes the three periods' reports from the ledger.
	 *
	 * @return array{generated_at: int, reports: array<int, array<string, mixed>>}
	 */
	public function compute(): array {
		$now     = time();
		$moment  = ( new \DateTimeImmutable( '@' . $now ) )->setTimezone( wp_timezone() );
		$periods = array();
		$days    = array();
		foreach ( array( AnalyticsSchema::PERIOD_SHORT_DAYS, AnalyticsSchema::PERIOD_DEFAULT_DAYS, AnalyticsSchema::PERIOD_LONG_DAYS ) as $length ) {
			$periods[ $length ] = new ReportPeriod( $length, $moment );
			$days               = array_merge( $days, $periods[ $length ]->day_keys() );
		}
		$totals   = AnalyticsLedger::day_totals( array_values( array_unique( $days ) ) );
		$live     = AnalyticsLedger::live_totals();
		$statuses = $this->status_counts();
		$reports  = array();
		foreach ( $periods as $length => $period ) {
			$reports[ $length ] = AnalyticsReport::build( $period, $totals, $live, $statuses, $now );
		}
		return array(
			'generated_at' => $now,
			'reports'      => $reports,
		);
	}

	/**
	 * Computes the reports and caches them.
	 *
	 * @return array{generated_at: int, reports: array<int, array<string, mixed>>}
	 */
	private function store(): array {
		$cache = $this->compute();
		set_transient( Transients::ANALYTICS_CACHE, $cache, AnalyticsSchema::CACHE_SECONDS );
		return $cache;
	}

	/**
	 * Whether a cached value is fresh: younger than CACHE_SECONDS and computed on today's date (so the
	 * periods still end today).
	 *
	 * @param mixed $cache Cached value.
	 * @return bool
	 * @phpstan-assert-if-true array $cache
	 */
	private function is_fresh( $cache ): bool {
		if ( ! is_array( $cache ) || ! isset( $cache['generated_at'], $cache['reports'] ) || ! is_array( $cache['reports'] ) ) {
			return false;
		}
		$age = time() - (int) $cache['generated_at'];
		return $age >= 0 && $age < AnalyticsSchema::CACHE_SECONDS
			&& ReportPeriod::day_of( (int) $cache['generated_at'] ) === ReportPeriod::day_of( time() );
	}

	/**
	 * Applies the flagged sessions under the ledger lock. Busy lock: tries again shortly.
	 *
	 * @return bool Whether it ran (false: the ledger was locked).
	 */
	private function apply(): bool {
		if ( ! AnalyticsLedger::lock() ) {
			as_schedule_single_action( time() + self::RETRY_SECONDS, ScheduledJobs::APPLY_ANALYTICS, array(), ScheduledJobs::GROUP );
			return false;
		}
		$more = false;
		try {
			$deadline = microtime( true ) + AnalyticsSchema::REBUILD_REQUEST_SECONDS;
			$seen     = array();
			do {
				$batch = $this->pending( array_keys( $seen ) );
				$delta = new LedgerDelta( AnalyticsLedger::rebuild_cursor() );
				foreach ( $batch as $order ) {
					$seen[ $order->get_id() ] = true;
					if ( ! $this->settle( $order, $delta ) ) {
						continue;
					}
					// A new abandonment may have superseded other sessions of its email (their unsent steps
					// canceled by a meta-only save this hook does not see): they are looked at too.
					foreach ( $this->siblings( $order, array_keys( $seen ) ) as $sibling ) {
						$seen[ $sibling->get_id() ] = true;
						$this->settle( $sibling, $delta );
					}
				}
				AnalyticsLedger::commit( $delta );
				// The batch's orders are done with: keep a long run's memory flat.
				if ( wp_cache_supports( 'flush_runtime' ) ) {
					wp_cache_flush_runtime();
				}
				$more = array() !== $batch && microtime( true ) >= $deadline;
			} while ( array() !== $batch && ! $more );
		} finally {
			AnalyticsLedger::unlock();
		}
		if ( $more ) {
			// Inside the running apply job a unique action would be refused: a plain one continues.
			as_schedule_single_action( time(), ScheduledJobs::APPLY_ANALYTICS, array(), ScheduledJobs::GROUP );
		}
		return true;
	}

	/**
	 * Brings one session's ledger contribution up to date: the change goes into the delta, the current
	 * contribution is stored and the pending flag cleared (meta only; the ledger months are written after
	 * the batch, so a crash in between can lose a change but never count one twice).
	 *
	 * @param \WC_Order   $order Session.
	 * @param LedgerDelta $delta Changes of the batch.
	 * @return bool Whether the session became abandoned with this change.
	 */
	private function settle( \WC_Order $order, LedgerDelta $delta ): bool {
		$stored  = SessionContribution::stored( $order );
		$current = SessionContribution::of( $order );
		if ( ! SessionContribution::same( $stored, $current ) ) {
			if ( null !== $stored ) {
				$delta->live( $order->get_id(), $stored['day'], $stored['counters'], -1 );
			}
			$delta->live( $order->get_id(), $current['day'], $current['counters'], 1 );
			$order->update_meta_data( MetaKeys::ANALYTICS_CONTRIBUTION, $current );
		}
		$order->delete_meta_data( MetaKeys::ANALYTICS_PENDING );
		AnalyticsLedger::save_session_meta( $order );
		$was = null === $stored ? 0 : (int) ( $stored['counters'][ SessionContribution::ABANDONED ] ?? 0 );
		return 0 === $was && 1 === (int) ( $current['counters'][ SessionContribution::ABANDONED ] ?? 0 );
	}

	/**
	 * The next flagged sessions, lowest order id first.
	 *
	 * @param int[] $exclude Order ids already settled in this run.
	 * @return \WC_Order[]
	 */
	private function pending( array $exclude ): array {
		$orders = wc_get_orders(
			array(
				'status'  => array_values( OrderStatuses::by_key() ),
				'limit'   => AnalyticsSchema::LEDGER_BATCH,
				'orderby' => 'ID',
				'order'   => 'ASC',
				'exclude' => $exclude,
			) + OrderMetaQuery::args(
				array(
					array(
						'key'     => MetaKeys::ANALYTICS_PENDING,
						'compare' => 'EXISTS',
					),
				)
			)
		);
		return array_values( array_filter( $orders, static fn ( $order ) => $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ) );
	}

	/**
	 * The other abandoned sessions of a session's email (at most the live-session cap).
	 *
	 * @param \WC_Order $order   Session.
	 * @param int[]     $exclude Order ids already settled in this run.
	 * @return \WC_Order[]
	 */
	private function siblings( \WC_Order $order, array $exclude ): array {
		$hash = (string) $order->get_meta( MetaKeys::EMAIL_HASH );
		if ( '' === $hash ) {
			return array();
		}
		$orders = wc_get_orders(
			array(
				'status'  => array( OrderStatuses::ABANDONED ),
				'limit'   => RecoverySchema::MAX_LIVE_SESSIONS_PER_EMAIL,
				'exclude' => $exclude,
			) + OrderMetaQuery::args(
				array(
					array(
						'key'   => MetaKeys::EMAIL_HASH,
						'value' => $hash,
					),
				)
			)
		);
		return array_values( array_filter( $orders, static fn ( $other ) => $other instanceof \WC_Order && CARTBAY_CREATED_VIA === $other->get_created_via() ) );
	}

	/**
	 * Current session counts by status key (not limited to a period).
	 *
	 * @return array<string, int>
	 */
	private function status_counts(): array {
		$counts = array();
		foreach ( OrderStatuses::by_key() as $key => $status ) {
			// paginate + limit 1 asks WooCommerce for the total without loading the orders.
			$result         = wc_get_orders(
				array(
					'status'   => $status,
					'limit'    => 1,
					'paginate' => true,
					'return'   => 'ids',
				)
			);
			$counts[ $key ] = (int) $result->total;
		}
		return $counts;
	}
}
