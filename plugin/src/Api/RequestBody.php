<?php
/**
 * Request body shape checks that must run before WordPress touches the arguments.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

defined( 'ABSPATH' ) || exit;

/**
 * Endpoint-level validate callbacks. WordPress runs them before it sanitizes arguments, and skips the
 * sanitizing when they fail.
 */
final class RequestBody {

	/**
	 * Requires the JSON body (when there is one) to be an object: `{}` or `{"key": …}`, not a list or a
	 * scalar, and, when `$max_bytes` is given, no larger than that.
	 *
	 * @param \WP_REST_Request $request   Request.
	 * @param int              $max_bytes Largest body accepted; 0 for no limit.
	 * @return true|\WP_Error
	 */
	public static function require_object( \WP_REST_Request $request, int $max_bytes = 0 ) {
		if ( $max_bytes > 0 && strlen( (string) $request->get_body() ) > $max_bytes ) {
			return new \WP_Error(
				'cartbay_body_too_large',
				/* translators: %d: maximum request size in bytes. */
				sprintf( __( 'The request body is larger than %d bytes.', 'cartbay' ), $max_bytes ),
				array( 'status' => 413 )
			);
		}
		$body = $request->get_json_params();
		if ( null === $body || ( is_array( $body ) && ( array() === $body || ! array_is_list( $body ) ) ) ) {
			return true;
		}
		return new \WP_Error(
			'cartbay_invalid_body',
			__( 'Send the values to change as a JSON object, for example {"abandonment_timeout": 45}.', 'cartbay' ),
			array( 'status' => 400 )
		);
	}
}
