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
 * Builds the entry AgentAudit stores for a call (REST and Abilities alike): an allowed one from its outcome
 * (the access and gate it used, the sessions it touched, its result code and status, whether personal data
 * left), a refused one from the refusal.
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

	/**
	 * The entry of a refused call: the signed-in user (0: anonymous; a refusal before the principal was
	 * verified is anonymous too), the access it needed, and the gate the refusal names, else the access's own.
	 *
	 * @param int       $user       Signed-in user id, 0 for nobody.
	 * @param string    $surface    Surface.
	 * @param string    $operation  Operation.
	 * @param string    $action     Session action ('' for other operations).
	 * @param string    $session_id Session the call named ('' for none).
	 * @param \WP_Error $refusal    The refusal.
	 * @return array<string, mixed>
	 */
	public static function of_denial( int $user, string $surface, string $operation, string $action, string $session_id, \WP_Error $refusal ): array {
		$data   = (array) $refusal->get_error_data();
		$access = PermissionService::required_access( $operation, $action );
		return array(
			'principal'   => $user > 0 ? 'user:' . $user : 'anonymous',
			'surface'     => $surface,
			'operation'   => $operation,
			'action'      => $action,
			'session_ids' => array( $session_id ),
			'access'      => $access,
			'gate'        => $data['gate'] ?? AgentSchema::ACCESS[ $access ]['gate'] ?? null,
			'decision'    => 'deny',
			'code'        => $refusal->get_error_code(),
			'status'      => (int) ( $data['status'] ?? 403 ),
		);
	}
}
