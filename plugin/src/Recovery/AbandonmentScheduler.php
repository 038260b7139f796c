<?php
/**
 * Abandonment detection: the exact per-session check and the fallback scanner.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Marks captured sessions abandoned once they pass the abandonment timeout. Idempotent: a session that is
 * no longer captured, or not yet due, is left alone.
 */
final class AbandonmentScheduler {

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * The recovery sequence, started at abandonment.
	 *
	 * @var RecoverySequence
	 */
	private $sequence;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository  $sessions Sessions.
	 * @param SettingsRepository $settings Settings.
	 * @param RecoverySequence   $sequence Recovery sequence.
	 */
	public function __construct( SessionRepository $sessions, SettingsRepository $settings, RecoverySequence $sequence ) {
		$this->sessions = $sessions;
		$this->settings = $settings;
		$this->sequence = $sequence;
	}

	/**
	 * Seconds of inactivity after which a captured session is abandoned.
	 *
	 * @return int
	 */
	private function timeout_seconds(): int {
		return (int) $this->settings->get( SettingsKeys::ABANDONMENT_TIMEOUT ) * MINUTE_IN_SECONDS;
	}

	/**
	 * Schedules the exact abandonment check of a session at its last activity + timeout.
	 *
	 * Called when a session starts (or is live again); later activity does not reschedule, because the
	 * check moves itself to the new boundary when it runs early.
	 *
	 * @param string $session_id       CartBay session id.
	 * @param int    $last_activity_at Unix time of the latest activity.
	 * @param bool   $is_new           A session created just now has no check yet: skip the lookup.
	 */
	public function arm( string $session_id, int $last_activity_at, bool $is_new = false ): void {
		$args = array( $session_id );
		if ( $is_new || ! as_has_scheduled_action( ScheduledJobs::DETECT_SESSION_ABANDONMENT, $args, ScheduledJobs::GROUP ) ) {
			as_schedule_single_action( $last_activity_at + $this->timeout_seconds(), ScheduledJobs::DETECT_SESSION_ABANDONMENT, $args, ScheduledJobs::GROUP );
		}
	}

	/**
	 * The exact boundary check for one session (`cartbay_detect_session_abandonment`). A session that saw
	 * activity since it was scheduled gets a check at its new boundary instead.
	 *
	 * @param string $session_id CartBay session id.
	 */
	public function check_session( string $session_id ): void {
		$order = $this->sessions->find( $session_id );
		if ( ! $order instanceof \WC_Order || $this->abandon_if_due( $order ) || ! OrderStatuses::is( $order, OrderStatuses::CAPTURED ) ) {
			return;
		}
		// Still captured and not yet due: this running action is the pending one, so schedule the next directly.
		$due_at = (int) $order->get_meta( MetaKeys::LAST_ACTIVITY_AT ) + $this->timeout_seconds();
		as_schedule_single_action( $due_at, ScheduledJobs::DETECT_SESSION_ABANDONMENT, array( $session_id ), ScheduledJobs::GROUP );
	}

	/**
	 * The fallback scanner (`cartbay_detect_abandonment`): captured sessions past the timeout, oldest first,
	 * in batches until none is left or the run's time budget is spent; then an immediate continuation
	 * carries on, so a large backlog clears within minutes without one long request. One scanner at a time
	 * (a lock); each session is handled once, as it leaves the captured status.
	 *
	 * @return int Sessions marked abandoned in this run.
	 */
	public function scan_inactive_sessions(): int {
		if ( ! JobLock::acquire( 'scan' ) ) {
			return 0;
		}
		$deadline  = microtime( true ) + RecoverySchema::SCAN_TIME_BUDGET_SECONDS;
		$abandoned = 0;
		try {
			do {
				$orders = $this->due_sessions();
				$batch  = 0;
				foreach ( $orders as $order ) {
					if ( $order instanceof \WC_Order && $this->abandon_if_due( $order ) ) {
						++$batch;
					}
				}
				$abandoned += $batch;
				// Orders loaded in this batch are done with: keep a long run's memory flat.
				if ( wp_cache_supports( 'flush_runtime' ) ) {
					wp_cache_flush_runtime();
				}
				$more = $batch > 0 && RecoverySchema::SCAN_BATCH === count( $orders );
			} while ( $more && microtime( true ) < $deadline );
		} finally {
			JobLock::release( 'scan' );
		}
		if ( $more ) {
			as_enqueue_async_action( ScheduledJobs::DETECT_ABANDONMENT, array(), ScheduledJobs::GROUP );
		}
		return $abandoned;
	}

	/**
	 * Captured sessions whose last activity is older than the timeout, oldest first, one batch (loaded
	 * together: one query for their data instead of one per session).
	 *
	 * @return \WC_Order[]
	 */
	private function due_sessions(): array {
		return wc_get_orders(
			array(
				'status'      => OrderStatuses::CAPTURED,
				'created_via' => CARTBAY_CREATED_VIA,
				'limit'       => RecoverySchema::SCAN_BATCH,
				'orderby'     => 'date',
				'order'       => 'ASC',
			) + OrderMetaQuery::args(
				array(
					array(
						'key'     => MetaKeys::LAST_ACTIVITY_AT,
						'value'   => time() - $this->timeout_seconds(),
						'compare' => '<=',
						'type'    => 'NUMERIC',
					),
				)
			)
		);
	}

	/**
	 * Marks one captured session abandoned when its timeout has passed.
	 *
	 * @param \WC_Order $order Session order.
	 * @return bool Whether the session became abandoned now.
	 */
	private function abandon_if_due( \WC_Order $order ): bool {
		if ( ! OrderStatuses::is( $order, OrderStatuses::CAPTURED ) ) {
			return false;
		}
		$due_at = (int) $order->get_meta( MetaKeys::LAST_ACTIVITY_AT ) + $this->timeout_seconds();
		if ( time() < $due_at ) {
			return false;
		}
		$this->abandon( $order );
		return true;
	}

	/**
	 * Marks a captured session abandoned now, before its timeout (the agent action `mark_abandoned_now`).
	 *
	 * @param \WC_Order $order Session order.
	 * @return bool Whether it became abandoned (false when it is not captured).
	 */
	public function abandon_now( \WC_Order $order ): bool {
		if ( ! OrderStatuses::is( $order, OrderStatuses::CAPTURED ) ) {
			return false;
		}
		$this->abandon( $order );
		return true;
	}

	/**
	 * Records the abandonment of a captured session: status, time, event, its recovery emails queued and
	 * older sequences of the same email superseded.
	 *
	 * @param \WC_Order $order Session order (captured).
	 */
	private function abandon( \WC_Order $order ): void {
		$now = time();
		$order->update_meta_data( MetaKeys::ABANDONED_AT, $now );
		$this->sessions->add_event( $order, SessionEvents::ABANDONED );
		$order->set_status( OrderStatuses::ABANDONED );
		// Sending on: the three steps are queued in the same save (abandonment is recorded either way).
		$this->sequence->start( $order );
		$this->sessions->save( $order );
		// One sequence in flight per email: the newest abandonment supersedes the others' unsent steps. After
		// the save, so two sessions of one email abandoned at once by two runners each see the other.
		$this->sequence->supersede_older( $order );
		// The exact check may still be pending when the scanner got there first.
		as_unschedule_action( ScheduledJobs::DETECT_SESSION_ABANDONMENT, array( (string) $order->get_meta( MetaKeys::SESSION_ID ) ), ScheduledJobs::GROUP );

		/**
		 * Fires when a session became abandoned (saved, with its recovery emails queued when sending is on and
		 * older sequences of the same email superseded).
		 *
		 * @param \WC_Order $order Session order.
		 */
		do_action( Hooks::SESSION_ABANDONED, $order );
	}
}
