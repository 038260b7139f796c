import { campaign } from './campaign';
import { emailSteps } from './emails';
import { captureLimits } from './capture';
import { couponCards, couponStatuses } from './coupons';
import {
	constantValue,
	notificationMail,
	notificationStates,
	rateLimitBuckets,
} from './notifications';
import { plugin } from './plugin';
import { settingsOption } from './settings';
import type { RouteArgDef, RouteDef, SettingsField } from './types';
import {
	exportKinds,
	reportLimits,
	reportPeriodChoices,
	reportPeriods,
	sessionList,
} from './analytics';
import { logFile, logLevels, logLimits, logSources } from './logging';
import { agentRoutes } from './agent-routes';
import { mailConfidence } from './mail-environment';

/**
 * Endpoint option (a key of the endpoint's `register_rest_route()` array) naming the rate-limit bucket of a
 * rate-limited endpoint: RateLimiter reads it back from the matched handler after the callbacks, to count
 * the endpoint's refusals.
 */
export const RATE_LIMIT_HANDLER_KEY = 'cartbay_rate_limit';

/** JSON Schema of what a route answers on success: its `schema` callback, shown by an OPTIONS request. */
export interface RouteResponseSchema {
	/** Resource name of the answer. */
	readonly title: string;
	readonly type: 'object';
	/** Each property's JSON Schema; `description` keywords are translated in the generated PHP. */
	readonly properties: Readonly<
		Record< string, Readonly< Record< string, unknown > > >
	>;
}

/** A CartBay route: its endpoints and the schema of its answers. */
export interface RestRouteDef extends RouteDef {
	readonly responseSchema: RouteResponseSchema;
}

/**
 * JSON Schema of one settings field, as published in the route's OPTIONS response.
 * @param field Settings field.
 */
export function fieldJsonSchema(
	field: SettingsField
): Record< string, unknown > {
	switch ( field.type ) {
		case 'boolean':
			return { type: 'boolean', default: field.default };
		case 'integer':
			return {
				type: 'integer',
				default: field.default,
				minimum: field.minimum,
				maximum: field.maximum,
			};
		case 'number':
			return {
				type: 'number',
				default: field.default,
				minimum: field.minimum,
				maximum: field.maximum,
			};
		case 'string':
			return {
				type: 'string',
				default: field.default,
				maxLength: field.maxLength,
			};
		case 'enum':
			return {
				type: 'string',
				default: field.default,
				enum: field.options.map( ( o ) => o.value ),
			};
	}
}

/** Settings PATCH args: every field, normalized by the handler (clamped or kept), never refused. */
const settingsArgs: RouteArgDef[] = settingsOption.fields.map( ( field ) => ( {
	name: field.key,
	description: field.description,
	schema: fieldJsonSchema( field ),
	validation: 'normalize',
} ) );

const campaignStepsDescription = `The ${ campaign.steps.length } recovery steps in order: delay value and unit after abandonment, and whether the step includes a coupon.`;

/** JSON Schema of the campaign's step list: what PATCH takes and GET/PATCH answer. */
const campaignStepsSchema = {
	type: 'array',
	maxItems: campaign.steps.length,
	items: {
		type: 'object',
		properties: {
			delay_value: { type: 'integer' },
			delay_unit: {
				type: 'string',
				enum: campaign.units.map( ( u ) => u.value ),
			},
			coupon_enabled: { type: 'boolean' },
		},
	},
};

const campaignArgs: RouteArgDef[] = [
	{
		name: campaign.enabled.key,
		description: campaign.enabled.description,
		schema: { type: 'boolean', default: campaign.enabled.default },
		validation: 'normalize',
	},
	{
		name: campaign.stepsKey,
		description: campaignStepsDescription,
		schema: campaignStepsSchema,
		validation: 'normalize',
	},
];

/** Capture arguments: strictly validated by WordPress against these schemas (400 with the field named). */
const captureArgs: RouteArgDef[] = [
	{
		name: 'email',
		description: 'Checkout email address (required with consent).',
		schema: {
			type: 'string',
			format: 'email',
			maxLength: captureLimits.maxEmailLength,
		},
	},
	{
		name: 'consent',
		description:
			'true captures; false withdraws and deletes the active capture.',
		schema: { type: 'boolean' },
		required: true,
	},
	{
		name: 'source',
		description: 'Checkout type.',
		schema: { type: 'string', enum: [ 'classic', 'block' ] },
		required: true,
	},
	{
		name: 'session_id',
		description:
			'Optional: a CartBay session id this browser got from an earlier capture (the checkout scripts send none; the owner is known from the WooCommerce session). Any other id is refused.',
		schema: { type: 'string', pattern: captureLimits.sessionIdPattern },
	},
	{
		name: 'cart',
		description:
			'Client cart, used only when the WooCommerce session has no cart; re-validated against real products and prices.',
		schema: {
			type: 'object',
			additionalProperties: false,
			properties: {
				items: {
					type: 'array',
					maxItems: captureLimits.maxCartItems,
					items: {
						type: 'object',
						additionalProperties: false,
						required: [ 'product_id', 'quantity' ],
						properties: {
							product_id: { type: 'integer', minimum: 1 },
							variation_id: { type: 'integer', minimum: 0 },
							quantity: {
								type: 'integer',
								minimum: 1,
								maximum: captureLimits.maxQuantity,
							},
							variation: {
								type: 'object',
								additionalProperties: {
									type: 'string',
									maxLength: 200,
								},
							},
						},
					},
				},
			},
		},
	},
];

/** Test route args: strict (an admin tool, but still untrusted input). */
const testEmailArg: RouteArgDef = {
	name: 'email',
	description: "Recipient (default: the current user's email).",
	schema: {
		type: 'string',
		format: 'email',
		maxLength: captureLimits.maxEmailLength,
	},
};

const testEmailArgs: RouteArgDef[] = [
	testEmailArg,
	{
		name: 'step',
		description: `0 sends a basic delivery test through wp_mail(), from the recovery emails’ sender; 1–${ emailSteps.length } sends a preview of that recovery email.`,
		schema: {
			type: 'integer',
			minimum: 0,
			maximum: emailSteps.length,
			default: 0,
		},
	},
];

/** What the settings routes answer: every field, normalized. */
const settingsResponse: RouteResponseSchema = {
	title: `${ plugin.slug }_settings`,
	type: 'object',
	properties: Object.fromEntries(
		settingsOption.fields.map( ( field ) => [
			field.key,
			{ description: field.description, ...fieldJsonSchema( field ) },
		] )
	),
};

/** What the campaign routes answer: the normalized recovery sequence. */
const campaignResponse: RouteResponseSchema = {
	title: `${ plugin.slug }_campaign`,
	type: 'object',
	properties: {
		[ campaign.enabled.key ]: {
			description: campaign.enabled.description,
			type: 'boolean',
		},
		[ campaign.stepsKey ]: {
			description: campaignStepsDescription,
			...campaignStepsSchema,
		},
	},
};

/** `days`: the reporting period; normalized by the handler (any other value is the default period). */
const daysArg: RouteArgDef = {
	name: 'days',
	description: `Reporting period in days: ${ reportPeriodChoices.join(
		', '
	) } (any other value means ${ reportPeriods.defaultDays }).`,
	schema: {
		type: 'integer',
		enum: [ ...reportPeriodChoices ],
		default: reportPeriods.defaultDays,
	},
	validation: 'normalize',
};

const searchArg: RouteArgDef = {
	name: 'search',
	description:
		'Exact session id, notification id or email address, or part of an email address.',
	schema: { type: 'string', maxLength: reportLimits.maxSearchLength },
};

const pageArgs: RouteArgDef[] = [
	{
		name: 'page',
		description: 'Page number, from 1.',
		schema: { type: 'integer', minimum: 1, default: 1 },
	},
	{
		name: 'per_page',
		description: 'Rows per page.',
		schema: {
			type: 'integer',
			minimum: 1,
			maximum: reportLimits.maxPageSize,
			default: reportLimits.pageSize,
		},
	},
];

/** Filters of the Sessions list, shared by the list and its CSV exports (same rows, same order). */
const sessionFilterArgs: RouteArgDef[] = [
	daysArg,
	{
		name: 'status',
		description: 'Current session status, or all.',
		schema: {
			type: 'string',
			enum: [ 'all', ...sessionList.statusFilter ],
			default: 'all',
		},
	},
	searchArg,
	{
		name: 'orderby',
		description: 'Sort column.',
		schema: {
			type: 'string',
			enum: [ ...sessionList.orderby ],
			default: sessionList.defaultOrderby,
		},
	},
	{
		name: 'order',
		description: 'Sort direction.',
		schema: { type: 'string', enum: [ 'asc', 'desc' ], default: 'desc' },
	},
];

const notificationFilterArgs: RouteArgDef[] = [
	daysArg,
	{
		name: 'status',
		description: 'Notification lifecycle state, or all.',
		schema: {
			type: 'string',
			enum: [
				'all',
				...notificationStates.constants.map( ( c ) => c.value ),
			],
			default: 'all',
		},
	},
	{
		name: 'search',
		description:
			'Recipient email (or part of it), session id, notification id, email type or trigger source.',
		schema: { type: 'string', maxLength: reportLimits.maxSearchLength },
	},
];

/** Path patterns of the detail routes. */
const sessionIdPath = `(?P<id>${ captureLimits.sessionIdPattern.replace(
	/^\^|\$$/g,
	''
) })`;
const notificationIdPath = `(?P<id>${ notificationMail.idPrefix }[a-z0-9]{${ notificationMail.idRandomLength }})`;

const licenseResponse: RouteResponseSchema = {
	title: `${ plugin.slug }_license`,
	type: 'object',
	properties: {
		status: {
			description:
				'active, inactive, expired, invalid, dev_mode or server_error.',
			type: 'string',
		},
		label: {
			description: 'The status, translated.',
			type: 'string',
		},
		key: {
			description: 'The stored key, masked (never the full key).',
			type: [ 'string', 'null' ],
		},
		expires_at: {
			description: 'License term end, when the server gave one.',
			type: [ 'string', 'null' ],
		},
		plan: {
			description: 'Plan name, when the server gave one.',
			type: [ 'string', 'null' ],
		},
		checked_at: {
			description: 'Last check with the license server (ISO 8601, UTC).',
			type: [ 'string', 'null' ],
		},
		message: {
			description:
				'What the last activation or check said (translated), when it said something.',
			type: [ 'string', 'null' ],
		},
	},
};

/** Every REST route under `cartbay/v1` (plugin.restNamespace). */
export const routes = [
	{
		path: '/capture',
		description:
			'Public checkout capture: create, update or withdraw a consented recovery session.',
		endpoints: [
			{
				method: 'POST',
				description:
					"Capture (or withdraw) the shopper's checkout email and cart: JSON from the store's own origin, with the REST nonce when signed in. Never reveals whether an email or a session is known or suppressed.",
				permission: 'public',
				rateLimit: constantValue( rateLimitBuckets, 'CAPTURE' ),
				maxBodyBytes: captureLimits.maxBodyBytes,
				body: 'object',
				handler: {
					class: 'Capture\\CaptureController',
					method: 'capture',
				},
				args: captureArgs,
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_capture`,
			type: 'object',
			properties: {
				session_id: {
					description:
						'The session id this browser keeps (only to know that a withdrawal is worth sending); null once it should forget it.',
					type: [ 'string', 'null' ],
					pattern: captureLimits.sessionIdPattern,
				},
			},
		},
	},
	{
		path: '/settings',
		description: 'CartBay settings (the cartbay_settings option).',
		endpoints: [
			{
				method: 'GET',
				description: 'Read the normalized settings.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\SettingsController',
					method: 'get_settings',
				},
				args: [],
			},
			{
				method: 'PATCH',
				description:
					'Update some settings: values are merged onto the saved ones, normalized and saved.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\SettingsController',
					method: 'update_settings',
				},
				args: settingsArgs,
				body: 'object',
			},
		],
		responseSchema: settingsResponse,
	},
	{
		path: '/campaign',
		description:
			'The recovery sequence (the cartbay_campaign_settings option).',
		endpoints: [
			{
				method: 'GET',
				description: 'Read the normalized recovery sequence.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\SettingsController',
					method: 'get_campaign',
				},
				args: [],
			},
			{
				method: 'PATCH',
				description:
					'Update the recovery sequence: normalized into minutes, clamped and kept in order, then saved.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\SettingsController',
					method: 'update_campaign',
				},
				args: campaignArgs,
				body: 'object',
			},
		],
		responseSchema: campaignResponse,
	},
	{
		path: '/test/trigger',
		description:
			'Test Mode: a dummy abandoned session whose first recovery email is due shortly.',
		endpoints: [
			{
				method: 'POST',
				description:
					'Creates a dummy abandoned session and schedules email 1 about 30 seconds out. Requires Test Mode.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\TestController', method: 'trigger' },
				args: [ testEmailArg ],
				body: 'object',
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_test_trigger`,
			type: 'object',
			properties: {
				session_id: {
					description:
						'CartBay session id of the dummy abandoned session.',
					type: 'string',
				},
				notification_id: {
					description:
						'Id of the queued notification of recovery email 1.',
					type: 'string',
				},
				scheduled_at: {
					description:
						'When recovery email 1 is due (ISO 8601, UTC).',
					type: 'string',
					format: 'date-time',
				},
			},
		},
	},
	{
		path: '/test/email',
		description: 'Email delivery test and recovery email previews.',
		endpoints: [
			{
				method: 'POST',
				description:
					'Sends a basic test email, or a preview of one recovery step, and reports whether WordPress accepted it.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\TestController', method: 'send_email' },
				args: testEmailArgs,
				body: 'object',
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_test_email`,
			type: 'object',
			properties: {
				sent: {
					description:
						'Whether WordPress accepted the email for delivery.',
					type: 'boolean',
				},
				step: {
					description:
						'The step sent: 0 for the basic delivery test, otherwise the recovery email previewed.',
					type: 'integer',
					minimum: 0,
					maximum: emailSteps.length,
				},
			},
		},
	},
	{
		path: '/mail-environment',
		description:
			'The Email Delivery Test: detected mail delivery service, email loggers and the sender recovery emails use.',
		endpoints: [
			{
				method: 'GET',
				description:
					'Detects the mail delivery service (active known plugins: high confidence; outside callbacks on phpmailer_init or pre_wp_mail: medium; delivery keywords on wp_mail: low) and email loggers, and resolves the From email and name WooCommerce sends recovery emails with. Sends nothing.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\DeliveryTestController',
					method: 'get_environment',
				},
				args: [],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_mail_environment`,
			type: 'object',
			properties: {
				confidence: {
					description:
						'The strongest finding: high, medium or low; none without one.',
					type: 'string',
					enum: [ ...mailConfidence, 'none' ],
				},
				service: {
					description:
						'Name of the strongest finding (plugin, callback or function), or null.',
					type: [ 'string', 'null' ],
				},
				detections: {
					description:
						'Every finding, strongest first: confidence, name, source (plugin or hook) and detail (plugin file or hook name).',
					type: 'array',
				},
				loggers: {
					description:
						'Active email logger plugins: name and plugin file.',
					type: 'array',
				},
				from_email: {
					description:
						'From email of a recovery email: WooCommerce’s sender option through wp_mail_from, as WooCommerce applies it.',
					type: 'string',
				},
				from_name: {
					description:
						'From name of a recovery email, through wp_mail_from_name likewise.',
					type: 'string',
				},
				recipient: {
					description:
						'Default recipient of the test email: the current user’s email.',
					type: 'string',
				},
			},
		},
	},
	{
		path: '/analytics',
		description:
			'The Overview and Notifications figures for a reporting period (cached; see README "Analytics").',
		endpoints: [
			{
				method: 'GET',
				description:
					'Metrics, per-step figures, notification states, the daily series and the current status counts for 7, 30 or 90 days.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\AnalyticsController',
					method: 'get_analytics',
				},
				args: [ daysArg ],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_analytics`,
			type: 'object',
			properties: {
				days: {
					description: 'The reporting period used, in days.',
					type: 'integer',
					enum: [ ...reportPeriodChoices ],
				},
				from: {
					description: 'First day of the period (site time zone).',
					type: 'string',
					format: 'date',
				},
				to: {
					description:
						'Last day of the period: today (site time zone).',
					type: 'string',
					format: 'date',
				},
				metrics: {
					description:
						'Each card of the period, by metric key (definitions in the schema and README).',
					type: 'object',
				},
				steps: {
					description:
						'Per recovery step: emails sent, restore clicks, recoveries and recovered revenue.',
					type: 'array',
				},
				notifications: {
					description:
						'Notifications of the period’s sessions by lifecycle state.',
					type: 'object',
				},
				series: {
					description:
						'One entry per day of the period: tracked, abandoned, recovered, recovered revenue.',
					type: 'array',
				},
				statuses: {
					description:
						'Current session counts by status (not limited to the period).',
					type: 'object',
				},
				currency: {
					description: 'Store currency the money figures are in.',
					type: 'string',
				},
				generated_at: {
					description:
						'When the cached figures were computed (ISO 8601, UTC).',
					type: 'string',
					format: 'date-time',
				},
			},
		},
	},
	{
		path: '/analytics/rebuild',
		description:
			'Rebuilds the analytics ledger of the retained sessions from the sessions, in background batches.',
		endpoints: [
			{
				method: 'GET',
				description: 'Progress of the running (or last) rebuild.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\AnalyticsController',
					method: 'get_rebuild',
				},
				args: [],
			},
			{
				method: 'POST',
				description:
					'Starts a rebuild (or reports the one already running); figures of pruned sessions are kept.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\AnalyticsController',
					method: 'start_rebuild',
				},
				args: [],
				body: 'object',
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_analytics_rebuild`,
			type: 'object',
			properties: {
				state: {
					description: 'idle, running or done.',
					type: 'string',
					enum: [ 'idle', 'running', 'done' ],
				},
				processed: {
					description: 'Sessions read so far.',
					type: 'integer',
				},
				started_at: {
					description: 'When the rebuild started (ISO 8601, UTC).',
					type: [ 'string', 'null' ],
				},
				finished_at: {
					description: 'When it finished (ISO 8601, UTC).',
					type: [ 'string', 'null' ],
				},
			},
		},
	},
	{
		path: '/sessions',
		description:
			'Recovery sessions of a reporting period (the Overview Sessions table).',
		endpoints: [
			{
				method: 'GET',
				description: `Sessions created in the period, filtered and sorted, ${ reportLimits.pageSize } a page; X-WP-Total and X-WP-TotalPages headers.`,
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\SessionsController',
					method: 'list_sessions',
				},
				args: [ ...sessionFilterArgs, ...pageArgs ],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_session`,
			type: 'object',
			properties: {
				session_id: {
					description: 'CartBay session id.',
					type: 'string',
				},
				order_id: {
					description: 'The WooCommerce order backing the session.',
					type: 'integer',
				},
				email: { description: 'Captured email.', type: 'string' },
				status: {
					description: 'Current status key.',
					type: 'string',
				},
				cart_total: {
					description: 'Cart total at the last capture.',
					type: 'number',
				},
				created_at: {
					description: 'Created (ISO 8601, UTC).',
					type: 'string',
				},
				last_activity_at: {
					description: 'Last captured activity (ISO 8601, UTC).',
					type: [ 'string', 'null' ],
				},
				emails_sent: {
					description: 'Recovery emails sent or delivered.',
					type: 'integer',
				},
			},
		},
	},
	{
		path: `/exports/(?P<kind>${ exportKinds.join( '|' ) })`,
		description:
			'CSV export of the Sessions list (sessions) or of their recovery emails (emails), for the same filters and order.',
		endpoints: [
			{
				method: 'GET',
				description:
					'Streams the CSV in bounded memory; every cell is guarded against spreadsheet formulas; the export is logged without PII.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\ExportController',
					method: 'export',
				},
				args: sessionFilterArgs,
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_export`,
			type: 'object',
			properties: {},
		},
	},
	{
		path: `/sessions/${ sessionIdPath }`,
		description: 'One recovery session in full.',
		endpoints: [
			{
				method: 'GET',
				description:
					'Meta, cart snapshot, events timeline, notifications, coupon and recovered order of one session.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\SessionsController',
					method: 'get_session',
				},
				args: [],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_session_detail`,
			type: 'object',
			properties: {
				session_id: {
					description: 'CartBay session id.',
					type: 'string',
				},
				events: {
					description: 'The events timeline, oldest first.',
					type: 'array',
				},
				notifications: {
					description: 'Notification records.',
					type: 'array',
				},
			},
		},
	},
	{
		path: '/notifications',
		description:
			'Recovery email notifications of the period’s sessions (the Notifications table).',
		endpoints: [
			{
				method: 'GET',
				description: `Notifications, newest scheduled first, ${ reportLimits.pageSize } a page; X-WP-Total and X-WP-TotalPages headers.`,
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\NotificationsController',
					method: 'list_notifications',
				},
				args: [ ...notificationFilterArgs, ...pageArgs ],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_notification`,
			type: 'object',
			properties: {
				notification_id: {
					description: 'Notification id.',
					type: 'string',
				},
				session_id: {
					description: 'CartBay session id.',
					type: 'string',
				},
				status: {
					description: 'Lifecycle state.',
					type: 'string',
				},
				recipient: { description: 'Recipient email.', type: 'string' },
				step: {
					description: 'Recovery step.',
					type: 'integer',
					minimum: 1,
					maximum: emailSteps.length,
				},
				email_type: {
					description: 'WooCommerce email id of the step.',
					type: 'string',
				},
				scheduled_at: {
					description: 'Scheduled send time (ISO 8601, UTC).',
					type: [ 'string', 'null' ],
				},
			},
		},
	},
	{
		path: `/notifications/${ notificationIdPath }`,
		description: 'One notification with its lifecycle.',
		endpoints: [
			{
				method: 'GET',
				description:
					'Status, recipient, session, email type, trigger, schedule, lifecycle timestamps, attempts, restore click, recovered order and last error.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\NotificationsController',
					method: 'get_notification',
				},
				args: [],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_notification_detail`,
			type: 'object',
			properties: {
				notification_id: {
					description: 'Notification id.',
					type: 'string',
				},
				timestamps: {
					description: 'Lifecycle state → when it was entered.',
					type: 'object',
				},
			},
		},
	},
	{
		path: '/coupons',
		description: 'CartBay-generated coupons (Offers > Coupon History).',
		endpoints: [
			{
				method: 'GET',
				description: `Cards (${ couponCards.map( ( c ) => c.key ).join( ', ' ) }) and the coupons, newest first, codes masked, ${ reportLimits.pageSize } a page.`,
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\CouponsController',
					method: 'list_coupons',
				},
				args: pageArgs,
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_coupon`,
			type: 'object',
			properties: {
				coupon_id: { description: 'Coupon post id.', type: 'integer' },
				code: { description: 'Masked coupon code.', type: 'string' },
				status: {
					description: `${ couponStatuses.constants
						.map( ( s ) => s.value )
						.join( ', ' ) }.`,
					type: 'string',
				},
			},
		},
	},
	{
		path: '/coupons/(?P<id>[1-9][0-9]{0,19})',
		description: 'One CartBay coupon in full.',
		endpoints: [
			{
				method: 'GET',
				description:
					'Full code, generated email, email restriction, session, restore click, recovered order and the session’s recovery events.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\CouponsController',
					method: 'get_coupon',
				},
				args: [],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_coupon_detail`,
			type: 'object',
			properties: {
				coupon_id: { description: 'Coupon post id.', type: 'integer' },
				code: { description: 'Full coupon code.', type: 'string' },
			},
		},
	},
	{
		path: '/license/activate',
		description: 'Activates a WPAnchorBay license key for this site.',
		endpoints: [
			{
				method: 'POST',
				description:
					'Sends the key, product slug and site domain to the license server from this server (never the browser) and stores the result; development domains get Dev Mode without a request.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\LicenseController',
					method: 'activate',
				},
				args: [
					{
						name: 'license_key',
						description:
							'The license key (WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX).',
						schema: { type: 'string', maxLength: 64 },
						required: true,
					},
				],
				body: 'object',
			},
		],
		responseSchema: licenseResponse,
	},
	{
		path: '/license/status',
		description: 'The local license state, optionally checked again.',
		endpoints: [
			{
				method: 'GET',
				description:
					'The stored license state with a masked key; refresh=true checks with the license server first.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\LicenseController',
					method: 'status',
				},
				args: [
					{
						name: 'refresh',
						description: 'Check with the license server now.',
						schema: { type: 'boolean', default: false },
					},
				],
			},
		],
		responseSchema: licenseResponse,
	},
	{
		path: '/license/deactivate',
		description: 'Removes the stored license from this site.',
		endpoints: [
			{
				method: 'POST',
				description:
					'Removes the stored key and cached validity; recovery keeps running.',
				permission: 'manage_woocommerce',
				handler: {
					class: 'Api\\LicenseController',
					method: 'deactivate',
				},
				args: [],
				body: 'object',
			},
		],
		responseSchema: licenseResponse,
	},
	{
		path: '/wizard',
		description: 'The first-run setup wizard’s state.',
		endpoints: [
			{
				method: 'POST',
				description:
					'Marks the setup wizard complete (finished or skipped), so the first-run redirect never happens again; the wizard stays reachable from Settings.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\WizardController', method: 'complete' },
				args: [],
				body: 'object',
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_wizard`,
			type: 'object',
			properties: {
				complete: {
					description: 'Whether the wizard is complete.',
					type: 'boolean',
				},
			},
		},
	},
	{
		path: '/logs',
		description:
			'The sanitized CartBay log file (the hidden Logs section), newest first.',
		endpoints: [
			{
				method: 'GET',
				description: `Entries of ${ logFile.fileName } and its backup, newest first, filtered by level, source, event prefix and text, ${ logLimits.pageSize } a page; X-WP-Total and X-WP-TotalPages headers.`,
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\LogsController', method: 'list_logs' },
				args: [
					{
						name: 'level',
						description: 'Entry level, or all.',
						schema: {
							type: 'string',
							enum: [ 'all', ...logLevels ],
							default: 'all',
						},
					},
					{
						name: 'source',
						description:
							'Source (the part of the event name before the dot), or all.',
						schema: {
							type: 'string',
							enum: [ 'all', ...Object.values( logSources ) ],
							default: 'all',
						},
					},
					{
						name: 'event',
						description:
							'Event name prefix (capture., email.sent, …).',
						schema: {
							type: 'string',
							maxLength: logLimits.maxFilterLength,
							pattern: '^[a-z0-9_.]*$',
						},
					},
					{
						name: 'search',
						description:
							'Text the event or its context contains (case-insensitive).',
						schema: {
							type: 'string',
							maxLength: logLimits.maxFilterLength,
						},
					},
					{
						name: 'page',
						description: 'Page number, from 1.',
						schema: { type: 'integer', minimum: 1, default: 1 },
					},
					{
						name: 'per_page',
						description: 'Entries per page.',
						schema: {
							type: 'integer',
							minimum: 1,
							maximum: logLimits.maxPageSize,
							default: logLimits.pageSize,
						},
					},
				],
			},
		],
		responseSchema: {
			title: `${ plugin.slug }_log_entry`,
			type: 'object',
			properties: {
				time: {
					description: 'When it was written (ISO 8601, UTC).',
					type: 'string',
				},
				level: {
					description: 'info, warning or error.',
					type: 'string',
				},
				source: {
					description: 'What wrote it (capture, email, …).',
					type: 'string',
				},
				event: { description: 'Event name.', type: 'string' },
				context: {
					description:
						'Sanitized details: ids, counts and reasons; never an email, token or key.',
					type: 'object',
				},
			},
		},
	},
	// The agent routes (agent-routes.ts): closed by the agent gates until an administrator opens them.
	...agentRoutes,
] as const satisfies readonly RestRouteDef[];
