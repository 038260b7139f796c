/**
 * Fallback for `start` on machines without a native PHP: WordPress Playground's CLI
 * (@wp-playground/cli, PHP compiled to WebAssembly) serves the cached WordPress and WooCommerce.
 * It runs offline but is slow: ~30 s to boot, seconds per page. Tests need native PHP.
 *
 * The Playground site lives in `$CACHE/sites/dev-playground` (its own SQLite database, made by
 * Playground), separate from the native dev site.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureCache } from './cache';
import { linkOrCopyDir } from './fs-util';
import { defaultTheme, layoutCore } from './layout';
import { ADMIN } from './install';
import { cachePaths, phpHelperPaths, repoRoot, storeToolDir } from './paths';

export interface PlaygroundOptions {
	port: number;
	hpos: boolean;
}

function playgroundCli(): string {
	const resolveFromRepo = createRequire( join( storeToolDir(), 'index.ts' ) );
	return join(
		dirname( resolveFromRepo.resolve( '@wp-playground/cli/package.json' ) ),
		'wp-playground.js'
	);
}

/**
 * Core, the default theme and our mu-plugin in a folder Playground mounts as /wordpress.
 * @param dir
 * @param wordpress
 * @param wordpress.path
 * @param wordpress.version
 */
async function layoutPlaygroundSite(
	dir: string,
	wordpress: { path: string; version: string }
): Promise< void > {
	const docroot = join( dir, 'wordpress' );
	const content = join( docroot, 'wp-content' );
	await layoutCore( wordpress.path, wordpress.version, docroot, 'copy' );
	const theme = defaultTheme( wordpress.path );
	if ( ! existsSync( join( content, 'themes', theme ) ) ) {
		await linkOrCopyDir(
			join( wordpress.path, 'wp-content', 'themes', theme ),
			join( content, 'themes', theme ),
			'copy'
		);
	}
	for ( const folder of [
		join( content, 'mu-plugins' ),
		join( content, 'plugins' ),
		join( dir, 'mail' ),
	] ) {
		await mkdir( folder, { recursive: true } );
	}
	await copyFile(
		phpHelperPaths().muPlugin,
		join( content, 'mu-plugins', 'cartbay-store.php' )
	);
}

/**
 * Serves the Playground dev site in the foreground until Ctrl-C.
 * @param options
 */
export async function startPlayground(
	options: PlaygroundOptions
): Promise< void > {
	const cache = await ensureCache();
	if ( ! cache.ok ) {
		throw new Error( cache.reason );
	}
	const dir = join( cachePaths().sites, 'dev-playground' );
	await layoutPlaygroundSite( dir, cache.wordpress );

	const cartbay = join( repoRoot(), 'dist', 'cartbay' );
	const hasCartbay = existsSync( join( cartbay, 'cartbay.php' ) );
	const configure =
		"<?php require '/wordpress/wp-load.php';" +
		` putenv( 'CARTBAY_STORE_HPOS=${ options.hpos ? 'on' : 'off' }' );` +
		" require '/cartbay-store-php/install/woocommerce.php'; require '/cartbay-store-php/install/finish.php';";
	const blueprint = {
		preferredVersions: { php: '8.2', wp: cache.wordpress.version },
		steps: [
			{
				step: 'activatePlugin',
				pluginPath: 'woocommerce/woocommerce.php',
			},
			{ step: 'runPHP', code: configure },
			...( hasCartbay
				? [
						{
							step: 'activatePlugin',
							pluginPath: 'cartbay/cartbay.php',
						},
					]
				: [] ),
		],
	};
	const blueprintFile = join( dir, 'blueprint.json' );
	await writeFile( blueprintFile, JSON.stringify( blueprint, null, '\t' ) );

	const mounts = [
		`${ join( dir, 'wordpress' ) }:/wordpress`,
		`${ join( dir, 'mail' ) }:/cartbay-mail`,
		`${ cache.woocommerce.path }:/wordpress/wp-content/plugins/woocommerce`,
		`${ phpHelperPaths().dir }:/cartbay-store-php`,
		...( hasCartbay
			? [ `${ cartbay }:/wordpress/wp-content/plugins/cartbay` ]
			: [] ),
	];
	const args = [
		playgroundCli(),
		'server',
		`--port=${ options.port }`,
		'--php=8.2',
		'--wordpress-install-mode=install-from-existing-files-if-needed',
		...mounts.flatMap( ( mount ) => [ '--mount-before-install', mount ] ),
		'--define',
		'CARTBAY_STORE_MAIL_FILE',
		'/cartbay-mail/mail.jsonl',
		'--define-bool',
		'WP_DEBUG',
		'true',
		'--define-bool',
		'DISABLE_WP_CRON',
		'true',
		`--blueprint=${ blueprintFile }`,
	];

	if ( ! hasCartbay ) {
		console.warn(
			`warning: CartBay not installed: ${ cartbay }/cartbay.php not found (build it with \`npm run build\`)`
		);
	}
	console.log(
		`Playground site ${ dir }; admin ${ ADMIN.user } / ${ ADMIN.password } at http://127.0.0.1:${ options.port }/wp-admin/`
	);
	console.log(
		`HPOS ${ options.hpos ? 'on' : 'off' }; debug log: ${ join( dir, 'wordpress', 'wp-content', 'debug.log' ) }`
	);

	const child = spawn( process.execPath, args, { stdio: 'inherit' } );
	const forward = ( signal: NodeJS.Signals ) => () => child.kill( signal );
	process.once( 'SIGINT', forward( 'SIGINT' ) );
	process.once( 'SIGTERM', forward( 'SIGTERM' ) );
	const code = await new Promise< number >( ( done ) =>
		child.on( 'exit', ( exitCode ) => done( exitCode ?? 0 ) )
	);
	if ( code !== 0 && code !== 130 ) {
		throw new Error( `WordPress Playground exited with ${ code }` );
	}
}
