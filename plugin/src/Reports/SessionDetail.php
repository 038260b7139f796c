<?php
/**
 * One session in full: the session details of the Sessions list.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Notifications\NotificationLog;

defined( 'ABSPATH' ) || exit;

/**
 * The list row plus what only the details show: consent, the cart snapshot's lines, the events timeline,
 * every notification record, the session's coupon and the order it recovered or influenced.
 */
final class SessionDetail {

	/**
	 * The details of a session.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>
	 */
	public static function of( \WC_Order $order ): array {
		$notifications = array();
		foreach ( NotificationLog::all( $order ) as $record ) {
			if ( is_array( $record ) ) {
				$notifications[] = NotificationRow::detail( $record, $order );
			}
		}
		$completed = absint( $order->get_meta( MetaKeys::COMPLETED_BEFORE_ABANDONMENT ) );
		$linked    = absint( $order->get_meta( MetaKeys::RECOVERED_ORDER_ID ) );
		$consent   = $order->get_meta( MetaKeys::CONSENT );
		return SessionRow::of( $order ) + array(
			'source'                       => (string) $order->get_meta( MetaKeys::SOURCE ),
			'cart_item_count'              => (int) $order->get_meta( MetaKeys::CART_ITEM_COUNT ),
			'captured_at'                  => IsoTime::from( $order->get_meta( MetaKeys::CAPTURED_AT ) ),
			'recovered_at'                 => IsoTime::from( $order->get_meta( MetaKeys::RECOVERED_AT ) ),
			'reverted_at'                  => IsoTime::from( $order->get_meta( MetaKeys::REVERTED_AT ) ),
			'recovery_method'              => (string) $order->get_meta( MetaKeys::RECOVERY_METHOD ),
			'superseded_by'                => (string) $order->get_meta( MetaKeys::SUPERSEDED_BY ),
			'completed_before_abandonment' => $completed > 0 ? $completed : null,
			'consent'                      => array(
				'given' => '' !== $consent && wc_string_to_bool( $consent ),
				'text'  => (string) $order->get_meta( MetaKeys::CONSENT_TEXT ),
				'at'    => IsoTime::from( $order->get_meta( MetaKeys::CONSENT_AT ) ),
			),
			'cart'                         => self::cart( $order ),
			'events'                       => self::events( $order ),
			'notifications'                => $notifications,
			'restore_clicked_at'           => IsoTime::from( self::restore_clicked_at( $order ) ),
			'coupon'                       => self::coupon( $order ),
			'order'                        => $linked > 0 ? LinkedOrder::summary( $linked ) : null,
		);
	}

	/**
	 * The cart snapshot's lines and totals.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>
	 */
	private static function cart( \WC_Order $order ): array {
		$snapshot = $order->get_meta( MetaKeys::CART_SNAPSHOT );
		$lines    = array();
		foreach ( ( is_array( $snapshot ) && is_array( $snapshot['items'] ?? null ) ) ? $snapshot['items'] : array() as $item ) {
			if ( ! is_array( $item ) ) {
				continue;
			}
			$lines[] = array(
				'product_id'   => (int) ( $item['product_id'] ?? 0 ),
				'variation_id' => (int) ( $item['variation_id'] ?? 0 ),
				'name'         => (string) ( $item['name'] ?? '' ),
				'quantity'     => (int) ( $item['quantity'] ?? 0 ),
				'price'        => (float) ( $item['price'] ?? 0 ),
				'line_total'   => (float) ( $item['line_total'] ?? 0 ),
				'variation'    => (object) array_map( 'strval', is_array( $item['variation'] ?? null ) ? $item['variation'] : array() ),
			);
		}
		return array(
			'items'      => $lines,
			'total'      => (float) $order->get_meta( MetaKeys::CART_TOTAL ),
			'currency'   => SessionRow::currency( $order ),
			'item_count' => (int) $order->get_meta( MetaKeys::CART_ITEM_COUNT ),
		);
	}

	/**
	 * The events timeline, oldest first: name, moment and context (no PII is ever stored there).
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<int, array<string, mixed>>
	 */
	public static function events( \WC_Order $order ): array {
		$events = array();
		foreach ( SessionRepository::list_meta( $order, MetaKeys::EVENTS ) as $event ) {
			if ( is_array( $event ) ) {
				$events[] = array(
					'event' => (string) ( $event['event'] ?? '' ),
					'at'    => IsoTime::from( $event['at'] ?? 0 ),
					'data'  => (object) ( is_array( $event['data'] ?? null ) ? $event['data'] : array() ),
				);
			}
		}
		return $events;
	}

	/**
	 * The latest restore-link click recorded on the session's notifications (Unix time, 0 for none).
	 *
	 * @param \WC_Order $order Session order.
	 * @return int
	 */
	public static function restore_clicked_at( \WC_Order $order ): int {
		$latest = 0;
		foreach ( NotificationLog::all( $order ) as $record ) {
			$latest = max( $latest, is_array( $record ) ? IsoTime::timestamp( $record['restore_clicked_at'] ?? 0 ) : 0 );
		}
		return $latest;
	}

	/**
	 * The session's CartBay coupon, code in full (the details are for the shop's managers), or null.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>|null
	 */
	private static function coupon( \WC_Order $order ): ?array {
		$code = (string) $order->get_meta( MetaKeys::COUPON_CODE );
		$id   = '' !== $code ? (int) wc_get_coupon_id_by_code( wc_format_coupon_code( $code ) ) : 0;
		if ( $id <= 0 ) {
			return null;
		}
		$coupon = new \WC_Coupon( $id );
		return $coupon->get_id() > 0 ? array_merge( CouponReport::summary( $coupon ), array( 'code' => CouponReport::full_code( $coupon ) ) ) : null;
	}
}
