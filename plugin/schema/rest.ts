import { campaign } from './campaign';
import { emailSteps } from './emails';
import { captureLimits } from './capture';
import { constantValue, rateLimitBuckets } from './notifications';
import { plugin } from './plugin';
import { settingsOption } from './settings';
import type { RouteArgDef, RouteDef, SettingsField } from './types';

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
		description: `0 sends a basic delivery test through wp_mail(); 1–${ emailSteps.length } sends a preview of that recovery email.`,
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
] as const satisfies readonly RestRouteDef[];
