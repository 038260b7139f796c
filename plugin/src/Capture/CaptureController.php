<?php
/**
 * REST handler of the public capture route.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

defined( 'ABSPATH' ) || exit;

/**
 * `POST cartbay/v1/capture`. Arguments arrive validated against the schema, rate limiting already done;
 * the transport checks (CaptureRequestGuard) run first here.
 */
final class CaptureController {

	/**
	 * Capture service.
	 *
	 * @var CaptureService
	 */
	private $capture;

	/**
	 * Constructor.
	 *
	 * @param CaptureService $capture Capture service.
	 */
	public function __construct( CaptureService $capture ) {
		$this->capture = $capture;
	}

	/**
	 * POST /capture: `{ session_id }` (null once the browser should forget its session).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function capture( \WP_REST_Request $request ) {
		// Before anything loads the shopper's WooCommerce session: a refused request must leave it untouched.
		$allowed = CaptureRequestGuard::check( $request );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		// REST requests do not load the shopper's WooCommerce session; the real cart lives there.
		if ( function_exists( 'wc_load_cart' ) && null === WC()->cart ) {
			wc_load_cart();
		}
		$input  = array(
			'email'      => $request->get_param( 'email' ),
			'consent'    => (bool) $request->get_param( 'consent' ),
			'source'     => (string) $request->get_param( 'source' ),
			'session_id' => $request->get_param( 'session_id' ),
			'cart'       => $request->get_param( 'cart' ),
		);
		$result = $this->capture->capture( array_filter( $input, static fn ( $value ) => null !== $value ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = rest_ensure_response( array( 'session_id' => $result ) );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}
}
