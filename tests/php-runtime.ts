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
