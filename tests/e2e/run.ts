/**
 * CartBay E2E: checkout capture in headless Chromium against a real WordPress + WooCommerce store.
 *
 *   npx tsx tests/e2e/run.ts [filter]     (filter: run only groups whose name contains it)
 *
 * Prints `skipped: why` when PHP, the WordPress/WooCommerce cache, Chromium or dist/cartbay is missing;
 * otherwise runs every scenario (classic and block) on one fresh site and ends with `N passed, N failed`.
 * Env: CHROMIUM (browser binary), CARTBAY_E2E_KEEP=1 (keep the site folder), screenshots of failures
 * go to tests/e2e/artifacts/.
 */
import { scenarios } from './scenarios';
import { Checks } from '../support/checks';
import { spawnSync } from 'node:child_process';
import {
	type BrowserEnv,
	ms,
	skipReason,
	startBrowser,
	startStore,
	type StoreEnv,
} from './env';

async function main(): Promise< number > {
	const args = process.argv.slice( 2 );
	// --build: build dist/cartbay from this checkout first (npm test does), so the suite never tests a stale build.
	if (
		args.includes( '--build' ) &&
		( await skipReason( { needDist: false } ) ) === null
	) {
		const build = spawnSync( 'npx', [ 'tsx', 'tools/build/index.ts' ], {
			stdio: 'inherit',
		} );
		if ( build.status !== 0 ) {
			console.log( 'build failed' );
			return 1;
		}
	}
	const reason = await skipReason();
	if ( reason ) {
		console.log( `skipped: ${ reason }` );
		return 0;
	}
	const filter = args.find( ( a ) => ! a.startsWith( '--' ) ) ?? '';
	const t = new Checks();
	const started = performance.now();
	let store: StoreEnv | undefined;
	let browser: BrowserEnv | undefined;
	const stopAll = async () => {
		await browser?.close();
		await store?.close();
	};
	const onSignal = () => {
		void stopAll().finally( () => process.exit( 130 ) );
	};
	process.once( 'SIGINT', onSignal );
	process.once( 'SIGTERM', onSignal );
	try {
		store = await startStore( {
			log: ( line ) => console.log( `# ${ line }` ),
		} );
		browser = await startBrowser();
		await scenarios( { t, store, browser, filter } );
	} catch ( error ) {
		t.check(
			'environment (threw)',
			false,
			( error as Error ).stack ?? String( error )
		);
	} finally {
		await stopAll();
	}
	console.log( `\n# total ${ ms( started ) }` );
	console.log( `${ t.passed } passed, ${ t.failed } failed` );
	return t.failed > 0 ? 1 : 0;
}

main().then(
	( code ) => process.exit( code ),
	( error ) => {
		console.error( error );
		process.exit( 1 );
	}
);
