<?php
/**
 * Meta queries on orders that work with HPOS and with legacy (posts) storage.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use Automattic\WooCommerce\Utilities\OrderUtil;
use WPAnchorBay\CartBay\Core\HookSubscriber;

defined( 'ABSPATH' ) || exit;

/**
 * `wc_get_orders()` honours `meta_query` only on HPOS tables; the legacy data store ignores it (and logs
 * `_doing_it_wrong`). This passes the meta query as CartBay's own query var and, on legacy storage, hands
 * it to WP_Query through WooCommerce's documented `woocommerce_order_data_store_cpt_get_orders_query`.
 */
final class OrderMetaQuery implements HookSubscriber {

	/**
	 * The query var carrying the meta query on legacy storage.
	 */
	private const QUERY_VAR = 'cartbay_meta_query';

	/**
	 * The hooks this class handles (statically: nothing is built): the legacy-storage translation.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_order_data_store_cpt_get_orders_query' => array( 10, 2 ),
		);
	}

	/**
	 * `wc_get_orders()` arguments that filter by `$meta_query` on the active order storage.
	 *
	 * @param array<int|string, mixed> $meta_query A WP_Meta_Query clause list.
	 * @return array<string, mixed>
	 */
	public static function args( array $meta_query ): array {
		$hpos = class_exists( OrderUtil::class ) && OrderUtil::custom_orders_table_usage_is_enabled();
		return array( $hpos ? 'meta_query' : self::QUERY_VAR => $meta_query ); // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- indexed lookups through WooCommerce CRUD.
	}

	/**
	 * `woocommerce_order_data_store_cpt_get_orders_query`: moves CartBay's meta query into the WP_Query
	 * arguments of the legacy order data store.
	 *
	 * @param array $wp_query_args WP_Query arguments.
	 * @param array $query_vars    Query vars of wc_get_orders().
	 * @return array
	 */
	public static function handle_woocommerce_order_data_store_cpt_get_orders_query( $wp_query_args, $query_vars ) {
		if ( ! is_array( $wp_query_args ) || empty( $query_vars[ self::QUERY_VAR ] ) || ! is_array( $query_vars[ self::QUERY_VAR ] ) ) {
			return $wp_query_args;
		}
		unset( $wp_query_args[ self::QUERY_VAR ] );
		$wp_query_args['meta_query']   = isset( $wp_query_args['meta_query'] ) && is_array( $wp_query_args['meta_query'] ) ? $wp_query_args['meta_query'] : array(); // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
		$wp_query_args['meta_query'][] = $query_vars[ self::QUERY_VAR ];
		return $wp_query_args;
	}
}
