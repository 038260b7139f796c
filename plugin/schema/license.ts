/**
 * License contract: the WPAnchorBay key format, the local license statuses, how long answers are cached,
 * how long a request to the license server may take, which hosts count as development sites (Dev Mode) and
 * the license server's routes (`../shared/spec/license-server-api.md`).
 *
 * Emitted as `LicenseSchema` (codegen/emitters/license.ts). The license server is only ever called from the
 * WordPress server, on admin requests, WP-Cron / Action Scheduler and WP-CLI: never on a shopper request.
 */
import { plugin } from './plugin';

/** Shape of a WPAnchorBay license key: `WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX` (letters and digits, upper case). */
export const licenseKeyFormat = {
	/** Text before the first dash. */
	prefix: 'WPAB',
	/** A whole key (input is trimmed and upper-cased first). */
	pattern: '^WPAB-[A-Z0-9]{12}-[A-Z0-9]{12}$',
	/** Characters of a whole key. */
	length: 30,
	/** Characters at the end of the key a masked key still shows. */
	visibleTail: 4,
	/** What every other character but the prefix and the dashes is shown as. */
	maskCharacter: '*',
} as const;

/** Local license statuses, in the order the docs list them. */
export const licenseStatuses = [
	{
		key: 'active',
		label: 'Active',
		description: 'The license server accepted the key.',
	},
	{
		key: 'inactive',
		label: 'Inactive',
		description: 'No active license state is stored locally.',
	},
	{
		key: 'expired',
		label: 'Expired',
		description: 'The license server reported an expired license.',
	},
	{
		key: 'invalid',
		label: 'Invalid',
		description: 'The stored key was rejected.',
	},
	{
		key: 'dev_mode',
		label: 'Dev Mode',
		description: 'Development-domain bypass is active.',
	},
	{
		key: 'server_error',
		label: 'Server Error',
		description:
			'The license server was unreachable. Runtime recovery features continue.',
	},
] as const;

export type LicenseStatusKey = ( typeof licenseStatuses )[ number ][ 'key' ];

/** Cache lifetimes and request bounds. */
export const licenseTiming = {
	/** Hours the cached license status (`cartbay_license_valid`) stays fresh. */
	validCacheHours: 12,
	/** Hours an update-check answer is reused by the plugin update flow. */
	updateCacheHours: 6,
	/** Minutes a failed update check is remembered before the server is asked again. */
	updateRetryMinutes: 60,
	/** Seconds one request to the license server may take (admin requests and the daily job alike). */
	requestTimeoutSeconds: 5,
	/** Largest license-server answer read, in bytes. */
	maxResponseBytes: 1048576,
	/** Longest text kept from a server field (plan, message). */
	maxTextLength: 200,
} as const;

/**
 * Development hosts: activation there gives Dev Mode without a request (filter
 * `cartbay_license_dev_domain_bypass`). Hosts are compared lower-cased, without a trailing dot or IPv6 brackets.
 */
export const licenseDevDomains = {
	/** Whole hosts. */
	hosts: [ 'localhost', '127.0.0.1', '::1' ],
	/** Host endings (`shop.local`). `.dev` is a public TLD: a live store there turns the bypass off with the filter. */
	suffixes: [ '.local', '.dev', '.test', '.localhost' ],
	/** Host beginnings of staging copies (`staging.shop.com`, `staging-shop.host.cloud`). */
	prefixes: [ 'staging.', 'staging-' ],
	/** Labels inside a host (`shop.staging.host.com`). */
	infixes: [ '.staging.' ],
} as const;

/** The license server's routes under its REST base (`CARTBAY_LICENSE_SERVER`). */
export const licenseServerRoutes = {
	/** Product slug sent with every request. */
	productSlug: plugin.slug,
	/** POST license_key, slug, domain. */
	activatePath: '/activate',
	/** GET ?license_key, slug, domain. */
	checkPath: '/check',
	/** GET /{slug}/{license_key}?host. */
	updateCheckPath: '/update-check',
	/** GET /{slug}/{license_key}?host: the release zip. */
	downloadPath: '/download',
} as const;
