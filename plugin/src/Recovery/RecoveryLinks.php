<?php
/**
 * Restore and unsubscribe links: self-verifying signed tokens (Security/LinkSigner); restore tokens are
 * stored only as SHA-256 hashes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Security\LinkSigner;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Issues a fresh restore token per link and keeps every issued hash, so a link in an earlier email keeps
 * working after a later one is sent. Each hash is its own meta row (indexed lookup); restore hashes also
 * carry an expiry and the notification that carried them in `_cartbay_token_hashes`. Restore tokens carry
 * a MAC, so a forged one is refused before any lookup and a genuine one is never rate limited.
 *
 * The unsubscribe link names the email itself (its hash, signed): it needs no session and works after the
 * session is pruned. Its hash is also kept in `_cartbay_unsub_token_hash` (once per session), so the link
 * still finds its session if the signing key is ever replaced.
 *
 * Changes the session in memory only: the caller saves it.
 */
final class RecoveryLinks {

	/**
	 * A new restore link for a session.
	 *
	 * @param \WC_Order $order           Session order.
	 * @param string    $notification_id Notification whose email carries the link ('' for none).
	 * @return string
	 */
	public static function issue_restore( \WC_Order $order, string $notification_id = '' ): string {
		$token   = LinkSigner::restore_token();
		$hash    = TokenHelper::hash( $token );
		$expires = time() + RecoverySchema::RESTORE_TOKEN_DAYS * DAY_IN_SECONDS;

		$hashes          = SessionRepository::list_meta( $order, MetaKeys::TOKEN_HASHES );
		$hashes[ $hash ] = array(
			'expires_at'      => $expires,
			'notification_id' => $notification_id,
		);
		$order->update_meta_data( MetaKeys::TOKEN_HASHES, $hashes );
		$order->add_meta_data( MetaKeys::TOKEN_HASH, $hash );
		$order->update_meta_data( MetaKeys::TOKEN_EXPIRES_AT, $expires );
		return add_query_arg( QueryArgs::RESTORE, rawurlencode( $token ), home_url( '/' ) );
	}

	/**
	 * The unsubscribe link of a session's email. Unsubscribe links do not expire: opting out must always work.
	 *
	 * @param \WC_Order $order Session order.
	 * @return string
	 */
	public static function issue_unsubscribe( \WC_Order $order ): string {
		$email = (string) $order->get_meta( MetaKeys::EMAIL );
		$email = '' !== $email ? $email : (string) $order->get_billing_email();
		$token = '' !== trim( $email ) ? LinkSigner::unsubscribe_token( TokenHelper::email_hash( $email ) ) : '';
		if ( '' === $token ) {
			// No email to sign (never the case for a sent email): a per-session token, as links used to be.
			$token = TokenHelper::generate();
		}
		$hash  = TokenHelper::hash( $token );
		$known = array_map( static fn ( $meta ) => $meta->value, $order->get_meta( MetaKeys::UNSUB_TOKEN_HASH, false ) );
		if ( ! in_array( $hash, $known, true ) ) {
			$order->add_meta_data( MetaKeys::UNSUB_TOKEN_HASH, $hash );
		}
		return self::unsubscribe_url( $token );
	}

	/**
	 * The URL of an unsubscribe token (the link, the one-click target and the confirmation form's action).
	 *
	 * @param string $token Token.
	 * @return string
	 */
	public static function unsubscribe_url( string $token ): string {
		return add_query_arg( QueryArgs::UNSUBSCRIBE, rawurlencode( $token ), home_url( '/' ) );
	}

	/**
	 * What a restore token hash grants on a session: its expiry and notification, or null when the session
	 * never issued it.
	 *
	 * @param \WC_Order $order Session order.
	 * @param string    $hash  SHA-256 of the presented token.
	 * @return array{expires_at: int, notification_id: string}|null
	 */
	public static function restore_grant( \WC_Order $order, string $hash ): ?array {
		$grant = SessionRepository::list_meta( $order, MetaKeys::TOKEN_HASHES )[ $hash ] ?? null;
		if ( ! is_array( $grant ) ) {
			return null;
		}
		return array(
			'expires_at'      => (int) ( $grant['expires_at'] ?? 0 ),
			'notification_id' => (string) ( $grant['notification_id'] ?? '' ),
		);
	}
}
