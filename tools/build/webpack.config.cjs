/**
 * Webpack config for `wp-scripts build --config tools/build/webpack.config.cjs`.
 *
 * It keeps everything @wordpress/scripts sets up (Babel for TS/TSX, CSS, minification, *.asset.php files)
 * and changes three things: explicit entries from ENTRIES below, output into the installable plugin folder,
 * and WooCommerce's dependency extraction so `@woocommerce/*` imports become `wc.*` globals with
 * `wc-*` script handles (e.g. `@woocommerce/blocks-checkout` → `wc.blocksCheckout` / `wc-blocks-checkout`).
 */
const { existsSync } = require( 'node:fs' );
const { join } = require( 'node:path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const WPDependencyExtractionWebpackPlugin = require( '@wordpress/dependency-extraction-webpack-plugin' );
const WooDependencyExtractionWebpackPlugin = require( '@woocommerce/dependency-extraction-webpack-plugin' );
// Paths live in paths.ts (shared with the other build steps); tsx loads it here.
const { require: tsxRequire } = require( 'tsx/cjs/api' );
const { ROOT, DIST_BUILD } = tsxRequire( './paths.ts', __filename );
// Checkout bundles are named after their script handles, which the PHP side enqueues from the schema.
const { captureClient } = tsxRequire( '../../plugin/schema/capture.ts', __filename );

/**
 * Every script bundle the plugin ships: build/<name>.js (+ <name>.asset.php, <name>.css when it imports CSS).
 * An optional entry is built only once its source file exists.
 */
const ENTRIES = [
	{ name: 'admin', source: 'admin-ui/src/index.tsx', optional: false },
	{ name: captureClient.classicHandle, source: 'checkout/src/classic.ts', optional: true },
	{ name: captureClient.blockHandle, source: 'checkout/src/block.ts', optional: true },
];

function entryPoints() {
	const entries = {};
	for ( const { name, source, optional } of ENTRIES ) {
		const path = join( ROOT, source );
		if ( existsSync( path ) ) {
			entries[ name ] = path;
		} else if ( ! optional ) {
			throw new Error( `tools/build/webpack.config.cjs: entry "${ name }" needs ${ source }, which is missing.` );
		}
	}
	return entries;
}

module.exports = {
	...defaultConfig,
	entry: entryPoints,
	output: {
		...defaultConfig.output,
		path: DIST_BUILD,
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) => ! ( plugin instanceof WPDependencyExtractionWebpackPlugin )
		),
		new WooDependencyExtractionWebpackPlugin(),
	],
};
