<?php
/**
 * What retention does to the CartBay coupons of the sessions it deletes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * A generated coupon (`_cartbay_generated`) of a pruned session either goes (never used: nothing refers to it)
 * or stays without its raw email (used: it is part of an order's history): `_cartbay_email` and its email
 * restriction are removed, the email hash is kept for the per-email coupon limit, and the order the session
 * recovered is recorded on the coupon (`_cartbay_recovered_order_id`) so the link outlives the session.
 */
final class RetiredSessionCoupons {

	/**
	 * The generated coupons of some sessions, by session id: one query for the whole batch.
	 *
	 * @param string[] $session_ids CartBay session ids.
	 * @return array<string, \WC_Coupon[]>
	 */
	public static function of_sessions( array $session_ids ): array {
		$session_ids = array_values( array_filter( array_map( 'strval', $session_ids ) ) );
		if ( array() === $session_ids ) {
			return array();
		}
		$query      = new \WP_Query(
			array(
				'post_type'              => 'shop_coupon',
				'post_status'            => 'any',
				'posts_per_page'         => -1,
				'fields'                 => 'ids',
				'no_found_rows'          => true,
				'ignore_sticky_posts'    => true,
				'suppress_filters'       => true,
				'update_post_term_cache' => false,
				// phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- one keyed lookup per retention batch.
				'meta_query'             => array(
					'relation' => 'AND',
					array(
						'key'   => MetaKeys::COUPON_GENERATED,
						'value' => 'yes',
					),
					array(
						'key'     => MetaKeys::SESSION_ID,
						'value'   => $session_ids,
						'compare' => 'IN',
					),
				),
			)
		);
		$by_session = array();
		foreach ( $query->posts as $id ) {
			$coupon = new \WC_Coupon( (int) $id );
			if ( $coupon->get_id() ) {
				$by_session[ (string) $coupon->get_meta( MetaKeys::SESSION_ID ) ][] = $coupon;
			}
		}
		return $by_session;
	}

	/**
	 * Retires the coupons of a session that is being deleted.
	 *
	 * @param \WC_Coupon[] $coupons  The session's generated coupons.
	 * @param int          $order_id The order the session recovered or influenced (0: none).
	 * @return array{deleted: int, kept: int}
	 */
	public static function retire( array $coupons, int $order_id ): array {
		$done = array(
			'deleted' => 0,
			'kept'    => 0,
		);
		foreach ( $coupons as $coupon ) {
			if ( $coupon->get_usage_count() <= 0 ) {
				$coupon->delete( true );
				++$done['deleted'];
				continue;
			}
			$coupon->delete_meta_data( MetaKeys::EMAIL );
			$coupon->set_email_restrictions( array() );
			if ( $order_id > 0 && ! $coupon->get_meta( MetaKeys::RECOVERED_ORDER_ID ) ) {
				$coupon->update_meta_data( MetaKeys::RECOVERED_ORDER_ID, $order_id );
			}
			$coupon->save();
			++$done['kept'];
		}
		return $done;
	}
}
