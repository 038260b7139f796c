<?php
/**
 * Session counts per status, cached for the admin screens.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * Computes the funnel counts through WooCommerce CRUD and keeps them in a transient.
 */
final class AnalyticsService {

	/**
	 * Handler of `cartbay_refresh_analytics`: recomputes and caches the counts.
	 *
	 * @return array{statuses: array<string, int>, generated_at: int}
	 */
	public function refresh_cache(): array {
		$counts = array();
		foreach ( OrderStatuses::by_key() as $key => $status ) {
			// paginate + limit 1 asks WooCommerce for the total without loading the orders.
			$result         = wc_get_orders(
				array(
					'status'      => $status,
					'created_via' => CARTBAY_CREATED_VIA,
					'limit'       => 1,
					'paginate'    => true,
					'return'      => 'ids',
				)
			);
			$counts[ $key ] = (int) $result->total;
		}
		$metrics = array(
			'statuses'     => $counts,
			'generated_at' => time(),
		);
		set_transient( Transients::ANALYTICS_CACHE, $metrics, HOUR_IN_SECONDS );
		return $metrics;
	}

	/**
	 * Handler of `cartbay_apply_analytics` (being built for issue 11).
	 */
	public function apply_pending(): void {
		$this->refresh_cache();
	}
}
