import { campaign } from './campaign';
import { settingsOption } from './settings';
import type { RouteArgDef, RouteDef, SettingsField } from './types';

/** JSON Schema of one settings field, as published in the route's OPTIONS response. */
export function fieldJsonSchema(field: SettingsField): Record<string, unknown> {
	switch (field.type) {
		case 'boolean':
			return { type: 'boolean', default: field.default };
		case 'integer':
			return { type: 'integer', default: field.default, minimum: field.minimum, maximum: field.maximum };
		case 'number':
			return { type: 'number', default: field.default, minimum: field.minimum, maximum: field.maximum };
		case 'string':
			return { type: 'string', default: field.default, maxLength: field.maxLength };
		case 'enum':
			return { type: 'string', default: field.default, enum: field.options.map((o) => o.value) };
	}
}

/** Settings PATCH args: every field, normalized by the handler (clamped or kept), never refused. */
const settingsArgs: RouteArgDef[] = settingsOption.fields.map((field) => ({
	name: field.key,
	description: field.description,
	schema: fieldJsonSchema(field),
	validation: 'normalize',
}));

const campaignArgs: RouteArgDef[] = [
	{
		name: campaign.enabled.key,
		description: campaign.enabled.description,
		schema: { type: 'boolean', default: campaign.enabled.default },
		validation: 'normalize',
	},
	{
		name: 'steps',
		description: `The ${campaign.steps.length} recovery steps in order: delay value and unit after abandonment, and whether the step includes a coupon.`,
		schema: {
			type: 'array',
			maxItems: campaign.steps.length,
			items: {
				type: 'object',
				properties: {
					delay_value: { type: 'integer' },
					delay_unit: { type: 'string', enum: campaign.units.map((u) => u.value) },
					coupon_enabled: { type: 'boolean' },
				},
			},
		},
		validation: 'normalize',
	},
];

/** Every REST route under `cartbay/v1` (plugin.restNamespace). */
export const routes = [
	{
		path: '/settings',
		description: 'CartBay settings (the cartbay_settings option).',
		endpoints: [
			{
				method: 'GET',
				description: 'Read the normalized settings.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\SettingsController', method: 'get_settings' },
				args: [],
			},
			{
				method: 'PATCH',
				description: 'Update some settings: values are merged onto the saved ones, normalized and saved.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\SettingsController', method: 'update_settings' },
				args: settingsArgs,
				body: 'object',
			},
		],
	},
	{
		path: '/campaign',
		description: 'The recovery sequence (the cartbay_campaign_settings option).',
		endpoints: [
			{
				method: 'GET',
				description: 'Read the normalized recovery sequence.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\SettingsController', method: 'get_campaign' },
				args: [],
			},
			{
				method: 'PATCH',
				description: 'Update the recovery sequence: normalized into minutes, clamped and kept in order, then saved.',
				permission: 'manage_woocommerce',
				handler: { class: 'Api\\SettingsController', method: 'update_campaign' },
				args: campaignArgs,
				body: 'object',
			},
		],
	},
] as const satisfies readonly RouteDef[];
