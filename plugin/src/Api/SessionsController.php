<?php
/**
 * SessionsController (being built for issue 11).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * SessionsController.
 */
final class SessionsController {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function list_sessions() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function get_session() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
