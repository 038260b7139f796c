/**
 * Test layer "lint-js (wp-scripts)": `wp-scripts lint-js` (ESLint with eslint.config.cjs: the WordPress
 * config and wp-prettier formatting) over every TypeScript and configuration file in the repository.
 * Passed: files with no finding; failed: files with an error or a warning, each printed (report.ts).
 *
 * Usage: npx tsx tests/lint/eslint.ts [--after-fix] [--by-rule] [paths…]
 *   --after-fix  what would remain after `--fix` (ESLint's --fix-dry-run; nothing is written)
 *   --by-rule    only the count per rule
 */
/** External dependencies */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Internal dependencies */
import { type Finding, parseOptions, printReport } from './report';

const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '../..' );
const require = createRequire( import.meta.url );

interface EslintFileResult {
	filePath: string;
	messages: {
		ruleId: string | null;
		severity: number;
		message: string;
		line?: number;
		column?: number;
		fix?: unknown;
	}[];
}

const options = parseOptions( process.argv.slice( 2 ) );
const wpScripts = require.resolve( '@wordpress/scripts/bin/wp-scripts.js' );
const run = spawnSync(
	process.execPath,
	[
		wpScripts,
		'lint-js',
		// Paths first: wp-scripts reads its file arguments with minimist, which would take a path after a
		// flag (`--fix-dry-run src`) as that flag's value, and then lint the whole repository instead.
		...options.paths,
		'--format',
		'json',
		...( options.afterFix ? [ '--fix-dry-run' ] : [] ),
	],
	{ cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
);

let results: EslintFileResult[];
try {
	results = JSON.parse( run.stdout ) as EslintFileResult[];
} catch {
	// ESLint itself failed (a broken config, a crash): show why and fail the layer.
	process.stdout.write( run.stdout );
	process.stderr.write( run.stderr );
	console.log( '0 passed, 1 failed' );
	process.exit( 1 );
}

const findings: Finding[] = results.flatMap( ( file ) =>
	file.messages.map( ( message ) => ( {
		file: relative( root, file.filePath ),
		line: message.line ?? 0,
		column: message.column ?? 0,
		severity: message.severity === 2 ? 'error' : 'warning',
		// A message without a rule is a parse error.
		rule: message.ruleId ?? 'parse-error',
		message: message.message,
		fixable: message.fix !== undefined,
	} ) )
);

process.exit(
	printReport(
		'eslint',
		{
			files: results.map( ( file ) => relative( root, file.filePath ) ),
			findings,
		},
		options
	)
);
