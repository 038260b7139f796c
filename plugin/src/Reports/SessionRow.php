<?php
/**
 * One row of the Sessions list (and of its CSV export).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Notifications\NotificationLog;

defined( 'ABSPATH' ) || exit;

/**
 * The fields every report and export shows of a session. The analytics cards are sums over these rows, so
 * their names and meanings are fixed: money as numbers in the session's currency, moments in ISO 8601 UTC
 * (null when it never happened), `emails_sent` the session's notifications in sent or delivered state.
 */
final class SessionRow {

	/**
	 * The list row of a session.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>
	 */
	public static function of( \WC_Order $order ): array {
		$attribution = (string) $order->get_meta( MetaKeys::ATTRIBUTION );
		$recovered   = absint( $order->get_meta( MetaKeys::RECOVERED_ORDER_ID ) );
		return array(
			'session_id'         => (string) $order->get_meta( MetaKeys::SESSION_ID ),
			'order_id'           => $order->get_id(),
			'email'              => (string) $order->get_meta( MetaKeys::EMAIL ),
			'status'             => self::status_key( $order ),
			'cart_total'         => (float) $order->get_meta( MetaKeys::CART_TOTAL ),
			'currency'           => self::currency( $order ),
			'created_at'         => IsoTime::from( $order->get_date_created() ),
			'last_activity_at'   => IsoTime::from( $order->get_meta( MetaKeys::LAST_ACTIVITY_AT ) ),
			'abandoned_at'       => IsoTime::from( $order->get_meta( MetaKeys::ABANDONED_AT ) ),
			'emails_sent'        => self::emails_sent( $order ),
			'attribution'        => in_array( $attribution, array( RecoverySchema::ATTRIBUTION_RECOVERED, RecoverySchema::ATTRIBUTION_INFLUENCED ), true ) ? $attribution : null,
			'recovered_revenue'  => (float) $order->get_meta( MetaKeys::RECOVERED_REVENUE ),
			'influenced_revenue' => (float) $order->get_meta( MetaKeys::INFLUENCED_REVENUE ),
			'recovered_order_id' => $recovered > 0 ? $recovered : null,
		);
	}

	/**
	 * The session's status key (`abandoned`, …), '' for a status that is not CartBay's.
	 *
	 * @param \WC_Order $order Session order.
	 * @return string
	 */
	public static function status_key( \WC_Order $order ): string {
		$key = array_search( 'wc-' . $order->get_status(), OrderStatuses::by_key(), true );
		return false === $key ? '' : (string) $key;
	}

	/**
	 * The cart's currency (the order's when the session recorded none).
	 *
	 * @param \WC_Order $order Session order.
	 * @return string
	 */
	public static function currency( \WC_Order $order ): string {
		$currency = (string) $order->get_meta( MetaKeys::CURRENCY );
		return '' !== $currency ? $currency : (string) $order->get_currency();
	}

	/**
	 * Recovery emails of the session sent or delivered.
	 *
	 * @param \WC_Order $order Session order.
	 * @return int
	 */
	public static function emails_sent( \WC_Order $order ): int {
		$sent = 0;
		foreach ( NotificationLog::all( $order ) as $record ) {
			if ( is_array( $record ) && NotificationLog::is_sent( $record ) ) {
				++$sent;
			}
		}
		return $sent;
	}
}
