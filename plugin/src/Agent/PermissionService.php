<?php
/**
 * The one decision of every agent call, on every surface.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Principal × access × gates → allow, or a WP_Error whose code names what is missing. The order is fixed:
 * the master gate, the surface's gates (both before anyone is authenticated, so a closed door does no
 * token lookup), then the principal, its access (scope and capability), and last the access kind's own
 * gate. Contact, write and destructive calls need both their access and their gate; sensitive fields are
 * shown only when both are there (can_unmask()).
 */
final class PermissionService {

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings (the gates).
	 */
	public function __construct( SettingsRepository $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Whether a gate is open.
	 *
	 * @param string $gate AgentSchema::GATES key.
	 * @return bool
	 */
	public function gate_open( string $gate ): bool {
		$key = AgentSchema::GATES[ $gate ] ?? '';
		return '' !== $key && true === $this->settings->get( $key );
	}

	/**
	 * Reads the gates again (a long-running process: the settings may have changed since it started).
	 */
	public function refresh(): void {
		wp_cache_delete( 'alloptions', 'options' );
		$this->settings->forget();
	}

	/**
	 * Every gate and whether it is open.
	 *
	 * @return array<string, bool>
	 */
	public function gates(): array {
		$open = array();
		foreach ( array_keys( AgentSchema::GATES ) as $gate ) {
			$open[ $gate ] = $this->gate_open( $gate );
		}
		return $open;
	}

	/**
	 * Whether a surface is open: the master gate and the surface's own gates.
	 *
	 * @param string $surface AgentSchema::SURFACES key.
	 * @return true|\WP_Error
	 */
	public function surface_open( string $surface ) {
		if ( ! $this->gate_open( 'master' ) ) {
			return self::error( 'disabled', array( 'gate' => 'master' ) );
		}
		foreach ( AgentSchema::SURFACES[ $surface ] ?? array( 'master' ) as $gate ) {
			if ( ! $this->gate_open( $gate ) ) {
				return self::error( 'surface_disabled', array( 'gate' => $gate ) );
			}
		}
		return true;
	}

	/**
	 * The access an operation needs (a session action's own access for `run_session_action`).
	 *
	 * @param string $operation AgentSchema::OPERATIONS key.
	 * @param string $action    Session action, for `action` operations.
	 * @return string
	 */
	public static function required_access( string $operation, string $action = '' ): string {
		$access = AgentSchema::OPERATIONS[ $operation ]['access'] ?? '';
		if ( 'action' === $access ) {
			// An unknown action (the input schema refuses it first) needs the strictest kind.
			return AgentSchema::SESSION_ACTIONS[ $action ] ?? 'destructive';
		}
		return '' !== $access ? $access : 'manage_access';
	}

	/**
	 * The decision.
	 *
	 * @param string   $surface   AgentSchema::SURFACES key.
	 * @param callable $principal Resolves the principal: returns a Principal or a WP_Error (called only when
	 *                            the surface is open).
	 * @param string   $operation AgentSchema::OPERATIONS key.
	 * @param string   $action    Session action, for `run_session_action`.
	 * @return Principal|\WP_Error The allowed principal.
	 */
	public function decide( string $surface, callable $principal, string $operation, string $action = '' ) {
		$open = $this->surface_open( $surface );
		if ( true !== $open ) {
			return $open;
		}
		$who = $principal();
		if ( ! $who instanceof Principal ) {
			return $who instanceof \WP_Error ? $who : self::error( 'unauthenticated' );
		}
		$access = self::required_access( $operation, $action );
		$lacks  = $who->lacks( $access );
		if ( '' !== $lacks ) {
			return self::error( $lacks, array( 'access' => $access ) );
		}
		$gate = AgentSchema::ACCESS[ $access ]['gate'] ?? null;
		if ( null !== $gate && ! $this->gate_open( $gate ) ) {
			return self::error( 'gate_closed', array( 'gate' => $gate ) );
		}
		return $who;
	}

	/**
	 * Whether this principal sees raw personal data: the sensitive access and the sensitive gate.
	 *
	 * @param Principal $principal Principal.
	 * @return bool
	 */
	public function can_unmask( Principal $principal ): bool {
		return '' === $principal->lacks( 'sensitive' ) && $this->gate_open( 'sensitive' );
	}

	/**
	 * The access kinds this principal can use now (granted, and their gate open).
	 *
	 * @param Principal $principal Principal.
	 * @return string[]
	 */
	public function usable( Principal $principal ): array {
		return array_values(
			array_filter(
				$principal->granted(),
				function ( $access ) {
					$gate = AgentSchema::ACCESS[ $access ]['gate'] ?? null;
					return null === $gate || $this->gate_open( $gate );
				}
			)
		);
	}

	/**
	 * An agent error (AgentSchema::ERRORS key) with its status and details.
	 *
	 * @param string               $key  Error key.
	 * @param array<string, mixed> $data Details (what is missing).
	 * @return \WP_Error
	 */
	public static function error( string $key, array $data = array() ): \WP_Error {
		$error = AgentSchema::ERRORS[ $key ] ?? AgentSchema::ERRORS['forbidden'];
		return new \WP_Error( $error['code'], AgentSchema::error_message( $key ), array( 'status' => $error['status'] ) + $data );
	}
}
