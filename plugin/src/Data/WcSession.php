<?php
/**
 * The shopper's WooCommerce session, where CartBay keeps what a browser owns (WcSessionKeys).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

defined( 'ABSPATH' ) || exit;

/**
 * The one reader of the WooCommerce session for BrowserSession (the capture handle) and RestoredCheckout
 * (what a restore link left): in-memory reads of the session this request loaded, and writes that outlive
 * the request.
 */
final class WcSession {

	/**
	 * The shopper's WooCommerce session, when this request has loaded one (not in cron, CLI or most REST calls).
	 *
	 * @return \WC_Session|null
	 */
	public static function current(): ?\WC_Session {
		$session = function_exists( 'WC' ) ? WC()->session : null;
		return $session instanceof \WC_Session ? $session : null;
	}

	/**
	 * A string value of the WooCommerce session, '' when there is none (or no session).
	 *
	 * @param string $key WcSessionKeys value.
	 * @return string
	 */
	public static function text( string $key ): string {
		$session = self::current();
		$value   = null === $session ? '' : $session->get( $key );
		return is_string( $value ) ? $value : '';
	}

	/**
	 * The session, about to be written: a guest without a session cookie gets one, or what is written now
	 * (or a notice added now) would be gone at the next page.
	 *
	 * @return \WC_Session|null
	 */
	public static function for_writing(): ?\WC_Session {
		$session = self::current();
		if ( $session instanceof \WC_Session_Handler && ! $session->has_session() ) {
			$session->set_customer_session_cookie( true );
		}
		return $session;
	}
}
