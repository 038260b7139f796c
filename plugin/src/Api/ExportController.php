<?php
/**
 * ExportController (being built for issue 11).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * ExportController.
 */
final class ExportController {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function export() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
