/**
 * Finding the native PHP binary and running it.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface PhpInfo {
	bin: string;
	version: string;
	extensions: string[];
}

export type PhpStatus =
	{ ok: true; php: PhpInfo } | { ok: false; reason: string };

export interface PhpResult {
	code: number;
	stdout: string;
	stderr: string;
	durationMs: number;
}

/** Extensions WordPress + WooCommerce on SQLite cannot do without. */
const REQUIRED_EXTENSIONS = [
	'pdo_sqlite',
	'mbstring',
	'dom',
	'simplexml',
	'xmlreader',
];

export const PHP_INSTALL_HINT =
	'install PHP 8.2 with: apt-get install -y php8.2-cli php8.2-sqlite3 php8.2-mbstring php8.2-xml ' +
	'php8.2-intl php8.2-curl php8.2-gd php8.2-zip php8.2-bcmath (or set CARTBAY_PHP to a php binary)';

let cached: PhpStatus | undefined;

/** Whether a usable `php` (or `$CARTBAY_PHP`) is installed; the answer is cached per process. */
export function phpStatus(): PhpStatus {
	if ( cached ) {
		return cached;
	}
	const bin = process.env.CARTBAY_PHP || 'php';
	const probe = spawnSync(
		bin,
		[
			'-r',
			'echo PHP_VERSION, "\\n", implode(",", get_loaded_extensions());',
		],
		{
			encoding: 'utf8',
			timeout: 20_000,
		}
	);
	if ( probe.error || probe.status !== 0 ) {
		const why = probe.error
			? ( probe.error as NodeJS.ErrnoException ).code
			: probe.stderr.trim();
		cached = {
			ok: false,
			reason: `no usable PHP (${ bin }: ${ why }): ${ PHP_INSTALL_HINT }`,
		};
		return cached;
	}
	cached = probeResult( bin, probe.stdout );
	return cached;
}

function probeResult( bin: string, stdout: string ): PhpStatus {
	const [ version = '0', list = '' ] = stdout.trim().split( '\n' );
	const extensions = list.split( ',' ).map( ( name ) => name.toLowerCase() );
	const missing = REQUIRED_EXTENSIONS.filter(
		( name ) => ! extensions.includes( name )
	);
	if ( Number.parseInt( version, 10 ) < 8 ) {
		return {
			ok: false,
			reason: `PHP ${ version } is too old (8.0+ needed): ${ PHP_INSTALL_HINT }`,
		};
	}
	if ( missing.length > 0 ) {
		return {
			ok: false,
			reason: `PHP ${ version } lacks the extensions ${ missing.join( ', ' ) }: ${ PHP_INSTALL_HINT }`,
		};
	}
	return { ok: true, php: { bin, version, extensions } };
}

/** The PHP binary, or an error naming what to install. */
export function requirePhp(): PhpInfo {
	const status = phpStatus();
	if ( ! status.ok ) {
		throw new Error( status.reason );
	}
	return status.php;
}

/**
 * php -d flags that keep compiled scripts in `fileCacheDir` (opcache's file cache), so the next
 * PHP process loads WordPress + WooCommerce in ~0.2 s instead of ~0.7 s. The CLI gets no
 * shared memory cache of its own; the server uses the files to start warm.
 * @param fileCacheDir
 * @param sapi
 */
export function opcacheArgs(
	fileCacheDir: string,
	sapi: 'cli' | 'server'
): string[] {
	const flags = [
		`opcache.file_cache=${ fileCacheDir }`,
		'opcache.validate_timestamps=1',
		'opcache.revalidate_freq=0',
	];
	if ( sapi === 'cli' ) {
		flags.push( 'opcache.enable_cli=1', 'opcache.file_cache_only=1' );
	} else {
		// WordPress + WooCommerce hold ~90,000 strings: the default 8 MB buffer is nearly full.
		flags.push( 'opcache.interned_strings_buffer=32' );
	}
	return flags.flatMap( ( flag ) => [ '-d', flag ] );
}

export interface RunOptions {
	env?: Record< string, string | undefined >;
	cwd?: string;
	/** Text for the script's standard input. */
	input?: string;
	/** Kill PHP after this long (default 10 minutes). */
	timeoutMs?: number;
}

/**
 * Runs `php <args>` and collects its output; never throws for a non-zero exit.
 * @param args
 * @param options
 */
export function runPhpProcess(
	args: string[],
	options: RunOptions = {}
): Promise< PhpResult > {
	const php = requirePhp();
	const started = performance.now();
	return new Promise( ( resolvePromise, reject ) => {
		const child = spawn( php.bin, args, {
			cwd: options.cwd,
			env: { ...process.env, ...options.env },
			stdio: [ 'pipe', 'pipe', 'pipe' ],
			timeout: options.timeoutMs ?? 600_000,
		} );
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on( 'data', ( chunk: Buffer ) => stdout.push( chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => stderr.push( chunk ) );
		child.on( 'error', reject );
		child.on( 'close', ( code, signal ) => {
			resolvePromise( {
				code: code ?? ( signal ? 128 : 1 ),
				stdout: Buffer.concat( stdout ).toString( 'utf8' ),
				stderr:
					Buffer.concat( stderr ).toString( 'utf8' ) +
					( signal ? `\n(php killed by ${ signal })` : '' ),
				durationMs: Math.round( performance.now() - started ),
			} );
		} );
		child.stdin.end( options.input ?? '' );
	} );
}
