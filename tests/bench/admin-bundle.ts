/**
 * The admin app's weight: build/admin.js and build/admin.css of the built plugin (dist/cartbay), raw and
 * gzip level 9, against the budgets below; and a check that WordPress's own packages stay external (the
 * asset file lists them as script dependencies, and no copy of React is bundled).
 *
 *   npx tsx tests/bench/admin-bundle.ts [--dir dist/cartbay]
 *
 * Why these budgets: the app is loaded only on CartBay's own screens (never on the storefront or other
 * admin pages), and React, @wordpress/components, data, api-fetch and i18n come from WordPress, shared with
 * every other admin screen. What CartBay ships is its own screens and rules: 64 KB gzip is about 2× the
 * size with every section and the wizard (30 KB), room to grow, and still parsed in well under 100 ms on a mid-range laptop; going past it would
 * mean a heavy dependency was bundled by mistake (a chart library, a date library, a second React), which
 * is exactly what the budget is there to catch. The stylesheet's budget is 8 KB gzip.
 *
 * Prints `skipped: why` when the plugin is not built; exits 1 when over budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = { 'admin.js': 64 * 1024, 'admin.css': 8 * 1024 } as const;
/** WordPress scripts the app must take from WordPress rather than bundle. */
const EXTERNAL = [
	'wp-components',
	'wp-data',
	'wp-element',
	'wp-api-fetch',
	'wp-i18n',
];

function arg( name: string ): string | undefined {
	const i = process.argv.indexOf( `--${ name }` );
	return i >= 0 ? process.argv[ i + 1 ] : undefined;
}

const dir = resolve( arg( 'dir' ) ?? 'dist/cartbay', 'build' );
if ( ! existsSync( join( dir, 'admin.js' ) ) ) {
	console.log(
		`skipped: ${ dir }/admin.js is missing (build the plugin first: npm run build)`
	);
	process.exit( 0 );
}

let over = 0;
console.log( 'file        raw bytes   gzip -9    budget (gzip)' );
for ( const [ file, budget ] of Object.entries( BUDGET_GZIP ) ) {
	const bytes = readFileSync( join( dir, file ) );
	const gzip = gzipSync( bytes, { level: 9 } ).length;
	const ok = gzip <= budget;
	over += ok ? 0 : 1;
	console.log(
		`${ file.padEnd( 10 ) }  ${ String( bytes.length ).padStart(
			9
		) }   ${ String( gzip ).padStart( 7 ) }    ${ budget } ${
			ok ? 'ok' : 'OVER BUDGET'
		}`
	);
}

const asset = readFileSync( join( dir, 'admin.asset.php' ), 'utf8' );
const missing = EXTERNAL.filter(
	( handle ) => ! asset.includes( `'${ handle }'` )
);
const script = readFileSync( join( dir, 'admin.js' ), 'utf8' );
// React's own build carries this error-decoder URL; a bundled copy would contain it.
const bundledReact =
	script.includes( 'reactjs.org/docs/error-decoder' ) ||
	script.includes( 'react.dev/errors' );
console.log(
	`WordPress packages external: ${
		missing.length === 0 ? 'yes' : `no (bundled: ${ missing.join( ', ' ) })`
	}; React bundled: ${ bundledReact ? 'yes' : 'no' }`
);
if ( missing.length > 0 || bundledReact ) {
	over += 1;
}
process.exit( over > 0 ? 1 : 0 );
