<?php
/**
 * What a restore link left in the shopper's WooCommerce session: the attribution of this checkout.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Generated\WcSessionKeys;

defined( 'ABSPATH' ) || exit;

/**
 * One place that reads and writes the restored session id, the restore token hash and the restored email,
 * so the restore handler, the coupon guard and the order identity agree on them. Never the raw token.
 */
final class RestoredCheckout {

	/**
	 * Records that this browser's cart was rebuilt from a session.
	 *
	 * @param string $session_id CartBay session id.
	 * @param string $token_hash SHA-256 of the restore token used.
	 * @param string $email      The session's captured email.
	 */
	public static function remember( string $session_id, string $token_hash, string $email ): void {
		$session = self::session();
		if ( null === $session ) {
			return;
		}
		// A guest without a session cookie would lose all of this at the redirect.
		if ( $session instanceof \WC_Session_Handler && ! $session->has_session() ) {
			$session->set_customer_session_cookie( true );
		}
		$session->set( WcSessionKeys::RESTORED_SESSION_ID, $session_id );
		$session->set( WcSessionKeys::RESTORE_TOKEN_HASH, $token_hash );
		$session->set( WcSessionKeys::RESTORED_EMAIL, $email );
	}

	/**
	 * Forgets the restore once its order is placed (the thank-you page), so a later checkout in the same
	 * browser starts fresh. Not earlier: a failed payment retried from checkout still needs it.
	 */
	public static function forget(): void {
		$session = self::session();
		if ( null === $session || '' === self::session_id() ) {
			return;
		}
		foreach ( array( WcSessionKeys::RESTORED_SESSION_ID, WcSessionKeys::RESTORE_TOKEN_HASH, WcSessionKeys::RESTORED_EMAIL ) as $key ) {
			$session->set( $key, null );
		}
	}

	/**
	 * The CartBay session this checkout was restored from, or ''.
	 */
	public static function session_id(): string {
		return self::read( WcSessionKeys::RESTORED_SESSION_ID );
	}

	/**
	 * Hash of the restore token this checkout came from, or ''.
	 */
	public static function token_hash(): string {
		return self::read( WcSessionKeys::RESTORE_TOKEN_HASH );
	}

	/**
	 * The captured email of the restored session, or ''.
	 */
	public static function email(): string {
		return self::read( WcSessionKeys::RESTORED_EMAIL );
	}

	/**
	 * A string value of the WooCommerce session, '' when there is none.
	 *
	 * @param string $key WcSessionKeys value.
	 */
	private static function read( string $key ): string {
		$session = self::session();
		$value   = null === $session ? '' : $session->get( $key );
		return is_string( $value ) ? $value : '';
	}

	/**
	 * The shopper's WooCommerce session, when this request has one (not in cron, CLI or most REST calls).
	 */
	private static function session(): ?\WC_Session {
		$session = function_exists( 'WC' ) ? WC()->session : null;
		return $session instanceof \WC_Session ? $session : null;
	}
}
