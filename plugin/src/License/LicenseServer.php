<?php
/**
 * The WPAnchorBay license server over HTTP.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\LicenseSchema;
use WPAnchorBay\CartBay\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * Where the license server is and how it is asked: from this WordPress server only, with a short timeout, no
 * redirects (a redirect could carry the key elsewhere) and a bounded answer. Failures are logged with the key
 * masked and come back as `WP_Error`; deciding what an answer means is LicenseAnswer's job.
 */
final class LicenseServer {

	/**
	 * The license server REST base: CARTBAY_LICENSE_SERVER, or what `cartbay_license_server_url` says.
	 *
	 * The filter is code and is trusted as such, with one limit: the key is never sent in clear text, so the
	 * URL must be https, or http to a loopback host (a local test server).
	 *
	 * @return string|\WP_Error Base URL without a trailing slash.
	 */
	public function base_url() {
		/**
		 * Filters the license server REST base (default: the CARTBAY_LICENSE_SERVER constant).
		 *
		 * @param string $url REST base, e.g. https://wpanchorbay.com/wp-json/license-server/v1.
		 */
		$url   = apply_filters( Hooks::LICENSE_SERVER_URL, CARTBAY_LICENSE_SERVER );
		$url   = is_string( $url ) ? untrailingslashit( trim( $url ) ) : '';
		$parts = '' === $url ? false : wp_parse_url( $url );
		$valid = is_array( $parts ) && isset( $parts['scheme'], $parts['host'] ) && ! isset( $parts['query'] ) && ! isset( $parts['fragment'] );
		if ( $valid ) {
			$scheme = strtolower( $parts['scheme'] );
			$valid  = 'https' === $scheme || ( 'http' === $scheme && self::is_loopback( (string) $parts['host'] ) );
		}
		if ( ! $valid ) {
			self::log( 'CartBay license server URL refused: it must be https (http only to a loopback host).' );
			return new \WP_Error( 'cartbay_license_server_insecure', __( 'The license server address is not a secure (https) URL.', 'cartbay' ) );
		}
		return $url;
	}

	/**
	 * The URL of a license-server route with path segments (each URL-encoded).
	 *
	 * @param string   $route    Route (LicenseSchema::ROUTE_*).
	 * @param string[] $segments Path segments after the route.
	 * @return string|\WP_Error
	 */
	public function url( string $route, array $segments = array() ) {
		$base = $this->base_url();
		if ( is_wp_error( $base ) ) {
			return $base;
		}
		$path = '';
		foreach ( $segments as $segment ) {
			$path .= '/' . rawurlencode( (string) $segment );
		}
		return $base . $route . $path;
	}

	/**
	 * POSTs a form to a route.
	 *
	 * @param string               $route Route (LicenseSchema::ROUTE_*).
	 * @param array<string, mixed> $body  Form fields.
	 * @param string               $key   The key the request carries (masked in any log line).
	 * @return array{code: int, data: array<mixed>|null, retry_after: int}|\WP_Error
	 */
	public function post( string $route, array $body, string $key ) {
		$url = $this->url( $route );
		if ( is_wp_error( $url ) ) {
			return $url;
		}
		return $this->send( 'POST', $url, array( 'body' => $body ), $route, $key );
	}

	/**
	 * GETs a route with path segments and query arguments.
	 *
	 * @param string                $route    Route (LicenseSchema::ROUTE_*).
	 * @param string[]              $segments Path segments.
	 * @param array<string, string> $query    Query arguments (URL-encoded here).
	 * @param string                $key      The key the request carries (masked in any log line).
	 * @return array{code: int, data: array<mixed>|null, retry_after: int}|\WP_Error
	 */
	public function get( string $route, array $segments, array $query, string $key ) {
		$url = $this->url( $route, $segments );
		if ( is_wp_error( $url ) ) {
			return $url;
		}
		return $this->send( 'GET', add_query_arg( array_map( 'rawurlencode', $query ), $url ), array(), $route, $key );
	}

	/**
	 * Whether a host is this machine.
	 *
	 * @param string $host Host.
	 * @return bool
	 */
	public static function is_loopback( string $host ): bool {
		return in_array( DevDomain::normalize_host( $host ), array( 'localhost', '127.0.0.1', '::1' ), true );
	}

	/**
	 * Sends one request.
	 *
	 * @param string               $method GET or POST.
	 * @param string               $url    URL.
	 * @param array<string, mixed> $args   Extra request arguments.
	 * @param string               $route  Route, for the log.
	 * @param string               $key    Key, masked in the log.
	 * @return array{code: int, data: array<mixed>|null, retry_after: int}|\WP_Error
	 */
	private function send( string $method, string $url, array $args, string $route, string $key ) {
		$args     = array_merge(
			array(
				'method'              => $method,
				'timeout'             => LicenseSchema::REQUEST_TIMEOUT_SECONDS,
				'redirection'         => 0,
				'limit_response_size' => LicenseSchema::MAX_RESPONSE_BYTES,
				'headers'             => array( 'Accept' => 'application/json' ),
				'user-agent'          => 'CartBay/' . CARTBAY_VERSION . '; ' . home_url( '/' ),
			),
			$args
		);
		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			self::log( LicenseKey::redact( sprintf( 'CartBay license server %1$s %2$s failed: %3$s (%4$s).', $method, $route, $response->get_error_message(), $response->get_error_code() ), $key ) );
			return new \WP_Error( 'cartbay_license_server_unreachable', __( 'The license server could not be reached.', 'cartbay' ) );
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true, 64 );
		if ( ! is_array( $data ) || 429 === $code || $code >= 500 ) {
			self::log( sprintf( 'CartBay license server %1$s %2$s answered HTTP %3$d%4$s.', $method, $route, $code, is_array( $data ) ? '' : ' without JSON' ) );
		}
		return array(
			'code'        => $code,
			'data'        => is_array( $data ) ? $data : null,
			'retry_after' => absint( wp_remote_retrieve_header( $response, 'retry-after' ) ),
		);
	}

	/**
	 * Logs a warning (Logger: WooCommerce log source cartbay and the CartBay log). Callers never pass the full key.
	 *
	 * @param string $message Message.
	 */
	private static function log( string $message ): void {
		Logger::warning( 'license.server_error', array( 'message' => $message ) );
	}
}
