/**
 * ESLint for every TypeScript (and configuration JavaScript) file of the repository: the WordPress
 * recommended config of @wordpress/scripts (`npx wp-scripts lint-js`), formatting included through
 * prettier/prettier with the WordPress prettier config (.prettierrc.cjs). Test layer: tests/lint/eslint.ts.
 *
 * Module resolution: for .ts/.tsx files the WordPress config already turns import/no-unresolved,
 * import/named and import/default off, because `tsc --noEmit` (a test layer of its own) resolves every
 * import with the project's `moduleResolution: Bundler`; the import rules that stay on (no-duplicates,
 * no-extraneous-dependencies) resolve through eslint-import-resolver-typescript.
 *
 * Every exception to the WordPress rules below is scoped to the files it concerns and says why.
 */
/** External dependencies */
const wpPlugin = require( '@wordpress/eslint-plugin' );
const { require: requireTs } = require( 'tsx/cjs/api' );

// The text domain is declared once, in the schema: read it from there rather than write it again.
const { plugin } = requireTs( './plugin/schema/plugin.ts', __filename );

/** Command-line programs: codegen and build, test tooling and runners, the checkout size report. */
const NODE_PROGRAMS = [
	'codegen/**',
	'tools/**',
	'tests/**',
	'checkout/scripts/**',
];

/** This file and the prettier config: tool configuration that @wordpress/scripts loads. */
const TOOL_CONFIG = [ 'eslint.config.cjs', '.prettierrc.cjs' ];

module.exports = [
	{
		ignores: [
			'**/node_modules/**',
			'dist/**',
			'build/**',
			// Written by `npm run codegen` (PHP today; nothing there is hand-written).
			'plugin/generated/**',
			// Store sites and E2E artifacts the test tooling writes.
			'.store/**',
			'tests/e2e/artifacts/**',
			'**/*.d.ts',
		],
	},

	...wpPlugin.configs.recommended,

	{
		rules: {
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: plugin.textDomain },
			],
		},
	},

	{
		files: NODE_PROGRAMS,
		rules: {
			// The console is these programs' output (findings, summaries, progress), not leftover
			// debugging; the shipped browser code (admin-ui/src, checkout/src) keeps the rule.
			'no-console': 'off',
			// Command-line programs read all their arguments before deciding whether to return early; the
			// rule's concern (work wasted before an early return) does not apply to parsing argv.
			'@wordpress/no-unused-vars-before-return': 'off',
			// Test and tool code mirrors page-side closures (page.evaluate) and file-name tables, where a
			// shadowed parameter or a two-level ternary is the plain way to write it.
			'@typescript-eslint/no-shadow': 'off',
			'no-nested-ternary': 'off',
		},
	},

	{
		files: TOOL_CONFIG,
		rules: {
			// These files configure @wordpress/scripts with packages it depends on itself
			// (@wordpress/eslint-plugin, @wordpress/prettier-config; tsx is a devDependency). Listing
			// them in package.json too would pin a second version beside the one wp-scripts brings.
			'import/no-extraneous-dependencies': 'off',
		},
	},
];
