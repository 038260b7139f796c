<?php
/**
 * A notification record as the Notifications list, its Details modal and the emails export show it.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * Flattens one record of `_cartbay_notifications` (see NotificationLog) with its session: the recipient is
 * the session's captured email.
 */
final class NotificationRow {

	/**
	 * The list row of a record.
	 *
	 * @param array<string, mixed> $record Notification record.
	 * @param \WC_Order            $order  Its session.
	 * @return array<string, mixed>
	 */
	public static function of( array $record, \WC_Order $order ): array {
		return array(
			'notification_id' => (string) ( $record['id'] ?? '' ),
			'session_id'      => (string) $order->get_meta( MetaKeys::SESSION_ID ),
			'status'          => (string) ( $record['status'] ?? '' ),
			'recipient'       => (string) $order->get_meta( MetaKeys::EMAIL ),
			'step'            => (int) ( $record['step'] ?? 0 ),
			'email_type'      => (string) ( $record['email_id'] ?? '' ),
			'trigger'         => (string) ( $record['trigger'] ?? '' ),
			'scheduled_at'    => IsoTime::from( $record['scheduled_at'] ?? 0 ),
			'attempts'        => (int) ( $record['attempts'] ?? 0 ),
			'last_error'      => (string) ( $record['last_error'] ?? '' ),
		);
	}

	/**
	 * The record in full: the row, its lifecycle timestamps, retries, cancel reason, restore click and the
	 * order it led to.
	 *
	 * @param array<string, mixed> $record Notification record.
	 * @param \WC_Order            $order  Its session.
	 * @return array<string, mixed>
	 */
	public static function detail( array $record, \WC_Order $order ): array {
		$timestamps = array();
		foreach ( (array) ( $record['timestamps'] ?? array() ) as $state => $at ) {
			$timestamps[ (string) $state ] = IsoTime::from( $at );
		}
		$attempts  = (int) ( $record['attempts'] ?? 0 );
		$recovered = absint( $record['recovered_order_id'] ?? 0 );
		return self::of( $record, $order ) + array(
			'order_id'           => $order->get_id(),
			'session_status'     => SessionRow::status_key( $order ),
			'cancel_reason'      => (string) ( $record['cancel_reason'] ?? '' ),
			'timestamps'         => (object) $timestamps,
			'retries'            => max( 0, $attempts - 1 ),
			'restore_clicked_at' => IsoTime::from( $record['restore_clicked_at'] ?? 0 ),
			'recovered_order'    => $recovered > 0 ? LinkedOrder::summary( $recovered ) : null,
		);
	}

	/**
	 * Whether a record's row matches a search: part of the recipient, email type or trigger (any case), or
	 * exactly its session id or notification id.
	 *
	 * @param array<string, mixed> $row    A row (see of()).
	 * @param string               $search Trimmed search text ('' matches every row).
	 * @return bool
	 */
	public static function matches( array $row, string $search ): bool {
		if ( '' === $search ) {
			return true;
		}
		if ( $row['session_id'] === $search || $row['notification_id'] === $search ) {
			return true;
		}
		foreach ( array( 'recipient', 'email_type', 'trigger' ) as $field ) {
			if ( false !== stripos( (string) $row[ $field ], $search ) ) {
				return true;
			}
		}
		return false;
	}
}
