<?php
/**
 * REST handlers of the agent routes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

defined( 'ABSPATH' ) || exit;

/**
 * `cartbay/v1/agent/*`: each handler turns the request into the operation's input, runs it for the principal
 * AgentRestGate authorized, audits the call with its result, and answers. Arguments were validated by
 * WordPress against the operation's input schema (plugin/schema/agent-routes.ts).
 */
final class AgentController {

	/**
	 * Operations.
	 *
	 * @var AgentService
	 */
	private $service;

	/**
	 * Gate (the authorized principal).
	 *
	 * @var AgentRestGate
	 */
	private $gate;

	/**
	 * Audit log.
	 *
	 * @var AgentAudit
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param AgentService  $service Operations.
	 * @param AgentRestGate $gate    Gate.
	 * @param AgentAudit    $audit   Audit log.
	 */
	public function __construct( AgentService $service, AgentRestGate $gate, AgentAudit $audit ) {
		$this->service = $service;
		$this->gate    = $gate;
		$this->audit   = $audit;
	}

	/**
	 * GET /agent/manifest.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function manifest( \WP_REST_Request $request ) {
		return $this->respond( $request, 'get_manifest', array() );
	}

	/**
	 * GET /agent/sessions.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function list_sessions( \WP_REST_Request $request ) {
		return $this->respond( $request, 'list_sessions', $request->get_params() );
	}

	/**
	 * GET /agent/sessions/{id}.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_session( \WP_REST_Request $request ) {
		return $this->respond( $request, 'get_session', array( 'id' => AgentRestGate::session_id( $request ) ) );
	}

	/**
	 * POST /agent/sessions/{id}/actions.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function run_session_action( \WP_REST_Request $request ) {
		// The session is the one in the path, whatever the body says.
		return $this->respond( $request, 'run_session_action', array( 'id' => AgentRestGate::session_id( $request ) ) + $request->get_params() );
	}

	/**
	 * GET /agent/analytics.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_analytics( \WP_REST_Request $request ) {
		return $this->respond( $request, 'get_analytics', $request->get_params() );
	}

	/**
	 * GET /agent/settings.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_settings( \WP_REST_Request $request ) {
		return $this->respond( $request, 'get_settings', array() );
	}

	/**
	 * PATCH /agent/settings: the body is the settings to change.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_settings( \WP_REST_Request $request ) {
		return $this->respond( $request, 'update_settings', array( 'settings' => self::body( $request ) ) );
	}

	/**
	 * GET /agent/campaign.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_campaign( \WP_REST_Request $request ) {
		return $this->respond( $request, 'get_campaign', array() );
	}

	/**
	 * PATCH /agent/campaign: the body is the campaign fields to change.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_campaign( \WP_REST_Request $request ) {
		return $this->respond( $request, 'update_campaign', array( 'campaign' => self::body( $request ) ) );
	}

	/**
	 * GET /agent/tokens.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function list_tokens( \WP_REST_Request $request ) {
		return $this->respond( $request, 'list_tokens', array() );
	}

	/**
	 * POST /agent/tokens: 201 with the secret, shown this once.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_token( \WP_REST_Request $request ) {
		$response = $this->respond( $request, 'create_token', $request->get_params() );
		if ( $response instanceof \WP_REST_Response ) {
			$response->set_status( 201 );
		}
		return $response;
	}

	/**
	 * DELETE /agent/tokens/{public_id}.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function revoke_token( \WP_REST_Request $request ) {
		return $this->respond( $request, 'revoke_token', array( 'public_id' => $request->get_param( 'public_id' ) ) );
	}

	/**
	 * GET /agent/audit-log.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_audit_log( \WP_REST_Request $request ) {
		return $this->respond( $request, 'get_audit_log', $request->get_params() );
	}

	/**
	 * Runs an operation for the authorized principal, audits it, and answers.
	 *
	 * @param \WP_REST_Request     $request   Request.
	 * @param string               $operation Operation.
	 * @param array<string, mixed> $input     Input.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private function respond( \WP_REST_Request $request, string $operation, array $input ) {
		$principal = $this->gate->principal_of( $request );
		if ( null === $principal ) {
			// Only reachable if a route skipped its permission callback: refuse rather than run unattributed.
			return PermissionService::error( 'unauthenticated' );
		}
		$result = $this->service->run( $operation, $principal, $input, 'rest' );
		$this->audit->record( AuditEntry::of_call( $principal, 'rest', $operation, $input, $result ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = rest_ensure_response( $result['data'] );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * The JSON object body of an update.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private static function body( \WP_REST_Request $request ): array {
		$body = $request->get_json_params();
		return is_array( $body ) ? $body : (array) $request->get_body_params();
	}
}
