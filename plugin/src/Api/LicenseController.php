<?php
/**
 * LicenseController (being built for issue 12).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * LicenseController.
 */
final class LicenseController {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function activate() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function status() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function deactivate() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
