<?php
/**
 * What a license-server answer to an activation or a check means.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\LicenseSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Reads an answer of POST /activate or GET /check into a local status. Anything that is not a clear verdict
 * on the key (no connection, a timeout, a rate limit, a server error, a body that is not JSON) is
 * `server_error`: the license is checked again later and CartBay keeps running.
 */
final class LicenseAnswer {

	/**
	 * Message code: the server could not be reached (or timed out).
	 */
	public const UNREACHABLE = 'unreachable';

	/**
	 * Message code: the server refused for too many requests (HTTP 429).
	 */
	public const BUSY = 'busy';

	/**
	 * Message code: the answer could not be read (not JSON, a server error, no verdict).
	 */
	public const UNREADABLE = 'unreadable';

	/**
	 * Message code: the license server URL is not https (nor http to a loopback host).
	 */
	public const INSECURE_SERVER = 'insecure_server';

	/**
	 * Message code: the server did not accept the key.
	 */
	public const REJECTED = 'rejected';

	/**
	 * Message code: the license term has ended.
	 */
	public const EXPIRED = 'expired';

	/**
	 * Message code: the key is valid but not activated for this site.
	 */
	public const SITE_INACTIVE = 'site_inactive';

	/**
	 * Message code: Dev Mode, no request made.
	 */
	public const DEV_DOMAIN = 'dev_domain';

	/**
	 * Message code: the server accepted the key.
	 */
	public const ACCEPTED = 'accepted';

	/**
	 * Status words the server uses, by local status.
	 */
	private const WORDS = array(
		LicenseSchema::STATUS_ACTIVE   => array( 'valid', 'active', 'activated' ),
		LicenseSchema::STATUS_EXPIRED  => array( 'expired' ),
		LicenseSchema::STATUS_INACTIVE => array( 'inactive', 'site_inactive', 'deactivated' ),
	);

	/**
	 * The local reading of a LicenseServer result.
	 *
	 * @param array<string, mixed>|\WP_Error $result Result of LicenseServer::post() or get().
	 * @param string                         $key    The key sent (masked out of the server's message).
	 * @return array{status: string, message: string, expires_at: string|null, plan: string|null, server_message: string}
	 */
	public static function read( $result, string $key ): array {
		if ( is_wp_error( $result ) ) {
			$code = 'cartbay_license_server_insecure' === $result->get_error_code() ? self::INSECURE_SERVER : self::UNREACHABLE;
			return self::answer( LicenseSchema::STATUS_SERVER_ERROR, $code );
		}
		$data = $result['data'];
		if ( 429 === $result['code'] ) {
			return self::answer( LicenseSchema::STATUS_SERVER_ERROR, self::BUSY );
		}
		if ( null === $data || $result['code'] >= 500 || $result['code'] < 200 || ( isset( $data['code'] ) && 'rest_no_route' === $data['code'] ) ) {
			return self::answer( LicenseSchema::STATUS_SERVER_ERROR, self::UNREADABLE );
		}

		$word    = self::word( $data );
		$success = self::flag( $data['success'] ?? null );
		$status  = '';
		foreach ( self::WORDS as $local => $words ) {
			if ( in_array( $word, $words, true ) ) {
				$status = $local;
			}
		}
		if ( LicenseSchema::STATUS_ACTIVE === $status && false === $success ) {
			$status = LicenseSchema::STATUS_INVALID; // A valid key the server still refused (an activation limit, say).
		} elseif ( '' === $status && '' !== $word ) {
			$status = LicenseSchema::STATUS_INVALID;
		} elseif ( '' === $status ) {
			if ( true === $success && $result['code'] < 300 ) {
				$status = LicenseSchema::STATUS_ACTIVE;
			} elseif ( false === $success || $result['code'] >= 400 ) {
				$status = LicenseSchema::STATUS_INVALID;
			} else {
				return self::answer( LicenseSchema::STATUS_SERVER_ERROR, self::UNREADABLE );
			}
		}

		$codes  = array(
			LicenseSchema::STATUS_ACTIVE   => self::ACCEPTED,
			LicenseSchema::STATUS_EXPIRED  => self::EXPIRED,
			LicenseSchema::STATUS_INACTIVE => self::SITE_INACTIVE,
			LicenseSchema::STATUS_INVALID  => self::REJECTED,
		);
		$answer = self::answer( $status, $codes[ $status ] );

		$answer['expires_at']     = self::date( $data['expires_at'] ?? ( $data['expires'] ?? null ) );
		$answer['plan']           = self::text( $data['plan'] ?? null, $key );
		$answer['server_message'] = (string) self::text( $data['message'] ?? null, $key );
		return $answer;
	}

	/**
	 * The translated text of a message code ('' for none).
	 *
	 * @param string $code Message code.
	 * @return string
	 */
	public static function message( string $code ): string {
		switch ( $code ) {
			case self::UNREACHABLE:
				return __( 'The license server could not be reached. CartBay keeps running and checks again later.', 'cartbay' );
			case self::BUSY:
				return __( 'The license server is busy (too many requests). CartBay keeps running; try again in a minute.', 'cartbay' );
			case self::UNREADABLE:
				return __( 'The license server gave an answer CartBay could not read. CartBay keeps running and checks again later.', 'cartbay' );
			case self::INSECURE_SERVER:
				return __( 'The license server address is not a secure (https) URL, so the key was not sent.', 'cartbay' );
			case self::REJECTED:
				return __( 'The license server did not accept this key.', 'cartbay' );
			case self::EXPIRED:
				return __( 'This license has expired. Renew it, then use Check Current License.', 'cartbay' );
			case self::SITE_INACTIVE:
				return __( 'The key is valid but not activated for this site.', 'cartbay' );
			case self::DEV_DOMAIN:
				return __( 'This is a development or staging site: the key is accepted locally without using an activation.', 'cartbay' );
			case self::ACCEPTED:
				return __( 'The license server accepted the key.', 'cartbay' );
		}
		return '';
	}

	/**
	 * An answer without server details.
	 *
	 * @param string $status  Local status.
	 * @param string $message Message code.
	 * @return array{status: string, message: string, expires_at: string|null, plan: string|null, server_message: string}
	 */
	public static function answer( string $status, string $message ): array {
		return array(
			'status'         => $status,
			'message'        => $message,
			'expires_at'     => null,
			'plan'           => null,
			'server_message' => '',
		);
	}

	/**
	 * The server's status word: `license`, else `status`, lower case.
	 *
	 * @param array<mixed> $data Answer.
	 * @return string
	 */
	private static function word( array $data ): string {
		foreach ( array( 'license', 'status' ) as $field ) {
			if ( isset( $data[ $field ] ) && is_string( $data[ $field ] ) && '' !== $data[ $field ] ) {
				return sanitize_key( $data[ $field ] );
			}
		}
		return '';
	}

	/**
	 * A JSON boolean the way servers write it: true/false, 1/0, "true"/"false"; null when absent or unclear.
	 *
	 * @param mixed $value Value.
	 * @return bool|null
	 */
	private static function flag( $value ): ?bool {
		if ( is_bool( $value ) ) {
			return $value;
		}
		if ( 1 === $value || '1' === $value || 'true' === $value ) {
			return true;
		}
		if ( 0 === $value || '0' === $value || 'false' === $value ) {
			return false;
		}
		return null;
	}

	/**
	 * A term end as ISO 8601 (UTC): from a Unix time or a date string; `lifetime`-like words kept as a short
	 * word; null otherwise.
	 *
	 * @param mixed $value Value.
	 * @return string|null
	 */
	private static function date( $value ): ?string {
		if ( is_int( $value ) || ( is_string( $value ) && ctype_digit( $value ) && strlen( $value ) <= 12 ) ) {
			return (int) $value > 0 ? gmdate( 'Y-m-d\TH:i:s\Z', (int) $value ) : null;
		}
		if ( ! is_string( $value ) || '' === $value || strlen( $value ) > 64 ) {
			return null;
		}
		if ( 1 === preg_match( '/^[a-z_]{1,20}$/i', $value ) ) {
			return strtolower( $value ); // "lifetime", "never".
		}
		$time = strtotime( $value . ( preg_match( '/(Z|[+-]\d\d:?\d\d|UTC|GMT)$/i', $value ) ? '' : ' UTC' ) );
		return false === $time ? null : gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}

	/**
	 * A short plain text from the server (the key masked out of it), or null.
	 *
	 * @param mixed  $value Value.
	 * @param string $key   Key.
	 * @return string|null
	 */
	private static function text( $value, string $key ): ?string {
		if ( ! is_string( $value ) && ! is_int( $value ) ) {
			return null;
		}
		$text = sanitize_text_field( LicenseKey::redact( (string) $value, $key ) );
		$text = mb_substr( $text, 0, LicenseSchema::MAX_TEXT_LENGTH );
		return '' === $text ? null : $text;
	}
}
