/**
 * Gzipped size of what CartBay adds to a checkout page, against the hard budgets.
 *
 *   npx tsx checkout/scripts/size-report.ts           report on dist/cartbay/build/ as built
 *   npx tsx checkout/scripts/size-report.ts --build   run the webpack build step first
 *   npx tsx checkout/scripts/size-report.ts --json    one JSON object instead of the table
 *
 * Per page: the bundle (gzip -9 as served, i.e. without a file name in the gzip header; `gzip -9 -c file`
 * adds the name's length + 1) plus the inline config `<script>` the server prints before it, as raw deflate
 * measured alone (it travels inside the page's gzip stream, so no gzip header; alone, it cannot share the
 * page's dictionary, so this is an upper bound). Block Checkout also carries the consent field's definition
 * in WooCommerce's settings data, measured the same way.
 * Exits 1 when a bundle is missing or a page is over budget.
 */
/** External dependencies */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';

/** Internal dependencies */
import { DIST_BUILD, ROOT } from '../../tools/build/paths';
import { blockConsentField, captureClient } from '../../plugin/schema/capture';

const gz = ( data: string | Buffer ): number =>
	gzipSync( data, { level: 9 } ).length;
const deflated = ( data: string ): number =>
	deflateRawSync( data, { level: 9 } ).length;

/**
 * `wp_json_encode` output: slashes escaped.
 * @param value Value to encode.
 */
const wpJson = ( value: unknown ): string =>
	JSON.stringify( value ).replace( /\//g, '\\/' );

const CONSENT_TEXT = 'Save my email to recover my cart if I leave.';

/**
 * The inline script wp_add_inline_script( handle, …, 'before' ) prints for a handle, as a signed-in
 * customer gets it (the largest: it also carries a `wp_rest` nonce; `restored` is printed only when true).
 * @param handle Script handle.
 */
const inlineConfig = ( handle: string ): string =>
	`<script id="${ handle }-js-before">\nvar ${ captureClient.configGlobal } = ${ wpJson(
		{
			endpoint: 'https://shop.example.com/wp-json/cartbay/v1/capture',
			consentText: CONSENT_TEXT,
			consentDefault: true,
			nonce: '3f9a1c07be',
		}
	) };\n</script>\n`;

/** The consent field's entry in WooCommerce's checkout field settings (Block Checkout only). */
const blockFieldSettings = (): string =>
	wpJson( {
		[ blockConsentField.id ]: {
			label: CONSENT_TEXT,
			optionalLabel: CONSENT_TEXT,
			location: blockConsentField.location,
			type: 'checkbox',
			hidden: false,
			required: false,
			attributes: [],
			show_in_order_confirmation: true,
			sanitize_callback: [],
			validate_callback: [],
			index: 0,
		},
	} ).slice( 1, -1 );

interface PageBudget {
	page: string;
	/** Webpack entry name (tools/build/webpack.config.cjs): build/<entry>.js. */
	entry: string;
	handle: string;
	/** Hard budget for everything CartBay adds to the page, gzipped. */
	budget: number;
	/** Soft target for the bundle alone. */
	bundleTarget: number;
	extra?: () => string;
}

const PAGES: PageBudget[] = [
	{
		page: 'classic checkout',
		entry: captureClient.classicHandle,
		handle: captureClient.classicHandle,
		budget: 1200,
		bundleTarget: 1000,
	},
	{
		page: 'block checkout',
		entry: captureClient.blockHandle,
		handle: captureClient.blockHandle,
		budget: 1500,
		bundleTarget: 1300,
		extra: blockFieldSettings,
	},
];

interface Row {
	page: string;
	file: string;
	bytes: number;
	bundle: number;
	config: number;
	extra: number;
	total: number;
	budget: number;
	bundleTarget: number;
	ok: boolean;
}

function main( args: string[] ): number {
	if ( args.includes( '--build' ) ) {
		execFileSync(
			process.execPath,
			[
				'--import',
				'tsx',
				join( ROOT, 'tools/build/index.ts' ),
				'webpack',
			],
			{
				cwd: ROOT,
				stdio: 'inherit',
			}
		);
	}
	const rows: Row[] = [];
	const missing: string[] = [];
	for ( const {
		page,
		entry,
		handle,
		budget,
		bundleTarget,
		extra,
	} of PAGES ) {
		const path = join( DIST_BUILD, `${ entry }.js` );
		if ( ! existsSync( path ) ) {
			missing.push( path );
			continue;
		}
		const code = readFileSync( path );
		const bundle = gz( code );
		const config = deflated( inlineConfig( handle ) );
		const extraBytes = extra ? deflated( extra() ) : 0;
		const total = bundle + config + extraBytes;
		rows.push( {
			page,
			file: `build/${ entry }.js`,
			bytes: code.length,
			bundle,
			config,
			extra: extraBytes,
			total,
			budget,
			bundleTarget,
			ok: total <= budget,
		} );
	}

	if ( args.includes( '--json' ) ) {
		console.log( JSON.stringify( { rows, missing }, null, 2 ) );
	} else {
		for ( const row of rows ) {
			const target =
				row.bundle <= row.bundleTarget
					? ''
					: ` (bundle over its ${ row.bundleTarget } B target)`;
			console.log(
				`${ row.ok ? 'ok  ' : 'OVER' } ${ row.page.padEnd( 17 ) } ${ row.file.padEnd( 26 ) } ${ String(
					row.bytes
				).padStart(
					5
				) } B min, gzip: bundle ${ row.bundle } + inline config ${ row.config }${
					row.extra ? ` + field settings ${ row.extra }` : ''
				} = ${ row.total } / ${ row.budget } B${ target }`
			);
		}
		for ( const path of missing ) {
			console.log(
				`MISSING ${ path } (build first: npx tsx tools/build/index.ts webpack)`
			);
		}
	}
	return missing.length === 0 && rows.every( ( row ) => row.ok ) ? 0 : 1;
}

process.exitCode = main( process.argv.slice( 2 ) );
