<?php
/**
 * A request that opens a link from a recovery email (restore or unsubscribe): what it carries and how it
 * is answered and logged.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * The token in the URL is the credential (no nonce: the links come from an email), so these requests are
 * never cached and never pass their URL on, and their log lines name a reason and a session order id only:
 * never a token, an email or its hash.
 */
final class LinkRequest {

	/**
	 * Seconds a rate-limited shopper is told to wait when the limiter names none.
	 */
	private const DEFAULT_RETRY_AFTER = 60;

	/**
	 * Whether the URL carries a link's query argument (fixed for the whole request).
	 *
	 * @param string $query_arg QueryArgs value.
	 * @return bool
	 */
	public static function present( string $query_arg ): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a link from an email: the token is the credential.
		return isset( $_GET[ $query_arg ] );
	}

	/**
	 * The token the URL carries, sanitized ('' when there is none or it is not a string).
	 *
	 * @param string $query_arg QueryArgs value.
	 * @return string
	 */
	public static function token( string $query_arg ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitized just below.
		$raw = isset( $_GET[ $query_arg ] ) ? wp_unslash( $_GET[ $query_arg ] ) : '';
		return is_string( $raw ) ? sanitize_text_field( $raw ) : '';
	}

	/**
	 * The HTTP method, upper-cased (GET when the server names none).
	 *
	 * @return string
	 */
	public static function method(): string {
		return isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
	}

	/**
	 * Headers of every answer to a link: not cached, and the token in this URL never passed on to the next
	 * site in a Referer header.
	 */
	public static function send_private_headers(): void {
		nocache_headers();
		header( 'Referrer-Policy: no-referrer' );
	}

	/**
	 * Seconds a rate-limit refusal asks the client to wait (its `Retry-After`).
	 *
	 * @param \WP_Error $error The limiter's refusal.
	 * @return int
	 */
	public static function retry_after( \WP_Error $error ): int {
		$data = $error->get_error_data();
		return (int) ( is_array( $data ) ? ( $data['retry_after'] ?? self::DEFAULT_RETRY_AFTER ) : self::DEFAULT_RETRY_AFTER );
	}

	/**
	 * Logs a link outcome (Logger): the event, a reason or count, and the session's order id.
	 *
	 * @param string         $event   Log event (`restore.refused`, `unsubscribe.done`, …).
	 * @param \WC_Order|null $session Session, if known.
	 * @param array          $context Reason or counts (no token, email or hash).
	 * @param string         $level   Level: info or warning.
	 */
	public static function log( string $event, ?\WC_Order $session, array $context = array(), string $level = 'warning' ): void {
		if ( null !== $session ) {
			$context['order_id'] = (int) $session->get_id();
		}
		if ( 'info' === $level ) {
			Logger::info( $event, $context );
			return;
		}
		Logger::warning( $event, $context );
	}
}
