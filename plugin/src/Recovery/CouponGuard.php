<?php
/**
 * Keeps CartBay recovery coupons inside their recovery: the restored session, its email, no subscriptions,
 * and only the products and quantities of the saved cart.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Offers\RecoveryCoupon;

defined( 'ABSPATH' ) || exit;

/**
 * A `_cartbay_generated` coupon is valid only in the cart its restore link rebuilt (the WooCommerce
 * session's restored session id equals the coupon's session id), for the email it was made for, never
 * on a cart holding WooCommerce Subscriptions products, and only while every line of the cart (or order) is
 * a product or variation of the saved cart the coupon was sent for, in at most the saved quantity: the
 * discount was offered for that cart, not for whatever the restored cart grows into. Other coupons pass
 * untouched.
 *
 * The saved cart is the one on the coupon (`_cartbay_coupon_items`, the session's snapshot when the coupon
 * email went out), not the session's current snapshot: capture and cart sync on the restored checkout keep
 * rewriting that one as the cart grows. Coupons made before the items were stored fall back to it.
 *
 * WooCommerce runs `woocommerce_coupon_is_valid` inside a try block and shows an exception's message as the
 * coupon error (WC_Discounts::is_coupon_valid()), so a refusal throws with a reason the shopper can act on.
 */
final class CouponGuard implements HookSubscriber {

	/**
	 * Product types WooCommerce Subscriptions adds.
	 */
	private const SUBSCRIPTION_TYPES = array( 'subscription', 'variable-subscription', 'subscription_variation' );

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Saved quantities of legacy coupons per session id, loaded once per request (WooCommerce validates
	 * coupons many times per request).
	 *
	 * @var array<string, array<string, int>>
	 */
	private $allowed = array();

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionRepository $sessions ) {
		$this->sessions = $sessions;
	}

	/**
	 * The hooks this service handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_coupon_is_valid' => array( 10, 3 ),
		);
	}

	/**
	 * Filter `woocommerce_coupon_is_valid`.
	 *
	 * @param bool               $valid     Validity so far.
	 * @param \WC_Coupon         $coupon    Coupon.
	 * @param \WC_Discounts|null $discounts What the coupon is applied to (a cart or an order).
	 * @return bool
	 * @throws \Exception When a CartBay coupon is used outside its recovery (message shown to the shopper).
	 */
	public function handle_woocommerce_coupon_is_valid( $valid, $coupon, $discounts = null ) {
		if ( ! $valid || ! $coupon instanceof \WC_Coupon || ! RecoveryCoupon::is_cartbay_coupon( $coupon ) ) {
			return $valid;
		}
		$reason = $this->refusal( $coupon, $discounts instanceof \WC_Discounts ? $discounts->get_object() : null );
		if ( '' !== $reason ) {
			throw new \Exception( esc_html( $reason ), (int) \WC_Coupon::E_WC_COUPON_INVALID_FILTERED );
		}
		return $valid;
	}

	/**
	 * Why this use of a CartBay coupon is refused, or '' when it is allowed.
	 *
	 * @param \WC_Coupon $coupon CartBay coupon.
	 * @param mixed      $target The cart or order it is applied to (null: the shopper's cart).
	 * @return string
	 */
	private function refusal( \WC_Coupon $coupon, $target ): string {
		$order       = $target instanceof \WC_Order ? $target : null;
		$session_id  = (string) $coupon->get_meta( MetaKeys::SESSION_ID );
		$restored_id = null !== $order ? (string) $order->get_meta( MetaKeys::RESTORED_SESSION_ID ) : RestoredCheckout::session_id();
		if ( '' === $session_id || '' === $restored_id || ! hash_equals( $session_id, $restored_id ) ) {
			return __( 'This recovery coupon only works with the saved cart it was sent for. Please open the link in your email to use it.', 'cartbay' );
		}

		$email       = self::normalize( (string) $coupon->get_meta( MetaKeys::EMAIL ) );
		$known_email = self::normalize( null !== $order ? (string) $order->get_billing_email() : $this->checkout_email() );
		if ( '' !== $known_email && '' !== $email && $known_email !== $email ) {
			return __( 'This recovery coupon can only be used with the email address it was sent to.', 'cartbay' );
		}

		foreach ( $this->products( $target ) as $product ) {
			if ( $this->is_subscription( $product ) ) {
				return __( 'Recovery coupons cannot be used on subscription products.', 'cartbay' );
			}
		}
		return $this->snapshot_refusal( $coupon, $session_id, $target );
	}

	/**
	 * Why the cart or order is not the saved cart any more, or '' while it still is (the same lines or
	 * fewer, in the same or smaller quantities).
	 *
	 * @param \WC_Coupon $coupon     CartBay coupon.
	 * @param string     $session_id The coupon's session id.
	 * @param mixed      $target     WC_Cart, WC_Order or null (the shopper's cart).
	 * @return string
	 */
	private function snapshot_refusal( \WC_Coupon $coupon, string $session_id, $target ): string {
		$items   = $coupon->get_meta( MetaKeys::COUPON_ITEMS );
		$allowed = is_array( $items ) ? array_map( 'intval', $items ) : $this->allowed_quantities( $session_id );
		$wanted  = array();
		$names   = array();
		foreach ( $this->lines( $target ) as $line ) {
			$wanted[ $line['key'] ] = ( $wanted[ $line['key'] ] ?? 0 ) + $line['quantity'];
			$names[ $line['key'] ]  = $line['name'];
		}
		foreach ( $wanted as $key => $quantity ) {
			if ( ! isset( $allowed[ $key ] ) ) {
				return sprintf(
					/* translators: %s: product name. */
					__( 'This recovery coupon only covers the items of your saved cart, and “%s” was not in it. Remove it from your cart to use the coupon.', 'cartbay' ),
					$names[ $key ]
				);
			}
			if ( $quantity > $allowed[ $key ] ) {
				return sprintf(
					/* translators: 1: quantity in the saved cart, 2: product name. */
					__( 'This recovery coupon only covers the quantities of your saved cart: at most %1$d × “%2$s”. Lower the quantity to use the coupon.', 'cartbay' ),
					$allowed[ $key ],
					$names[ $key ]
				);
			}
		}
		return '';
	}

	/**
	 * Quantity per product/variation in a session's current snapshot (empty when the session is gone): the
	 * saved cart of a coupon that carries none.
	 *
	 * @param string $session_id CartBay session id.
	 * @return array<string, int> "product_id:variation_id" → quantity.
	 */
	private function allowed_quantities( string $session_id ): array {
		if ( ! isset( $this->allowed[ $session_id ] ) ) {
			$session                      = $this->sessions->find( $session_id );
			$this->allowed[ $session_id ] = $session instanceof \WC_Order ? RecoveryCoupon::snapshot_quantities( $session->get_meta( MetaKeys::CART_SNAPSHOT ) ) : array();
		}
		return $this->allowed[ $session_id ];
	}

	/**
	 * The lines of the cart or order a coupon is applied to.
	 *
	 * @param mixed $target WC_Cart, WC_Order or null (the shopper's cart).
	 * @return array<int, array{key: string, quantity: int, name: string}>
	 */
	private function lines( $target ): array {
		$lines = array();
		if ( $target instanceof \WC_Order ) {
			foreach ( $target->get_items() as $item ) {
				if ( $item instanceof \WC_Order_Item_Product ) {
					$lines[] = array(
						'key'      => RecoveryCoupon::line_key( (int) $item->get_product_id(), (int) $item->get_variation_id() ),
						'quantity' => (int) $item->get_quantity(),
						'name'     => (string) $item->get_name(),
					);
				}
			}
			return $lines;
		}
		$cart = $target instanceof \WC_Cart ? $target : ( function_exists( 'WC' ) ? WC()->cart : null );
		if ( ! $cart instanceof \WC_Cart ) {
			return $lines;
		}
		foreach ( $cart->get_cart() as $line ) {
			$product = isset( $line['data'] ) && $line['data'] instanceof \WC_Product ? $line['data'] : null;
			$lines[] = array(
				'key'      => RecoveryCoupon::line_key( (int) ( $line['product_id'] ?? 0 ), (int) ( $line['variation_id'] ?? 0 ) ),
				'quantity' => (int) ( $line['quantity'] ?? 0 ),
				'name'     => null !== $product ? (string) $product->get_name() : __( 'an item', 'cartbay' ),
			);
		}
		return $lines;
	}

	/**
	 * The email of the checkout in progress: a posted billing email, else the customer's billing email.
	 *
	 * @return string
	 */
	private function checkout_email(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- read-only; WooCommerce verifies the checkout nonce.
		$posted = isset( $_POST['billing_email'] ) && is_string( $_POST['billing_email'] ) ? sanitize_email( wp_unslash( $_POST['billing_email'] ) ) : '';
		if ( '' !== $posted ) {
			return $posted;
		}
		$customer = function_exists( 'WC' ) ? WC()->customer : null;
		return $customer instanceof \WC_Customer ? (string) $customer->get_billing_email() : '';
	}

	/**
	 * Products of the cart or order a coupon is applied to.
	 *
	 * @param mixed $target WC_Cart, WC_Order or null (the shopper's cart).
	 * @return \WC_Product[]
	 */
	private function products( $target ): array {
		$products = array();
		if ( $target instanceof \WC_Order ) {
			foreach ( $target->get_items() as $item ) {
				$product = $item instanceof \WC_Order_Item_Product ? $item->get_product() : null;
				if ( $product instanceof \WC_Product ) {
					$products[] = $product;
				}
			}
			return $products;
		}
		$cart = $target instanceof \WC_Cart ? $target : ( function_exists( 'WC' ) ? WC()->cart : null );
		if ( ! $cart instanceof \WC_Cart ) {
			return $products;
		}
		foreach ( $cart->get_cart() as $line ) {
			if ( isset( $line['data'] ) && $line['data'] instanceof \WC_Product ) {
				$products[] = $line['data'];
			}
		}
		return $products;
	}

	/**
	 * Whether a product is a WooCommerce Subscriptions product (or one of its variations).
	 *
	 * @param \WC_Product $product Product.
	 * @return bool
	 */
	private function is_subscription( \WC_Product $product ): bool {
		if ( $product->is_type( self::SUBSCRIPTION_TYPES ) ) {
			return true;
		}
		return class_exists( 'WC_Subscriptions_Product' ) && \WC_Subscriptions_Product::is_subscription( $product );
	}

	/**
	 * An email as compared: trimmed and lower-cased.
	 *
	 * @param string $email Email.
	 * @return string
	 */
	private static function normalize( string $email ): string {
		return strtolower( trim( $email ) );
	}
}
