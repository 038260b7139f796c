<?php
/**
 * CartBay's WordPress Abilities (WordPress 6.9+): registration and the callbacks behind them.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\AgentAbilities;

defined( 'ABSPATH' ) || exit;

/**
 * The abilities exist only while the master and Abilities gates are open (a closed door is not even
 * listed), and carry `meta.mcp.public` only while MCP exposure is on. On WordPress without the Abilities
 * API the hooks never fire: nothing is registered and nothing is said.
 *
 * Each call is the signed-in user's (Application Passwords, cookie + nonce, WP-CLI `--user`): CartBay Bearer
 * tokens never reach here. The permission callback is PermissionService's decision; WordPress and the MCP
 * Adapter call it several times per run, so a denial is audited once per request and input, and an allowed
 * run is audited by the execute callback with its result.
 */
final class AbilityBridge implements HookSubscriber {

	/**
	 * Decisions.
	 *
	 * @var PermissionService
	 */
	private $permissions;

	/**
	 * Operations.
	 *
	 * @var AgentService
	 */
	private $service;

	/**
	 * Audit log.
	 *
	 * @var AgentAudit
	 */
	private $audit;

	/**
	 * Denials already audited in this request (operation + input hash).
	 *
	 * @var array<string, true>
	 */
	private $denials = array();

	/**
	 * Constructor.
	 *
	 * @param PermissionService $permissions Decisions.
	 * @param AgentService      $service     Operations.
	 * @param AgentAudit        $audit       Audit log.
	 */
	public function __construct( PermissionService $permissions, AgentService $service, AgentAudit $audit ) {
		$this->permissions = $permissions;
		$this->service     = $service;
		$this->audit       = $audit;
	}

	/**
	 * The hooks this class handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'wp_abilities_api_categories_init' => array( 10, 0 ),
			'wp_abilities_api_init'            => array( 10, 0 ),
		);
	}

	/**
	 * Registers the `cartbay-agent` category while the abilities are open.
	 */
	public function handle_wp_abilities_api_categories_init(): void {
		if ( true === $this->permissions->surface_open( 'ability' ) ) {
			AgentAbilities::register_category();
		}
	}

	/**
	 * Registers the abilities while they are open.
	 */
	public function handle_wp_abilities_api_init(): void {
		if ( true === $this->permissions->surface_open( 'ability' ) ) {
			AgentAbilities::register( $this, $this->permissions->gate_open( 'mcp' ) );
		}
	}

	/**
	 * Permission callback of every CartBay ability.
	 *
	 * @param string $operation AgentSchema::OPERATIONS key.
	 * @param mixed  $input     Input (validated by WordPress, except on the MCP Adapter's first check).
	 * @return true|\WP_Error
	 */
	public function permit( string $operation, $input ) {
		$input = is_array( $input ) ? $input : array();
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			// A long-running STDIO server (`wp mcp-adapter serve`): gates changed in wp-admin apply at once.
			$this->permissions->refresh();
		}
		$surface  = self::surface();
		$action   = is_string( $input['action'] ?? null ) ? $input['action'] : '';
		$decision = $this->permissions->decide( $surface, array( self::class, 'current_user' ), $operation, $action );
		if ( $decision instanceof Principal ) {
			return true;
		}
		// Once per call: WordPress and the adapter ask 2-3 times within one call, a later call is a new one.
		$key = $operation . ':' . md5( (string) wp_json_encode( $input ) ) . ':' . time();
		if ( ! isset( $this->denials[ $key ] ) ) {
			$this->denials[ $key ] = true;
			$this->audit->record( AuditEntry::of_denial( get_current_user_id(), $surface, $operation, $action, is_string( $input['id'] ?? null ) ? $input['id'] : '', $decision ) );
		}
		return $decision;
	}

	/**
	 * Execute callback of every CartBay ability: the operation's data, or its WP_Error.
	 *
	 * @param string $operation AgentSchema::OPERATIONS key.
	 * @param mixed  $input     Validated input.
	 * @return mixed
	 */
	public function execute( string $operation, $input ) {
		$input     = is_array( $input ) ? $input : array();
		$surface   = self::surface();
		$action    = is_string( $input['action'] ?? null ) ? $input['action'] : '';
		$principal = $this->permissions->decide( $surface, array( self::class, 'current_user' ), $operation, $action );
		if ( ! $principal instanceof Principal ) {
			return $principal; // Only when the callback is called without its permission check.
		}
		$result = $this->service->run( $operation, $principal, $input, $surface );
		$this->audit->record( AuditEntry::of_call( $principal, $surface, $operation, $input, $result ) );
		return is_wp_error( $result ) ? $result : $result['data'];
	}

	/**
	 * The signed-in user as a principal.
	 *
	 * @return Principal|\WP_Error
	 */
	public static function current_user() {
		$user = get_current_user_id();
		return $user > 0 ? Principal::user( $user ) : PermissionService::error( 'unauthenticated' );
	}

	/**
	 * Where the call comes from: `mcp` inside the WordPress MCP Adapter's transports (its HTTP routes under
	 * `mcp/` or its WP-CLI `mcp-adapter` command), otherwise `ability` (wp-abilities/v1 or PHP).
	 *
	 * @return string
	 */
	public static function surface(): string {
		if ( ! class_exists( 'WP\MCP\Core\McpAdapter', false ) ) {
			return 'ability';
		}
		// WordPress matches REST routes without regard to case.
		$route = isset( $GLOBALS['wp'] ) && $GLOBALS['wp'] instanceof \WP && isset( $GLOBALS['wp']->query_vars['rest_route'] ) ? strtolower( (string) $GLOBALS['wp']->query_vars['rest_route'] ) : '';
		if ( str_starts_with( ltrim( $route, '/' ), 'mcp/' ) ) {
			return 'mcp';
		}
		if ( defined( 'WP_CLI' ) && WP_CLI && class_exists( 'WP_CLI', false ) ) {
			$arguments = \WP_CLI::get_runner()->arguments;
			if ( is_array( $arguments ) && 'mcp-adapter' === ( $arguments[0] ?? '' ) ) {
				return 'mcp';
			}
		}
		return 'ability';
	}
}
