<?php
/**
 * The agent operations, the same for every surface.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Analytics\AnalyticsService;
use WPAnchorBay\CartBay\Analytics\ReportPeriod;
use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Reports\SessionFilter;
use WPAnchorBay\CartBay\Reports\SessionQuery;
use WPAnchorBay\CartBay\Reports\SessionSort;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Runs an allowed operation for a principal and says what it touched: `data` (the answer), `session_ids`
 * and `pii` (whether raw personal data is in the answer), for the audit log. REST (AgentController) and the
 * Abilities (AbilityBridge) both call run() after PermissionService allowed the call.
 */
final class AgentService {

	/**
	 * Decisions (masking, the manifest).
	 *
	 * @var PermissionService
	 */
	private $permissions;

	/**
	 * Session queries.
	 *
	 * @var SessionQuery
	 */
	private $query;

	/**
	 * Session actions.
	 *
	 * @var SessionActions
	 */
	private $actions;

	/**
	 * Analytics.
	 *
	 * @var AnalyticsService
	 */
	private $analytics;

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Tokens.
	 *
	 * @var AgentTokens
	 */
	private $tokens;

	/**
	 * Audit log.
	 *
	 * @var AgentAudit
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param PermissionService  $permissions Decisions.
	 * @param SessionQuery       $query       Session queries.
	 * @param SessionActions     $actions     Session actions.
	 * @param AnalyticsService   $analytics   Analytics.
	 * @param SettingsRepository $settings    Settings.
	 * @param AgentTokens        $tokens      Tokens.
	 * @param AgentAudit         $audit       Audit log.
	 */
	public function __construct( PermissionService $permissions, SessionQuery $query, SessionActions $actions, AnalyticsService $analytics, SettingsRepository $settings, AgentTokens $tokens, AgentAudit $audit ) {
		$this->permissions = $permissions;
		$this->query       = $query;
		$this->actions     = $actions;
		$this->analytics   = $analytics;
		$this->settings    = $settings;
		$this->tokens      = $tokens;
		$this->audit       = $audit;
	}

	/**
	 * Runs an operation.
	 *
	 * @param string               $operation AgentSchema::OPERATIONS key.
	 * @param Principal            $principal The allowed principal.
	 * @param array<string, mixed> $input     Input, validated against the operation's input schema.
	 * @param string               $surface   Surface (for the manifest).
	 * @return array{data: mixed, session_ids: string[], pii: bool}|\WP_Error
	 */
	public function run( string $operation, Principal $principal, array $input, string $surface ) {
		switch ( $operation ) {
			case 'get_manifest':
				return self::result( $this->manifest( $principal, $surface ) );
			case 'list_sessions':
				return $this->list_sessions( $principal, $input );
			case 'get_session':
				return $this->get_session( $principal, (string) ( $input['id'] ?? '' ) );
			case 'run_session_action':
				return $this->run_action( $principal, $input );
			case 'get_analytics':
				return self::result( $this->analytics->report( $input['days'] ?? null ) );
			case 'get_settings':
				return self::result( $this->settings->get_settings() );
			case 'update_settings':
				return $this->update_settings( (array) ( $input['settings'] ?? array() ) );
			case 'get_campaign':
				return self::result( $this->settings->get_campaign() );
			case 'update_campaign':
				return self::result( $this->settings->update_campaign( (array) ( $input['campaign'] ?? array() ) ) );
			case 'list_tokens':
				return self::result( $this->tokens->all() );
			case 'create_token':
				$created = $this->tokens->create( $principal, (string) ( $input['label'] ?? '' ), (array) ( $input['scopes'] ?? array() ), (int) ( $input['expires_in_days'] ?? AgentSchema::TOKEN_DEFAULT_LIFETIME_DAYS ) );
				return is_wp_error( $created ) ? $created : self::result( $created );
			case 'revoke_token':
				$revoked = $this->tokens->revoke( (string) ( $input['public_id'] ?? '' ) );
				return is_wp_error( $revoked ) ? $revoked : self::result( $revoked );
			case 'get_audit_log':
				return self::result( $this->audit->page( (int) ( $input['page'] ?? 1 ), (int) ( $input['per_page'] ?? AgentSchema::AUDIT_PER_PAGE ) ) );
		}
		return PermissionService::error( 'forbidden', array( 'operation' => $operation ) );
	}

	/**
	 * One page of sessions of the period, newest first. A masked caller can search by session id only (an
	 * email search would tell whether an address has a session).
	 *
	 * @param Principal            $principal Principal.
	 * @param array<string, mixed> $input     Input.
	 * @return array{data: mixed, session_ids: string[], pii: bool}
	 */
	private function list_sessions( Principal $principal, array $input ): array {
		$unmask   = $this->permissions->can_unmask( $principal );
		$search   = is_string( $input['search'] ?? null ) ? trim( $input['search'] ) : '';
		$search   = $unmask || 1 === preg_match( '/^[A-Za-z0-9]{32}$/', $search ) ? $search : '';
		$per_page = max( 1, min( AgentSchema::MAX_SESSIONS_PER_PAGE, (int) ( $input['per_page'] ?? AgentSchema::SESSIONS_PER_PAGE ) ) );
		$page     = max( 1, (int) ( $input['page'] ?? 1 ) );
		$filter   = new SessionFilter(
			new ReportPeriod( ReportPeriod::normalize_days( $input['days'] ?? null ) ),
			is_string( $input['status'] ?? null ) ? $input['status'] : SessionFilter::ALL,
			$search,
			new SessionSort( SessionSort::CREATED, true )
		);
		if ( ! $unmask && '' !== $search ) {
			// An exact session id only: the list's own search would also match it inside email addresses.
			$found  = $this->actions->find( $search );
			$orders = null !== $found && in_array( 'wc-' . $found->get_status(), $filter->statuses(), true ) ? array( $found ) : array();
			$result = array(
				'orders' => 1 === $page ? $orders : array(),
				'total'  => count( $orders ),
			);
		} else {
			$result = $this->query->page( $filter, ( $page - 1 ) * $per_page, $per_page );
		}
		$rows = array_map( static fn ( \WC_Order $order ) => SessionView::row( $order, $unmask ), $result['orders'] );
		return array(
			'data'        => array(
				'sessions' => $rows,
				'total'    => (int) $result['total'],
				'page'     => $page,
				'pages'    => (int) ceil( $result['total'] / $per_page ),
				'masked'   => ! $unmask,
			),
			'session_ids' => array_column( $rows, 'session_id' ),
			'pii'         => $unmask && array() !== $rows,
		);
	}

	/**
	 * One session.
	 *
	 * @param Principal $principal  Principal.
	 * @param string    $session_id Session id.
	 * @return array{data: mixed, session_ids: string[], pii: bool}|\WP_Error
	 */
	private function get_session( Principal $principal, string $session_id ) {
		$order = $this->actions->find( $session_id );
		if ( null === $order ) {
			return PermissionService::error( 'session_not_found' );
		}
		$unmask = $this->permissions->can_unmask( $principal );
		return array(
			'data'        => SessionView::detail( $order, $unmask ),
			'session_ids' => array( $session_id ),
			'pii'         => $unmask,
		);
	}

	/**
	 * A session action.
	 *
	 * @param Principal            $principal Principal.
	 * @param array<string, mixed> $input     Input (`id`, `action`, `step`, `resend`).
	 * @return array{data: mixed, session_ids: string[], pii: bool}|\WP_Error
	 */
	private function run_action( Principal $principal, array $input ) {
		$session_id = (string) ( $input['id'] ?? '' );
		$order      = $this->actions->find( $session_id );
		if ( null === $order ) {
			return PermissionService::error( 'session_not_found' );
		}
		$action = (string) ( $input['action'] ?? '' );
		$done   = $this->actions->run( $order, $action, $input, $principal );
		if ( is_wp_error( $done ) ) {
			return $done;
		}
		return array(
			'data'        => array(
				'session_id' => $session_id,
				'action'     => $action,
			) + $done,
			'session_ids' => array( $session_id ),
			'pii'         => false,
		);
	}

	/**
	 * Updates the safe settings; a request naming a protected one changes nothing.
	 *
	 * @param array<string, mixed> $changes Settings by key.
	 * @return array{data: mixed, session_ids: string[], pii: bool}|\WP_Error
	 */
	private function update_settings( array $changes ) {
		$protected = array_values( array_intersect( array_keys( $changes ), AgentSchema::PROTECTED_SETTINGS ) );
		if ( array() !== $protected ) {
			return PermissionService::error( 'setting_protected', array( 'settings' => $protected ) );
		}
		return self::result( $this->settings->update_settings( $changes ) );
	}

	/**
	 * What this principal may do here and now.
	 *
	 * @param Principal $principal Principal.
	 * @param string    $surface   Surface asked.
	 * @return array<string, mixed>
	 */
	private function manifest( Principal $principal, string $surface ): array {
		$usable  = $this->permissions->usable( $principal );
		$actions = array();
		foreach ( AgentSchema::SESSION_ACTIONS as $action => $access ) {
			$actions[] = array(
				'action'      => $action,
				'access'      => $access,
				'gate'        => AgentSchema::ACCESS[ $access ]['gate'],
				'allowed_now' => in_array( $access, $usable, true ),
			);
		}
		$workflows = array();
		foreach ( AgentSchema::WORKFLOWS as $workflow => $needs ) {
			$workflows[] = array(
				'workflow'    => $workflow,
				'access'      => $needs,
				'allowed_now' => array() === array_diff( $needs, $usable ),
			);
		}
		$abilities = array();
		foreach ( AgentSchema::OPERATIONS as $operation => $spec ) {
			if ( null !== $spec['ability'] ) {
				$abilities[] = $spec['ability'];
			}
		}
		return array(
			'plugin'          => array(
				'name'    => 'CartBay',
				'version' => CARTBAY_VERSION,
			),
			'principal'       => array(
				'type' => $principal->is_token() ? 'token' : 'user',
				'id'   => $principal->is_token() ? $principal->token_id() : (string) $principal->user_id(),
			),
			'surface'         => $surface,
			'gates'           => $this->permissions->gates(),
			'abilities_api'   => function_exists( 'wp_register_ability' ),
			'granted'         => $principal->granted(),
			'usable'          => $usable,
			'sensitive_data'  => $this->permissions->can_unmask( $principal ),
			'routes'          => AgentSchema::ROUTES,
			'abilities'       => $abilities,
			'session_actions' => $actions,
			'workflows'       => $workflows,
			'session_meta'    => array( 'id' => MetaKeys::SESSION_ID ),
		);
	}

	/**
	 * An answer that touched no session and returns no personal data.
	 *
	 * @param mixed $data Answer.
	 * @return array{data: mixed, session_ids: string[], pii: bool}
	 */
	private static function result( $data ): array {
		return array(
			'data'        => $data,
			'session_ids' => array(),
			'pii'         => false,
		);
	}
}
