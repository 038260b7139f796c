<?php
/**
 * Transport checks of the capture request, made before any capture work and before the shopper's
 * WooCommerce session is loaded.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Generated\Hooks;

defined( 'ABSPATH' ) || exit;

/**
 * A capture request is a same-origin `fetch()` with a JSON body, as the checkout scripts send it:
 * - `Content-Type: application/json` (else 415). A cross-site page cannot send that type without a CORS
 *   preflight, which WordPress does not grant, so a cross-site form post can never capture or withdraw;
 * - no `Origin` naming another origin, no `Sec-Fetch-Site: cross-site` (else 403);
 * - a browser signed in to WordPress proves it with the REST nonce the checkout page carries (`X-WP-Nonce`).
 *   Without it WordPress answers the request as a guest, and WooCommerce, seeing the signed-in customer's
 *   session cookie on a guest request, destroys that customer's session (WC_Session_Handler::init_session_cookie()
 *   → is_session_cookie_valid() → destroy_session()). Such a request is refused before WooCommerce loads the
 *   session, so nothing of it is touched (403);
 * - likewise a WooCommerce session cookie that belongs to an account other than the one signed in for this
 *   request (403).
 */
final class CaptureRequestGuard {

	/**
	 * The checks, in order. True when the request may go on.
	 *
	 * @param \WP_REST_Request $request Capture request.
	 * @return true|\WP_Error
	 */
	public static function check( \WP_REST_Request $request ) {
		if ( ! self::same_origin( $request ) ) {
			return new \WP_Error(
				'cartbay_cross_origin',
				__( 'Cart capture is only accepted from this store\'s own checkout.', 'cartbay' ),
				array( 'status' => 403 )
			);
		}
		$type = $request->get_content_type();
		if ( ! is_array( $type ) || 'application/json' !== strtolower( (string) ( $type['value'] ?? '' ) ) ) {
			return new \WP_Error(
				'cartbay_unsupported_media_type',
				__( 'Send the capture as JSON (Content-Type: application/json).', 'cartbay' ),
				array( 'status' => 415 )
			);
		}
		// Set by rest_cookie_collect_status(): the request carries a valid logged-in cookie. Still a guest here
		// means rest_cookie_check_errors() found no nonce and signed the request out.
		if ( true === ( $GLOBALS['wp_rest_auth_cookie'] ?? null ) && ! is_user_logged_in() ) {
			return new \WP_Error(
				'cartbay_nonce_required',
				__( 'Your sign-in could not be confirmed for this request. Reload the checkout page.', 'cartbay' ),
				array( 'status' => 403 )
			);
		}
		if ( self::foreign_wc_session() ) {
			return new \WP_Error(
				'cartbay_session_user_mismatch',
				__( 'This cart belongs to an account that is not signed in here. Reload the checkout page.', 'cartbay' ),
				array( 'status' => 403 )
			);
		}
		return true;
	}

	/**
	 * Whether no header names another origin than the store's.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return bool
	 */
	private static function same_origin( \WP_REST_Request $request ): bool {
		$fetch_site = strtolower( trim( (string) $request->get_header( 'sec_fetch_site' ) ) );
		if ( 'cross-site' === $fetch_site ) {
			return false;
		}
		$origin = trim( (string) $request->get_header( 'origin' ) );
		if ( '' === $origin ) {
			// Browsers send Origin with every cross-origin fetch; without one the request is not cross-site.
			return true;
		}
		return in_array( self::origin_of( $origin ), self::own_origins(), true );
	}

	/**
	 * The store's origins: those of the home and WordPress addresses.
	 *
	 * @return string[]
	 */
	private static function own_origins(): array {
		$origins = array();
		foreach ( array( home_url( '/' ), site_url( '/' ) ) as $url ) {
			$origin = self::origin_of( $url );
			if ( '' !== $origin ) {
				$origins[] = $origin;
			}
		}
		/**
		 * Origins (scheme://host[:port]) whose pages may send capture requests: by default the store's home
		 * and WordPress addresses. Add one for a checkout served from another domain of the same store.
		 *
		 * @param string[] $origins Allowed origins.
		 */
		$allowed = (array) apply_filters( Hooks::CAPTURE_ALLOWED_ORIGINS, array_values( array_unique( $origins ) ) );
		return array_map( static fn ( $origin ) => self::origin_of( (string) $origin ), $allowed );
	}

	/**
	 * Normalized origin of a URL or Origin header (lower-case scheme and host, default port dropped), or ''
	 * when it has none (`null`, a path, garbage).
	 *
	 * @param string $url URL or origin.
	 * @return string
	 */
	private static function origin_of( string $url ): string {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return '';
		}
		$scheme = strtolower( $parts['scheme'] );
		$port   = isset( $parts['port'] ) ? (int) $parts['port'] : 0;
		if ( ( 'https' === $scheme && 443 === $port ) || ( 'http' === $scheme && 80 === $port ) ) {
			$port = 0;
		}
		return $scheme . '://' . strtolower( $parts['host'] ) . ( $port > 0 ? ':' . $port : '' );
	}

	/**
	 * Whether the WooCommerce session cookie names a registered customer other than the current user,
	 * which WooCommerce would treat as a stale login and destroy.
	 *
	 * @return bool
	 */
	private static function foreign_wc_session(): bool {
		/**
		 * This filter is documented in woocommerce/includes/class-wc-session-handler.php
		 */
		$name = (string) apply_filters( 'woocommerce_cookie', 'wp_woocommerce_session_' . COOKIEHASH );
		if ( ! isset( $_COOKIE[ $name ] ) || ! is_string( $_COOKIE[ $name ] ) ) {
			return false;
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only compared, never stored or printed.
		$customer_id = strtok( wp_unslash( $_COOKIE[ $name ] ), '|' );
		if ( false === $customer_id || '' === $customer_id || str_starts_with( $customer_id, 't_' ) ) {
			// A guest session (WooCommerce's guest ids start with t_): nothing a guest request could destroy.
			return false;
		}
		return (string) get_current_user_id() !== $customer_id;
	}
}
