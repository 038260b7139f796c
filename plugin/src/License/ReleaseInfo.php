<?php
/**
 * The newest CartBay release the license server offers this site.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\LicenseSchema;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * Asks GET /update-check/{slug}/{key} for the newest release and caches the cleaned answer in the
 * `cartbay_update_info` transient (LicenseSchema::UPDATE_CACHE_HOURS; a failed check is remembered for
 * LicenseSchema::UPDATE_RETRY_MINUTES), so WordPress's update flow does not call the server on every admin page.
 *
 * Only a site whose key the server activated for this host, with status active (or server_error after such
 * an activation), is offered updates: Dev Mode has no activation on the server, and expired or rejected keys
 * get no downloads. The download URL carries the key in its path, so what is cached (and what WordPress keeps
 * in its update transient) has the key masked; real_package() puts it back only when an upgrade starts.
 */
final class ReleaseInfo {

	/**
	 * Stored license state.
	 *
	 * @var LicenseState
	 */
	private $state;

	/**
	 * License server.
	 *
	 * @var LicenseServer
	 */
	private $server;

	/**
	 * Constructor.
	 *
	 * @param LicenseState  $state  Stored license state.
	 * @param LicenseServer $server License server.
	 */
	public function __construct( LicenseState $state, LicenseServer $server ) {
		$this->state  = $state;
		$this->server = $server;
	}

	/**
	 * The newest release: version, tested, requires, requires_php, last_updated, homepage, package (key
	 * masked) and readme sections. Null when this site gets no updates or the server could not say.
	 *
	 * @param bool $may_request Whether the server may be asked when nothing usable is cached.
	 * @return array{version: string, tested: string, requires: string, requires_php: string, last_updated: string, homepage: string, package: string, sections: array<string, string>}|null
	 */
	public function latest( bool $may_request ): ?array {
		$state = $this->state->read();
		if ( ! self::eligible( $state ) ) {
			return null;
		}
		$masked = LicenseKey::mask( $state['key'] );
		$cached = get_transient( Transients::UPDATE_INFO );
		if ( is_array( $cached ) && isset( $cached['key'] ) && $masked === $cached['key'] ) {
			return isset( $cached['release'] ) && is_array( $cached['release'] ) ? $cached['release'] : null;
		}
		if ( ! $may_request ) {
			return null;
		}

		$result  = $this->server->get(
			LicenseSchema::ROUTE_UPDATE_CHECK,
			array( LicenseSchema::PRODUCT_SLUG, $state['key'] ),
			array( 'host' => DevDomain::site_host() ),
			$state['key']
		);
		$release = is_wp_error( $result ) || 200 !== $result['code'] || null === $result['data'] ? null : $this->clean( $result['data'], $state['key'] );
		set_transient(
			Transients::UPDATE_INFO,
			array(
				'key'     => $masked,
				'release' => $release,
			),
			null === $release ? LicenseSchema::UPDATE_RETRY_MINUTES * MINUTE_IN_SECONDS : LicenseSchema::UPDATE_CACHE_HOURS * HOUR_IN_SECONDS
		);
		return $release;
	}

	/**
	 * Forgets the cached release and WordPress's plugin update transient (after an activation or removal).
	 */
	public function forget(): void {
		delete_transient( Transients::UPDATE_INFO );
		delete_site_transient( 'update_plugins' );
	}

	/**
	 * The download URL an upgrade really fetches: the stored key put back into a package URL this class
	 * handed out (the cached one, or one under the server's download route). Any other URL is left alone.
	 *
	 * @param string $package Package URL from WordPress's update transient.
	 * @return string
	 */
	public function real_package( string $package ): string {
		$state = $this->state->read();
		if ( '' === $state['key'] ) {
			return $package;
		}
		$masked = LicenseKey::mask( $state['key'] );
		$cached = get_transient( Transients::UPDATE_INFO );
		$ours   = is_array( $cached ) && isset( $cached['release']['package'] ) && $cached['release']['package'] === $package;
		$route  = $this->server->url( LicenseSchema::ROUTE_DOWNLOAD, array( LicenseSchema::PRODUCT_SLUG ) );
		if ( ! $ours && ( is_wp_error( $route ) || ! str_starts_with( $package, $route . '/' ) ) ) {
			return $package;
		}
		return str_replace( $masked, rawurlencode( $state['key'] ), $package );
	}

	/**
	 * Whether a state gets updates.
	 *
	 * @param array{key: string, status: string, domain: string} $state State.
	 * @return bool
	 */
	private static function eligible( array $state ): bool {
		return '' !== $state['key']
			&& '' !== $state['domain']
			&& DevDomain::site_host() === $state['domain']
			&& in_array( $state['status'], array( LicenseSchema::STATUS_ACTIVE, LicenseSchema::STATUS_SERVER_ERROR ), true );
	}

	/**
	 * The release in an update-check answer, cleaned; null without a usable version.
	 *
	 * @param array<mixed> $data Answer.
	 * @param string       $key  Key (masked in the package URL).
	 * @return array{version: string, tested: string, requires: string, requires_php: string, last_updated: string, homepage: string, package: string, sections: array<string, string>}|null
	 */
	private function clean( array $data, string $key ): ?array {
		$version = self::version( $data['new_version'] ?? ( $data['version'] ?? null ) );
		if ( '' === $version ) {
			return null;
		}
		$sections = array();
		if ( isset( $data['sections'] ) && is_array( $data['sections'] ) ) {
			foreach ( $data['sections'] as $name => $html ) {
				$name = sanitize_key( (string) $name );
				if ( '' !== $name && is_string( $html ) && count( $sections ) < 8 && strlen( $html ) <= LicenseSchema::MAX_RESPONSE_BYTES / 4 ) {
					$sections[ $name ] = wp_kses_post( $html );
				}
			}
		}
		$homepage = isset( $data['homepage'] ) && is_string( $data['homepage'] ) && str_starts_with( $data['homepage'], 'https://' ) ? esc_url_raw( $data['homepage'] ) : '';
		return array(
			'version'      => $version,
			'tested'       => self::version( $data['tested'] ?? null ),
			'requires'     => self::version( $data['requires'] ?? null ),
			'requires_php' => self::version( $data['requires_php'] ?? null ),
			'last_updated' => isset( $data['last_updated'] ) && is_string( $data['last_updated'] ) ? mb_substr( sanitize_text_field( $data['last_updated'] ), 0, 40 ) : '',
			'homepage'     => $homepage,
			'package'      => LicenseKey::redact( $this->package( $data, $key ), $key ),
			'sections'     => $sections,
		);
	}

	/**
	 * The protected download URL: the answer's `package` (or `download_url`) when it is https or on the
	 * license server itself, else the server's download route.
	 *
	 * @param array<mixed> $data Answer.
	 * @param string       $key  Key.
	 * @return string
	 */
	private function package( array $data, string $key ): string {
		$base = $this->server->base_url();
		foreach ( array( 'package', 'download_url' ) as $field ) {
			$url = isset( $data[ $field ] ) && is_string( $data[ $field ] ) ? trim( $data[ $field ] ) : '';
			if ( '' !== $url && strlen( $url ) <= 2048 && ( str_starts_with( $url, 'https://' ) || ( is_string( $base ) && self::same_origin( $url, $base ) ) ) ) {
				return esc_url_raw( $url );
			}
		}
		$url = $this->server->url( LicenseSchema::ROUTE_DOWNLOAD, array( LicenseSchema::PRODUCT_SLUG, $key ) );
		return is_wp_error( $url ) ? '' : add_query_arg( 'host', rawurlencode( DevDomain::site_host() ), $url );
	}

	/**
	 * Whether two URLs share scheme, host and port.
	 *
	 * @param string $url  URL.
	 * @param string $base Base URL.
	 * @return bool
	 */
	private static function same_origin( string $url, string $base ): bool {
		$a = wp_parse_url( $url );
		$b = wp_parse_url( $base );
		if ( ! is_array( $a ) || ! is_array( $b ) ) {
			return false;
		}
		foreach ( array( 'scheme', 'host', 'port' ) as $part ) {
			if ( ( $a[ $part ] ?? null ) !== ( $b[ $part ] ?? null ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A version number ("6.8", "1.2.3-beta.1") or ''.
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	private static function version( $value ): string {
		if ( is_int( $value ) || is_float( $value ) ) {
			$value = (string) $value;
		}
		return is_string( $value ) && strlen( $value ) <= 32 && 1 === preg_match( '/^\d+(\.\d+){0,3}([-+][0-9A-Za-z.]+)?$/D', $value ) ? $value : '';
	}
}
