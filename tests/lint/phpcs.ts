/**
 * Test layer "phpcs (WordPress conventions ruleset)": PHP_CodeSniffer with phpcs.xml.dist (Generic, PEAR,
 * PSR and Squiz sniffs set to the WordPress conventions, plus tests/lint/phpcs/WordPress) over the PHP
 * that ships. The text domain comes from plugin/schema/plugin.ts. Passed: files with no finding; failed:
 * files with an error or a warning, each printed (report.ts). Without `phpcs` (Debian package
 * php-codesniffer) it prints `skipped: …`.
 *
 * Usage: npx tsx tests/lint/phpcs.ts [--after-fix] [--by-rule] [paths…]
 *   --after-fix  what would remain after phpcbf: it fixes copies in a temporary folder, nothing else is written
 *   --by-rule    only the count per sniff
 */
/** External dependencies */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Internal dependencies */
import { plugin } from '../../plugin/schema/plugin';
import { type Finding, parseOptions, printReport } from './report';

const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '../..' );
const ruleset = join( root, 'phpcs.xml.dist' );
const PHPCS = process.env.CARTBAY_PHPCS ?? 'phpcs';
const PHPCBF = process.env.CARTBAY_PHPCBF ?? 'phpcbf';

interface PhpcsReport {
	files: Record<
		string,
		{
			messages: {
				message: string;
				source: string;
				type: 'ERROR' | 'WARNING';
				line: number;
				column: number;
				fixable: boolean;
			}[];
		}
	>;
}

/**
 * Runs phpcs with the ruleset and returns its JSON report.
 *
 * @param files Files or folders to check; none: the ruleset's own list.
 */
function phpcs( files: readonly string[] ): PhpcsReport {
	const run = spawnSync(
		PHPCS,
		[
			'-q',
			'--report=json',
			`--standard=${ ruleset }`,
			'--runtime-set',
			'text_domain',
			plugin.textDomain,
			...files,
		],
		{ cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
	);
	try {
		return JSON.parse( run.stdout ) as PhpcsReport;
	} catch {
		// phpcs itself failed (a broken ruleset or sniff): show why and fail the layer.
		process.stdout.write( run.stdout );
		process.stderr.write( run.stderr );
		console.log( '0 passed, 1 failed' );
		process.exit( 1 );
	}
}

/**
 * The report for copies of the files after phpcbf fixed them, with paths mapped back to the originals.
 *
 * @param files Files to copy, fix and check, relative to the repository root.
 */
function afterFix( files: readonly string[] ): PhpcsReport {
	const scratch = mkdtempSync( join( tmpdir(), 'cartbay-phpcbf-' ) );
	try {
		const copies = files.map( ( file ) => {
			const copy = join( scratch, file );
			mkdirSync( dirname( copy ), { recursive: true } );
			copyFileSync( join( root, file ), copy );
			return copy;
		} );
		spawnSync(
			PHPCBF,
			[
				'-q',
				`--standard=${ ruleset }`,
				'--runtime-set',
				'text_domain',
				plugin.textDomain,
				...copies,
			],
			{ cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
		);
		const report = phpcs( copies );
		return {
			files: Object.fromEntries(
				Object.entries( report.files ).map( ( [ path, file ] ) => [
					join( root, relative( scratch, path ) ),
					file,
				] )
			),
		};
	} finally {
		rmSync( scratch, { recursive: true, force: true } );
	}
}

const version = spawnSync( PHPCS, [ '--version' ], { encoding: 'utf8' } );
if ( version.error || version.status !== 0 ) {
	console.log(
		`skipped: "${ PHPCS }" did not run; install the Debian package php-codesniffer (or set CARTBAY_PHPCS)`
	);
	process.exit( 0 );
}

const options = parseOptions( process.argv.slice( 2 ) );
let report = phpcs( options.paths );
if ( options.afterFix ) {
	report = afterFix(
		Object.keys( report.files ).map( ( path ) => relative( root, path ) )
	);
}

const findings: Finding[] = Object.entries( report.files ).flatMap(
	( [ path, file ] ) =>
		file.messages.map( ( message ) => ( {
			file: relative( root, path ),
			line: message.line,
			column: message.column,
			severity: message.type === 'ERROR' ? 'error' : 'warning',
			rule: message.source,
			message: message.message,
			fixable: message.fixable,
		} ) )
);

process.exit(
	printReport(
		'phpcs',
		{
			files: Object.keys( report.files ).map( ( path ) =>
				relative( root, path )
			),
			findings,
		},
		options
	)
);
