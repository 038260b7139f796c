<?php
/**
 * Carries the CartBay session onto the real order, and closes the session when the shopper buys first.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Recovery\RestoredCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * A shopper who orders before the cart is abandoned is never treated as abandoned: the session records
 * `completed_before_abandonment`, leaves the active statuses and its pending check is canceled. A session
 * that was abandoned, restored by a link and made live again by a capture on that checkout is the
 * exception: its order is a recovery, attributed by RecoveryMatcher once paid.
 */
final class OrderIdentity implements HookSubscriber {

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionRepository $sessions ) {
		$this->sessions = $sessions;
	}

	/**
	 * The hooks this service handles: classic checkout and the Store API (Block Checkout).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_checkout_create_order'                => array( 10, 1 ),
			'woocommerce_store_api_checkout_update_order_meta' => array( 10, 1 ),
			'woocommerce_checkout_order_processed'             => array( 10, 3 ),
			'woocommerce_store_api_checkout_order_processed'   => array( 10, 1 ),
		);
	}

	/**
	 * Classic checkout's `woocommerce_checkout_create_order`: the order being created gets the identity.
	 *
	 * @param \WC_Order $order Order being created.
	 */
	public function handle_woocommerce_checkout_create_order( $order ): void {
		$this->attach( $order );
	}

	/**
	 * The Store API's `woocommerce_store_api_checkout_update_order_meta`: the same, for Block Checkout.
	 *
	 * @param \WC_Order $order Order being created.
	 */
	public function handle_woocommerce_store_api_checkout_update_order_meta( $order ): void {
		$this->attach( $order );
	}

	/**
	 * Puts the browser's CartBay identity on the order being created (saved by WooCommerce after): its
	 * capture session id and, after a restore link, the restored session and the token's hash. These are
	 * what RecoveryMatcher attributes the paid order by.
	 *
	 * @param \WC_Order $order Order being created.
	 */
	private function attach( $order ): void {
		if ( ! $order instanceof \WC_Order || CARTBAY_CREATED_VIA === $order->get_created_via() ) {
			return;
		}
		$identity = array(
			// A real session only: a decoy names no session now, and could name this browser's next one.
			MetaKeys::SESSION_ID          => BrowserSession::session_handle(),
			MetaKeys::RESTORED_SESSION_ID => RestoredCheckout::session_id(),
			MetaKeys::RESTORE_TOKEN_HASH  => RestoredCheckout::token_hash(),
		);
		foreach ( $identity as $key => $value ) {
			if ( '' !== $value ) {
				$order->update_meta_data( $key, $value );
			}
		}
	}

	/**
	 * Classic checkout's `woocommerce_checkout_order_processed`.
	 *
	 * @param int       $order_id Order id.
	 * @param array     $posted   Posted data.
	 * @param \WC_Order $order    Order.
	 */
	public function handle_woocommerce_checkout_order_processed( $order_id, $posted, $order ): void {
		unset( $order_id, $posted );
		$this->complete( $order );
	}

	/**
	 * The Store API's `woocommerce_store_api_checkout_order_processed`.
	 *
	 * @param \WC_Order $order Order.
	 */
	public function handle_woocommerce_store_api_checkout_order_processed( $order ): void {
		$this->complete( $order );
	}

	/**
	 * Closes a still-captured session whose shopper placed this order.
	 *
	 * @param \WC_Order $order Placed order.
	 */
	private function complete( $order ): void {
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$session_id = (string) $order->get_meta( MetaKeys::SESSION_ID );
		$session    = $this->sessions->find( $session_id, array( OrderStatuses::CAPTURED ) );
		if ( ! $session instanceof \WC_Order ) {
			return;
		}
		$this->sessions->cancel_jobs( $session_id );
		if ( $this->reactivated_by_restore( $session, $order ) ) {
			// The shopper came back through a restore link and edited the checkout, which made the abandoned
			// session live again. This purchase is the recovery, not a purchase before abandonment: the
			// session goes back to abandoned, so RecoveryMatcher attributes it once the order is paid.
			$session->set_status( OrderStatuses::ABANDONED );
		} else {
			$session->update_meta_data( MetaKeys::COMPLETED_BEFORE_ABANDONMENT, $order->get_id() );
			$this->sessions->add_event( $session, SessionEvents::COMPLETED_BEFORE_ABANDONMENT, array( 'order_id' => $order->get_id() ) );
			// Out of the active statuses, so neither the scanner nor a later capture picks it up again.
			$session->set_status( OrderStatuses::EXPIRED );
		}
		$this->sessions->save( $session );
		BrowserSession::forget();
	}

	/**
	 * Whether a captured session is one that was abandoned, restored by a link into this order's checkout,
	 * and made live again by a capture on that checkout.
	 *
	 * @param \WC_Order $session Captured session.
	 * @param \WC_Order $order   Placed order.
	 * @return bool
	 */
	private function reactivated_by_restore( \WC_Order $session, \WC_Order $order ): bool {
		$restored = (string) $order->get_meta( MetaKeys::RESTORED_SESSION_ID );
		return '' !== $restored
			&& hash_equals( $restored, (string) $session->get_meta( MetaKeys::SESSION_ID ) )
			&& (int) $session->get_meta( MetaKeys::ABANDONED_AT ) > 0;
	}
}
