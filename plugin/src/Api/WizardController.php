<?php
/**
 * REST: the setup wizard's state.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * `POST /wizard`: the wizard was finished or skipped. Idempotent: the completion time of the first call
 * is kept.
 */
final class WizardController {

	/**
	 * Marks the wizard complete and drops a pending first-run redirect.
	 *
	 * @param \WP_REST_Request $request Request (no arguments).
	 * @return \WP_REST_Response
	 */
	public function complete( \WP_REST_Request $request ): \WP_REST_Response {
		unset( $request );
		if ( ! get_option( Options::WIZARD_COMPLETE ) ) {
			update_option( Options::WIZARD_COMPLETE, time(), false );
		}
		delete_transient( Transients::WIZARD_REDIRECT );
		return rest_ensure_response( array( 'complete' => true ) );
	}
}
