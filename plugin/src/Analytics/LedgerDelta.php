<?php
/**
 * Changes to the analytics ledger, gathered in memory and written at once.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

defined( 'ABSPATH' ) || exit;

/**
 * Per-day counter changes of the ledger's layers: `live` (the sessions that exist), `retired` (sessions
 * retention pruning removed) and `staging` (the live layer a running rebuild is building). A change of a
 * session the running rebuild has already read (order id at or below its cursor) is made to the staging
 * layer too, so the swap at the end of the rebuild loses nothing that happened meanwhile.
 */
final class LedgerDelta {

	/**
	 * Changes by layer, then day.
	 *
	 * @var array<string, array<string, array<string, int>>>
	 */
	private $layers = array(
		AnalyticsLedger::LIVE    => array(),
		AnalyticsLedger::RETIRED => array(),
		AnalyticsLedger::STAGING => array(),
	);

	/**
	 * Last order id the running rebuild has read (0: none, or no rebuild running).
	 *
	 * @var int
	 */
	private $rebuild_cursor;

	/**
	 * Constructor.
	 *
	 * @param int $rebuild_cursor AnalyticsLedger::rebuild_cursor() when the changes are made (under the lock).
	 */
	public function __construct( int $rebuild_cursor = 0 ) {
		$this->rebuild_cursor = $rebuild_cursor;
	}

	/**
	 * A change of the live layer made by one session (mirrored to staging when the rebuild has read it).
	 *
	 * @param int                $order_id Session order id.
	 * @param string             $day      Ledger day (Y-m-d).
	 * @param array<string, int> $counters Counters.
	 * @param int                $sign     One to add, minus one to subtract.
	 */
	public function live( int $order_id, string $day, array $counters, int $sign ): void {
		$this->add( AnalyticsLedger::LIVE, $day, $counters, $sign );
		if ( $order_id > 0 && $order_id <= $this->rebuild_cursor ) {
			$this->add( AnalyticsLedger::STAGING, $day, $counters, $sign );
		}
	}

	/**
	 * A change of the retired layer.
	 *
	 * @param string             $day      Ledger day (Y-m-d).
	 * @param array<string, int> $counters Counters.
	 * @param int                $sign     One to add, minus one to subtract.
	 */
	public function retired( string $day, array $counters, int $sign ): void {
		$this->add( AnalyticsLedger::RETIRED, $day, $counters, $sign );
	}

	/**
	 * A change of the staging layer (the rebuild's own reads).
	 *
	 * @param string             $day      Ledger day (Y-m-d).
	 * @param array<string, int> $counters Counters.
	 * @param int                $sign     One to add, minus one to subtract.
	 */
	public function staging( string $day, array $counters, int $sign ): void {
		$this->add( AnalyticsLedger::STAGING, $day, $counters, $sign );
	}

	/**
	 * The changes of one layer, by day.
	 *
	 * @param string $layer AnalyticsLedger::LIVE, RETIRED or STAGING.
	 * @return array<string, array<string, int>>
	 */
	public function layer( string $layer ): array {
		return array_filter( $this->layers[ $layer ] ?? array() );
	}

	/**
	 * Adds counters to a layer's day.
	 *
	 * @param string             $layer    Layer.
	 * @param string             $day      Ledger day.
	 * @param array<string, int> $counters Counters.
	 * @param int                $sign     One to add, minus one to subtract.
	 */
	private function add( string $layer, string $day, array $counters, int $sign ): void {
		$this->layers[ $layer ][ $day ] = SessionContribution::add( $this->layers[ $layer ][ $day ] ?? array(), $counters, $sign );
	}
}
