<?php
/**
 * Keeps recovery sessions out of WooCommerce Analytics.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\OrderStatuses;

defined( 'ABSPATH' ) || exit;

/**
 * Sessions are orders in storage only: WooCommerce Analytics leaves out every CartBay session status.
 */
final class WcAnalyticsExclusion implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_analytics_excluded_statuses' => array( 10, 1 ),
		);
	}

	/**
	 * `woocommerce_analytics_excluded_statuses`: adds the CartBay statuses.
	 *
	 * @param array $statuses Excluded status slugs (without wc-).
	 * @return array
	 */
	public static function handle_woocommerce_analytics_excluded_statuses( $statuses ) {
		$ours = array_map( static fn ( $slug ) => substr( $slug, 3 ), array_values( OrderStatuses::by_key() ) );
		return array_values( array_unique( array_merge( (array) $statuses, $ours ) ) );
	}
}
