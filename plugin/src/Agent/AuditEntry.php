<?php
/**
 * The audit entry of an allowed agent call.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the entry AgentAudit stores for a call that was allowed, from its outcome (REST and Abilities
 * alike): the access and gate it used, the sessions it touched, its result code and status, and whether
 * personal data left.
 */
final class AuditEntry {

	/**
	 * The entry.
	 *
	 * @param Principal                                                      $principal Who.
	 * @param string                                                         $surface   Surface.
	 * @param string                                                         $operation Operation.
	 * @param array<string, mixed>                                           $input     Input.
	 * @param array{data: mixed, session_ids: string[], pii: bool}|\WP_Error $result    Outcome.
	 * @return array<string, mixed>
	 */
	public static function of_call( Principal $principal, string $surface, string $operation, array $input, $result ): array {
		$action = is_string( $input['action'] ?? null ) ? $input['action'] : '';
		$access = PermissionService::required_access( $operation, $action );
		$failed = is_wp_error( $result );
		$data   = $failed ? (array) $result->get_error_data() : array();
		return array(
			'principal'   => $principal->label(),
			'surface'     => $surface,
			'operation'   => $operation,
			'action'      => $action,
			'session_ids' => $failed ? array( is_string( $input['id'] ?? null ) ? $input['id'] : '' ) : $result['session_ids'],
			'access'      => $access,
			'gate'        => AgentSchema::ACCESS[ $access ]['gate'] ?? null,
			'decision'    => 'allow',
			'code'        => $failed ? $result->get_error_code() : 'ok',
			'status'      => $failed ? (int) ( $data['status'] ?? 500 ) : 200,
			'pii'         => ! $failed && $result['pii'],
		);
	}
}
