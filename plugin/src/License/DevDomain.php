<?php
/**
 * Development hosts: Dev Mode without a license request.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\LicenseSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Which hosts count as development or staging copies (LicenseSchema::DEV_HOSTS, DEV_HOST_SUFFIXES,
 * DEV_HOST_PREFIXES, DEV_HOST_INFIXES): there a key is accepted locally ("Dev Mode") and no activation slot is
 * used. The `cartbay_license_dev_domain_bypass` filter has the last word either way.
 */
final class DevDomain {

	/**
	 * The activation domain: the host of home_url(), normalized.
	 *
	 * @return string
	 */
	public static function site_host(): string {
		$host = wp_parse_url( home_url(), PHP_URL_HOST );
		return is_string( $host ) ? self::normalize_host( $host ) : '';
	}

	/**
	 * A host lower-cased, without IPv6 brackets or a trailing dot.
	 *
	 * @param string $host Host.
	 * @return string
	 */
	public static function normalize_host( string $host ): string {
		return rtrim( strtolower( trim( trim( $host ), '[]' ) ), '.' );
	}

	/**
	 * Whether a host is a development or staging host by name.
	 *
	 * @param string $host Host.
	 * @return bool
	 */
	public static function is_development_host( string $host ): bool {
		$host = self::normalize_host( $host );
		if ( '' === $host ) {
			return false;
		}
		if ( in_array( $host, LicenseSchema::DEV_HOSTS, true ) ) {
			return true;
		}
		foreach ( LicenseSchema::DEV_HOST_SUFFIXES as $suffix ) {
			if ( str_ends_with( $host, $suffix ) ) {
				return true;
			}
		}
		foreach ( LicenseSchema::DEV_HOST_PREFIXES as $prefix ) {
			if ( str_starts_with( $host, $prefix ) ) {
				return true;
			}
		}
		foreach ( LicenseSchema::DEV_HOST_INFIXES as $infix ) {
			if ( str_contains( $host, $infix ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether this site (or the given host) gets Dev Mode without a license request.
	 *
	 * @param string|null $host Host; the site's own when null.
	 * @return bool
	 */
	public static function bypass( ?string $host = null ): bool {
		$host = null === $host ? self::site_host() : self::normalize_host( $host );

		/**
		 * Filters whether a site gets Dev Mode (a key accepted locally, no license request, no activation slot).
		 *
		 * @param bool   $bypass Whether the host is a development host by name.
		 * @param string $host   Host of home_url(), lower case.
		 */
		return (bool) apply_filters( Hooks::LICENSE_DEV_DOMAIN_BYPASS, self::is_development_host( $host ), $host );
	}
}
