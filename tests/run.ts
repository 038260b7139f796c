/**
 * `npm test`: every test layer that can run on this machine, then one line `N passed, N failed` summed
 * over all of them. A layer that cannot run says why on a `skipped:` line; it never passes silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHP_BINARY, phpUnavailableReason } from './php-runtime';
import { phpFiles } from '../codegen/php-index';

const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '..' );

interface LayerResult {
	passed: number;
	failed: number;
	skipped?: string;
}

function banner( name: string ): void {
	console.log( `\n=== ${ name } ===` );
}

function run(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv = {}
): number {
	const result = spawnSync( command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	} );
	return result.status ?? 1;
}

function typecheck(): LayerResult {
	const ok = run( 'npx', [ 'tsc', '--noEmit', '-p', 'tsconfig.json' ] ) === 0;
	return { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

function vitest(): LayerResult {
	const out = join(
		mkdtempSync( join( tmpdir(), 'cartbay-vitest-' ) ),
		'results.json'
	);
	run( 'npx', [
		'vitest',
		'run',
		'--config',
		'tests/vitest.config.mts',
		'--reporter=default',
		'--reporter=json',
		`--outputFile=${ out }`,
	] );
	try {
		const report = JSON.parse( readFileSync( out, 'utf8' ) ) as {
			numPassedTests: number;
			numFailedTests: number;
			numTotalTestSuites: number;
			testResults: { status: string; message?: string }[];
		};
		// A test file that failed to load has no tests: count it as a failure, not as nothing.
		const brokenFiles = report.testResults.filter(
			( r ) => r.status === 'failed' && r.message
		).length;
		return {
			passed: report.numPassedTests,
			failed: report.numFailedTests + brokenFiles,
		};
	} catch {
		return { passed: 0, failed: 1 };
	}
}

function phpLint(): LayerResult {
	const reason = phpUnavailableReason();
	if ( reason ) {
		return { passed: 0, failed: 0, skipped: reason };
	}
	const result: LayerResult = { passed: 0, failed: 0 };
	for ( const file of [
		...phpFiles( join( root, 'plugin' ) ),
		...phpFiles( join( root, 'tests' ) ),
		...phpFiles( join( root, 'tools' ) ),
	] ) {
		const lint = spawnSync( PHP_BINARY, [ '-l', file ], {
			encoding: 'utf8',
		} );
		if ( lint.status === 0 ) {
			result.passed++;
		} else {
			result.failed++;
			console.log(
				`php -l failed: ${ file }\n${ lint.stdout }${ lint.stderr }`
			);
		}
	}
	console.log(
		`php -l: ${ result.passed } files clean, ${ result.failed } with errors`
	);
	return result;
}

/**
 * A layer implemented as a script that prints its own `N passed, N failed` last line.
 * @param script Script path, relative to the repository root.
 * @param args   Its arguments.
 */
function scriptLayer( script: string, args: string[] = [] ): LayerResult {
	const result = spawnSync( 'npx', [ 'tsx', script, ...args ], {
		cwd: root,
		encoding: 'utf8',
		env: process.env,
		maxBuffer: 64 * 1024 * 1024,
	} );
	process.stdout.write( result.stdout );
	process.stderr.write( result.stderr );
	const lines = result.stdout.trim().split( '\n' );
	const summary = [ ...lines ]
		.reverse()
		.map( ( l ) => /^(\d+) passed, (\d+) failed$/.exec( l.trim() ) )
		.find( ( m ) => m !== null );
	if ( summary ) {
		const failedCount = Number( summary[ 2 ] );
		// A script that crashed after its summary still fails the layer.
		return {
			passed: Number( summary[ 1 ] ),
			failed: failedCount === 0 && result.status !== 0 ? 1 : failedCount,
		};
	}
	const skipped = lines.find( ( l ) => l.startsWith( 'skipped:' ) );
	if ( skipped ) {
		return {
			passed: 0,
			failed: 0,
			skipped: skipped.slice( 'skipped:'.length ).trim(),
		};
	}
	return { passed: 0, failed: 1 };
}

const layers: [ string, () => LayerResult ][] = [
	[ 'typecheck (tsc --noEmit)', typecheck ],
	[ 'vitest: schema, codegen golden files, contract, admin UI', vitest ],
	[ 'PHP lint (php -l)', phpLint ],
	// Lint layers (tests/lint/report.ts): passed = files with no finding, failed = files with any error or
	// warning; every finding is printed. phpcs says `skipped:` when PHP_CodeSniffer is not installed.
	[ 'lint-js (wp-scripts)', () => scriptLayer( 'tests/lint/eslint.ts' ) ],
	[
		'phpcs (WordPress conventions ruleset)',
		() => scriptLayer( 'tests/lint/phpcs.ts' ),
	],
	[
		'PHP integration in real WordPress + WooCommerce',
		() => scriptLayer( 'tests/integration/run.ts' ),
	],
	[
		'E2E in Chromium on a real store',
		() => scriptLayer( 'tests/e2e/run.ts', [ '--build' ] ),
	],
];

let passed = 0;
let failed = 0;
const summary: string[] = [];
for ( const [ name, layer ] of layers ) {
	banner( name );
	const result = layer();
	passed += result.passed;
	failed += result.failed;
	if ( result.skipped ) {
		console.log( `skipped: ${ name }: ${ result.skipped }` );
		summary.push( `${ name }: SKIPPED (${ result.skipped })` );
	} else {
		summary.push(
			`${ name }: ${ result.passed } passed, ${ result.failed } failed`
		);
	}
}

console.log( `\n=== summary ===\n${ summary.join( '\n' ) }` );
console.log( `${ passed } passed, ${ failed } failed` );
process.exit( failed === 0 ? 0 : 1 );
