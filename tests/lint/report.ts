/**
 * What the two lint layers (eslint.ts, phpcs.ts) print, in one shape: each finding, the count per rule,
 * and the `N passed, N failed` line tests/run.ts reads. A file is passed when the linter reports nothing
 * for it and failed when it reports anything, error or warning (both linters exit non-zero on either).
 */

/** One finding of a linter. */
export interface Finding {
	/** Path relative to the repository root. */
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly severity: 'error' | 'warning';
	/** ESLint rule id or PHP_CodeSniffer sniff code. */
	readonly rule: string;
	readonly message: string;
	/** Whether `--fix` / phpcbf would fix it. */
	readonly fixable: boolean;
}

export interface LintResult {
	/** Every file the linter checked, relative to the repository root. */
	readonly files: readonly string[];
	readonly findings: readonly Finding[];
}

/** Command-line options both layers take. */
export interface LintOptions {
	/** Count what would remain after the linter's automatic fixes (nothing is written). */
	readonly afterFix: boolean;
	/** Print the count per rule only, not each finding. */
	readonly byRuleOnly: boolean;
	/** Files or folders to lint instead of the whole configured scope. */
	readonly paths: readonly string[];
}

export function parseOptions( argv: readonly string[] ): LintOptions {
	return {
		afterFix: argv.includes( '--after-fix' ),
		byRuleOnly: argv.includes( '--by-rule' ),
		paths: argv.filter( ( arg ) => ! arg.startsWith( '--' ) ),
	};
}

/**
 * Findings per rule, most frequent first, with how many of them the automatic fix handles.
 *
 * @param findings Findings to count.
 */
export function countByRule(
	findings: readonly Finding[]
): { rule: string; count: number; fixable: number }[] {
	const counts = new Map< string, { count: number; fixable: number } >();
	for ( const finding of findings ) {
		const entry = counts.get( finding.rule ) ?? { count: 0, fixable: 0 };
		entry.count++;
		entry.fixable += finding.fixable ? 1 : 0;
		counts.set( finding.rule, entry );
	}
	return [ ...counts ]
		.map( ( [ rule, entry ] ) => ( { rule, ...entry } ) )
		.sort(
			( a, b ) => b.count - a.count || a.rule.localeCompare( b.rule )
		);
}

/**
 * Prints the findings and the summary line; returns the process exit code.
 *
 * @param tool    Linter name for the headings.
 * @param result  What the linter reported.
 * @param options How it was run.
 */
export function printReport(
	tool: string,
	result: LintResult,
	options: LintOptions
): number {
	const failing = new Set( result.findings.map( ( f ) => f.file ) );
	if ( ! options.byRuleOnly ) {
		for ( const finding of result.findings ) {
			console.log(
				`${ finding.file }:${ finding.line }:${ finding.column }  ${
					finding.severity
				}  ${ finding.message }  (${ finding.rule }${
					finding.fixable ? ', fixable' : ''
				})`
			);
		}
	}
	if ( result.findings.length > 0 ) {
		const heading = options.afterFix
			? `${ tool }: findings left after the automatic fixes, per rule`
			: `${ tool }: findings per rule (fixable by the automatic fix in brackets)`;
		console.log( `\n${ heading }:` );
		for ( const { rule, count, fixable } of countByRule(
			result.findings
		) ) {
			console.log(
				`  ${ String( count ).padStart( 5 ) }${
					options.afterFix ? '' : ` [${ fixable }]`
				}  ${ rule }`
			);
		}
	}
	const passed = result.files.length - failing.size;
	console.log(
		`${ tool }: ${ result.files.length } files, ${ passed } clean, ${ failing.size } with findings (${ result.findings.length } findings)`
	);
	console.log( `${ passed } passed, ${ failing.size } failed` );
	return failing.size === 0 ? 0 : 1;
}
