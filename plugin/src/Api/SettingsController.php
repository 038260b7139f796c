<?php
/**
 * REST handlers for the settings and campaign routes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * `GET/PATCH cartbay/v1/settings` and `GET/PATCH cartbay/v1/campaign`.
 */
final class SettingsController {

	/**
	 * Settings storage.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings storage.
	 */
	public function __construct( SettingsRepository $settings ) {
		$this->settings = $settings;
	}

	/**
	 * GET /settings.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_settings( \WP_REST_Request $request ) {
		unset( $request );
		return rest_ensure_response( $this->settings->get_settings() );
	}

	/**
	 * PATCH /settings: merges, normalizes, saves and returns what was saved.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_settings( \WP_REST_Request $request ) {
		$input = $this->object_body( $request );
		if ( is_wp_error( $input ) ) {
			return $input;
		}
		return rest_ensure_response( $this->settings->update_settings( $input ) );
	}

	/**
	 * GET /campaign.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_campaign( \WP_REST_Request $request ) {
		unset( $request );
		return rest_ensure_response( $this->settings->get_campaign() );
	}

	/**
	 * PATCH /campaign: merges, normalizes (delays clamped and ordered), saves and returns what was saved.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_campaign( \WP_REST_Request $request ) {
		$input = $this->object_body( $request );
		if ( is_wp_error( $input ) ) {
			return $input;
		}
		return rest_ensure_response( $this->settings->update_campaign( $input ) );
	}

	/**
	 * The request body as an object (JSON or form-encoded). An empty body is an empty object.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function object_body( \WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( null === $body ) {
			$body = $request->get_body_params();
		}
		if ( ! is_array( $body ) || ( array() !== $body && array_is_list( $body ) ) ) {
			return new \WP_Error(
				'cartbay_invalid_body',
				__( 'Send the values to change as a JSON object, for example {"abandonment_timeout": 45}.', 'cartbay' ),
				array( 'status' => 400 )
			);
		}
		return $body;
	}
}
