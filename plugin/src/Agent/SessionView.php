<?php
/**
 * What an agent sees of a session: masked by default.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Reports\IsoTime;
use WPAnchorBay\CartBay\Reports\SessionDetail;
use WPAnchorBay\CartBay\Reports\SessionRow;

defined( 'ABSPATH' ) || exit;

/**
 * The masked view is built from an allow-list, never by removing fields from the full one, so a field added
 * to the admin details later stays out of it: status, money figures, dates, counts, event names and
 * notification lifecycles, with the email as `a***@example.com`. No cart lines, coupon code, order id,
 * mailer error text or event data. The unmasked view (sensitive access and gate) is the admin details.
 */
final class SessionView {

	/**
	 * What the mask shows of the local part (its first character) before this.
	 */
	private const HIDDEN = '***';

	/**
	 * A session's list row.
	 *
	 * @param \WC_Order $order  Session order.
	 * @param bool      $unmask Raw personal data allowed.
	 * @return array<string, mixed>
	 */
	public static function row( \WC_Order $order, bool $unmask ): array {
		$row = SessionRow::of( $order );
		if ( $unmask ) {
			return $row + array( 'masked' => false );
		}
		return array(
			'session_id'          => $row['session_id'],
			'email'               => self::mask_email( (string) $row['email'] ),
			'status'              => $row['status'],
			'cart_total'          => $row['cart_total'],
			'currency'            => $row['currency'],
			'created_at'          => $row['created_at'],
			'last_activity_at'    => $row['last_activity_at'],
			'abandoned_at'        => $row['abandoned_at'],
			'emails_sent'         => $row['emails_sent'],
			'attribution'         => $row['attribution'],
			'recovered_revenue'   => $row['recovered_revenue'],
			'influenced_revenue'  => $row['influenced_revenue'],
			'has_recovered_order' => null !== $row['recovered_order_id'],
			'masked'              => true,
		);
	}

	/**
	 * A session's details.
	 *
	 * @param \WC_Order $order  Session order.
	 * @param bool      $unmask Raw personal data allowed.
	 * @return array<string, mixed>
	 */
	public static function detail( \WC_Order $order, bool $unmask ): array {
		if ( $unmask ) {
			return SessionDetail::of( $order ) + array( 'masked' => false );
		}
		$notifications = array();
		foreach ( NotificationLog::all( $order ) as $record ) {
			if ( is_array( $record ) ) {
				$notifications[] = self::notification( $record );
			}
		}
		$events = array();
		foreach ( SessionDetail::events( $order ) as $event ) {
			$events[] = array(
				'event' => $event['event'],
				'at'    => $event['at'],
			);
		}
		return array_merge(
			self::row( $order, false ),
			array(
				'source'          => (string) $order->get_meta( MetaKeys::SOURCE ),
				'cart_item_count' => (int) $order->get_meta( MetaKeys::CART_ITEM_COUNT ),
				'captured_at'     => IsoTime::from( $order->get_meta( MetaKeys::CAPTURED_AT ) ),
				'recovered_at'    => IsoTime::from( $order->get_meta( MetaKeys::RECOVERED_AT ) ),
				'reverted_at'     => IsoTime::from( $order->get_meta( MetaKeys::REVERTED_AT ) ),
				'recovery_method' => (string) $order->get_meta( MetaKeys::RECOVERY_METHOD ),
				'superseded'      => '' !== (string) $order->get_meta( MetaKeys::SUPERSEDED_BY ),
				'has_coupon'      => '' !== (string) $order->get_meta( MetaKeys::COUPON_CODE ),
				'events'          => $events,
				'notifications'   => $notifications,
				'masked'          => true,
			)
		);
	}

	/**
	 * A notification's lifecycle without its recipient or error text (mailer errors often quote the address).
	 *
	 * @param array<string, mixed> $record Notification record.
	 * @return array<string, mixed>
	 */
	private static function notification( array $record ): array {
		$timestamps = array();
		foreach ( (array) ( $record['timestamps'] ?? array() ) as $state => $at ) {
			$timestamps[ (string) $state ] = IsoTime::from( $at );
		}
		return array(
			'notification_id'    => (string) ( $record['id'] ?? '' ),
			'step'               => (int) ( $record['step'] ?? 0 ),
			'email_type'         => (string) ( $record['email_id'] ?? '' ),
			'status'             => (string) ( $record['status'] ?? '' ),
			'trigger'            => (string) ( $record['trigger'] ?? '' ),
			'scheduled_at'       => IsoTime::from( $record['scheduled_at'] ?? 0 ),
			'attempts'           => (int) ( $record['attempts'] ?? 0 ),
			'has_error'          => '' !== (string) ( $record['last_error'] ?? '' ),
			'cancel_reason'      => (string) ( $record['cancel_reason'] ?? '' ),
			'timestamps'         => (object) $timestamps,
			'restore_clicked_at' => IsoTime::from( $record['restore_clicked_at'] ?? 0 ),
		);
	}

	/**
	 * `shopper@example.com` → `s***@example.com`: the domain tells a support agent which mailbox provider
	 * bounces, the first character tells rows apart; nothing here can be written to.
	 *
	 * @param string $email Address.
	 * @return string
	 */
	public static function mask_email( string $email ): string {
		if ( '' === $email ) {
			return '';
		}
		$at = strrpos( $email, '@' );
		if ( false === $at || 0 === $at ) {
			return self::HIDDEN;
		}
		return mb_substr( $email, 0, 1 ) . self::HIDDEN . substr( $email, $at );
	}
}
