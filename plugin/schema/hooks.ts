import type { ConstantGroupDef } from './types';

/**
 * Public actions and filters: what integrators hook into. Their names are a promise (spec "Developer Hooks"),
 * so the runtime only ever uses them through the generated `Hooks` class.
 */
export const publicHooks = {
	className: 'Hooks',
	description: 'Names of the public actions and filters CartBay fires.',
	constants: [
		{
			name: 'LOADED',
			value: 'cartbay_loaded',
			description:
				'Action: the runtime is running (receives the Plugin instance).',
		},
		{
			name: 'SESSION_ABANDONED',
			value: 'cartbay_session_abandoned',
			description:
				'Action: a session became abandoned (receives the session order).',
		},
		{
			name: 'MARK_NOTIFICATION_DELIVERED',
			value: 'cartbay_mark_notification_delivered',
			description:
				'Action a delivery integration fires with a notification id once its provider confirms delivery.',
		},
		{
			name: 'RATE_LIMIT',
			value: 'cartbay_rate_limit',
			description:
				'Filter: requests allowed per window for an endpoint bucket (receives the limit and the bucket).',
		},
		{
			name: 'RATE_LIMIT_WINDOW',
			value: 'cartbay_rate_limit_window',
			description:
				'Filter: the rate-limit window in seconds for an endpoint bucket.',
		},
		{
			name: 'CAPTURE_ALLOWED_ORIGINS',
			value: 'cartbay_capture_allowed_origins',
			description:
				'Filter: origins (scheme://host[:port]) the public capture route accepts.',
		},
		{
			name: 'LEAN_CAPTURE_REQUEST',
			value: 'cartbay_lean_capture_request',
			description:
				'Filter: whether a capture request boots like a Store API request (false registers every REST route as usual).',
		},
		{
			name: 'LOG_MAX_BYTES',
			value: 'cartbay_log_max_bytes',
			description:
				'Filter: size in bytes at which the CartBay log file is rotated (default: the log_max_size_mb setting).',
		},
		{
			name: 'LICENSE_SERVER_URL',
			value: 'cartbay_license_server_url',
			description:
				'Filter: the license server REST base (default CARTBAY_LICENSE_SERVER). https, or http to a loopback host only; any other value stops license requests (status server_error).',
		},
		{
			name: 'LICENSE_DEV_DOMAIN_BYPASS',
			value: 'cartbay_license_dev_domain_bypass',
			description:
				'Filter: whether this site gets Dev Mode without a license request (receives the bypass decision and the host of home_url()).',
		},
		{
			name: 'CORE_RECOVERY_EMAIL_SUPPRESSED',
			value: 'cartbay_core_recovery_email_suppressed',
			description:
				"Filter: whether WooCommerce's own abandoned-cart recovery email stands down for an unpaid order (receives CartBay's decision and the order; true when CartBay handles that shopper's cart).",
		},
		{
			name: 'MAIL_DELIVERY_PLUGINS',
			value: 'cartbay_mail_delivery_plugins',
			description:
				'Filter: known mail delivery plugins, plugin folder (or single-file basename) => name shown; an active one is a high-confidence delivery service in the Email Delivery Test (defaults: MailEnvironmentSchema::DELIVERY_PLUGINS).',
		},
		{
			name: 'EMAIL_LOGGER_PLUGINS',
			value: 'cartbay_email_logger_plugins',
			description:
				'Filter: known email logger plugins, plugin folder (or single-file basename) => name shown (defaults: MailEnvironmentSchema::LOGGER_PLUGINS).',
		},
		{
			name: 'MAIL_ENVIRONMENT_STATUS',
			value: 'cartbay_mail_environment_status',
			description:
				'Filter: the detected mail environment (confidence, service, detections, loggers, from email and name) before the admin sees it; an integration may override or enrich it.',
		},
	],
} as const satisfies ConstantGroupDef;
