<?php
/**
 * CouponsController (being built for issue 11).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * CouponsController.
 */
final class CouponsController {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function list_coupons() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function get_coupon() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
