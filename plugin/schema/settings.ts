import type { SettingsOptionDef } from './types';

/**
 * `cartbay_settings`: capture, offers, retention, logs, test mode, admin navigation and agent gates.
 *
 * Every field carries its type, default and allowed range; the TypeScript normalizer (./normalize.ts)
 * and the generated PHP normalizer both read these declarations.
 */
export const settingsOption = {
	option: 'cartbay_settings',
	description:
		'Capture, consent, timeout, offers, retention, logs, test mode, admin navigation and agent gates.',
	fields: [
		// Capture.
		{
			key: 'capture_enabled',
			type: 'boolean',
			default: true,
			section: 'capture',
			label: 'Enable Capture',
			description:
				'Capture consented checkout emails and carts on classic and Block Checkout.',
		},
		{
			key: 'consent_text',
			type: 'string',
			default: 'Save my email to recover my cart if I leave.',
			maxLength: 300,
			section: 'capture',
			label: 'Consent Text',
			description:
				'Text shown beside the recovery consent checkbox at checkout.',
		},
		{
			key: 'consent_default_checked',
			type: 'boolean',
			default: true,
			section: 'capture',
			label: 'Consent Checkbox Checked by Default',
			description:
				'Whether the checkout consent checkbox starts checked.',
		},
		{
			key: 'abandonment_timeout',
			type: 'integer',
			default: 30,
			minimum: 5,
			maximum: 1440,
			unit: 'minutes',
			section: 'capture',
			label: 'Abandonment Timeout (minutes)',
			description:
				'Minutes after the last captured checkout activity before a cart is marked abandoned.',
		},
		// Offers.
		{
			key: 'coupon_type',
			type: 'enum',
			default: 'fixed_cart',
			options: [
				{ value: 'fixed_cart', label: 'Fixed Cart Discount' },
				{ value: 'percent', label: 'Percentage' },
			],
			section: 'offers',
			label: 'Coupon Type',
			description:
				'How CartBay-generated recovery coupons discount the cart (a WooCommerce discount type).',
		},
		{
			key: 'coupon_amount',
			type: 'number',
			default: 10,
			minimum: 0,
			maximum: 100000,
			precision: 2,
			section: 'offers',
			label: 'Coupon Amount',
			description:
				'Store-currency amount for fixed-cart coupons, or the percentage for percentage coupons.',
		},
		{
			key: 'coupon_expiry_days',
			type: 'integer',
			default: 7,
			minimum: 1,
			maximum: 365,
			unit: 'days',
			section: 'offers',
			label: 'Coupon Expiry (days)',
			description:
				'Days a generated recovery coupon stays valid after it is created.',
		},
		// Settings.
		{
			key: 'data_retention_days',
			type: 'integer',
			default: 30,
			minimum: 7,
			maximum: 90,
			unit: 'days',
			section: 'settings',
			label: 'Retention Period (days)',
			description:
				'Days CartBay keeps recovery session data before the daily prune job removes it.',
		},
		{
			key: 'delete_data_on_uninstall',
			type: 'boolean',
			default: false,
			section: 'settings',
			label: 'Delete Data on Uninstall',
			description:
				'Remove every CartBay option, session, coupon, record, job and log when the plugin is deleted.',
			danger: 'When CartBay is deleted from the Plugins screen, every CartBay option, recovery session, generated coupon, notification record, scheduled job and log is deleted with it. This cannot be undone.',
		},
		{
			key: 'menu_shortcut_enabled',
			type: 'boolean',
			default: true,
			section: 'settings',
			label: 'WooCommerce Menu Shortcut',
			description: 'Show CartBay under the WooCommerce admin menu.',
		},
		{
			key: 'test_mode',
			type: 'boolean',
			default: false,
			section: 'settings',
			label: 'Test Mode',
			description:
				'Shortened recovery delays and the test flow, for staging and controlled QA.',
		},
		{
			key: 'logging_enabled',
			type: 'boolean',
			default: true,
			section: 'logs',
			label: 'Enable CartBay Logs',
			description:
				'Write sanitized CartBay log lines to the uploads folder.',
		},
		{
			key: 'log_retention_days',
			type: 'integer',
			default: 7,
			minimum: 1,
			maximum: 90,
			unit: 'days',
			section: 'logs',
			label: 'Log Retention (days)',
			description: 'Days CartBay log lines are kept.',
		},
		{
			key: 'log_max_size_mb',
			type: 'integer',
			default: 5,
			minimum: 1,
			maximum: 50,
			unit: 'MB',
			section: 'logs',
			label: 'Maximum Log Size (MB)',
			description: 'Size at which the CartBay log file is rotated.',
		},
		// AI agent access: every gate closed except the two surface switches under the master gate.
		{
			key: 'agent_access_enabled',
			type: 'boolean',
			default: false,
			section: 'agent',
			label: 'Enable Agent Access',
			description: 'Master gate for all agent capabilities.',
			danger: 'Lets authenticated automation use the agent surfaces switched on below, with the permissions granted below. Only turn this on for agents you trust.',
		},
		{
			key: 'agent_rest_enabled',
			type: 'boolean',
			default: true,
			section: 'agent',
			label: 'REST Access',
			description:
				'Enable /wp-json/cartbay/v1/agent when agent access is enabled.',
		},
		{
			key: 'agent_abilities_enabled',
			type: 'boolean',
			default: true,
			section: 'agent',
			label: 'Abilities Access',
			description:
				'Register CartBay WordPress Abilities for authenticated users.',
		},
		{
			key: 'agent_mcp_public',
			type: 'boolean',
			default: false,
			section: 'agent',
			label: 'MCP Public Exposure',
			description:
				'Mark CartBay abilities as MCP-public for the WordPress MCP Adapter.',
			danger: 'CartBay’s abilities are offered to MCP clients through the WordPress MCP Adapter.',
		},
		{
			key: 'agent_write_enabled',
			type: 'boolean',
			default: false,
			section: 'agent',
			label: 'Agent Write Actions',
			description: 'Allow safe settings and campaign updates.',
			danger: 'Agents can change CartBay settings and the recovery sequence.',
		},
		{
			key: 'agent_contact_enabled',
			type: 'boolean',
			default: false,
			section: 'agent',
			label: 'Agent Contact Actions',
			description: 'Allow email-oriented session actions.',
			danger: 'Agents can mark sessions abandoned, send recovery emails to shoppers now and cancel queued ones.',
		},
		{
			key: 'agent_sensitive_enabled',
			type: 'boolean',
			default: false,
			section: 'agent',
			label: 'Agent Sensitive Data',
			description: 'Allow raw PII and sensitive recovery details.',
			danger: 'Agents can read shoppers’ email addresses, cart contents and other personal recovery details.',
		},
		{
			key: 'agent_destructive_enabled',
			type: 'boolean',
			default: false,
			section: 'agent',
			label: 'Agent Destructive Actions',
			description: 'Allow expiring or deleting sessions.',
			danger: 'Agents can expire recovery sessions (their restore links stop working) and delete them. A deleted session cannot be brought back.',
		},
	],
	rules: [
		{
			kind: 'cap_when',
			field: 'coupon_amount',
			when: 'coupon_type',
			equals: 'percent',
			maximum: 100,
			description: 'A percentage coupon cannot discount more than 100%.',
		},
	],
} as const satisfies SettingsOptionDef;

export type SettingsKey = ( typeof settingsOption.fields )[ number ][ 'key' ];
