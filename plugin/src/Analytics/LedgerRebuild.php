<?php
/**
 * Rebuilds the live layer of the analytics ledger from the sessions themselves.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Capture\CartSnapshot;
use WPAnchorBay\CartBay\Data\OrderMetaPrimer;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * For a ledger that was lost or drifted: every session (a CartBay status, ascending order id) is read again,
 * its contribution computed fresh and summed into a staging layer (`cartbay_analytics_rebuild_{YYYYMM}`),
 * LEDGER_BATCH sessions at a time, REBUILD_REQUEST_SECONDS per run, each run queuing the next. Sessions
 * whose stored contribution differs get the fresh one (pending flags cleared). When every session is read,
 * each month's live layer is replaced by the staged one; the retired layer (pruned sessions) is never
 * touched. Changes made meanwhile to sessions already read reach the staging layer too (LedgerDelta), so
 * the swap loses nothing. Each session's order total is brought back to its cart total on the way
 * (CartSnapshot::sync_order_total()). Progress is kept in `cartbay_analytics_rebuild`: state, version (of what
 * is derived, LEDGER_DERIVATION_VERSION), cursor (last order id read), processed, started_at, finished_at,
 * updated_at.
 */
final class LedgerRebuild {

	/**
	 * No rebuild was ever started.
	 */
	public const IDLE = 'idle';

	/**
	 * A rebuild is running.
	 */
	public const RUNNING = 'running';

	/**
	 * The last rebuild finished.
	 */
	public const DONE = 'done';

	/**
	 * Seconds before a run that found the ledger locked tries again.
	 */
	private const RETRY_SECONDS = 30;

	/**
	 * Sessions (their full save, for a corrected order total).
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionRepository $sessions ) {
		$this->sessions = $sessions;
	}

	/**
	 * Starts a rebuild, or reports the one already running.
	 *
	 * @return array{state: string, processed: int, started_at: string|null, finished_at: string|null}
	 */
	public function start(): array {
		$progress = AnalyticsLedger::rebuild_progress();
		if ( null !== $progress && self::RUNNING === $progress['state'] && ! $this->is_stalled( $progress ) ) {
			return $this->progress();
		}
		foreach ( AnalyticsLedger::staging_months() as $month ) {
			AnalyticsLedger::delete_staging( $month );
		}
		$now = time();
		$this->save(
			array(
				'state'       => self::RUNNING,
				'version'     => AnalyticsSchema::LEDGER_DERIVATION_VERSION,
				'cursor'      => 0,
				'processed'   => 0,
				'started_at'  => $now,
				'finished_at' => 0,
				'updated_at'  => $now,
			)
		);
		as_enqueue_async_action( ScheduledJobs::REBUILD_ANALYTICS, array(), ScheduledJobs::GROUP, true );
		return $this->progress();
	}

	/**
	 * Progress of the running or last rebuild (GET /analytics/rebuild).
	 *
	 * @return array{state: string, processed: int, started_at: string|null, finished_at: string|null}
	 */
	public function progress(): array {
		$progress = AnalyticsLedger::rebuild_progress() ?? array( 'state' => self::IDLE );
		$iso      = static fn ( $at ) => (int) $at > 0 ? gmdate( 'c', (int) $at ) : null;
		return array(
			'state'       => in_array( $progress['state'], array( self::RUNNING, self::DONE ), true ) ? (string) $progress['state'] : self::IDLE,
			'processed'   => (int) ( $progress['processed'] ?? 0 ),
			'started_at'  => $iso( $progress['started_at'] ?? 0 ),
			'finished_at' => $iso( $progress['finished_at'] ?? 0 ),
		);
	}

	/**
	 * Whether no rebuild derived the sessions' data as this version does: none ever ran, or the last one
	 * (running or finished) recorded an older LEDGER_DERIVATION_VERSION. The hourly refresh then starts one.
	 *
	 * @return bool
	 */
	public function is_outdated(): bool {
		$progress = AnalyticsLedger::rebuild_progress();
		return null === $progress || (int) ( $progress['version'] ?? 1 ) < AnalyticsSchema::LEDGER_DERIVATION_VERSION;
	}

	/**
	 * Queues the next run of a rebuild whose runs stopped (a run died, or its action was lost).
	 */
	public function resume_if_stalled(): void {
		$progress = AnalyticsLedger::rebuild_progress();
		if ( null !== $progress && self::RUNNING === $progress['state'] && $this->is_stalled( $progress ) ) {
			as_enqueue_async_action( ScheduledJobs::REBUILD_ANALYTICS, array(), ScheduledJobs::GROUP, true );
		}
	}

	/**
	 * Handler of `cartbay_rebuild_analytics`: one bounded run, then the next is queued (or the layers are
	 * swapped when every session was read).
	 *
	 * @return array{state: string, processed: int, started_at: string|null, finished_at: string|null}
	 */
	public function run_batch(): array {
		if ( ! AnalyticsLedger::lock() ) {
			as_schedule_single_action( time() + self::RETRY_SECONDS, ScheduledJobs::REBUILD_ANALYTICS, array(), ScheduledJobs::GROUP );
			return $this->progress();
		}
		$state = '';
		try {
			$progress = AnalyticsLedger::rebuild_progress();
			if ( null === $progress || self::RUNNING !== $progress['state'] ) {
				return $this->progress();
			}
			$state = $this->read_sessions( $progress );
		} finally {
			AnalyticsLedger::unlock();
		}
		if ( self::DONE === $state ) {
			// The figures may have changed: the next view (or refresh) computes the report again.
			delete_transient( Transients::ANALYTICS_CACHE );
		} else {
			// Inside the running rebuild job a unique action would be refused: a plain one continues.
			as_schedule_single_action( time(), ScheduledJobs::REBUILD_ANALYTICS, array(), ScheduledJobs::GROUP );
		}
		return $this->progress();
	}

	/**
	 * Reads sessions after the cursor until the time budget is spent or none is left (the lock is held).
	 *
	 * @param array<string, mixed> $progress Progress.
	 * @return string RUNNING, or DONE when every session was read and the layers were swapped.
	 */
	private function read_sessions( array $progress ): string {
		$deadline = microtime( true ) + AnalyticsSchema::REBUILD_REQUEST_SECONDS;
		$cursor   = (int) $progress['cursor'];
		$ids      = array_values( array_filter( $this->session_ids(), static fn ( $id ) => $id > $cursor ) );
		foreach ( array_chunk( $ids, AnalyticsSchema::LEDGER_BATCH ) as $chunk ) {
			$delta  = new LedgerDelta();
			$orders = $this->load( $chunk );
			// One transaction per batch: its stored contributions, staging counters and cursor land together
			// or not at all, and the database commits once rather than once per session.
			wc_transaction_query( 'start' );
			try {
				foreach ( $chunk as $id ) {
					if ( isset( $orders[ $id ] ) ) {
						$this->read_session( $orders[ $id ], $delta );
					}
					$progress['cursor']    = $id;
					$progress['processed'] = (int) $progress['processed'] + 1;
				}
				AnalyticsLedger::commit( $delta );
				$progress['updated_at'] = time();
				$this->save( $progress );
				wc_transaction_query( 'commit' );
			} catch ( \Throwable $error ) {
				wc_transaction_query( 'rollback' );
				throw $error;
			}
			// The batch's orders are done with: keep a long run's memory flat.
			if ( wp_cache_supports( 'flush_runtime' ) ) {
				wp_cache_flush_runtime();
			}
			if ( microtime( true ) >= $deadline && end( $ids ) !== $progress['cursor'] ) {
				return self::RUNNING;
			}
		}
		$this->swap();
		$progress['state']       = self::DONE;
		$progress['finished_at'] = time();
		$progress['updated_at']  = time();
		$this->save( $progress );
		return self::DONE;
	}

	/**
	 * Loads a batch of sessions at once (one query, their meta read once: OrderMetaPrimer), keyed by order id.
	 *
	 * @param int[] $ids Order ids.
	 * @return array<int, \WC_Order>
	 */
	private function load( array $ids ): array {
		OrderMetaPrimer::prime( $ids );
		$orders = wc_get_orders(
			array(
				'post__in' => $ids,
				'status'   => array_values( OrderStatuses::by_key() ),
				'limit'    => count( $ids ),
				'orderby'  => 'ID',
				'order'    => 'ASC',
			)
		);
		$by_id  = array();
		foreach ( $orders as $order ) {
			if ( $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ) {
				$by_id[ $order->get_id() ] = $order;
			}
		}
		return $by_id;
	}

	/**
	 * Reads one session into the staging layer and stores its fresh contribution where it differs.
	 *
	 * @param \WC_Order   $order Session.
	 * @param LedgerDelta $delta Staging changes of the batch.
	 */
	private function read_session( \WC_Order $order, LedgerDelta $delta ): void {
		$fresh = SessionContribution::of( $order );
		$delta->staging( $fresh['day'], $fresh['counters'], 1 );
		$changed = ! SessionContribution::same( SessionContribution::stored( $order ), $fresh );
		if ( $changed ) {
			$order->update_meta_data( MetaKeys::ANALYTICS_CONTRIBUTION, $fresh );
		}
		if ( CartSnapshot::sync_order_total( $order ) ) {
			// A session from before the order total followed the cart total (or edited since): the total is an
			// order property, so a full save. A correction, not a change of the session: its modified date,
			// which retention counts from, is kept.
			$order->delete_meta_data( MetaKeys::ANALYTICS_PENDING );
			$modified = $order->get_date_modified( 'edit' );
			if ( null !== $modified ) {
				$order->set_date_modified( $modified->getTimestamp() );
			}
			$this->sessions->save( $order );
			return;
		}
		if ( $changed || '' !== (string) $order->get_meta( MetaKeys::ANALYTICS_PENDING ) ) {
			$order->delete_meta_data( MetaKeys::ANALYTICS_PENDING );
			AnalyticsLedger::save_session_meta( $order );
		}
	}

	/**
	 * Replaces each month's live layer with the staged one (retired untouched) and removes the staging.
	 */
	private function swap(): void {
		$months = array_unique( array_merge( AnalyticsLedger::months(), AnalyticsLedger::staging_months() ) );
		foreach ( $months as $month ) {
			$data                          = AnalyticsLedger::read_month( $month, true );
			$data[ AnalyticsLedger::LIVE ] = AnalyticsLedger::read_staging( $month );
			AnalyticsLedger::write_month( $month, $data );
			AnalyticsLedger::delete_staging( $month );
		}
	}

	/**
	 * Every session's order id, ascending (ids only: a few bytes per session).
	 *
	 * @return int[]
	 */
	private function session_ids(): array {
		$ids = wc_get_orders(
			array(
				'status'  => array_values( OrderStatuses::by_key() ),
				'limit'   => -1,
				'orderby' => 'ID',
				'order'   => 'ASC',
				'return'  => 'ids',
			)
		);
		$ids = array_map( 'intval', (array) $ids );
		sort( $ids );
		return $ids;
	}

	/**
	 * Whether a running rebuild has made no progress for longer than a run can take.
	 *
	 * @param array<string, mixed> $progress Progress.
	 * @return bool
	 */
	private function is_stalled( array $progress ): bool {
		return time() - (int) ( $progress['updated_at'] ?? 0 ) > RecoverySchema::LOCK_STALE_SECONDS;
	}

	/**
	 * Writes the progress option (not autoloaded).
	 *
	 * @param array<string, mixed> $progress Progress.
	 */
	private function save( array $progress ): void {
		update_option( Options::ANALYTICS_REBUILD, $progress, false );
	}
}
