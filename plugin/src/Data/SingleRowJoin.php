<?php
/**
 * Order queries whose meta joins match at most one row per order, run without GROUP BY.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use WPAnchorBay\CartBay\Core\HookSubscriber;

defined( 'ABSPATH' ) || exit;

/**
 * WP_Query (posts storage) groups by post id whenever a meta query joins, and WooCommerce's HPOS query
 * always groups by order id, in case a join matched several rows. Grouping makes the database build a
 * temporary table of every matching order before it sorts; without it, a sorted page of 20 is a top-20
 * sort. A query whose joins match at most one row per order (one clause per single-valued key, such as
 * the Sessions list sorted by cart total) passes args() and runs without the GROUP BY.
 */
final class SingleRowJoin implements HookSubscriber {

	/**
	 * The query var that marks such a query; WooCommerce passes unknown vars on to WP_Query.
	 */
	private const QUERY_VAR = 'cartbay_single_row_join';

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'posts_groupby'                          => array( 10, 2 ),
			'woocommerce_orders_table_query_clauses' => array( 10, 3 ),
		);
	}

	/**
	 * `wc_get_orders()` arguments that mark the query.
	 *
	 * @return array<string, bool>
	 */
	public static function args(): array {
		return array( self::QUERY_VAR => true );
	}

	/**
	 * Filter `posts_groupby` (posts storage): no GROUP BY for a marked query.
	 *
	 * @param string    $groupby GROUP BY clause.
	 * @param \WP_Query $query   The query.
	 * @return string
	 */
	public static function handle_posts_groupby( $groupby, $query ) {
		return $query instanceof \WP_Query && true === $query->get( self::QUERY_VAR ) ? '' : $groupby;
	}

	/**
	 * Filter `woocommerce_orders_table_query_clauses` (HPOS): no GROUP BY for a marked query.
	 *
	 * @param array $clauses Query clauses.
	 * @param mixed $query   The OrdersTableQuery.
	 * @param array $args    Query args.
	 * @return array
	 */
	public static function handle_woocommerce_orders_table_query_clauses( $clauses, $query, $args ) { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- the hook's signature.
		if ( is_array( $clauses ) && is_array( $args ) && true === ( $args[ self::QUERY_VAR ] ?? false ) ) {
			$clauses['groupby'] = '';
		}
		return $clauses;
	}
}
