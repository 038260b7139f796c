<?php
/**
 * WPAnchorBay license state: checked from the server, never from the browser.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * Refreshes the stored license status. A license-server failure is recorded as `server_error` and never
 * interrupts capture, emails or restores.
 */
final class LicenseClient {

	/**
	 * Handler of `cartbay_check_license`.
	 *
	 * @return string The resulting status: inactive, active, expired, invalid or server_error.
	 */
	public function refresh_status(): string {
		$data = get_option( Options::LICENSE_DATA, array() );
		$key  = is_array( $data ) && isset( $data['key'] ) && is_string( $data['key'] ) ? $data['key'] : '';
		if ( '' === $key ) {
			return 'inactive';
		}

		$response = wp_remote_get(
			add_query_arg(
				array(
					'license_key' => rawurlencode( $key ),
					'slug'        => 'cartbay',
					'domain'      => rawurlencode( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ),
				),
				CARTBAY_LICENSE_SERVER . '/check'
			),
			array( 'timeout' => 10 )
		);
		$body     = is_wp_error( $response ) ? null : json_decode( wp_remote_retrieve_body( $response ), true );
		$status   = 'server_error';
		if ( is_array( $body ) && isset( $body['status'] ) && is_string( $body['status'] ) ) {
			$status = in_array( $body['status'], array( 'active', 'expired', 'invalid' ), true ) ? $body['status'] : 'invalid';
		}

		$data['status']     = $status;
		$data['checked_at'] = time();
		update_option( Options::LICENSE_DATA, $data, false );
		set_transient( Transients::LICENSE_VALID, 'active' === $status || 'server_error' === $status, 12 * HOUR_IN_SECONDS );
		return $status;
	}
}
