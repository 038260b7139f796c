<?php
/**
 * Keeps CartBay's order statuses to CartBay's sessions.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\OrderStatuses;

defined( 'ABSPATH' ) || exit;

/**
 * A CartBay status (captured, abandoned, recovered, expired, suppressed) marks a recovery session, so
 * the Sessions list, its counts and the analytics select sessions by status alone: an indexed column on
 * both order storages, where checking `created_via` as well would read every session's meta on posts
 * storage. That holds only while no other order can take such a status, which WooCommerce would allow
 * (the order edit screen lists every registered status). So a save that moves another order into a
 * CartBay status keeps its previous status (pending payment for a new order) and says so in an order note.
 */
final class SessionStatusGuard implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			// Early, so the statuses other handlers of this save see are already the kept ones.
			'woocommerce_before_order_object_save' => array( 5, 1 ),
		);
	}

	/**
	 * Only orders of other origins about to get a CartBay status; a session pays one property read.
	 *
	 * @param mixed $order The order being saved.
	 * @return bool
	 */
	public static function should_handle_woocommerce_before_order_object_save( $order ): bool {
		return $order instanceof \WC_Order
			&& CARTBAY_CREATED_VIA !== $order->get_created_via()
			&& self::is_cartbay_status( $order->get_status( 'edit' ) );
	}

	/**
	 * Action `woocommerce_before_order_object_save`: puts the previous status back.
	 *
	 * @param \WC_Order $order Order of another origin about to be saved in a CartBay status.
	 */
	public static function handle_woocommerce_before_order_object_save( $order ): void {
		$saved    = (string) ( $order->get_data()['status'] ?? '' );
		$previous = '' !== $saved && ! self::is_cartbay_status( $saved ) ? $saved : 'pending';
		$refused  = $order->get_status( 'edit' );
		$order->set_status( $previous );
		self::forget_unchanged_transition( $order );
		if ( $order->get_id() > 0 ) {
			$order->add_order_note(
				sprintf(
					/* translators: %s: the refused status label, e.g. "Abandoned". */
					__( 'The status was not changed to "%s": CartBay statuses belong to CartBay recovery sessions only.', 'cartbay' ),
					wc_get_order_status_name( $refused )
				)
			);
		}
	}

	/**
	 * Drops the status transition WooCommerce recorded when the status ends where it started. WooCommerce
	 * has no public way to undo a pending status change, and the recorded X-to-X transition would add a
	 * "changed from X to X" note and fire the status hooks as if the order had moved.
	 *
	 * @param \WC_Order $order Order whose status was put back.
	 */
	private static function forget_unchanged_transition( \WC_Order $order ): void {
		$forget = function () {
			// Runs bound to the order (Closure::call), where the recorded transition is visible.
			if ( is_array( $this->status_transition ) && ( $this->status_transition['from'] ?? '' ) === ( $this->status_transition['to'] ?? '' ) ) {
				$this->status_transition = false;
			}
		};
		$forget->call( $order );
	}

	/**
	 * Whether a status slug (with or without the wc- prefix) is one of CartBay's.
	 *
	 * @param string $status Status slug.
	 * @return bool
	 */
	private static function is_cartbay_status( string $status ): bool {
		return '' !== $status && in_array( 'wc-' . preg_replace( '/^wc-/', '', $status ), OrderStatuses::by_key(), true );
	}
}
