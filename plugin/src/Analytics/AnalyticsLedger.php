<?php
/**
 * The analytics ledger: per-day counters in one non-autoloaded option per month.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\Transients;
use WPAnchorBay\CartBay\Jobs\JobLock;

defined( 'ABSPATH' ) || exit;

/**
 * `cartbay_analytics_{YYYYMM}` holds `array( 'live' => array( 'Y-m-d' => counters ), 'retired' => … )`:
 * live is the sum of the stored contributions (SessionContribution) of the sessions that exist, retired the
 * contributions of the sessions retention pruning removed, kept for good so pruning never changes a figure.
 * Reports read live + retired. A running rebuild builds a fresh live layer in `cartbay_analytics_rebuild_{YYYYMM}`
 * (day => counters) and swaps it in when it is done.
 *
 * Only the apply job, retention pruning, the forget job and the rebuild write these options, each under
 * the one ledger lock (LOCK), reading the option fresh and writing it back. No PII: days and counts only.
 */
final class AnalyticsLedger {

	/**
	 * The lock every ledger write holds.
	 */
	public const LOCK = 'analytics-ledger';

	/**
	 * Layer of the sessions that exist.
	 */
	public const LIVE = 'live';

	/**
	 * Layer of the sessions retention pruning removed.
	 */
	public const RETIRED = 'retired';

	/**
	 * The live layer a running rebuild builds (its own options).
	 */
	public const STAGING = 'staging';

	/**
	 * Microseconds between two tries for the held lock.
	 */
	private const LOCK_RETRY_MICROSECONDS = 100000;

	/**
	 * Takes the ledger lock, waiting up to $wait_seconds for another writer to finish.
	 *
	 * @param int $wait_seconds Seconds to wait (0: one try).
	 * @return bool
	 */
	public static function lock( int $wait_seconds = 0 ): bool {
		$deadline = microtime( true ) + $wait_seconds;
		while ( ! JobLock::acquire( self::LOCK ) ) {
			if ( microtime( true ) >= $deadline ) {
				return false;
			}
			usleep( self::LOCK_RETRY_MICROSECONDS );
		}
		return true;
	}

	/**
	 * Releases the ledger lock.
	 */
	public static function unlock(): void {
		JobLock::release( self::LOCK );
	}

	/**
	 * The month (YYYYMM) of a ledger day.
	 *
	 * @param string $day Y-m-d.
	 * @return string
	 */
	public static function month_of( string $day ): string {
		return substr( $day, 0, 4 ) . substr( $day, 5, 2 );
	}

	/**
	 * Option name of a ledger month.
	 *
	 * @param string $month YYYYMM.
	 * @return string
	 */
	public static function option_name( string $month ): string {
		return Options::ANALYTICS_LEDGER_PREFIX . $month;
	}

	/**
	 * Option name of a month of the rebuild's staging layer.
	 *
	 * @param string $month YYYYMM.
	 * @return string
	 */
	public static function staging_option_name( string $month ): string {
		return Options::ANALYTICS_REBUILD . '_' . $month;
	}

	/**
	 * Every month the ledger has an option for, oldest first.
	 *
	 * @return string[] YYYYMM.
	 */
	public static function months(): array {
		return self::months_named( Options::ANALYTICS_LEDGER_PREFIX );
	}

	/**
	 * Every month the rebuild's staging layer has an option for, oldest first.
	 *
	 * @return string[] YYYYMM.
	 */
	public static function staging_months(): array {
		return self::months_named( self::staging_option_name( '' ) );
	}

	/**
	 * One month: both layers, days sorted.
	 *
	 * @param string $month YYYYMM.
	 * @param bool   $fresh Read past this request's option cache (writers, under the lock).
	 * @return array{live: array<string, array<string, int>>, retired: array<string, array<string, int>>}
	 */
	public static function read_month( string $month, bool $fresh = false ): array {
		$value = self::read_option( self::option_name( $month ), $fresh );
		return array(
			self::LIVE    => self::layer_of( $value[ self::LIVE ] ?? array() ),
			self::RETIRED => self::layer_of( $value[ self::RETIRED ] ?? array() ),
		);
	}

	/**
	 * Writes one month (an empty month is deleted).
	 *
	 * @param string $month YYYYMM.
	 * @param array  $data  Both layers.
	 */
	public static function write_month( string $month, array $data ): void {
		$data = array(
			self::LIVE    => self::layer_of( $data[ self::LIVE ] ?? array() ),
			self::RETIRED => self::layer_of( $data[ self::RETIRED ] ?? array() ),
		);
		self::write_option( self::option_name( $month ), array() === $data[ self::LIVE ] && array() === $data[ self::RETIRED ] ? null : $data );
	}

	/**
	 * One month of the staging layer.
	 *
	 * @param string $month YYYYMM.
	 * @return array<string, array<string, int>>
	 */
	public static function read_staging( string $month ): array {
		return self::layer_of( self::read_option( self::staging_option_name( $month ), true ) );
	}

	/**
	 * Deletes one month of the staging layer.
	 *
	 * @param string $month YYYYMM.
	 */
	public static function delete_staging( string $month ): void {
		self::write_option( self::staging_option_name( $month ), null );
	}

	/**
	 * Writes a set of changes, month by month (the caller holds the lock).
	 *
	 * @param LedgerDelta $delta Changes.
	 */
	public static function commit( LedgerDelta $delta ): void {
		$months = array();
		foreach ( array( self::LIVE, self::RETIRED ) as $layer ) {
			foreach ( $delta->layer( $layer ) as $day => $counters ) {
				$months[ self::month_of( $day ) ][ $layer ][ $day ] = $counters;
			}
		}
		foreach ( $months as $month => $layers ) {
			$data = self::read_month( (string) $month, true );
			foreach ( $layers as $layer => $days ) {
				$data[ $layer ] = self::merge( $data[ $layer ], $days );
			}
			self::write_month( (string) $month, $data );
		}

		$staged = array();
		foreach ( $delta->layer( self::STAGING ) as $day => $counters ) {
			$staged[ self::month_of( $day ) ][ $day ] = $counters;
		}
		foreach ( $staged as $month => $days ) {
			$name = self::staging_option_name( (string) $month );
			$data = self::merge( self::layer_of( self::read_option( $name, true ) ), $days );
			// An empty staged month is still written: the swap must know the month was read.
			self::write_option( $name, $data );
		}
	}

	/**
	 * Live + retired counters of some days (days without data are left out).
	 *
	 * @param string[] $days Ledger days (Y-m-d).
	 * @return array<string, array<string, int>>
	 */
	public static function day_totals( array $days ): array {
		$months = array();
		foreach ( $days as $day ) {
			$months[ self::month_of( $day ) ] = true;
		}
		$data = array();
		foreach ( array_keys( $months ) as $month ) {
			$data[ $month ] = self::read_month( (string) $month );
		}
		$totals = array();
		foreach ( $days as $day ) {
			$month = $data[ self::month_of( $day ) ];
			$sum   = SessionContribution::add( $month[ self::LIVE ][ $day ] ?? array(), $month[ self::RETIRED ][ $day ] ?? array() );
			if ( array() !== $sum ) {
				$totals[ $day ] = $sum;
			}
		}
		return $totals;
	}

	/**
	 * The live layer summed over every month: what the existing sessions hold now (the pending queue).
	 *
	 * @return array<string, int>
	 */
	public static function live_totals(): array {
		$sum = array();
		foreach ( self::months() as $month ) {
			foreach ( self::read_month( $month )[ self::LIVE ] as $counters ) {
				$sum = SessionContribution::add( $sum, $counters );
			}
		}
		return $sum;
	}

	/**
	 * Progress of the running or last rebuild, read fresh (null: none ever started).
	 *
	 * @return array<string, mixed>|null
	 */
	public static function rebuild_progress(): ?array {
		$value = self::read_option( Options::ANALYTICS_REBUILD, true );
		return is_array( $value ) && isset( $value['state'] ) ? $value : null;
	}

	/**
	 * The last order id the running rebuild has read (0 when no rebuild runs).
	 *
	 * @return int
	 */
	public static function rebuild_cursor(): int {
		$progress = self::rebuild_progress();
		return null !== $progress && LedgerRebuild::RUNNING === $progress['state'] ? (int) ( $progress['cursor'] ?? 0 ) : 0;
	}

	/**
	 * Retention pruning: deletes sessions and keeps what they counted. Under the lock, each session's
	 * contribution is computed fresh (its current state, applied or not), the session is deleted, then live
	 * loses what the ledger held for it (its stored contribution) and retired gains the fresh one.
	 * A session whose deletion fails changes nothing. When the lock stays taken (a rebuild or apply
	 * running), nothing is deleted: the next prune run catches up.
	 *
	 * @param \WC_Order[]               $orders Sessions to delete.
	 * @param callable(\WC_Order): bool $delete Deletes one session (true when it is gone).
	 * @return int Sessions deleted.
	 */
	public static function retire( array $orders, callable $delete ): int {
		if ( array() === $orders ) {
			return 0;
		}
		if ( ! self::lock( AnalyticsSchema::REBUILD_REQUEST_SECONDS ) ) {
			wc_get_logger()->warning( 'CartBay skipped this retention run: the analytics ledger is busy.', array( 'source' => CARTBAY_LOG_SOURCE ) );
			return 0;
		}
		$deleted = 0;
		try {
			$delta = new LedgerDelta( self::rebuild_cursor() );
			foreach ( $orders as $order ) {
				$order->read_meta_data( true );
				$id     = (int) $order->get_id();
				$stored = SessionContribution::stored( $order );
				$fresh  = SessionContribution::of( $order );
				// Retired here: the deletion hook (ContributionTracker) must not take it out of the ledger again.
				$order->delete_meta_data( MetaKeys::ANALYTICS_CONTRIBUTION );
				if ( ! $delete( $order ) ) {
					continue;
				}
				if ( null !== $stored ) {
					$delta->live( $id, $stored['day'], $stored['counters'], -1 );
				}
				$delta->retired( $fresh['day'], $fresh['counters'], 1 );
				++$deleted;
			}
			self::commit( $delta );
		} finally {
			self::unlock();
		}
		// The figures did not change, the status counts did: the next view computes the report again.
		delete_transient( Transients::ANALYTICS_CACHE );
		return $deleted;
	}

	/**
	 * The months of the options named prefix + YYYYMM.
	 *
	 * @param string $prefix Option name prefix.
	 * @return string[] YYYYMM, oldest first.
	 */
	private static function months_named( string $prefix ): array {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- WordPress has no API that lists options by name; an indexed prefix match on the options table.
		$names  = (array) $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $prefix ) . '%' ) );
		$months = array();
		foreach ( $names as $name ) {
			$month = substr( (string) $name, strlen( $prefix ) );
			if ( 1 === preg_match( '/^\d{6}$/', $month ) ) {
				$months[] = $month;
			}
		}
		sort( $months );
		return $months;
	}

	/**
	 * Saves a session's changed meta (its stored contribution, its pending flag) and nothing else. Ledger
	 * bookkeeping is not a change of the session: on HPOS WooCommerce would otherwise save the whole order
	 * after a meta change and move its modified date, which retention counts from.
	 *
	 * @param \WC_Order $order Session.
	 */
	public static function save_session_meta( \WC_Order $order ): void {
		add_filter( 'woocommerce_orders_table_datastore_should_save_after_meta_change', '__return_false', PHP_INT_MAX );
		try {
			$order->save_meta_data();
		} finally {
			remove_filter( 'woocommerce_orders_table_datastore_should_save_after_meta_change', '__return_false', PHP_INT_MAX );
		}
	}

	/**
	 * Adds per-day changes to a layer; days whose counters become all zero are removed.
	 *
	 * @param array<string, array<string, int>> $layer   Layer.
	 * @param array<string, array<string, int>> $changes Changes by day.
	 * @return array<string, array<string, int>>
	 */
	private static function merge( array $layer, array $changes ): array {
		foreach ( $changes as $day => $counters ) {
			$layer[ $day ] = SessionContribution::add( $layer[ $day ] ?? array(), $counters );
			if ( array() === $layer[ $day ] ) {
				unset( $layer[ $day ] );
			}
		}
		ksort( $layer );
		return $layer;
	}

	/**
	 * A layer read from storage: day => counters, anything else dropped.
	 *
	 * @param mixed $value Stored value.
	 * @return array<string, array<string, int>>
	 */
	private static function layer_of( $value ): array {
		$layer = array();
		foreach ( is_array( $value ) ? $value : array() as $day => $counters ) {
			$contribution = SessionContribution::normalize(
				array(
					'day'      => (string) $day,
					'counters' => $counters,
				)
			);
			if ( null !== $contribution && array() !== $contribution['counters'] ) {
				$layer[ $contribution['day'] ] = $contribution['counters'];
			}
		}
		ksort( $layer );
		return $layer;
	}

	/**
	 * Reads an option; fresh skips this request's cached copy (and its "no such option" note), so a writer
	 * under the lock sees what another process wrote.
	 *
	 * @param string $name  Option name.
	 * @param bool   $fresh Bypass the request's option cache.
	 * @return mixed False when missing.
	 */
	private static function read_option( string $name, bool $fresh ) {
		if ( $fresh ) {
			wp_cache_delete( $name, 'options' );
			$missing = wp_cache_get( 'notoptions', 'options' );
			if ( is_array( $missing ) && isset( $missing[ $name ] ) ) {
				unset( $missing[ $name ] );
				wp_cache_set( 'notoptions', $missing, 'options' );
			}
		}
		return get_option( $name );
	}

	/**
	 * Writes a non-autoloaded option, or deletes it (null).
	 *
	 * @param string     $name  Option name.
	 * @param array|null $value Value.
	 */
	private static function write_option( string $name, ?array $value ): void {
		if ( null === $value ) {
			delete_option( $name );
			return;
		}
		update_option( $name, $value, false );
	}
}
