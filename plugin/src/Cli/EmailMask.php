<?php
/**
 * Email addresses as command output shows them unless asked otherwise.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the first character of the local part and of the domain name and the top-level domain
 * (`shopper@example.com` → `s***@e***.com`): enough to tell rows apart on a screen or in a shared terminal
 * log, not enough to write to anyone.
 */
final class EmailMask {

	/**
	 * What stands for the hidden characters.
	 */
	private const HIDDEN = '***';

	/**
	 * The masked address ('' stays '').
	 *
	 * @param string $email Email address.
	 * @return string
	 */
	public static function mask( string $email ): string {
		if ( '' === $email ) {
			return '';
		}
		$at = strrpos( $email, '@' );
		if ( false === $at ) {
			return self::hide( $email );
		}
		$domain = substr( $email, $at + 1 );
		$dot    = strrpos( $domain, '.' );
		$name   = false === $dot ? $domain : substr( $domain, 0, $dot );
		$tld    = false === $dot ? '' : substr( $domain, $dot );
		return self::hide( substr( $email, 0, $at ) ) . '@' . self::hide( $name ) . $tld;
	}

	/**
	 * The first character of a part and the mask.
	 *
	 * @param string $part Part of an address.
	 * @return string
	 */
	private static function hide( string $part ): string {
		return '' === $part ? self::HIDDEN : mb_substr( $part, 0, 1 ) . self::HIDDEN;
	}
}
