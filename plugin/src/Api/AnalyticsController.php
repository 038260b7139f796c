<?php
/**
 * AnalyticsController (being built for issue 11).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * AnalyticsController.
 */
final class AnalyticsController {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function get_analytics() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function get_rebuild() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function start_rebuild() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
