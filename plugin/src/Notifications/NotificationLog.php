<?php
/**
 * Notification records: one per scheduled recovery email, kept on the session in `_cartbay_notifications`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Notifications;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\NotificationStates;
use WPAnchorBay\CartBay\Generated\RecoverySchema;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and moves records through queued → attempted → sent | failed | retry_queued → … | canceled
 * (delivered when a provider confirms). Every transition is timestamped.
 *
 * Changes the session in memory only: the caller saves it.
 *
 * A record: id, step, email_id, status, trigger, scheduled_at, attempts, last_error, cancel_reason,
 * restore_clicked_at, recovered_order_id and `timestamps` (state → Unix time of its latest entry).
 */
final class NotificationLog {

	/**
	 * States in which a record still expects work.
	 */
	private const PENDING = array( NotificationStates::QUEUED, NotificationStates::ATTEMPTED, NotificationStates::RETRY_QUEUED );

	/**
	 * Every record of a session, keyed by notification id, oldest first.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, array<string, mixed>>
	 */
	public static function all( \WC_Order $order ): array {
		return SessionRepository::list_meta( $order, MetaKeys::NOTIFICATIONS );
	}

	/**
	 * One record by id.
	 *
	 * @param \WC_Order $order Session order.
	 * @param string    $id    Notification id.
	 * @return array<string, mixed>|null
	 */
	public static function get( \WC_Order $order, string $id ): ?array {
		$record = self::all( $order )[ $id ] ?? null;
		return is_array( $record ) ? $record : null;
	}

	/**
	 * The record of a step that decides what happens next: a sent one (the step is done for good), else
	 * the latest one.
	 *
	 * @param \WC_Order $order Session order.
	 * @param int       $step  Step number.
	 * @return array<string, mixed>|null
	 */
	public static function for_step( \WC_Order $order, int $step ): ?array {
		$found = null;
		foreach ( self::all( $order ) as $record ) {
			if ( (int) ( $record['step'] ?? 0 ) !== $step ) {
				continue;
			}
			if ( self::is_sent( $record ) ) {
				return $record;
			}
			$found = $record;
		}
		return $found;
	}

	/**
	 * The step's pending notification (queued, attempted or waiting for a retry), if any.
	 *
	 * @param \WC_Order $order Session order.
	 * @param int       $step  Step number.
	 * @return array<string, mixed>|null
	 */
	public static function pending_for_step( \WC_Order $order, int $step ): ?array {
		foreach ( self::all( $order ) as $record ) {
			if ( is_array( $record ) && (int) ( $record['step'] ?? 0 ) === $step && self::is_pending( $record ) ) {
				return $record;
			}
		}
		return null;
	}

	/**
	 * Whether a record is sent or delivered.
	 *
	 * @param array<string, mixed>|null $record Record.
	 * @return bool
	 */
	public static function is_sent( ?array $record ): bool {
		return null !== $record && in_array( $record['status'] ?? '', array( NotificationStates::SENT, NotificationStates::DELIVERED ), true );
	}

	/**
	 * Whether a record still expects work (queued, attempted or retry queued).
	 *
	 * @param array<string, mixed>|null $record Record.
	 * @return bool
	 */
	public static function is_pending( ?array $record ): bool {
		return null !== $record && in_array( $record['status'] ?? '', self::PENDING, true );
	}

	/**
	 * Whether a string has the shape of a notification id (the prefix, then lowercase letters and digits).
	 *
	 * @param string $id Candidate id.
	 * @return bool
	 */
	public static function is_id( string $id ): bool {
		$random = substr( $id, strlen( RecoverySchema::NOTIFICATION_ID_PREFIX ) );
		return str_starts_with( $id, RecoverySchema::NOTIFICATION_ID_PREFIX )
			&& RecoverySchema::NOTIFICATION_ID_RANDOM_LENGTH === strlen( $random )
			&& 1 === preg_match( '/^[a-z0-9]+$/', $random );
	}

	/**
	 * Adds a queued record for a step's scheduled email.
	 *
	 * @param \WC_Order $order        Session order.
	 * @param int       $step         Step number.
	 * @param int       $scheduled_at When the send job is due (Unix time).
	 * @param string    $trigger      What scheduled it (a NotificationTriggers constant).
	 * @return string The new notification id.
	 */
	public static function queue( \WC_Order $order, int $step, int $scheduled_at, string $trigger ): string {
		$id             = RecoverySchema::NOTIFICATION_ID_PREFIX . strtolower( wp_generate_password( RecoverySchema::NOTIFICATION_ID_RANDOM_LENGTH, false, false ) );
		$email          = EmailClasses::ids()[ $step ] ?? '';
		$records        = self::all( $order );
		$records[ $id ] = array(
			'id'                 => $id,
			'step'               => $step,
			'email_id'           => $email,
			'status'             => NotificationStates::QUEUED,
			'trigger'            => $trigger,
			'scheduled_at'       => $scheduled_at,
			'attempts'           => 0,
			'last_error'         => '',
			'cancel_reason'      => '',
			'restore_clicked_at' => 0,
			'recovered_order_id' => 0,
			'timestamps'         => array( NotificationStates::QUEUED => time() ),
		);
		$order->update_meta_data( MetaKeys::NOTIFICATIONS, $records );
		// One indexed row per notification: the reports find a notification's session by its id.
		$order->add_meta_data( MetaKeys::NOTIFICATION_ID, $id );
		return $id;
	}

	/**
	 * Moves a record to a state, with extra fields to set, and stamps the time.
	 *
	 * @param \WC_Order            $order   Session order.
	 * @param string               $id      Notification id.
	 * @param string               $state   A NotificationStates value.
	 * @param array<string, mixed> $changes Other fields to set (attempts, last_error, scheduled_at, …).
	 */
	public static function transition( \WC_Order $order, string $id, string $state, array $changes = array() ): void {
		$records = self::all( $order );
		if ( ! isset( $records[ $id ] ) || ! is_array( $records[ $id ] ) ) {
			return;
		}
		$record                         = array_merge( $records[ $id ], $changes );
		$record['status']               = $state;
		$record['timestamps']           = (array) ( $record['timestamps'] ?? array() );
		$record['timestamps'][ $state ] = time();
		$records[ $id ]                 = $record;
		$order->update_meta_data( MetaKeys::NOTIFICATIONS, $records );
	}

	/**
	 * Sets fields of a record without changing its state (restore click, recovered order).
	 *
	 * @param \WC_Order            $order   Session order.
	 * @param string               $id      Notification id.
	 * @param array<string, mixed> $changes Fields to set.
	 */
	public static function annotate( \WC_Order $order, string $id, array $changes ): void {
		$records = self::all( $order );
		if ( isset( $records[ $id ] ) && is_array( $records[ $id ] ) ) {
			$records[ $id ] = array_merge( $records[ $id ], $changes );
			$order->update_meta_data( MetaKeys::NOTIFICATIONS, $records );
		}
	}

	/**
	 * Cancels every record that still expects work.
	 *
	 * @param \WC_Order $order  Session order.
	 * @param string    $reason Why (a CancelReasons value).
	 * @return int Records canceled.
	 */
	public static function cancel_pending( \WC_Order $order, string $reason ): int {
		$canceled = 0;
		foreach ( self::all( $order ) as $id => $record ) {
			if ( self::is_pending( $record ) ) {
				self::transition( $order, (string) $id, NotificationStates::CANCELED, array( 'cancel_reason' => $reason ) );
				++$canceled;
			}
		}
		return $canceled;
	}
}
