<?php
/**
 * REST handlers of the license routes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\License\LicenseClient;
use WPAnchorBay\CartBay\License\LicenseKey;
use WPAnchorBay\CartBay\License\LicenseState;

defined( 'ABSPATH' ) || exit;

/**
 * `POST cartbay/v1/license/activate`, `GET cartbay/v1/license/status` and `POST cartbay/v1/license/deactivate`
 * (all need manage_woocommerce). Every answer shows the key masked, never the full key.
 */
final class LicenseController {

	/**
	 * License client.
	 *
	 * @var LicenseClient
	 */
	private $client;

	/**
	 * Stored license state.
	 *
	 * @var LicenseState
	 */
	private $state;

	/**
	 * Constructor.
	 *
	 * @param LicenseClient $client License client.
	 * @param LicenseState  $state  Stored license state.
	 */
	public function __construct( LicenseClient $client, LicenseState $state ) {
		$this->client = $client;
		$this->state  = $state;
	}

	/**
	 * POST /license/activate: the key format is checked before anything is sent.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function activate( \WP_REST_Request $request ) {
		$key = LicenseKey::normalize( $request->get_param( 'license_key' ) );
		if ( ! LicenseKey::is_well_formed( $key ) ) {
			return new \WP_Error(
				'cartbay_license_key_format',
				__( 'Enter the license key in the format WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX (letters and digits).', 'cartbay' ),
				array( 'status' => 400 )
			);
		}
		$state = $this->client->activate( $key );
		if ( is_wp_error( $state ) ) {
			return $state;
		}
		return rest_ensure_response( LicenseState::describe( $state ) );
	}

	/**
	 * GET /license/status: the stored state; `refresh=true` checks with the license server first.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function status( \WP_REST_Request $request ) {
		if ( true === $request->get_param( 'refresh' ) ) {
			$this->client->refresh_status( true );
		}
		return rest_ensure_response( LicenseState::describe( $this->state->read() ) );
	}

	/**
	 * POST /license/deactivate: removes the stored key and cached status; recovery keeps running.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function deactivate( \WP_REST_Request $request ) {
		unset( $request );
		$this->client->deactivate();
		return rest_ensure_response( LicenseState::describe( $this->state->read() ) );
	}
}
