<?php
/**
 * What may go into a CartBay log entry: masked emails, no tokens, keys or cart contents.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Logging;

use WPAnchorBay\CartBay\Generated\LogSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Cleans an event name and its context before anything is written (and again before GET /logs answers):
 *
 * - emails are masked to their first character and domain (`j***@example.com`), plain or URL-encoded;
 * - full license keys (`WPAB-…`), bearer tokens, link token parameters and every run of 32 or more letters,
 *   digits, dashes or underscores (restore and unsubscribe tokens, hashes, session ids) become `[redacted]`;
 * - keys that name secrets or cart contents are dropped with their values;
 * - text is cut to LogSchema::MAX_VALUE_LENGTH, arrays to MAX_CONTEXT_KEYS keys and MAX_CONTEXT_DEPTH levels;
 *   objects and resources are dropped.
 */
final class LogSanitizer {

	/**
	 * What a removed secret is written as.
	 */
	public const REDACTED = '[redacted]';

	/**
	 * Context keys dropped with their values (secrets, personal data other than a masked email, cart contents).
	 */
	private const DROPPED_KEYS = array(
		'token',
		'restore_token',
		'unsubscribe_token',
		'unsub_token',
		'token_hash',
		'password',
		'secret',
		'license_key',
		'authorization',
		'cookie',
		'nonce',
		'cart',
		'cart_snapshot',
		'snapshot',
		'items',
		'cart_items',
		'lines',
		'products',
		'billing',
		'shipping',
		'address',
		'phone',
		'first_name',
		'last_name',
		'ip',
		'remote_addr',
		'user_agent',
	);

	/**
	 * A clean event name: lower-case letters, digits, dots and underscores, at most MAX_EVENT_LENGTH.
	 *
	 * @param string $event Event name.
	 * @return string
	 */
	public static function event( string $event ): string {
		$event = (string) preg_replace( '/[^a-z0-9_.]/', '', strtolower( $event ) );
		return substr( $event, 0, LogSchema::MAX_EVENT_LENGTH );
	}

	/**
	 * A clean context.
	 *
	 * @param array $context Context.
	 * @param int   $depth   Nesting level (0 at the top).
	 * @return array
	 */
	public static function context( array $context, int $depth = 0 ): array {
		$clean = array();
		foreach ( $context as $key => $value ) {
			if ( count( $clean ) >= LogSchema::MAX_CONTEXT_KEYS ) {
				break;
			}
			$key = is_int( $key ) ? $key : self::key( (string) $key );
			if ( '' === $key || ( is_string( $key ) && in_array( $key, self::DROPPED_KEYS, true ) ) ) {
				continue;
			}
			if ( is_array( $value ) ) {
				if ( $depth + 1 < LogSchema::MAX_CONTEXT_DEPTH ) {
					$clean[ $key ] = self::context( $value, $depth + 1 );
				}
				continue;
			}
			if ( is_bool( $value ) || is_int( $value ) || is_float( $value ) || null === $value ) {
				$clean[ $key ] = $value;
			} elseif ( is_string( $value ) ) {
				$clean[ $key ] = self::text( $value );
			}
		}
		return $clean;
	}

	/**
	 * A clean text: emails masked, secrets removed, cut to MAX_VALUE_LENGTH characters.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function text( string $text ): string {
		$text = wp_check_invalid_utf8( $text, true );
		$text = (string) preg_replace( '/[\x00-\x1F\x7F]+/', ' ', $text );
		// License keys and bearer tokens first (a key is shorter than the generic run below).
		$text = (string) preg_replace( '/WPAB-[A-Z0-9]{12}-[A-Z0-9]{12}/i', self::REDACTED, $text );
		$text = (string) preg_replace( '/\bBearer\s+[^\s"\',;]+/i', 'Bearer ' . self::REDACTED, $text );
		// Link and query parameters that carry a credential.
		$text = (string) preg_replace( '/((?:cartbay_restore|cartbay_unsubscribe|token|key|license_key|nonce|_wpnonce)=)[^&\s"\'#]+/i', '$1' . self::REDACTED, $text );
		// Emails: plain, then URL-encoded.
		$text = (string) preg_replace_callback( '/([A-Z0-9._%+\-])[A-Z0-9._%+\-]*(@|%40)([A-Z0-9\-]+(?:\.[A-Z0-9\-]+)+)/i', array( self::class, 'mask_email' ), $text );
		// Anything long enough to be a token, a hash or a session id.
		$text = (string) preg_replace( '/[A-Za-z0-9_\-]{32,}/', self::REDACTED, $text );
		if ( function_exists( 'mb_substr' ) ) {
			return mb_substr( $text, 0, LogSchema::MAX_VALUE_LENGTH );
		}
		return substr( $text, 0, LogSchema::MAX_VALUE_LENGTH );
	}

	/**
	 * `j***@example.com` for a matched email.
	 *
	 * @param string[] $matches First character, the at sign (plain or encoded) and the domain.
	 * @return string
	 */
	public static function mask_email( array $matches ): string {
		return $matches[1] . '***@' . strtolower( $matches[3] );
	}

	/**
	 * A context key: lower-case letters, digits and underscores, at most MAX_EVENT_LENGTH.
	 *
	 * @param string $key Key.
	 * @return string
	 */
	private static function key( string $key ): string {
		return substr( (string) preg_replace( '/[^a-z0-9_]/', '', strtolower( $key ) ), 0, LogSchema::MAX_EVENT_LENGTH );
	}
}
