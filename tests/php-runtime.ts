/**
 * Whether a PHP CLI is available for the PHP test layers, and why not when it is not.
 */
import { spawnSync } from 'node:child_process';

export const PHP_BINARY = process.env.CARTBAY_PHP ?? 'php';

/** `null` when PHP 8.2+ runs; otherwise the reason, for a loud "skipped: why" line. */
export function phpUnavailableReason(): string | null {
	const result = spawnSync( PHP_BINARY, [ '-r', 'echo PHP_VERSION;' ], {
		encoding: 'utf8',
	} );
	if ( result.error || result.status !== 0 ) {
		return `no PHP CLI ("${ PHP_BINARY }" did not run); install php8.2-cli (apt) or set CARTBAY_PHP`;
	}
	const version = result.stdout.trim();
	const [ major = 0, minor = 0 ] = version.split( '.' ).map( Number );
	if ( major < 8 || ( major === 8 && minor < 2 ) ) {
		return `PHP ${ version } is older than the 8.2 CartBay requires`;
	}
	return null;
}

/** What a PHP driver script printed: its JSON list of results (empty when it failed), with stderr and status. */
export interface PhpJsonRun {
	results: unknown[];
	stderr: string;
	status: number | null;
}

/**
 * Runs a PHP script that prints one JSON list of results on stdout (the contract and step-timing drivers).
 * @param args
 */
export function runPhpJson( args: string[] ): PhpJsonRun {
	const run = spawnSync( PHP_BINARY, args, { encoding: 'utf8' } );
	return {
		results:
			run.status === 0 ? ( JSON.parse( run.stdout ) as unknown[] ) : [],
		stderr: run.stderr,
		status: run.status,
	};
}
