/**
 * Installs WordPress (and WooCommerce, configured as the CartBay test shop) into a laid-out site
 * with an empty database. WP-CLI is not needed: each step is a PHP file run through bootstrap.php,
 * each in its own process, because WordPress and WooCommerce load plugins only at startup.
 */
import { join } from 'node:path';
import { phpHelperPaths } from './paths';
import { PhpRunError, type RunPhpOptions, type Site } from './site-handle';

/** The store's administrator. */
export const ADMIN = {
	user: 'admin',
	password: 'password',
	email: 'admin@example.test',
} as const;

export const STORE_TITLE = 'CartBay Dev Store';

export interface InstallOptions {
	hpos: boolean;
	withWooCommerce: boolean;
	log?: ( line: string ) => void;
}

async function step(
	site: Site,
	name: string,
	file: string,
	options: RunPhpOptions = {}
): Promise< void > {
	const result = await site.runPhp(
		join( phpHelperPaths().install, file ),
		options
	);
	if ( result.code !== 0 ) {
		const log = site
			.readDebugLog()
			.trim()
			.split( '\n' )
			.slice( -5 )
			.join( '\n' );
		const output = ( result.stderr + result.stdout )
			.trim()
			.split( '\n' )
			.slice( -10 )
			.join( '\n' );
		throw new PhpRunError(
			`install step "${ name }" failed (exit ${ result.code }):\n${ output }${ log ? `\nwp-debug.log:\n${ log }` : '' }`,
			result
		);
	}
}

export async function installSite(
	site: Site,
	options: InstallOptions
): Promise< void > {
	const log = options.log ?? ( () => undefined );
	const timed = async ( name: string, work: () => Promise< unknown > ) => {
		const started = performance.now();
		await work();
		log(
			`  ${ name } (${ Math.round( performance.now() - started ) } ms)`
		);
	};

	await timed( 'install WordPress', () =>
		step( site, 'wordpress', 'wordpress.php', {
			env: {
				CARTBAY_STORE_INSTALLING: '1',
				CARTBAY_STORE_TITLE: STORE_TITLE,
				CARTBAY_STORE_ADMIN_USER: ADMIN.user,
				CARTBAY_STORE_ADMIN_PASSWORD: ADMIN.password,
				CARTBAY_STORE_ADMIN_EMAIL: ADMIN.email,
			},
		} )
	);
	if ( options.withWooCommerce ) {
		await timed( 'activate WooCommerce', () =>
			site.activatePlugin( 'woocommerce/woocommerce.php' )
		);
		await timed( 'configure the shop', () =>
			step( site, 'woocommerce', 'woocommerce.php', {
				env: { CARTBAY_STORE_HPOS: options.hpos ? 'on' : 'off' },
			} )
		);
	}
	await timed( 'finish (Action Scheduler tables, rewrite rules)', () =>
		step( site, 'finish', 'finish.php' )
	);
	if ( options.withWooCommerce ) {
		// Settle what the installers scheduled, so a new site starts with no due work.
		await timed( 'run due scheduled actions', () => site.runDueActions() );
	}
}
