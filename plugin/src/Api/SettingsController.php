<?php
/**
 * REST handlers for the settings and campaign routes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Agent\PermissionService;
use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Generated\SettingsNormalizer;
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
	 * @return \WP_REST_Response|\WP_Error 403 when it would change an agent gate without
	 *                                  cartbay_agent_manage_access.
	 */
	public function update_settings( \WP_REST_Request $request ) {
		$body    = $this->object_body( $request );
		$changed = $this->changed_agent_gates( $body );
		if ( array() !== $changed && ! current_user_can( AgentSchema::ACCESS['manage_access']['capability'] ) ) {
			// Opening or closing an agent gate takes cartbay_agent_manage_access: a shop manager cannot open it.
			return PermissionService::error(
				'forbidden',
				array(
					'access'   => 'manage_access',
					'settings' => $changed,
				)
			);
		}
		return rest_ensure_response( $this->settings->update_settings( $body ) );
	}

	/**
	 * The agent gates a settings update would change (after normalization).
	 *
	 * @param array<string, mixed> $body Partial settings.
	 * @return string[] Setting keys.
	 */
	private function changed_agent_gates( array $body ): array {
		$current = $this->settings->get_settings();
		$next    = SettingsNormalizer::normalize_settings( $body, $current );
		return array_values(
			array_filter(
				AgentSchema::GATES,
				static fn ( $key ) => array_key_exists( $key, $body ) && $next[ $key ] !== $current[ $key ]
			)
		);
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
	 * @return \WP_REST_Response
	 */
	public function update_campaign( \WP_REST_Request $request ) {
		return rest_ensure_response( $this->settings->update_campaign( $this->object_body( $request ) ) );
	}

	/**
	 * The request body as an object: JSON (already checked by RequestBody::require_object()) or form fields.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private function object_body( \WP_REST_Request $request ): array {
		$body = $request->get_json_params();
		return is_array( $body ) ? $body : (array) $request->get_body_params();
	}
}
