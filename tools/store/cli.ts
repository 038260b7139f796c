/**
 * Command line for the CartBay local store: `npx tsx tools/store/cli.ts <command>` (or `npm run store`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheStatus, ensureCache, envSources, importToCache } from './cache';
import {
	CARTBAY_PLUGIN,
	DEFAULT_DEV_PORT,
	devSiteDir,
	ensureDevSite,
	linkCartbay,
} from './dev-site';
import { DEFAULT_VERSIONS, downloadToCache } from './download';
import { readJson } from './fs-util';
import { ADMIN } from './install';
import { cachePaths } from './paths';
import { phpStatus } from './php';
import { startPlayground } from './playground';
import { recordedServer, startServer, stopRecordedServer } from './server';
import { readSiteConfig } from './site-config';
import { openSite } from './site';

const USAGE = `Usage: npx tsx tools/store/cli.ts <command> [options]   (npm run store -- <command>)

Commands:
  status                          cache, PHP, templates, dev site and its server
  import [--wordpress DIR|ZIP] [--woocommerce DIR|ZIP]
                                  copy WordPress / WooCommerce into the cache
                                  (defaults: $CARTBAY_WP_DIR, $CARTBAY_WC_DIR)
  download [--wp-version V] [--wc-version V]
                                  fetch them from WordPress.org (needs internet;
                                  default ${ DEFAULT_VERSIONS.wordpress } / ${ DEFAULT_VERSIONS.woocommerce }, or "latest")
  create [--hpos on|off] [--fresh] [--rebuild-template]
                                  create the dev site (--fresh: replace it)
  start [--port ${ DEFAULT_DEV_PORT }] [--hpos on|off] [--cron-interval 60]
                                  serve the dev site with CartBay (dist/cartbay) until Ctrl-C
  stop                            stop a server that \`start\` left running
  php <file> [args...] [--user LOGIN]
                                  run a PHP file inside the dev site
  as-run [--hooks a,b] [--group G]
                                  run due Action Scheduler actions in the dev site

Every site command takes --site DIR (default: $CARTBAY_CACHE/sites/dev).
Cache: ${ cachePaths().root }`;

/** An expected failure: printed as one line, exit 1. */
class CliError extends Error {}

function onOff( value: string | undefined, name: string ): boolean | undefined {
	if ( value === undefined ) {
		return undefined;
	}
	if ( value !== 'on' && value !== 'off' ) {
		throw new CliError(
			`--${ name } takes "on" or "off", not "${ value }"`
		);
	}
	return value === 'on';
}

function portOption( value: string | undefined ): number {
	const port = value === undefined ? DEFAULT_DEV_PORT : Number( value );
	if ( ! Number.isInteger( port ) || port < 1 || port > 65535 ) {
		throw new CliError( `invalid port: ${ value }` );
	}
	return port;
}

function siteOption( value: string | undefined ) {
	const dir = value ? resolve( value ) : devSiteDir();
	if ( ! readSiteConfig( dir ) ) {
		throw new CliError(
			`no store site at ${ dir } (create it with \`cli.ts create\`)`
		);
	}
	return openSite( dir );
}

function storageLabel( hpos: boolean ): string {
	return hpos
		? 'HPOS on (custom order tables)'
		: 'HPOS off (legacy posts storage)';
}

async function status(): Promise< void > {
	const cache = cacheStatus();
	const php = phpStatus();
	console.log( `cache        ${ cache.dir }` );
	for ( const [ label, info ] of [
		[ 'WordPress', cache.wordpress ],
		[ 'WooCommerce', cache.woocommerce ],
	] as const ) {
		console.log(
			`${ label.padEnd( 12 ) } ${ info ? `${ info.version }${ info.source ? `  (from ${ info.source })` : '' }` : 'missing' }`
		);
	}
	if ( ! cache.ok ) {
		console.log( `             ${ cache.reason }` );
	}
	console.log(
		`PHP          ${ php.ok ? `${ php.php.version } (${ php.php.bin })` : php.reason }`
	);

	const templates = cachePaths().templates;
	const names = existsSync( templates )
		? readdirSync( templates ).filter(
				( name ) => ! name.startsWith( '.' )
			)
		: [];
	for ( const name of names ) {
		const json = readJson< { buildMs: number } >(
			resolve( templates, name, 'template.json' )
		);
		console.log(
			`template     ${ name }${ json ? ` (built in ${ ( json.buildMs / 1000 ).toFixed( 1 ) } s)` : ' (incomplete)' }`
		);
	}

	const config = readSiteConfig( devSiteDir() );
	if ( ! config ) {
		console.log(
			`dev site     none yet (\`start\` or \`create\` makes it at ${ devSiteDir() })`
		);
		return;
	}
	console.log(
		`dev site     ${ devSiteDir() }  ${ config.url }  ${ storageLabel( config.hpos ) }`
	);
	const server = recordedServer( openSite( devSiteDir() ) );
	console.log(
		`server       ${ server ? `running (pid ${ server.pid }) at ${ server.url }` : 'not running' }`
	);
}

async function importCommand( args: string[] ): Promise< void > {
	const { values } = parseArgs( {
		args,
		options: {
			wordpress: { type: 'string' },
			woocommerce: { type: 'string' },
		},
	} );
	const env = envSources();
	const sources = {
		wordpress: values.wordpress ?? env.wordpress,
		woocommerce: values.woocommerce ?? env.woocommerce,
	};
	const result = await importToCache( sources );
	for ( const info of [ result.wordpress, result.woocommerce ] ) {
		if ( info ) {
			console.log( `${ info.path }: ${ info.version }` );
		}
	}
	if ( ! result.ok ) {
		console.log( `note: ${ result.reason }` );
	}
}

async function downloadCommand( args: string[] ): Promise< void > {
	const { values } = parseArgs( {
		args,
		options: {
			'wp-version': { type: 'string' },
			'wc-version': { type: 'string' },
		},
	} );
	const result = await downloadToCache( {
		wordpress: values[ 'wp-version' ],
		woocommerce: values[ 'wc-version' ],
	} );
	if ( ! result.ok ) {
		throw new CliError( result.reason );
	}
}

/**
 * The cache for `start` and `create`: imported from the folders the environment names, else downloaded from
 * the official WordPress.org sources (a machine with internet needs no set-up step); offline, the reason and
 * the import command to run.
 */
async function requireCache(): Promise< void > {
	const cache = await ensureCache();
	if ( cache.ok ) {
		return;
	}
	console.log(
		'store cache: empty, downloading WordPress and WooCommerce from their official sources'
	);
	let downloaded: Awaited< ReturnType< typeof downloadToCache > >;
	try {
		downloaded = await downloadToCache();
	} catch ( error ) {
		throw new CliError(
			`${ cache.reason } (the download failed too: ${ ( error as Error ).message })`
		);
	}
	if ( ! downloaded.ok ) {
		throw new CliError(
			`${ cache.reason } (download: ${ downloaded.reason })`
		);
	}
}

async function createCommand( args: string[] ): Promise< void > {
	const { values } = parseArgs( {
		args,
		options: {
			hpos: { type: 'string' },
			fresh: { type: 'boolean' },
			'rebuild-template': { type: 'boolean' },
			site: { type: 'string' },
		},
	} );
	const php = phpStatus();
	if ( ! php.ok ) {
		throw new CliError( php.reason );
	}
	await requireCache();
	const started = performance.now();
	const { site, created } = await ensureDevSite( {
		dir: values.site ? resolve( values.site ) : undefined,
		hpos: onOff( values.hpos, 'hpos' ),
		fresh: values.fresh,
		rebuildTemplate: values[ 'rebuild-template' ],
		log: console.log,
	} );
	const elapsed = Math.round( performance.now() - started );
	console.log(
		`${ created ? 'created' : 'exists (files refreshed)' }: ${ site.dir } in ${ elapsed } ms`
	);
	const info = await site.info();
	if ( info.woocommerce ) {
		console.log(
			`WordPress ${ info.wordpress }, WooCommerce ${ info.woocommerce.version }, ${ storageLabel( info.woocommerce.hpos ) }`
		);
	}
}

async function startCommand( args: string[] ): Promise< void > {
	const { values } = parseArgs( {
		args,
		options: {
			port: { type: 'string' },
			hpos: { type: 'string' },
			site: { type: 'string' },
			'cron-interval': { type: 'string' },
		},
	} );
	const port = portOption( values.port );
	const hpos = onOff( values.hpos, 'hpos' );
	const cronInterval = Number( values[ 'cron-interval' ] ?? 60 );
	await requireCache();

	const php = phpStatus();
	if ( ! php.ok ) {
		console.log( `native PHP unavailable: ${ php.reason }` );
		console.log(
			'falling back to WordPress Playground (PHP in WebAssembly; slower, about 20 s to start)'
		);
		await startPlayground( { port, hpos: hpos ?? false } );
		return;
	}

	const dir = values.site ? resolve( values.site ) : devSiteDir();
	const { site, created } = await ensureDevSite( {
		dir,
		port,
		hpos,
		log: console.log,
	} );
	const already = recordedServer( site );
	if ( already ) {
		throw new CliError(
			`already running (pid ${ already.pid }) at ${ already.url }; stop it with \`cli.ts stop\``
		);
	}
	const cartbay = await linkCartbay( site );
	if ( ! cartbay.linked ) {
		console.warn( `warning: CartBay not installed: ${ cartbay.reason }` );
	}

	const server = await startServer( site, port );
	const info = await site.info();
	console.log( '' );
	console.log(
		`CartBay dev store ${ created ? '(new) ' : '' }on WordPress ${ info.wordpress }` +
			( info.woocommerce
				? `, WooCommerce ${ info.woocommerce.version }, ${ storageLabel( info.woocommerce.hpos ) }`
				: '' )
	);
	console.log( `  store   ${ server.url }/` );
	console.log(
		`  admin   ${ server.url }/wp-admin/   (${ ADMIN.user } / ${ ADMIN.password })`
	);
	console.log(
		`  plugin  ${ cartbay.linked ? `${ CARTBAY_PLUGIN } active, linked from ${ cartbay.source }` : 'CartBay not installed' }`
	);
	console.log(
		`  logs    ${ site.paths.logs }   mail ${ site.paths.mailFile }`
	);
	console.log( `started in ${ server.startMs } ms; Ctrl-C stops it` );

	// WP-Cron is off on page loads (DISABLE_WP_CRON); a steady tick keeps scheduled work flowing here.
	const ticker =
		cronInterval > 0
			? setInterval( () => {
					fetch( `http://127.0.0.1:${ server.port }/wp-cron.php` )
						.then( ( response ) => response.arrayBuffer() )
						.catch( () => undefined );
				}, cronInterval * 1000 )
			: undefined;

	const stopped = new Promise< 'signal' >( ( done ) => {
		process.once( 'SIGINT', () => done( 'signal' ) );
		process.once( 'SIGTERM', () => done( 'signal' ) );
	} );
	const why = await Promise.race( [
		stopped,
		server.exited.then( () => 'exit' as const ),
	] );
	if ( ticker ) {
		clearInterval( ticker );
	}
	console.log( why === 'signal' ? '\nstopping php' : 'php -S has stopped' );
	await server.stop();
}

async function stopCommand( args: string[] ): Promise< void > {
	const { values } = parseArgs( {
		args,
		options: { site: { type: 'string' } },
	} );
	const site = siteOption( values.site );
	console.log(
		( await stopRecordedServer( site ) ) ? 'stopped' : 'not running'
	);
}

async function phpCommand( args: string[] ): Promise< void > {
	const { values, positionals } = parseArgs( {
		args,
		allowPositionals: true,
		options: { site: { type: 'string' }, user: { type: 'string' } },
	} );
	const [ file, ...rest ] = positionals;
	if ( ! file || ! existsSync( file ) ) {
		throw new CliError(
			file
				? `no such file: ${ file }`
				: 'usage: cli.ts php <file> [args...]'
		);
	}
	const result = await siteOption( values.site ).runPhp(
		{ file },
		{ args: rest, user: values.user }
	);
	process.stdout.write( result.stdout );
	process.stderr.write( result.stderr );
	process.exitCode = result.code;
}

async function asRunCommand( args: string[] ): Promise< void > {
	const { values } = parseArgs( {
		args,
		options: {
			site: { type: 'string' },
			hooks: { type: 'string' },
			group: { type: 'string' },
		},
	} );
	const result = await siteOption( values.site ).runDueActions( {
		hooks: values.hooks?.split( ',' ).filter( Boolean ),
		group: values.group,
	} );
	for ( const action of result.ran ) {
		console.log(
			`${ String( action.id ).padStart( 6 ) }  ${ action.status.padEnd( 9 ) } ${ action.hook }${ action.group ? `  [${ action.group }]` : '' }`
		);
	}
	console.log(
		`ran ${ result.ran.length } action(s); ${ result.pending } due action(s) left`
	);
}

const COMMANDS: Record< string, ( args: string[] ) => Promise< void > > = {
	status: () => status(),
	import: importCommand,
	download: downloadCommand,
	create: createCommand,
	start: startCommand,
	stop: stopCommand,
	php: phpCommand,
	'as-run': asRunCommand,
};

async function main(): Promise< void > {
	const [ command, ...args ] = process.argv.slice( 2 );
	if (
		! command ||
		command === 'help' ||
		command === '--help' ||
		command === '-h'
	) {
		console.log( USAGE );
		return;
	}
	const run = COMMANDS[ command ];
	if ( ! run ) {
		throw new CliError( `unknown command "${ command }" (try --help)` );
	}
	await run( args );
}

main().catch( ( error: unknown ) => {
	const message = error instanceof Error ? error.message : String( error );
	const [ first, ...rest ] = message.split( '\n' );
	if ( rest.length > 0 ) {
		console.error( rest.map( ( line ) => `  ${ line }` ).join( '\n' ) );
	}
	console.error( `cartbay store: ${ first }` );
	process.exit( 1 );
} );
