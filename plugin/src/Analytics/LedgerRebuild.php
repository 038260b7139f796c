<?php
/**
 * LedgerRebuild (being built for issue 11).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

defined( 'ABSPATH' ) || exit;

/**
 * LedgerRebuild.
 */
final class LedgerRebuild {

	/**
	 * Not built yet.
	 *
	 * @return \WP_Error
	 */
	public function run_batch() {
		return new \WP_Error( 'cartbay_not_built', 'Not built yet.', array( 'status' => 501 ) );
	}
}
