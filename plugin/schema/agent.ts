/**
 * Agent access (spec: "Agent Access", "Safety Rules", "Automation Workflows", REST "Agent Routes"): the
 * access kinds (WordPress capability + token scope + settings gate), the operations every surface offers
 * with what each needs, the session actions, the error codes, and the token and audit-log limits.
 *
 * One decision function (PermissionService) reads these maps for REST, Abilities and MCP alike; the
 * authorization matrix test is generated from them.
 */
import type { SettingsKey } from './settings';
import { orderStatuses } from './statuses';
import { reportPeriodChoices, reportPeriods } from './analytics';

/**
 * The settings gates (keys of `cartbay_settings`): the master switch, one per surface, and one per
 * high-impact access kind. Each is closed by default except the two surface switches under the master gate.
 */
export const agentGates = {
	master: 'agent_access_enabled',
	rest: 'agent_rest_enabled',
	abilities: 'agent_abilities_enabled',
	mcp: 'agent_mcp_public',
	write: 'agent_write_enabled',
	contact: 'agent_contact_enabled',
	sensitive: 'agent_sensitive_enabled',
	destructive: 'agent_destructive_enabled',
} as const satisfies Record< string, SettingsKey >;

export type AgentGateKey = keyof typeof agentGates;

/**
 * What an agent may do, each kind at once a WordPress capability (for users) and a token scope (for
 * CartBay Bearer tokens). `gate`: the settings gate that must be open as well; `shopManager`: granted to
 * the `shop_manager` role (administrators get every kind).
 */
export const agentAccess = [
	{
		key: 'read',
		capability: 'cartbay_agent_read',
		gate: null,
		shopManager: true,
		description:
			'Read the manifest, masked sessions, analytics, settings, campaign and the audit log.',
	},
	{
		key: 'write',
		capability: 'cartbay_agent_write',
		gate: 'write',
		shopManager: true,
		description:
			'Update the safe settings and the campaign (never agent gates, uninstall deletion, retention, Test Mode, the consent default or the license).',
	},
	{
		key: 'contact',
		capability: 'cartbay_agent_contact',
		gate: 'contact',
		shopManager: true,
		description:
			'Session actions that start, send or cancel recovery emails.',
	},
	{
		key: 'sensitive',
		capability: 'cartbay_agent_sensitive',
		gate: 'sensitive',
		shopManager: false,
		description:
			'See raw customer emails, cart snapshots, coupon codes and linked order details (masked otherwise).',
	},
	{
		key: 'destructive',
		capability: 'cartbay_agent_destructive',
		gate: 'destructive',
		shopManager: false,
		description: 'Expire or delete CartBay sessions.',
	},
	{
		key: 'manage_tokens',
		capability: 'cartbay_agent_manage_tokens',
		gate: null,
		shopManager: false,
		description:
			'List and revoke CartBay Bearer tokens; a signed-in user also creates them (never with more access than the user has).',
	},
	{
		key: 'manage_access',
		capability: 'cartbay_agent_manage_access',
		gate: null,
		shopManager: false,
		description:
			'Change the agent gates in the CartBay settings screen (never possible through the agent surfaces).',
	},
] as const satisfies readonly {
	key: string;
	capability: string;
	gate: AgentGateKey | null;
	shopManager: boolean;
	description: string;
}[];

export type AgentAccessKey = ( typeof agentAccess )[ number ][ 'key' ];

/**
 * A dedicated least-privilege role for automation users (added on activation, removed on uninstall): WordPress
 * `read` plus the agent access listed here. Give more with any role editor, gate by gate.
 */
export const agentRole = {
	slug: 'cartbay_agent',
	name: 'CartBay Agent',
	access: [ 'read' ],
} as const satisfies {
	slug: string;
	name: string;
	access: readonly AgentAccessKey[];
};

/** Where an agent call comes from (audit `surface`) and the gate that must be open for it, under `master`. */
export const agentSurfaces = [
	{
		key: 'rest',
		gates: [ 'rest' ],
		description: 'CartBay agent REST routes (cartbay/v1/agent/*).',
	},
	{
		key: 'ability',
		gates: [ 'abilities' ],
		description:
			'WordPress Abilities (wp-abilities/v1 or a direct execute()).',
	},
	{
		key: 'mcp',
		gates: [ 'abilities', 'mcp' ],
		description: 'An ability run through the WordPress MCP Adapter.',
	},
] as const satisfies readonly {
	key: string;
	gates: readonly AgentGateKey[];
	description: string;
}[];

export type AgentSurfaceKey = ( typeof agentSurfaces )[ number ][ 'key' ];

/** The session actions of `POST /agent/sessions/{id}/actions` and `cartbay/run-session-action`. */
export const sessionActions = [
	{
		key: 'mark_abandoned_now',
		access: 'contact',
		description:
			'Mark a captured session abandoned now, which queues its recovery emails.',
	},
	{
		key: 'cancel_pending_emails',
		access: 'contact',
		description: "Cancel the session's queued recovery emails.",
	},
	{
		key: 'send_email_step_now',
		access: 'contact',
		description:
			'Send one recovery email step now: only to an abandoned, unsuppressed, unrecovered session, and a step already sent only with resend: true.',
	},
	{
		key: 'expire_session',
		access: 'destructive',
		description:
			'Expire a session that is not recovered: its queued emails are canceled and its restore links stop working (unsubscribe keeps working).',
	},
	{
		key: 'delete_session',
		access: 'destructive',
		description:
			'Delete a CartBay session (never another order); what it counted stays in the analytics.',
	},
] as const satisfies readonly {
	key: string;
	access: AgentAccessKey;
	description: string;
}[];

export type SessionActionKey = ( typeof sessionActions )[ number ][ 'key' ];

/** Why a session action was refused (`data.reason` of `cartbay_agent_action_refused`). */
export const actionRefusals = {
	not_captured:
		'The session is not captured (only a captured session can be marked abandoned).',
	not_abandoned: 'The session is not abandoned.',
	recovered: 'The session is already recovered.',
	suppressed: "The session's email is unsubscribed or suppressed.",
	superseded:
		'A newer session of the same email carries the recovery sequence.',
	step_unknown: 'The email step does not exist.',
	step_disabled:
		'The email step is disabled in WooCommerce > Settings > Emails.',
	step_already_sent:
		'The step was already sent (pass resend: true to send it again).',
	busy: 'The session is busy (the step is being sent, or the analytics are being rebuilt): try again shortly.',
	already_expired: 'The session is already expired.',
	sending_disabled: 'The recovery sequence is switched off.',
	send_failed:
		'WordPress mail did not accept the message (the step is retried like any failed send).',
} as const;

export type ActionRefusalKey = keyof typeof actionRefusals;

/** JSON Schema of one session id (the 32-character id, never the order id). */
const sessionIdSchema = {
	type: 'string',
	pattern: '^[A-Za-z0-9]{32}$',
	description: 'CartBay session id.',
} as const;

const daysSchema = {
	type: 'integer',
	enum: [ ...reportPeriodChoices ],
	default: reportPeriods.defaultDays,
	description: 'Reporting period in days.',
} as const;

/** Bounds of the agent's session list and audit log pages. */
export const agentLimits = {
	sessionsPerPage: 20,
	maxSessionsPerPage: 50,
	auditPerPage: 50,
	maxAuditPerPage: 200,
	/** Entries kept in `cartbay_agent_audit_log` (oldest dropped first). */
	auditMaxEntries: 1000,
	/**
	 * How long an audit write waits for another request's write to the log (milliseconds), and the age after
	 * which a held audit lock counts as left by a crashed request (seconds).
	 */
	auditLockWaitMs: 3000,
	auditLockStaleSeconds: 10,
	/** Longest search text. */
	maxSearchLength: 254,
} as const;

/** CartBay Bearer tokens: `cartbay_<public id>_<secret>`; only the secret's SHA-256 is stored. */
export const agentTokens = {
	prefix: 'cartbay_',
	publicIdLength: 12,
	secretLength: 40,
	labelMaxLength: 100,
	defaultLifetimeDays: 90,
	minLifetimeDays: 1,
	maxLifetimeDays: 365,
	/** Active (not revoked, not expired) tokens at once. */
	maxActive: 20,
	/** Revoked or expired records kept for the listing (oldest dropped first). */
	maxRetired: 50,
	/** A token's last-used time is written at most this often (seconds). */
	lastUsedResolutionSeconds: 60,
	/** Rate-limit bucket counting failed Bearer authentications per IP. */
	rateLimitBucket: 'agent_auth',
} as const;

/** Token scopes = access keys. */
export const agentScopes = agentAccess.map( ( a ) => a.key );

/** Error codes of agent calls, with their HTTP status and message. */
export const agentErrors = {
	disabled: {
		code: 'cartbay_agent_disabled',
		status: 403,
		message: 'CartBay agent access is turned off.',
	},
	surface_disabled: {
		code: 'cartbay_agent_surface_disabled',
		status: 403,
		message: 'This CartBay agent surface is turned off.',
	},
	unauthenticated: {
		code: 'cartbay_agent_unauthenticated',
		status: 401,
		message:
			'Sign in (for example with an Application Password) or send a CartBay Bearer token.',
	},
	token_invalid: {
		code: 'cartbay_agent_token_invalid',
		status: 401,
		message: 'The CartBay Bearer token is not valid.',
	},
	token_revoked: {
		code: 'cartbay_agent_token_revoked',
		status: 401,
		message: 'The CartBay Bearer token was revoked.',
	},
	token_expired: {
		code: 'cartbay_agent_token_expired',
		status: 401,
		message: 'The CartBay Bearer token has expired.',
	},
	forbidden: {
		code: 'cartbay_agent_forbidden',
		status: 403,
		message: 'The user lacks the CartBay agent capability this needs.',
	},
	scope_missing: {
		code: 'cartbay_agent_scope_missing',
		status: 403,
		message: 'The CartBay Bearer token lacks the scope this needs.',
	},
	gate_closed: {
		code: 'cartbay_agent_gate_closed',
		status: 403,
		message: 'The CartBay settings gate this needs is closed.',
	},
	session_not_found: {
		code: 'cartbay_agent_session_not_found',
		status: 404,
		message: 'No CartBay session has this id.',
	},
	action_refused: {
		code: 'cartbay_agent_action_refused',
		status: 409,
		message: 'The session action cannot run on this session now.',
	},
	setting_protected: {
		code: 'cartbay_agent_setting_protected',
		status: 403,
		message: 'Agents cannot change these settings.',
	},
	token_not_found: {
		code: 'cartbay_agent_token_not_found',
		status: 404,
		message: 'No CartBay Bearer token has this id.',
	},
	token_scope_exceeds: {
		code: 'cartbay_agent_token_scope_exceeds',
		status: 403,
		message: 'A token cannot carry access its creator does not have.',
	},
	token_cannot_mint: {
		code: 'cartbay_agent_token_cannot_mint',
		status: 403,
		message:
			'A Bearer token cannot create tokens: a signed-in user with the manage_tokens capability can.',
	},
	token_limit: {
		code: 'cartbay_agent_token_limit',
		status: 409,
		message: 'Too many active CartBay Bearer tokens: revoke one first.',
	},
} as const;

export type AgentErrorKey = keyof typeof agentErrors;

/**
 * Settings an agent may read but never write: the agent gates, uninstall deletion, retention (lowering it
 * deletes data), Test Mode and the consent default. The license lives in another option, out of reach.
 */
export const agentProtectedSettings: readonly SettingsKey[] = [
	...( Object.values( agentGates ) as SettingsKey[] ),
	'delete_data_on_uninstall',
	'data_retention_days',
	// Test Mode shortens the real shoppers' step delays (contact by the back door); the consent default has
	// legal weight.
	'test_mode',
	'consent_default_checked',
];

/** Annotations an ability publishes (`meta.annotations`): only the ones that are true are emitted. */
export interface AgentAnnotations {
	readonly readonly: boolean;
	readonly destructive: boolean;
	readonly idempotent: boolean;
}

/** One agent operation: what it needs, and the WordPress ability that offers it (when it has one). */
export interface AgentOperationDef {
	readonly key: string;
	/** Access it needs; `action`: the access of the requested session action. */
	readonly access: AgentAccessKey | 'action';
	/** Ability name (`cartbay/…`), or null for a REST-only operation. */
	readonly ability: string | null;
	readonly label: string;
	readonly description: string;
	readonly annotations: AgentAnnotations;
	/** JSON Schema of the input (an object). */
	readonly input: Readonly< Record< string, unknown > >;
}

const READ = { readonly: true, destructive: false, idempotent: true };
const UPDATE = { readonly: false, destructive: false, idempotent: true };
const noInput = {
	type: 'object',
	properties: {},
	additionalProperties: false,
} as const;

export const agentOperations = [
	{
		key: 'get_manifest',
		access: 'read',
		ability: 'cartbay/get-agent-manifest',
		label: 'Get CartBay agent manifest',
		description:
			'What this principal may do: open gates, granted access, routes, abilities, session actions and workflows.',
		annotations: READ,
		input: noInput,
	},
	{
		key: 'list_sessions',
		access: 'read',
		ability: 'cartbay/list-sessions',
		label: 'List CartBay sessions',
		description:
			'Recovery sessions created in the period, newest first, emails masked unless sensitive access is granted and open.',
		annotations: READ,
		input: {
			type: 'object',
			properties: {
				days: daysSchema,
				status: {
					type: 'string',
					enum: [ 'all', ...orderStatuses.map( ( s ) => s.key ) ],
					default: 'all',
					description: 'Session status.',
				},
				search: {
					type: 'string',
					maxLength: agentLimits.maxSearchLength,
					description:
						'A session id; an email only with sensitive access (ignored otherwise).',
				},
				page: {
					type: 'integer',
					minimum: 1,
					default: 1,
					description: 'Page number.',
				},
				per_page: {
					type: 'integer',
					minimum: 1,
					maximum: agentLimits.maxSessionsPerPage,
					default: agentLimits.sessionsPerPage,
					description: 'Sessions per page.',
				},
			},
			additionalProperties: false,
		},
	},
	{
		key: 'get_session',
		access: 'read',
		ability: 'cartbay/get-session',
		label: 'Get a CartBay session',
		description:
			'One session: status, timeline and notifications; email, cart, coupon code and orders only with sensitive access.',
		annotations: READ,
		input: {
			type: 'object',
			properties: { id: sessionIdSchema },
			required: [ 'id' ],
			additionalProperties: false,
		},
	},
	{
		key: 'run_session_action',
		access: 'action',
		ability: 'cartbay/run-session-action',
		label: 'Run a CartBay session action',
		description:
			'Run one session action after checking its preconditions; contact and destructive actions need their gate open.',
		annotations: { readonly: false, destructive: true, idempotent: false },
		input: {
			type: 'object',
			properties: {
				id: sessionIdSchema,
				action: {
					type: 'string',
					enum: sessionActions.map( ( a ) => a.key ),
					description: 'Session action.',
				},
				step: {
					type: 'integer',
					minimum: 1,
					description: 'Email step (send_email_step_now).',
				},
				resend: {
					type: 'boolean',
					default: false,
					description:
						'Send a step that was already sent (send_email_step_now).',
				},
			},
			required: [ 'id', 'action' ],
			additionalProperties: false,
		},
	},
	{
		key: 'get_analytics',
		access: 'read',
		ability: 'cartbay/get-analytics',
		label: 'Get CartBay analytics',
		description:
			'Recovery funnel metrics for 7, 30 or 90 days (no personal data).',
		annotations: READ,
		input: {
			type: 'object',
			properties: { days: daysSchema },
			additionalProperties: false,
		},
	},
	{
		key: 'get_settings',
		access: 'read',
		ability: 'cartbay/get-settings',
		label: 'Get CartBay settings',
		description: 'The normalized CartBay settings, agent gates included.',
		annotations: READ,
		input: noInput,
	},
	{
		key: 'update_settings',
		access: 'write',
		ability: 'cartbay/update-settings',
		label: 'Update CartBay settings',
		description:
			'Change safe settings (never agent gates, uninstall deletion, retention, Test Mode or the consent default); values are normalized.',
		annotations: UPDATE,
		input: {
			type: 'object',
			properties: {
				settings: {
					type: 'object',
					description: 'Settings to change, by key.',
				},
			},
			required: [ 'settings' ],
			additionalProperties: false,
		},
	},
	{
		key: 'get_campaign',
		access: 'read',
		ability: 'cartbay/get-campaign',
		label: 'Get the CartBay campaign',
		description:
			'Whether the recovery sequence sends, and each step’s delay and coupon switch.',
		annotations: READ,
		input: noInput,
	},
	{
		key: 'update_campaign',
		access: 'write',
		ability: 'cartbay/update-campaign',
		label: 'Update the CartBay campaign',
		description:
			'Change the sequence switch, step delays or coupon switches; values are normalized.',
		annotations: UPDATE,
		input: {
			type: 'object',
			properties: {
				campaign: {
					type: 'object',
					description: 'Campaign fields to change (enabled, steps).',
				},
			},
			required: [ 'campaign' ],
			additionalProperties: false,
		},
	},
	{
		key: 'list_tokens',
		access: 'manage_tokens',
		ability: null,
		label: 'List CartBay Bearer tokens',
		description: 'Every token record (never a secret).',
		annotations: READ,
		input: noInput,
	},
	{
		key: 'create_token',
		access: 'manage_tokens',
		ability: null,
		label: 'Create a CartBay Bearer token',
		description:
			'A new token for the caller; the secret is shown once, only its SHA-256 is kept.',
		annotations: { readonly: false, destructive: false, idempotent: false },
		input: {
			type: 'object',
			properties: {
				label: {
					type: 'string',
					minLength: 1,
					maxLength: agentTokens.labelMaxLength,
					description: 'What the token is for.',
				},
				scopes: {
					type: 'array',
					minItems: 1,
					uniqueItems: true,
					items: { type: 'string', enum: agentScopes },
					description: 'Scopes.',
				},
				expires_in_days: {
					type: 'integer',
					minimum: agentTokens.minLifetimeDays,
					maximum: agentTokens.maxLifetimeDays,
					default: agentTokens.defaultLifetimeDays,
					description: 'Days until the token expires.',
				},
			},
			required: [ 'label', 'scopes' ],
			additionalProperties: false,
		},
	},
	{
		key: 'revoke_token',
		access: 'manage_tokens',
		ability: null,
		label: 'Revoke a CartBay Bearer token',
		description: 'The token stops working at once.',
		annotations: { readonly: false, destructive: true, idempotent: true },
		input: {
			type: 'object',
			properties: {
				public_id: {
					type: 'string',
					pattern: `^[a-z0-9]{${ agentTokens.publicIdLength }}$`,
					description: 'Public id of the token.',
				},
			},
			required: [ 'public_id' ],
			additionalProperties: false,
		},
	},
	{
		key: 'get_audit_log',
		access: 'read',
		ability: null,
		label: 'Read the CartBay agent audit log',
		description:
			'Agent calls, newest first: principal, surface, operation, sessions touched, decision (no PII).',
		annotations: READ,
		input: {
			type: 'object',
			properties: {
				page: {
					type: 'integer',
					minimum: 1,
					default: 1,
					description: 'Page number.',
				},
				per_page: {
					type: 'integer',
					minimum: 1,
					maximum: agentLimits.maxAuditPerPage,
					default: agentLimits.auditPerPage,
					description: 'Entries per page.',
				},
			},
			additionalProperties: false,
		},
	},
] as const satisfies readonly AgentOperationDef[];

export type AgentOperationKey = ( typeof agentOperations )[ number ][ 'key' ];

/** The ability category every CartBay ability belongs to. */
export const abilityCategory = {
	slug: 'cartbay-agent',
	label: 'CartBay agent',
	description:
		'Abandoned-cart recovery: sessions, analytics, settings and campaign, under CartBay’s agent gates.',
} as const;

/** The workflows of automation-workflows.txt, listed by the manifest with the access each needs. */
export const agentWorkflows = [
	{
		key: 'read_only_health_check',
		label: 'Read-only health check',
		access: [ 'read' ],
	},
	{
		key: 'email_failure_diagnosis',
		label: 'Email failure diagnosis',
		access: [ 'read' ],
	},
	{
		key: 'campaign_review',
		label: 'Campaign review',
		access: [ 'read', 'write' ],
	},
	{
		key: 'controlled_send',
		label: 'Controlled send action',
		access: [ 'read', 'contact' ],
	},
	{
		key: 'cleanup',
		label: 'Cleanup workflow',
		access: [ 'read', 'destructive' ],
	},
] as const satisfies readonly {
	key: string;
	label: string;
	access: readonly AgentAccessKey[];
}[];
