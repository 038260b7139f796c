<?php
/**
 * Keeps a session's `_cartbay_emails_sent` equal to its sent and delivered notifications.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * The Sessions list sorts by emails sent in the query, so the count is stored beside the notification
 * records: recounted whenever a session is saved in full (its first save at capture, and every send
 * outcome: the send itself, a late mail hook, a delivery confirmation) and written only when it changed,
 * in that same save. Every session gets the row (0) at capture, so the sort reads one indexed meta row per
 * session; sessions captured before the count existed get it at their next full save and meanwhile list
 * with the sessions without a value (SessionQuery).
 */
final class EmailsSentCounter implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_before_order_object_save' => array( 10, 1 ),
		);
	}

	/**
	 * Only CartBay sessions are recounted; other orders pay one property read.
	 *
	 * @param mixed $order The order being saved.
	 * @return bool
	 */
	public static function should_handle_woocommerce_before_order_object_save( $order ): bool {
		return $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via();
	}

	/**
	 * Action `woocommerce_before_order_object_save`: sets the stored count when it differs.
	 *
	 * @param \WC_Order $order Session order about to be saved.
	 */
	public static function handle_woocommerce_before_order_object_save( $order ): void {
		$sent = (string) SessionRow::emails_sent( $order );
		if ( $sent !== (string) $order->get_meta( MetaKeys::EMAILS_SENT ) ) {
			$order->update_meta_data( MetaKeys::EMAILS_SENT, $sent );
		}
	}
}
