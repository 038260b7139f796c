/**
 * The E2E environment: one throw-away store site with the built plugin, one php -S server and one
 * headless Chromium per run. Everything started here is stopped by `close()` (and the server also by
 * the store library's exit hook if the process dies first).
 */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import {
	checkStore,
	createSite,
	type ServerHandle,
	type Site,
	startServer,
} from '../../tools/store';

export const root = resolve(
	dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
/** The built plugin folder (CARTBAY_E2E_PLUGIN_DIR overrides it, e.g. to test another build). */
export const DIST_PLUGIN = process.env.CARTBAY_E2E_PLUGIN_DIR
	? resolve( process.env.CARTBAY_E2E_PLUGIN_DIR )
	: join( root, 'dist/cartbay' );
export const PLUGIN_FILE = 'cartbay/cartbay.php';
export const ARTIFACTS = join( root, 'tests/e2e/artifacts' );
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The flags of /work/shared/env/browser-smoke.mjs (headless, no sandbox, no background traffic). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Only loopback traffic leaves the browser. */
const NON_LOOPBACK =
	/^(?!https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/)(?!data:|blob:|about:)/;

/** Raises CartBay's capture rate limit: every E2E request comes from 127.0.0.1. */
const MU_PLUGIN = `<?php
/**
 * Plugin Name: CartBay E2E
 * Description: Test-site settings for the CartBay E2E and bench runs.
 */
add_filter( 'cartbay_rate_limit', fn () => 100000 );
`;

/**
 * Why the E2E layer cannot run here, or null when it can.
 * @param options
 * @param options.needBrowser
 * @param options.needDist
 */
export async function skipReason(
	options: { needBrowser?: boolean; needDist?: boolean } = {}
): Promise< string | null > {
	const store = await checkStore();
	if ( ! store.ok ) {
		return store.reason;
	}
	if ( options.needBrowser !== false && ! existsSync( CHROMIUM ) ) {
		return `no Chromium at ${ CHROMIUM } (apt-get install chromium, or set CHROMIUM)`;
	}
	if (
		options.needDist !== false &&
		! existsSync( join( DIST_PLUGIN, 'cartbay.php' ) )
	) {
		return `${ DIST_PLUGIN } is not built (npx tsx codegen/cli.ts write && npx tsx tools/build/index.ts)`;
	}
	return null;
}

export interface StoreInfo {
	/** Product ids by SKU (CB-HOODIE, CB-MUG, CB-EBOOK, CB-CAP, CB-TEE, CB-TEE-S, ...). */
	products: Record< string, number >;
	/** Page URLs: shop, cart, checkout, account (absolute). */
	pages: Record< string, string >;
}

export interface StoreEnv {
	site: Site;
	server: ServerHandle;
	url: string;
	info: StoreInfo;
	close: () => Promise< void >;
}

/**
 * A fresh store (HPOS off unless asked) with dist/cartbay linked and active, the rate-limit mu-plugin, and a server.
 * @param options
 * @param options.workers
 * @param options.hpos
 * @param options.log
 */
export async function startStore(
	options: {
		workers?: number;
		hpos?: boolean;
		log?: ( line: string ) => void;
	} = {}
): Promise< StoreEnv > {
	const log = options.log ?? ( () => undefined );
	const dir = mkdtempSync( join( tmpdir(), 'cartbay-e2e-' ) );
	rmSync( dir, { recursive: true, force: true } );
	let t = performance.now();
	const site = await createSite( {
		dir,
		url: 'http://127.0.0.1:8900',
		hpos: options.hpos ?? false,
	} );
	log(
		`site created in ${ ms( t ) } with HPOS ${ options.hpos ? 'on' : 'off' } (${ dir })`
	);
	t = performance.now();
	writeFileSync( join( site.paths.muPlugins, 'cartbay-e2e.php' ), MU_PLUGIN );
	await site.linkPlugin( DIST_PLUGIN, 'cartbay' );
	await site.activatePlugin( PLUGIN_FILE );
	log( `plugin linked and activated in ${ ms( t ) }` );
	t = performance.now();
	const server = await startServer( site, undefined, {
		workers: options.workers ?? 4,
		warmUp: true,
	} );
	log( `server ${ server.url } up in ${ ms( t ) }` );
	const raw = await site.info();
	const info: StoreInfo = {
		products: raw.woocommerce?.products ?? {},
		pages: raw.woocommerce?.pages ?? {},
	};
	let closed = false;
	return {
		site,
		server,
		url: server.url,
		info,
		async close() {
			if ( closed ) {
				return;
			}
			closed = true;
			await server.stop();
			if ( ! process.env.CARTBAY_E2E_KEEP ) {
				rmSync( dir, { recursive: true, force: true } );
			}
		},
	};
}

export interface BrowserEnv {
	browser: Browser;
	/** A new isolated context (own cookies, sessionStorage) that can reach loopback only. */
	newContext: () => Promise< BrowserContext >;
	close: () => Promise< void >;
}

export async function startBrowser(): Promise< BrowserEnv > {
	const browser = await chromium.launch( {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
	} );
	return {
		browser,
		async newContext() {
			const context = await browser.newContext( {
				viewport: { width: 1280, height: 1400 },
			} );
			await context.route( NON_LOOPBACK, ( route ) => route.abort() );
			context.setDefaultTimeout( 30_000 );
			return context;
		},
		async close() {
			await browser.close().catch( () => undefined );
		},
	};
}

export function artifactPath( name: string ): string {
	mkdirSync( ARTIFACTS, { recursive: true } );
	return join( ARTIFACTS, name );
}

export function ms( since: number ): string {
	return `${ ( ( performance.now() - since ) / 1000 ).toFixed( 1 ) } s`;
}
