<?php
/**
 * What a restore link left in the shopper's WooCommerce session: the attribution of this checkout.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\WcSession;
use WPAnchorBay\CartBay\Generated\WcSessionKeys;

defined( 'ABSPATH' ) || exit;

/**
 * One place that reads and writes the restored session id, the restore token hash and the restored email,
 * so the restore handler, the coupon guard and the order identity agree on them. Never the raw token.
 */
final class RestoredCheckout implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_thankyou' => array( 10, 1 ),
		);
	}

	/**
	 * `woocommerce_thankyou`: the restored checkout's order is placed (see forget()).
	 */
	public static function handle_woocommerce_thankyou(): void {
		self::forget();
	}

	/**
	 * Records that this browser's cart was rebuilt from a session.
	 *
	 * @param string $session_id CartBay session id.
	 * @param string $token_hash SHA-256 of the restore token used.
	 * @param string $email      The session's captured email.
	 */
	public static function remember( string $session_id, string $token_hash, string $email ): void {
		// A guest without a session cookie would lose all of this at the redirect.
		$session = WcSession::for_writing();
		if ( null === $session ) {
			return;
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
		$session = WcSession::current();
		if ( null === $session || '' === self::session_id() ) {
			return;
		}
		foreach ( array( WcSessionKeys::RESTORED_SESSION_ID, WcSessionKeys::RESTORE_TOKEN_HASH, WcSessionKeys::RESTORED_EMAIL ) as $key ) {
			$session->set( $key, null );
		}
	}

	/**
	 * The CartBay session this checkout was restored from, or ''.
	 *
	 * @return string
	 */
	public static function session_id(): string {
		return WcSession::text( WcSessionKeys::RESTORED_SESSION_ID );
	}

	/**
	 * Hash of the restore token this checkout came from, or ''.
	 *
	 * @return string
	 */
	public static function token_hash(): string {
		return WcSession::text( WcSessionKeys::RESTORE_TOKEN_HASH );
	}

	/**
	 * The captured email of the restored session, or ''.
	 *
	 * @return string
	 */
	public static function email(): string {
		return WcSession::text( WcSessionKeys::RESTORED_EMAIL );
	}
}
