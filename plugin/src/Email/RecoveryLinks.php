<?php
/**
 * Restore and unsubscribe links: opaque random tokens, stored only as SHA-256 hashes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Email;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Issues a fresh token per link and keeps every issued hash, so a link in an earlier email keeps working
 * after a later one is sent. Each hash is its own meta row (indexed lookup); restore hashes also carry an
 * expiry and the notification that carried them in `_cartbay_token_hashes`.
 *
 * Changes the session in memory only: the caller saves it.
 */
final class RecoveryLinks {

	/**
	 * A new restore link for a session.
	 *
	 * @param \WC_Order $order           Session order.
	 * @param string    $notification_id Notification whose email carries the link ('' for none).
	 */
	public static function issue_restore( \WC_Order $order, string $notification_id = '' ): string {
		$token   = TokenHelper::generate();
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
	 * A new unsubscribe link for a session. Unsubscribe links do not expire: opting out must always work.
	 *
	 * @param \WC_Order $order Session order.
	 */
	public static function issue_unsubscribe( \WC_Order $order ): string {
		$token = TokenHelper::generate();
		$order->add_meta_data( MetaKeys::UNSUB_TOKEN_HASH, TokenHelper::hash( $token ) );
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
