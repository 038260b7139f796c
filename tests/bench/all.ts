/**
 * `npm run bench`: every budget benchmark, one after the other, each on its own fresh store.
 *
 *   npm run bench [-- --n 200] [--hpos on] [--sessions 5000] [--sends 1000] [--only admin-bundle|run|sequence|analytics]
 *
 * 0. tests/bench/admin-bundle.ts the admin app's bytes, WordPress packages external (issue 13 budget)
 * 1. tests/bench/run.ts        checkout bytes and capture server time (issue 3 budgets)
 * 2. tests/bench/sequence.ts   fallback scanner backlog and concurrent sends (issue 4 budgets)
 * 3. tests/bench/analytics.ts  100k seeded sessions: ledger rebuild, cached analytics, sessions list, CSV export (issue 11 budgets)
 *
 * Arguments go to every one (each reads its own). Exits 1 when any budget is not met.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname( fileURLToPath( import.meta.url ) );
let failed = 0;
const onlyAt = process.argv.indexOf( '--only' );
const only = onlyAt >= 0 ? process.argv[ onlyAt + 1 ] : undefined;
for ( const script of [
	'admin-bundle.ts',
	'run.ts',
	'sequence.ts',
	'analytics.ts',
].filter( ( s ) => ! only || s === `${ only }.ts` ) ) {
	console.log( `\n## ${ script }` );
	const result = spawnSync(
		'npx',
		[ 'tsx', join( here, script ), ...process.argv.slice( 2 ) ],
		{ stdio: 'inherit' }
	);
	failed += result.status === 0 ? 0 : 1;
}
process.exit( failed > 0 ? 1 : 0 );
