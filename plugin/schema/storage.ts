import type { ConstantGroupDef } from './types';

/** WordPress options CartBay owns (besides the two settings options declared in settings.ts / campaign.ts). */
export const options = {
	className: 'Options',
	description: 'Names of the WordPress options CartBay owns.',
	constants: [
		{
			name: 'SETTINGS',
			value: 'cartbay_settings',
			description:
				'Capture, offers, retention, logs, test mode, navigation and agent gates.',
		},
		{
			name: 'CAMPAIGN',
			value: 'cartbay_campaign_settings',
			description:
				'Recovery sequence state, delays and per-step coupons.',
		},
		{
			name: 'LICENSE_DATA',
			value: 'cartbay_license_data',
			description: 'Stored license key and license status.',
		},
		{
			name: 'WIZARD_COMPLETE',
			value: 'cartbay_wizard_complete',
			description: 'First-run wizard completion flag.',
		},
		{
			name: 'SEQUENCE_DEFAULTS_VERSION',
			value: 'cartbay_sequence_defaults_version',
			description: 'Sequence default migration marker.',
		},
		{
			name: 'INSTALLED_VERSION',
			value: 'cartbay_installed_version',
			description:
				'Plugin version whose install routine (defaults, recurring jobs) last ran.',
		},
		{
			name: 'AGENT_AUDIT_LOG',
			value: 'cartbay_agent_audit_log',
			description:
				'Redacted rolling agent audit log (not autoloaded; newest last, bounded).',
		},
		{
			name: 'AGENT_TOKENS',
			value: 'cartbay_agent_tokens',
			description:
				'CartBay Bearer token records: public id, SHA-256 of the secret, scopes, owner, dates (not autoloaded).',
		},
		{
			name: 'AGENT_TOKEN_USAGE',
			value: 'cartbay_agent_token_usage',
			description:
				"Each Bearer token's last use (public id => Unix time; apart from the records, so a use never writes them back).",
		},
		{
			name: 'ANALYTICS_LEDGER_PREFIX',
			value: 'cartbay_analytics_',
			description:
				'Prefix + YYYYMM: one month of the analytics ledger (per-day counters, no PII; not autoloaded). Kept when sessions are pruned.',
		},
		{
			name: 'ANALYTICS_REBUILD',
			value: 'cartbay_analytics_rebuild',
			description:
				'Progress of a ledger rebuild from the sessions (not autoloaded; gone when no rebuild runs).',
		},
		{
			name: 'UNSUBSCRIBE_KEY',
			value: 'cartbay_unsubscribe_key',
			description:
				'Secret HMAC key of signed restore and unsubscribe links (not autoloaded, created on first use): links verify without a lookup, unsubscribe links without their session.',
		},
	],
} as const satisfies ConstantGroupDef;

/** Transient names and prefixes. `{…}` parts are filled in by the runtime. */
export const transients = {
	className: 'Transients',
	description: 'Transient names and prefixes CartBay uses.',
	constants: [
		{
			name: 'LICENSE_VALID',
			value: 'cartbay_license_valid',
			description:
				'Cached license status (12 hours): the status string of the last check; absent once it is stale.',
		},
		{
			name: 'UPDATE_INFO',
			value: 'cartbay_update_info',
			description:
				'Cached update-check answer of the license server (a few hours; a failed check for less): version, readme sections and the download URL with the key masked.',
		},
		{
			name: 'ANALYTICS_CACHE',
			value: 'cartbay_analytics_cache',
			description: 'Cached analytics metrics.',
		},
		{
			name: 'RATE_LIMIT_PREFIX',
			value: 'cartbay_rl_',
			description:
				'Rate-limit counters: prefix + endpoint + "_" + md5(REMOTE_ADDR).',
		},
		{
			name: 'NOTIFICATION_CONTEXT_PREFIX',
			value: 'cartbay_notification_ctx_',
			description:
				'Prefix + notification id: context for the mail success/failure hooks.',
		},
		{
			name: 'JOBS_CHECKED',
			value: 'cartbay_jobs_checked',
			description:
				'Set for an hour after an admin request found every recurring job pending, so the check (one query per job) runs at most hourly.',
			lifetimeSeconds: 3600,
		},
		{
			name: 'WIZARD_REDIRECT',
			value: 'cartbay_wizard_redirect',
			description:
				'First-run redirect flag, set on activation: the next admin page within a minute takes it and opens the wizard; a later visit does not.',
			lifetimeSeconds: 60,
		},
	],
} as const satisfies ConstantGroupDef;

/** Private post types CartBay registers. */
export const postTypes = {
	className: 'PostTypes',
	description: 'Private post types CartBay registers.',
	constants: [
		{
			name: 'SUPPRESSED',
			value: 'cartbay_suppressed',
			description:
				'Suppression records: slug and title are the SHA-256 of the normalized email.',
		},
	],
} as const satisfies ConstantGroupDef;

/** Query args of the restore and unsubscribe links (intentionally not REST routes). */
export const queryArgs = {
	className: 'QueryArgs',
	description: 'Query args of the restore and unsubscribe links.',
	constants: [
		{
			name: 'RESTORE',
			value: 'cartbay_restore',
			description:
				'Restore link: rebuilds the cart and lands on checkout (handled on template_redirect).',
		},
		{
			name: 'UNSUBSCRIBE',
			value: 'cartbay_unsubscribe',
			description:
				'Unsubscribe link: suppresses the email (handled on init).',
		},
		{
			name: 'UNSUBSCRIBE_CONFIRM',
			value: 'cartbay_unsubscribe_confirm',
			description:
				'Form field of the unsubscribe confirmation page: its POST unsubscribes (a GET only shows the form).',
		},
	],
} as const satisfies ConstantGroupDef;
