/**
 * Plugin identity: the names WordPress, WooCommerce and the build see.
 */
export const plugin = {
	name: 'CartBay',
	slug: 'cartbay',
	/** Kept in step with package.json by a schema test. */
	version: '0.1.0',
	description:
		'Abandoned-cart recovery for WooCommerce: consented checkout capture, a three-email recovery sequence, secure restore links and recovered-revenue reporting.',
	author: 'WPAnchorBay',
	authorUri: 'https://wpanchorbay.com/',
	pluginUri: 'https://wpanchorbay.github.io/cartbay/',
	license: 'GPL-2.0-or-later',
	textDomain: 'cartbay',
	requiresWordPress: '6.8',
	requiresPhp: '8.2',
	/** Minimum WooCommerce the runtime is built and tested against. */
	requiresWooCommerce: '10.0',
	testedWooCommerce: '10.0',
	phpNamespace: 'WPAnchorBay\\CartBay',
	/** Prefix of the PHP constants `cartbay.php` defines (CARTBAY_VERSION, CARTBAY_FILE, …). */
	constantPrefix: 'CARTBAY',
	restNamespace: 'cartbay/v1',
	/** Action Scheduler group of every CartBay job. */
	jobGroup: 'cartbay',
	/** `created_via` of every CartBay session order. */
	createdVia: 'cartbay',
	/** WooCommerce logger source. */
	logSource: 'cartbay',
	/** WPAnchorBay license server REST base (called from the WordPress server only, never the browser). */
	licenseServer: 'https://wpanchorbay.com/wp-json/license-server/v1',
} as const;
