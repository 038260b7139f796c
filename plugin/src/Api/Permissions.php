<?php
/**
 * Capability checks used as REST permission callbacks.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * Authorizes with real capabilities; a nonce only proves the request came from a logged-in screen.
 */
final class Permissions {

	/**
	 * Allows users who can manage WooCommerce (administrators and shop managers).
	 *
	 * @return true|\WP_Error 401 for anonymous requests, 403 for users without the capability.
	 */
	public static function can_manage_woocommerce() {
		if ( current_user_can( 'manage_woocommerce' ) ) {
			return true;
		}
		return new \WP_Error(
			'cartbay_rest_forbidden',
			__( 'Sorry, you are not allowed to manage CartBay.', 'cartbay' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
