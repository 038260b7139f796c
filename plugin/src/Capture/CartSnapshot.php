<?php
/**
 * The restore-ready snapshot of a shopper's cart.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the snapshot from the shopper's real WooCommerce cart, or from a client cart re-validated
 * against real products and prices (client prices are never read).
 */
final class CartSnapshot {

	/**
	 * Snapshot of the cart in the loaded WooCommerce session, or null when that cart is empty.
	 *
	 * @return array{items: array<int, array>, total: float, currency: string, item_count: int}|null
	 */
	public static function from_session(): ?array {
		$cart = WC()->cart;
		if ( ! $cart instanceof \WC_Cart || $cart->is_empty() ) {
			return null;
		}
		$items = array();
		foreach ( $cart->get_cart() as $line ) {
			$product = $line['data'] ?? null;
			if ( ! $product instanceof \WC_Product ) {
				continue;
			}
			$items[] = self::item(
				$product,
				(int) $line['product_id'],
				(int) ( $line['variation_id'] ?? 0 ),
				(int) $line['quantity'],
				array_map( 'strval', (array) ( $line['variation'] ?? array() ) )
			);
		}
		return self::summarize( $items, (float) $cart->get_total( 'edit' ) );
	}

	/**
	 * Snapshot of a client cart, every line checked against the catalogue.
	 *
	 * @param array $cart Validated `cart` argument: { items: [{ product_id, variation_id?, quantity, variation? }] }.
	 * @return array|\WP_Error|null Null for an empty cart.
	 */
	public static function from_client( array $cart ) {
		$items = array();
		foreach ( (array) ( $cart['items'] ?? array() ) as $line ) {
			$product_id   = (int) $line['product_id'];
			$variation_id = (int) ( $line['variation_id'] ?? 0 );
			$product      = wc_get_product( $variation_id > 0 ? $variation_id : $product_id );
			// The Store API names a variation line by the variation id alone; its parent is the product.
			if ( $variation_id === $product_id && $product instanceof \WC_Product_Variation ) {
				$product_id = $product->get_parent_id();
			}
			$valid = $product instanceof \WC_Product
				&& 'publish' === get_post_status( $product_id )
				&& $product->is_purchasable()
				&& ( $variation_id > 0
					? $product->is_type( 'variation' ) && $product->get_parent_id() === $product_id
					: ! $product->is_type( array( 'variation', 'variable' ) ) );
			if ( ! $valid ) {
				return new \WP_Error(
					'cartbay_invalid_cart_item',
					__( 'The cart holds a product that cannot be bought.', 'cartbay' ),
					array( 'status' => 400 )
				);
			}
			$items[] = self::item( $product, $product_id, $variation_id, (int) $line['quantity'], self::variation( $product, (array) ( $line['variation'] ?? array() ) ) );
		}
		if ( array() === $items ) {
			return null;
		}
		$total = array_sum( array_column( $items, 'line_total' ) );
		return self::summarize( $items, (float) $total );
	}

	/**
	 * The variation attributes of a line: the variation's own values, and the client's only for
	 * attributes the variation leaves open ("any").
	 *
	 * @param \WC_Product          $product Product or variation.
	 * @param array<string, mixed> $client  Client attributes.
	 * @return array<string, string>
	 */
	private static function variation( \WC_Product $product, array $client ): array {
		if ( ! $product instanceof \WC_Product_Variation ) {
			return array();
		}
		$attributes = array();
		foreach ( $product->get_variation_attributes() as $key => $value ) {
			$open               = '' === $value && isset( $client[ $key ] ) && is_string( $client[ $key ] );
			$attributes[ $key ] = $open ? sanitize_text_field( $client[ $key ] ) : (string) $value;
		}
		return $attributes;
	}

	/**
	 * One snapshot line with the catalogue's price.
	 *
	 * @param \WC_Product           $product      Product or variation.
	 * @param int                   $product_id   Parent product id.
	 * @param int                   $variation_id Variation id or 0.
	 * @param int                   $quantity     Quantity.
	 * @param array<string, string> $variation    Variation attributes.
	 * @return array<string, mixed>
	 */
	private static function item( \WC_Product $product, int $product_id, int $variation_id, int $quantity, array $variation ): array {
		$price = (float) wc_get_price_to_display( $product );
		ksort( $variation );
		return array(
			'product_id'   => $product_id,
			'variation_id' => $variation_id,
			'quantity'     => $quantity,
			'variation'    => $variation,
			'name'         => $product->get_name(),
			'price'        => $price,
			'line_total'   => round( $price * $quantity, wc_get_price_decimals() ),
		);
	}

	/**
	 * Totals and identities of a list of lines.
	 *
	 * @param array<int, array> $items Lines.
	 * @param float             $total Cart total.
	 * @return array{items: array<int, array>, total: float, currency: string, item_count: int}
	 */
	private static function summarize( array $items, float $total ): array {
		usort( $items, static fn ( $a, $b ) => array( $a['product_id'], $a['variation_id'] ) <=> array( $b['product_id'], $b['variation_id'] ) );
		return array(
			'items'      => $items,
			'total'      => $total,
			'currency'   => get_woocommerce_currency(),
			'item_count' => (int) array_sum( array_column( $items, 'quantity' ) ),
		);
	}

	/**
	 * Writes a snapshot and what is derived from it onto a session (without saving): the snapshot, its
	 * hash and fingerprint, total, currency and item count.
	 *
	 * @param \WC_Order $order    Session.
	 * @param array     $snapshot Snapshot.
	 */
	public static function store( \WC_Order $order, array $snapshot ): void {
		$order->update_meta_data( MetaKeys::CART_SNAPSHOT, $snapshot );
		$order->update_meta_data( MetaKeys::CART_HASH, self::hash( $snapshot ) );
		$order->update_meta_data( MetaKeys::CART_FINGERPRINT, self::fingerprint( $snapshot ) );
		// Stored as the strings the database gives back, so an unchanged value is not written again.
		$order->update_meta_data( MetaKeys::CART_TOTAL, self::total( $snapshot ) );
		$order->update_meta_data( MetaKeys::CURRENCY, $snapshot['currency'] );
		$order->update_meta_data( MetaKeys::CART_ITEM_COUNT, (string) $snapshot['item_count'] );
		self::sync_order_total( $order );
	}

	/**
	 * Keeps a session order's own total equal to its stored cart total (0 without one), so the Sessions list
	 * can sort by the order total: a column on HPOS, where sorting by a meta value costs a join per session.
	 * WooCommerce rounds the total to the store's price decimals, as it rounds cart totals.
	 *
	 * @param \WC_Order $order Session.
	 * @return bool Whether the total changed (it is not saved here).
	 */
	public static function sync_order_total( \WC_Order $order ): bool {
		$cart_total = $order->get_meta( MetaKeys::CART_TOTAL );
		$wanted     = wc_format_decimal( is_numeric( $cart_total ) ? $cart_total : 0, wc_get_price_decimals() );
		if ( (string) $order->get_total( 'edit' ) === (string) $wanted ) {
			return false;
		}
		$order->set_total( $wanted );
		return true;
	}

	/**
	 * Whether a snapshot differs from the one a session holds: other lines or quantities, or another total.
	 *
	 * @param \WC_Order $order    Session.
	 * @param array     $snapshot Snapshot.
	 * @return bool
	 */
	public static function differs( \WC_Order $order, array $snapshot ): bool {
		return (string) $order->get_meta( MetaKeys::CART_HASH ) !== self::hash( $snapshot )
			|| (string) $order->get_meta( MetaKeys::CART_TOTAL ) !== self::total( $snapshot );
	}

	/**
	 * The total as it is stored.
	 *
	 * @param array $snapshot Snapshot.
	 * @return string
	 */
	private static function total( array $snapshot ): string {
		return (string) wc_format_decimal( $snapshot['total'] );
	}

	/**
	 * Identity of the products in a cart, whatever their quantities: two carts with the same
	 * fingerprint are the same cart for dedupe.
	 *
	 * @param array $snapshot Snapshot.
	 * @return string
	 */
	public static function fingerprint( array $snapshot ): string {
		return self::digest( $snapshot, false );
	}

	/**
	 * Hash of the exact cart contents, quantities included.
	 *
	 * @param array $snapshot Snapshot.
	 * @return string
	 */
	public static function hash( array $snapshot ): string {
		return self::digest( $snapshot, true );
	}

	/**
	 * SHA-256 over the sorted line identities.
	 *
	 * @param array $snapshot      Snapshot.
	 * @param bool  $with_quantity Whether quantities count.
	 * @return string
	 */
	private static function digest( array $snapshot, bool $with_quantity ): string {
		$keys = array();
		foreach ( $snapshot['items'] as $item ) {
			$keys[] = $item['product_id'] . ':' . $item['variation_id'] . ':' . wp_json_encode( $item['variation'] )
				. ( $with_quantity ? ':' . $item['quantity'] : '' );
		}
		sort( $keys );
		return hash( 'sha256', implode( '|', $keys ) );
	}
}
