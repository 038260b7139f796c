<?php
/**
 * Opaque link tokens, stored only as SHA-256 hashes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Security;

defined( 'ABSPATH' ) || exit;

/**
 * Makes unguessable tokens and their hashes. The raw token leaves the server once, inside a link, and is
 * never stored or logged.
 */
final class TokenHelper {

	/**
	 * A new random token: 32 bytes, URL-safe base64 without padding.
	 *
	 * @return string
	 */
	public static function generate(): string {
		return rtrim( strtr( base64_encode( random_bytes( 32 ) ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- encoding random bytes for a URL, not obfuscation.
	}

	/**
	 * Whether a presented token could be one of ours (URL-safe base64, sane length): anything else is
	 * refused before it is hashed or looked up.
	 *
	 * @param string $token Token from a link.
	 * @return bool
	 */
	public static function is_well_formed( string $token ): bool {
		return 1 === preg_match( '/^[A-Za-z0-9_-]{16,128}$/', $token );
	}

	/**
	 * SHA-256 of a token, as stored.
	 *
	 * @param string $token Raw token.
	 * @return string
	 */
	public static function hash( string $token ): string {
		return hash( 'sha256', $token );
	}

	/**
	 * SHA-256 of a normalized (trimmed, lower-cased) email address.
	 *
	 * @param string $email Email address.
	 * @return string
	 */
	public static function email_hash( string $email ): string {
		return hash( 'sha256', strtolower( trim( $email ) ) );
	}
}
