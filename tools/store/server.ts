/**
 * Serving a store site with PHP's built-in web server (php -S) and the router in php/router.php.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { readJson, writeJson } from './fs-util';
import { phpHelperPaths } from './paths';
import { opcacheArgs, requirePhp } from './php';
import { freePort, isPortFree } from './ports';
import type { Site } from './site-handle';

export interface ServerHandle {
	/** Site URL without a trailing slash, e.g. http://127.0.0.1:8901 */
	url: string;
	port: number;
	/** Process id of php -S (also its process group id). */
	pid: number;
	site: Site;
	/** Milliseconds from spawn until the server answered. */
	startMs: number;
	/** Settles when php -S exits, for whatever reason (stop(), `cli.ts stop`, a crash). */
	exited: Promise< void >;
	stop: () => Promise< void >;
}

export interface StartServerOptions {
	/** Request workers (PHP_CLI_SERVER_WORKERS), default 2. */
	workers?: number;
	/** How long to wait for the first answer, default 20 s. */
	timeoutMs?: number;
	/**
	 * Load WordPress once in every worker before returning (the first request after a start
	 * compiles ~1,100 PHP files and takes 1-2 s). Default false.
	 */
	warmUp?: boolean;
}

/** What run/server.json records about a running server, for `cli.ts stop` in another process. */
export interface ServerState {
	pid: number;
	port: number;
	url: string;
	startedAt: string;
}

/** Servers started by this process, stopped if the process exits without stopping them. */
const running = new Set< number >();
process.on( 'exit', () => {
	for ( const pid of running ) {
		killGroup( pid, 'SIGTERM' );
	}
} );

function killGroup( pid: number, signal: NodeJS.Signals ): void {
	try {
		process.kill( -pid, signal );
	} catch {
		// Already gone.
	}
}

/**
 * Waits until the port is released or no process of the group is left. php -S workers outlive
 * their parent briefly; once they exit they may linger as zombies until init reaps them, which
 * holds no port, so the port is the better signal.
 * @param pid
 * @param port
 * @param timeoutMs
 */
async function waitForRelease(
	pid: number,
	port: number,
	timeoutMs: number
): Promise< boolean > {
	for ( const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
		try {
			process.kill( -pid, 0 );
		} catch {
			return true;
		}
		if ( await isPortFree( port ) ) {
			return true;
		}
		await new Promise( ( done ) => setTimeout( done, 20 ) );
	}
	return false;
}

function isAlive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch {
		return false;
	}
}

function tail( file: string, lines = 8 ): string {
	return existsSync( file )
		? readFileSync( file, 'utf8' )
				.trim()
				.split( '\n' )
				.slice( -lines )
				.join( '\n' )
		: '';
}

async function waitForAnswer(
	port: number,
	child: ChildProcess,
	logFile: string,
	timeoutMs: number
): Promise< void > {
	const deadline = Date.now() + timeoutMs;
	// A static file: proves php -S and the router answer, without waiting for WordPress to boot.
	const probe = `http://127.0.0.1:${ port }/wp-includes/images/blank.gif`;
	while ( Date.now() < deadline ) {
		if ( child.exitCode !== null || child.signalCode !== null ) {
			throw new Error(
				`php -S exited at start (${ child.exitCode ?? child.signalCode }):\n${ tail( logFile ) }`
			);
		}
		try {
			const response = await fetch( probe, {
				signal: AbortSignal.timeout( 2000 ),
			} );
			await response.arrayBuffer();
			return;
		} catch {
			await new Promise( ( done ) => setTimeout( done, 50 ) );
		}
	}
	throw new Error(
		`php -S did not answer on port ${ port } within ${ timeoutMs } ms:\n${ tail( logFile ) }`
	);
}

function waitForExit(
	child: ChildProcess,
	timeoutMs: number
): Promise< boolean > {
	if ( child.exitCode !== null || child.signalCode !== null ) {
		return Promise.resolve( true );
	}
	return new Promise( ( done ) => {
		const timer = setTimeout( () => done( false ), timeoutMs );
		child.once( 'exit', () => {
			clearTimeout( timer );
			done( true );
		} );
	} );
}

/**
 * Serves `site` on 127.0.0.1:<port> (a free port when omitted) until stop().
 * If the site's URL names another port, the URL is rewritten first (it lives in wp-config.php).
 * @param site
 * @param port
 * @param options
 */
export async function startServer(
	site: Site,
	port?: number,
	options: StartServerOptions = {}
): Promise< ServerHandle > {
	const php = requirePhp();
	const listenPort = port ?? ( await freePort() );
	if ( ! ( await isPortFree( listenPort ) ) ) {
		throw new Error( `port ${ listenPort } is already in use` );
	}
	const current = new URL( site.url );
	if ( current.port !== String( listenPort ) ) {
		current.port = String( listenPort );
		await site.setUrl( current.origin );
	}

	await mkdir( site.paths.opcache, { recursive: true } );
	const logFd = openSync( site.paths.serverLog, 'a' );
	const started = performance.now();
	const child = spawn(
		php.bin,
		[
			...opcacheArgs( site.paths.opcache, 'server' ),
			'-S',
			`127.0.0.1:${ listenPort }`,
			'-t',
			site.paths.wordpress,
			phpHelperPaths().router,
		],
		{
			cwd: site.paths.wordpress,
			env: {
				...process.env,
				PHP_CLI_SERVER_WORKERS: String( options.workers ?? 2 ),
			},
			// Own process group, so stop() reaches the workers php -S forks.
			detached: true,
			stdio: [ 'ignore', logFd, logFd ],
		}
	);
	closeSync( logFd );
	const pid = child.pid;
	if ( pid === undefined ) {
		throw new Error( `cannot start ${ php.bin } -S` );
	}
	running.add( pid );
	child.unref();
	const exited = new Promise< void >( ( done ) =>
		child.once( 'exit', () => done() )
	);

	const stop = async (): Promise< void > => {
		killGroup( pid, 'SIGTERM' );
		if (
			! ( await waitForExit( child, 5000 ) ) ||
			! ( await waitForRelease( pid, listenPort, 3000 ) )
		) {
			killGroup( pid, 'SIGKILL' );
			await waitForRelease( pid, listenPort, 2000 );
		}
		running.delete( pid );
		await rm( site.paths.serverState, { force: true } );
	};

	try {
		await waitForAnswer(
			listenPort,
			child,
			site.paths.serverLog,
			options.timeoutMs ?? 20_000
		);
	} catch ( error ) {
		await stop();
		throw error;
	}
	if ( options.warmUp ) {
		// Concurrent requests land on different workers.
		const workers = options.workers ?? 2;
		await Promise.all(
			Array.from( { length: workers }, () =>
				fetch( `http://127.0.0.1:${ listenPort }/wp-json/` )
					.then( ( response ) => response.arrayBuffer() )
					.catch( () => undefined )
			)
		);
	}
	const state: ServerState = {
		pid,
		port: listenPort,
		url: site.url,
		startedAt: new Date().toISOString(),
	};
	await writeJson( site.paths.serverState, state );
	return {
		url: site.url,
		port: listenPort,
		pid,
		site,
		startMs: Math.round( performance.now() - started ),
		exited,
		stop,
	};
}

/**
 * The server recorded in run/server.json, if its process still runs.
 * @param site
 */
export function recordedServer( site: Site ): ServerState | undefined {
	const state = readJson< ServerState >( site.paths.serverState );
	return state && isAlive( state.pid ) ? state : undefined;
}

/**
 * Stops a server another process started for `site`; false when none was running.
 * @param site
 */
export async function stopRecordedServer( site: Site ): Promise< boolean > {
	const state = recordedServer( site );
	if ( ! state ) {
		await rm( site.paths.serverState, { force: true } );
		return false;
	}
	// Only signal the process if it still is our php -S for this site (pids get reused).
	const cmdline = existsSync( `/proc/${ state.pid }/cmdline` )
		? readFileSync( `/proc/${ state.pid }/cmdline`, 'utf8' )
		: '';
	if ( cmdline !== '' && ! cmdline.includes( site.paths.wordpress ) ) {
		await rm( site.paths.serverState, { force: true } );
		return false;
	}
	killGroup( state.pid, 'SIGTERM' );
	for (
		let waited = 0;
		waited < 5000 && isAlive( state.pid );
		waited += 50
	) {
		await new Promise( ( done ) => setTimeout( done, 50 ) );
	}
	if (
		isAlive( state.pid ) ||
		! ( await waitForRelease( state.pid, state.port, 3000 ) )
	) {
		killGroup( state.pid, 'SIGKILL' );
		await waitForRelease( state.pid, state.port, 2000 );
	}
	await rm( site.paths.serverState, { force: true } );
	return true;
}
