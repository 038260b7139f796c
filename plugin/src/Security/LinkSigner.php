<?php
/**
 * Self-verifying link tokens: a body and a truncated HMAC of it, checked without any database lookup.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Security;

use WPAnchorBay\CartBay\Generated\Options;

defined( 'ABSPATH' ) || exit;

/**
 * A token is `{body}{mac}`: a 32-byte body and the first 16 bytes of HMAC-SHA256 over the purpose and the
 * encoded body, both URL-safe base64 without padding (43 + 22 characters). A forged or tampered token
 * fails the MAC before anything is looked up, so a link that passes is known to have been issued here and
 * skips the rate limiter; only MAC failures and older unsigned tokens are counted.
 *
 * - Restore: the body is random; the session still keeps only the SHA-256 of the whole token.
 * - Unsubscribe: the body is the SHA-256 of the normalized email, so the link names its email without its
 *   session (it keeps working after the session is pruned). It is the same link in every email to that
 *   address and it never expires: opting out must always work.
 *
 * The key is a random secret in the non-autoloaded option `Options::UNSUBSCRIBE_KEY`, created on first use;
 * each purpose signs under its own label, so one kind of token is never accepted as the other. The key and
 * tokens are never logged.
 */
final class LinkSigner {

	/**
	 * Characters of a signed token: 43 for the 32-byte body, 22 for the 16-byte MAC.
	 */
	public const TOKEN_LENGTH = 65;

	/**
	 * Characters of the encoded body.
	 */
	private const BODY_LENGTH = 43;

	/**
	 * Bytes of the MAC kept in the token (128 bits).
	 */
	private const MAC_BYTES = 16;

	/**
	 * Purpose label signed with the body of restore tokens.
	 */
	private const RESTORE = 'restore';

	/**
	 * Purpose label signed with the body of unsubscribe tokens.
	 */
	private const UNSUBSCRIBE = 'unsubscribe';

	/**
	 * The key, once read in this request.
	 *
	 * @var string|null
	 */
	private static $key = null;

	/**
	 * A new restore token: a random body and its MAC.
	 *
	 * @return string
	 */
	public static function restore_token(): string {
		return self::sign( self::RESTORE, self::encode( random_bytes( 32 ) ) );
	}

	/**
	 * Whether a presented token is a restore token issued here (no lookup; the session decides the rest).
	 *
	 * @param string $token Token from a link.
	 * @return bool
	 */
	public static function is_restore_token( string $token ): bool {
		return '' !== self::verified_body( self::RESTORE, $token );
	}

	/**
	 * The unsubscribe token of an email.
	 *
	 * @param string $email_hash SHA-256 (hex) of the normalized email, as TokenHelper::email_hash() makes it.
	 * @return string The token, '' for a malformed hash.
	 */
	public static function unsubscribe_token( string $email_hash ): string {
		if ( 1 !== preg_match( '/^[0-9a-f]{64}$/', $email_hash ) ) {
			return '';
		}
		return self::sign( self::UNSUBSCRIBE, self::encode( (string) hex2bin( $email_hash ) ) );
	}

	/**
	 * The email hash an unsubscribe token was issued for.
	 *
	 * @param string $token Token from a link.
	 * @return string SHA-256 (hex) of the normalized email, '' when the token is not a valid signed one.
	 */
	public static function unsubscribe_email_hash( string $token ): string {
		$body = self::verified_body( self::UNSUBSCRIBE, $token );
		if ( '' === $body ) {
			return '';
		}
		$raw = self::decode( $body );
		return 32 === strlen( $raw ) ? bin2hex( $raw ) : '';
	}

	/**
	 * Whether a token has the shape of a signed one (length and alphabet); says nothing about its MAC.
	 *
	 * @param string $token Token from a link.
	 * @return bool
	 */
	public static function has_signed_shape( string $token ): bool {
		return self::TOKEN_LENGTH === strlen( $token ) && 1 === preg_match( '/^[A-Za-z0-9_-]+$/', $token );
	}

	/**
	 * Appends the MAC to an encoded body.
	 *
	 * @param string $purpose Purpose label.
	 * @param string $body    Encoded body.
	 * @return string
	 */
	private static function sign( string $purpose, string $body ): string {
		return $body . self::mac( $purpose, $body );
	}

	/**
	 * The encoded body of a token whose MAC is right, '' otherwise (compared in constant time).
	 *
	 * @param string $purpose Purpose label.
	 * @param string $token   Token from a link.
	 * @return string
	 */
	private static function verified_body( string $purpose, string $token ): string {
		if ( ! self::has_signed_shape( $token ) ) {
			return '';
		}
		$body = substr( $token, 0, self::BODY_LENGTH );
		return hash_equals( self::mac( $purpose, $body ), substr( $token, self::BODY_LENGTH ) ) ? $body : '';
	}

	/**
	 * The truncated, encoded HMAC of a purpose and body.
	 *
	 * @param string $purpose Purpose label.
	 * @param string $body    Encoded body.
	 * @return string
	 */
	private static function mac( string $purpose, string $body ): string {
		return self::encode( substr( hash_hmac( 'sha256', $purpose . '|' . $body, self::key(), true ), 0, self::MAC_BYTES ) );
	}

	/**
	 * URL-safe base64 without padding.
	 *
	 * @param string $bytes Raw bytes.
	 * @return string
	 */
	private static function encode( string $bytes ): string {
		return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- encoding bytes for a URL, not obfuscation.
	}

	/**
	 * Decodes URL-safe base64 without padding ('' when invalid).
	 *
	 * @param string $text Encoded text.
	 * @return string
	 */
	private static function decode( string $text ): string {
		$raw = base64_decode( strtr( $text, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- decoding a URL token, not obfuscation.
		return false === $raw ? '' : $raw;
	}

	/**
	 * The signing key: read from its non-autoloaded option, or created there with a CSPRNG on first use.
	 * Created with INSERT IGNORE, so two first requests at once agree on one key (add_option() would let
	 * the second overwrite the first, invalidating the links the first had just signed).
	 *
	 * @return string
	 */
	private static function key(): string {
		if ( null !== self::$key ) {
			return self::$key;
		}
		$stored = get_option( Options::UNSUBSCRIBE_KEY, '' );
		if ( ! is_string( $stored ) || strlen( $stored ) < 32 ) {
			global $wpdb;
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- atomic create of the secret, never autoloaded.
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", Options::UNSUBSCRIBE_KEY, bin2hex( random_bytes( 32 ) ) ) );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- read back whichever request's key won.
			$stored = (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", Options::UNSUBSCRIBE_KEY ) );
			self::forget_cached_absence();
			if ( strlen( $stored ) < 32 ) {
				// An unusable value someone stored by hand: replace it.
				$stored = bin2hex( random_bytes( 32 ) );
				update_option( Options::UNSUBSCRIBE_KEY, $stored, false );
			}
		}
		self::$key = $stored;
		return self::$key;
	}

	/**
	 * The option was written behind the options API: drop what its cache remembers about it.
	 */
	private static function forget_cached_absence(): void {
		wp_cache_delete( Options::UNSUBSCRIBE_KEY, 'options' );
		$notoptions = wp_cache_get( 'notoptions', 'options' );
		if ( is_array( $notoptions ) && isset( $notoptions[ Options::UNSUBSCRIBE_KEY ] ) ) {
			unset( $notoptions[ Options::UNSUBSCRIBE_KEY ] );
			wp_cache_set( 'notoptions', $notoptions, 'options' );
		}
	}
}
