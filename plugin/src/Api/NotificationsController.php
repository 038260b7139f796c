<?php
/**
 * NotificationsController (being built for issue 11).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * NotificationsController.
 */
final class NotificationsController {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function list_notifications() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function get_notification() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
