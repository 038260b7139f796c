<?php
/**
 * A real WooCommerce order a report links to (the order a session recovered or influenced).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * Id, total, status and the admin edit link of an order, read through WooCommerce CRUD.
 */
final class LinkedOrder {

	/**
	 * The summary of an order, or null when it no longer exists.
	 *
	 * @param int $order_id Order id.
	 * @return array<string, mixed>|null
	 */
	public static function summary( int $order_id ): ?array {
		$order = $order_id > 0 ? wc_get_order( $order_id ) : false;
		if ( ! $order instanceof \WC_Order ) {
			return null;
		}
		return array(
			'id'             => $order->get_id(),
			'total'          => (float) $order->get_total(),
			'total_refunded' => (float) $order->get_total_refunded(),
			'currency'       => (string) $order->get_currency(),
			'status'         => (string) $order->get_status(),
			'attributed_to'  => (string) $order->get_meta( MetaKeys::ATTRIBUTED_SESSION_ID ),
			'date_created'   => IsoTime::from( $order->get_date_created() ),
			'edit_link'      => esc_url_raw( $order->get_edit_order_url() ),
		);
	}
}
