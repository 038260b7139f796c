<?php
/**
 * The recovery email sequence, as the recovery lifecycle drives it.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

defined( 'ABSPATH' ) || exit;

/**
 * What abandonment, capture, unsubscribe and attribution ask of the sequence: start it when a session is
 * abandoned, let the newest abandonment of an email take it over, stop it. `Email\EmailSequenceService`
 * implements it, so Recovery never depends on Email (Email uses Recovery's links and this contract).
 */
interface RecoverySequence {

	/**
	 * Schedules the sequence of a session that just became abandoned. Changes the session in memory: the
	 * caller saves, then calls supersede_older().
	 *
	 * @param \WC_Order $order Session order (abandoned).
	 * @return int Steps scheduled.
	 */
	public function start( \WC_Order $order ): int;

	/**
	 * Keeps the sequences in flight per email within RecoverySchema::SEQUENCES_IN_FLIGHT_PER_EMAIL, the newest
	 * abandonments first. Called after the session was saved.
	 *
	 * @param \WC_Order $order Session that just became abandoned (saved).
	 * @return int Sessions superseded.
	 */
	public function supersede_older( \WC_Order $order ): int;

	/**
	 * Stops the sequence of a session: its pending jobs and notifications are canceled. Changes the session in
	 * memory: the caller saves.
	 *
	 * @param \WC_Order $order  Session order.
	 * @param string    $reason A CancelReasons value (kept on each canceled notification).
	 */
	public function stop( \WC_Order $order, string $reason ): void;
}
