<?php
/**
 * Rebuilds a WooCommerce cart from a session's cart snapshot, against today's catalogue.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

defined( 'ABSPATH' ) || exit;

/**
 * Checks every snapshot line first (product still there, published, purchasable, in stock, same price),
 * so a cart that cannot be restored at all leaves the shopper's current cart untouched. Prices always come
 * from the catalogue; the snapshot price only tells whether the shopper should be told it changed.
 */
final class CartRestorer {

	/**
	 * Why a line was not restored as it was: the product is gone or not sold any more.
	 */
	public const GONE = 'gone';

	/**
	 * Why a line was not restored as it was: not purchasable.
	 */
	public const UNAVAILABLE = 'unavailable';

	/**
	 * Why a line was not restored as it was: out of stock.
	 */
	public const OUT_OF_STOCK = 'out_of_stock';

	/**
	 * Why a line was not restored as it was: less stock than the saved quantity (restored with what is left).
	 */
	public const REDUCED = 'reduced';

	/**
	 * Why a line was not restored as it was: its price changed (restored at today's price).
	 */
	public const REPRICED = 'repriced';

	/**
	 * Why a line was not restored as it was: WooCommerce refused to add it (e.g. options no longer valid).
	 */
	public const REJECTED = 'rejected';

	/**
	 * Lines that can be added, and the problems of the others, without touching the cart.
	 *
	 * @param mixed $snapshot The stored `_cartbay_cart_snapshot` value (any shape: it is untrusted storage).
	 * @return array{lines: array<int, array>, problems: array<int, array{product_id: int, name: string, reason: string}>}
	 */
	public function plan( $snapshot ): array {
		$lines    = array();
		$problems = array();
		$items    = is_array( $snapshot ) && isset( $snapshot['items'] ) && is_array( $snapshot['items'] ) ? $snapshot['items'] : array();
		foreach ( $items as $item ) {
			if ( ! is_array( $item ) ) {
				continue;
			}
			$product_id   = absint( $item['product_id'] ?? 0 );
			$variation_id = absint( $item['variation_id'] ?? 0 );
			$quantity     = absint( $item['quantity'] ?? 0 );
			$name         = is_string( $item['name'] ?? null ) ? $item['name'] : '';
			if ( 0 === $product_id || 0 === $quantity ) {
				continue;
			}
			$product = wc_get_product( $variation_id > 0 ? $variation_id : $product_id );
			$problem = $this->unavailable_reason( $product, $product_id, $variation_id );
			if ( '' !== $problem ) {
				$problems[] = $this->problem( $product_id, $product instanceof \WC_Product ? $product->get_name() : $name, $problem );
				continue;
			}
			$name = $product->get_name();
			if ( $product->is_sold_individually() ) {
				$quantity = 1;
			}
			if ( $product->managing_stock() && ! $product->backorders_allowed() && ! $product->has_enough_stock( $quantity ) ) {
				$quantity   = max( 0, (int) $product->get_stock_quantity() );
				$problems[] = $this->problem( $product_id, $name, 0 === $quantity ? self::OUT_OF_STOCK : self::REDUCED );
				if ( 0 === $quantity ) {
					continue;
				}
			}
			$saved_price = isset( $item['price'] ) && is_numeric( $item['price'] ) ? (float) $item['price'] : null;
			if ( null !== $saved_price && abs( (float) wc_get_price_to_display( $product ) - $saved_price ) > 0.004 ) {
				$problems[] = $this->problem( $product_id, $name, self::REPRICED );
			}
			$lines[] = array(
				'product_id'   => $product_id,
				'variation_id' => $variation_id,
				'quantity'     => $quantity,
				'variation'    => $this->attributes( $item['variation'] ?? array() ),
				'name'         => $name,
			);
		}
		return array(
			'lines'    => $lines,
			'problems' => $problems,
		);
	}

	/**
	 * Empties the cart and adds the planned lines. WooCommerce's own add-to-cart notices are dropped: the
	 * caller tells the shopper the outcome in one notice.
	 *
	 * @param \WC_Cart          $cart  The shopper's cart.
	 * @param array<int, array> $lines Lines from plan().
	 * @return array{added: int, problems: array<int, array{product_id: int, name: string, reason: string}>}
	 */
	public function rebuild( \WC_Cart $cart, array $lines ): array {
		$notices  = wc_get_notices();
		$added    = 0;
		$problems = array();
		$cart->empty_cart();
		foreach ( $lines as $line ) {
			$key = $cart->add_to_cart( $line['product_id'], $line['quantity'], $line['variation_id'], $line['variation'] );
			if ( false === $key ) {
				$problems[] = $this->problem( $line['product_id'], $line['name'], self::REJECTED );
			} else {
				++$added;
			}
		}
		wc_set_notices( $notices );
		return array(
			'added'    => $added,
			'problems' => $problems,
		);
	}

	/**
	 * Why a snapshot line's product cannot be added at all, or ''.
	 *
	 * @param mixed $product      Product or variation, or whatever wc_get_product() gave.
	 * @param int   $product_id   Parent product id from the snapshot.
	 * @param int   $variation_id Variation id from the snapshot, or 0.
	 * @return string
	 */
	private function unavailable_reason( $product, int $product_id, int $variation_id ): string {
		if ( ! $product instanceof \WC_Product || 'publish' !== get_post_status( $product_id ) ) {
			return self::GONE;
		}
		$is_variation = $product->is_type( 'variation' );
		if ( $variation_id > 0 ? ( ! $is_variation || $product->get_parent_id() !== $product_id ) : ( $is_variation || $product->is_type( 'variable' ) ) ) {
			return self::GONE;
		}
		if ( ! $product->is_purchasable() ) {
			return self::UNAVAILABLE;
		}
		if ( ! $product->is_in_stock() ) {
			return self::OUT_OF_STOCK;
		}
		return '';
	}

	/**
	 * Variation attributes from storage: string keys starting with `attribute_`, string values.
	 *
	 * @param mixed $attributes Stored attributes.
	 * @return array<string, string>
	 */
	private function attributes( $attributes ): array {
		$clean = array();
		foreach ( is_array( $attributes ) ? $attributes : array() as $key => $value ) {
			if ( is_string( $key ) && 0 === strpos( $key, 'attribute_' ) && is_scalar( $value ) ) {
				$clean[ sanitize_title( $key ) ] = (string) $value;
			}
		}
		return $clean;
	}

	/**
	 * One problem record (product id, name for the shopper notice, reason).
	 *
	 * @param int    $product_id Product id.
	 * @param string $name       Product name.
	 * @param string $reason     One of the reason constants.
	 * @return array{product_id: int, name: string, reason: string}
	 */
	private function problem( int $product_id, string $name, string $reason ): array {
		return array(
			'product_id' => $product_id,
			'name'       => $name,
			'reason'     => $reason,
		);
	}
}
