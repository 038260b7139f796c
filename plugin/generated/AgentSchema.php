<?php
/**
 * AgentSchema: gates, access kinds, operations, session actions, errors and limits of agent access.
 *
 * Generated from plugin/schema/agent.ts by codegen/emitters/agent.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * What agent access is made of: PermissionService decides from these maps, for every surface.
 */
final class AgentSchema {

	/**
	 * Prefix of every CartBay Bearer token.
	 */
	public const TOKEN_PREFIX = 'cartbay_';

	/**
	 * Length of a token public id ([a-z0-9]).
	 */
	public const TOKEN_PUBLIC_ID_LENGTH = 12;

	/**
	 * Length of a token secret ([A-Za-z0-9]); only its SHA-256 is stored.
	 */
	public const TOKEN_SECRET_LENGTH = 40;

	/**
	 * Longest token label.
	 */
	public const TOKEN_LABEL_MAX_LENGTH = 100;

	/**
	 * Days a new token lives unless told otherwise.
	 */
	public const TOKEN_DEFAULT_LIFETIME_DAYS = 90;

	/**
	 * Shortest token lifetime in days.
	 */
	public const TOKEN_MIN_LIFETIME_DAYS = 1;

	/**
	 * Longest token lifetime in days.
	 */
	public const TOKEN_MAX_LIFETIME_DAYS = 365;

	/**
	 * Active tokens allowed at once.
	 */
	public const TOKEN_MAX_ACTIVE = 20;

	/**
	 * Revoked or expired token records kept (oldest dropped first).
	 */
	public const TOKEN_MAX_RETIRED = 50;

	/**
	 * Seconds between two writes of a token's last-used time.
	 */
	public const TOKEN_LAST_USED_RESOLUTION = 60;

	/**
	 * Rate-limit bucket of failed Bearer authentications (per IP).
	 */
	public const AUTH_RATE_LIMIT_BUCKET = 'agent_auth';

	/**
	 * The dedicated least-privilege agent role.
	 */
	public const ROLE = 'cartbay_agent';

	/**
	 * The agent role's display name.
	 */
	public const ROLE_NAME = 'CartBay Agent';

	/**
	 * Sessions a page by default.
	 */
	public const SESSIONS_PER_PAGE = 20;

	/**
	 * Most sessions a page.
	 */
	public const MAX_SESSIONS_PER_PAGE = 50;

	/**
	 * Audit entries a page by default.
	 */
	public const AUDIT_PER_PAGE = 50;

	/**
	 * Most audit entries a page.
	 */
	public const MAX_AUDIT_PER_PAGE = 200;

	/**
	 * Entries kept in the audit log (oldest dropped first).
	 */
	public const AUDIT_MAX_ENTRIES = 1000;

	/**
	 * Milliseconds an audit write waits for another request's write to the log.
	 */
	public const AUDIT_LOCK_WAIT_MS = 3000;

	/**
	 * Age in seconds after which a held audit lock counts as left by a crashed request.
	 */
	public const AUDIT_LOCK_STALE_SECONDS = 10;

	/**
	 * Longest session search text.
	 */
	public const MAX_SEARCH_LENGTH = 254;

	/**
	 * Settings gate => key of cartbay_settings.
	 */
	public const GATES = array(
		'master'      => 'agent_access_enabled',
		'rest'        => 'agent_rest_enabled',
		'abilities'   => 'agent_abilities_enabled',
		'mcp'         => 'agent_mcp_public',
		'write'       => 'agent_write_enabled',
		'contact'     => 'agent_contact_enabled',
		'sensitive'   => 'agent_sensitive_enabled',
		'destructive' => 'agent_destructive_enabled',
	);

	/**
	 * Access kind (= token scope) => its WordPress capability, the settings gate it also needs, and whether shop managers get it.
	 */
	public const ACCESS = array(
		'read'          => array(
			'capability'   => 'cartbay_agent_read',
			'gate'         => null,
			'shop_manager' => true,
		),
		'write'         => array(
			'capability'   => 'cartbay_agent_write',
			'gate'         => 'write',
			'shop_manager' => true,
		),
		'contact'       => array(
			'capability'   => 'cartbay_agent_contact',
			'gate'         => 'contact',
			'shop_manager' => true,
		),
		'sensitive'     => array(
			'capability'   => 'cartbay_agent_sensitive',
			'gate'         => 'sensitive',
			'shop_manager' => false,
		),
		'destructive'   => array(
			'capability'   => 'cartbay_agent_destructive',
			'gate'         => 'destructive',
			'shop_manager' => false,
		),
		'manage_tokens' => array(
			'capability'   => 'cartbay_agent_manage_tokens',
			'gate'         => null,
			'shop_manager' => false,
		),
		'manage_access' => array(
			'capability'   => 'cartbay_agent_manage_access',
			'gate'         => null,
			'shop_manager' => false,
		),
	);

	/**
	 * Surface => the gates that must be open for it besides the master gate.
	 */
	public const SURFACES = array(
		'rest'    => array(
			'rest',
		),
		'ability' => array(
			'abilities',
		),
		'mcp'     => array(
			'abilities',
			'mcp',
		),
	);

	/**
	 * Operation => the access it needs ('action': the requested session action's) and its ability name (null: REST only).
	 */
	public const OPERATIONS = array(
		'get_manifest'       => array(
			'access'  => 'read',
			'ability' => 'cartbay/get-agent-manifest',
		),
		'list_sessions'      => array(
			'access'  => 'read',
			'ability' => 'cartbay/list-sessions',
		),
		'get_session'        => array(
			'access'  => 'read',
			'ability' => 'cartbay/get-session',
		),
		'run_session_action' => array(
			'access'  => 'action',
			'ability' => 'cartbay/run-session-action',
		),
		'get_analytics'      => array(
			'access'  => 'read',
			'ability' => 'cartbay/get-analytics',
		),
		'get_settings'       => array(
			'access'  => 'read',
			'ability' => 'cartbay/get-settings',
		),
		'update_settings'    => array(
			'access'  => 'write',
			'ability' => 'cartbay/update-settings',
		),
		'get_campaign'       => array(
			'access'  => 'read',
			'ability' => 'cartbay/get-campaign',
		),
		'update_campaign'    => array(
			'access'  => 'write',
			'ability' => 'cartbay/update-campaign',
		),
		'list_tokens'        => array(
			'access'  => 'manage_tokens',
			'ability' => null,
		),
		'create_token'       => array(
			'access'  => 'manage_tokens',
			'ability' => null,
		),
		'revoke_token'       => array(
			'access'  => 'manage_tokens',
			'ability' => null,
		),
		'get_audit_log'      => array(
			'access'  => 'read',
			'ability' => null,
		),
	);

	/**
	 * Every agent route: method, path (WordPress regex syntax) and the operation it runs.
	 */
	public const ROUTES = array(
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/manifest',
			'operation' => 'get_manifest',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/sessions',
			'operation' => 'list_sessions',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/sessions/(?P<id>[A-Za-z0-9]{32})',
			'operation' => 'get_session',
		),
		array(
			'method'    => 'POST',
			'path'      => '/cartbay/v1/agent/sessions/(?P<id>[A-Za-z0-9]{32})/actions',
			'operation' => 'run_session_action',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/analytics',
			'operation' => 'get_analytics',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/settings',
			'operation' => 'get_settings',
		),
		array(
			'method'    => 'PATCH',
			'path'      => '/cartbay/v1/agent/settings',
			'operation' => 'update_settings',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/campaign',
			'operation' => 'get_campaign',
		),
		array(
			'method'    => 'PATCH',
			'path'      => '/cartbay/v1/agent/campaign',
			'operation' => 'update_campaign',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/tokens',
			'operation' => 'list_tokens',
		),
		array(
			'method'    => 'POST',
			'path'      => '/cartbay/v1/agent/tokens',
			'operation' => 'create_token',
		),
		array(
			'method'    => 'DELETE',
			'path'      => '/cartbay/v1/agent/tokens/(?P<public_id>[a-z0-9]{12})',
			'operation' => 'revoke_token',
		),
		array(
			'method'    => 'GET',
			'path'      => '/cartbay/v1/agent/audit-log',
			'operation' => 'get_audit_log',
		),
	);

	/**
	 * Session action => the access it needs.
	 */
	public const SESSION_ACTIONS = array(
		'mark_abandoned_now'    => 'contact',
		'cancel_pending_emails' => 'contact',
		'send_email_step_now'   => 'contact',
		'expire_session'        => 'destructive',
		'delete_session'        => 'destructive',
	);

	/**
	 * Access kinds the agent role carries (besides WordPress read).
	 */
	public const ROLE_ACCESS = array(
		'read',
	);

	/**
	 * Settings an agent reads but never writes.
	 */
	public const PROTECTED_SETTINGS = array(
		'agent_access_enabled',
		'agent_rest_enabled',
		'agent_abilities_enabled',
		'agent_mcp_public',
		'agent_write_enabled',
		'agent_contact_enabled',
		'agent_sensitive_enabled',
		'agent_destructive_enabled',
		'delete_data_on_uninstall',
		'data_retention_days',
		'test_mode',
		'consent_default_checked',
	);

	/**
	 * Automation workflows (automation-workflows.txt) => the access each needs.
	 */
	public const WORKFLOWS = array(
		'read_only_health_check'  => array(
			'read',
		),
		'email_failure_diagnosis' => array(
			'read',
		),
		'campaign_review'         => array(
			'read',
			'write',
		),
		'controlled_send'         => array(
			'read',
			'contact',
		),
		'cleanup'                 => array(
			'read',
			'destructive',
		),
	);

	/**
	 * Error => its code and HTTP status (messages: error_message()).
	 */
	public const ERRORS = array(
		'disabled'            => array(
			'code'   => 'cartbay_agent_disabled',
			'status' => 403,
		),
		'surface_disabled'    => array(
			'code'   => 'cartbay_agent_surface_disabled',
			'status' => 403,
		),
		'unauthenticated'     => array(
			'code'   => 'cartbay_agent_unauthenticated',
			'status' => 401,
		),
		'token_invalid'       => array(
			'code'   => 'cartbay_agent_token_invalid',
			'status' => 401,
		),
		'token_revoked'       => array(
			'code'   => 'cartbay_agent_token_revoked',
			'status' => 401,
		),
		'token_expired'       => array(
			'code'   => 'cartbay_agent_token_expired',
			'status' => 401,
		),
		'forbidden'           => array(
			'code'   => 'cartbay_agent_forbidden',
			'status' => 403,
		),
		'scope_missing'       => array(
			'code'   => 'cartbay_agent_scope_missing',
			'status' => 403,
		),
		'gate_closed'         => array(
			'code'   => 'cartbay_agent_gate_closed',
			'status' => 403,
		),
		'session_not_found'   => array(
			'code'   => 'cartbay_agent_session_not_found',
			'status' => 404,
		),
		'action_refused'      => array(
			'code'   => 'cartbay_agent_action_refused',
			'status' => 409,
		),
		'setting_protected'   => array(
			'code'   => 'cartbay_agent_setting_protected',
			'status' => 403,
		),
		'token_not_found'     => array(
			'code'   => 'cartbay_agent_token_not_found',
			'status' => 404,
		),
		'token_scope_exceeds' => array(
			'code'   => 'cartbay_agent_token_scope_exceeds',
			'status' => 403,
		),
		'token_cannot_mint'   => array(
			'code'   => 'cartbay_agent_token_cannot_mint',
			'status' => 403,
		),
		'token_limit'         => array(
			'code'   => 'cartbay_agent_token_limit',
			'status' => 409,
		),
	);

	/**
	 * The translated message of an ERRORS key.
	 *
	 * @param string $key Key.
	 * @return string
	 */
	public static function error_message( string $key ): string {
		return match ( $key ) {
			'disabled'            => __( 'CartBay agent access is turned off.', 'cartbay' ),
			'surface_disabled'    => __( 'This CartBay agent surface is turned off.', 'cartbay' ),
			'unauthenticated'     => __( 'Sign in (for example with an Application Password) or send a CartBay Bearer token.', 'cartbay' ),
			'token_invalid'       => __( 'The CartBay Bearer token is not valid.', 'cartbay' ),
			'token_revoked'       => __( 'The CartBay Bearer token was revoked.', 'cartbay' ),
			'token_expired'       => __( 'The CartBay Bearer token has expired.', 'cartbay' ),
			'forbidden'           => __( 'The user lacks the CartBay agent capability this needs.', 'cartbay' ),
			'scope_missing'       => __( 'The CartBay Bearer token lacks the scope this needs.', 'cartbay' ),
			'gate_closed'         => __( 'The CartBay settings gate this needs is closed.', 'cartbay' ),
			'session_not_found'   => __( 'No CartBay session has this id.', 'cartbay' ),
			'action_refused'      => __( 'The session action cannot run on this session now.', 'cartbay' ),
			'setting_protected'   => __( 'Agents cannot change these settings.', 'cartbay' ),
			'token_not_found'     => __( 'No CartBay Bearer token has this id.', 'cartbay' ),
			'token_scope_exceeds' => __( 'A token cannot carry access its creator does not have.', 'cartbay' ),
			'token_cannot_mint'   => __( 'A Bearer token cannot create tokens: a signed-in user with the manage_tokens capability can.', 'cartbay' ),
			'token_limit'         => __( 'Too many active CartBay Bearer tokens: revoke one first.', 'cartbay' ),
			default               => '',
		};
	}

	/**
	 * Why a session action was refused, translated (by reason key).
	 *
	 * @param string $reason Key.
	 * @return string
	 */
	public static function refusal_message( string $reason ): string {
		return match ( $reason ) {
			'not_captured'      => __( 'The session is not captured (only a captured session can be marked abandoned).', 'cartbay' ),
			'not_abandoned'     => __( 'The session is not abandoned.', 'cartbay' ),
			'recovered'         => __( 'The session is already recovered.', 'cartbay' ),
			'suppressed'        => __( 'The session\'s email is unsubscribed or suppressed.', 'cartbay' ),
			'superseded'        => __( 'A newer session of the same email carries the recovery sequence.', 'cartbay' ),
			'step_unknown'      => __( 'The email step does not exist.', 'cartbay' ),
			'step_disabled'     => __( 'The email step is disabled in WooCommerce > Settings > Emails.', 'cartbay' ),
			'step_already_sent' => __( 'The step was already sent (pass resend: true to send it again).', 'cartbay' ),
			'busy'              => __( 'The session is busy (the step is being sent, or the analytics are being rebuilt): try again shortly.', 'cartbay' ),
			'already_expired'   => __( 'The session is already expired.', 'cartbay' ),
			'sending_disabled'  => __( 'The recovery sequence is switched off.', 'cartbay' ),
			'send_failed'       => __( 'WordPress mail did not accept the message (the step is retried like any failed send).', 'cartbay' ),
			default             => '',
		};
	}

	/**
	 * What an access kind allows, translated.
	 *
	 * @param string $access Key.
	 * @return string
	 */
	public static function access_description( string $access ): string {
		return match ( $access ) {
			'read'          => __( 'Read the manifest, masked sessions, analytics, settings, campaign and the audit log.', 'cartbay' ),
			'write'         => __( 'Update the safe settings and the campaign (never agent gates, uninstall deletion, retention, Test Mode, the consent default or the license).', 'cartbay' ),
			'contact'       => __( 'Session actions that start, send or cancel recovery emails.', 'cartbay' ),
			'sensitive'     => __( 'See raw customer emails, cart snapshots, coupon codes and linked order details (masked otherwise).', 'cartbay' ),
			'destructive'   => __( 'Expire or delete CartBay sessions.', 'cartbay' ),
			'manage_tokens' => __( 'List and revoke CartBay Bearer tokens; a signed-in user also creates them (never with more access than the user has).', 'cartbay' ),
			'manage_access' => __( 'Change the agent gates in the CartBay settings screen (never possible through the agent surfaces).', 'cartbay' ),
			default         => '',
		};
	}
}
