/**
 * A private MariaDB server for a store site that should run on the database real shops use.
 *
 * SQLite (the default) keeps a site in one folder and needs no server, but every query goes through the
 * MySQL-to-SQLite translator, which costs far more than the query itself on large tables. The benchmarks
 * therefore run on MariaDB when Debian's `mariadb-server` is installed: one server per data folder,
 * reachable only through its Unix socket (no TCP port), started by the current user.
 *
 *   const db = await startMariaDb( '/tmp/bench/mariadb' );
 *   await db.createDatabase( 'cartbay_bench' );
 *   ... createSite( { ..., database: db.siteDatabase( 'cartbay_bench' ) } ) ...
 *   await db.stop();
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/** What wp-config.php needs to reach a MariaDB database. */
export interface SiteDatabase {
	socket: string;
	name: string;
	user: string;
	password: string;
}

const SERVER_BINARIES = [ 'mariadbd', 'mysqld' ];
const INSTALL_BINARIES = [ 'mariadb-install-db', 'mysql_install_db' ];
const CLIENT_BINARIES = [ 'mariadb', 'mysql' ];

function findBinary( names: string[] ): string | undefined {
	const dirs = [
		...( process.env.PATH ?? '' ).split( ':' ),
		'/usr/sbin',
		'/usr/bin',
	];
	for ( const name of names ) {
		for ( const dir of dirs ) {
			if ( dir && existsSync( join( dir, name ) ) ) {
				return join( dir, name );
			}
		}
	}
	return undefined;
}

/** Why MariaDB cannot be used on this machine, or undefined when it can. */
export function mariaDbMissing(): string | undefined {
	if ( ! findBinary( SERVER_BINARIES ) || ! findBinary( INSTALL_BINARIES ) ) {
		return 'MariaDB is not installed (Debian: apt-get install mariadb-server)';
	}
	const mysqli = spawnSync(
		process.env.CARTBAY_PHP ?? 'php',
		[ '-r', 'echo extension_loaded( "mysqli" ) ? "yes" : "no";' ],
		{ encoding: 'utf8' }
	);
	if ( mysqli.stdout !== 'yes' ) {
		return "PHP's mysqli extension is missing (Debian: apt-get install php-mysql)";
	}
	return undefined;
}

export interface MariaDb {
	socket: string;
	/** Runs SQL as root through the socket; throws with the client's message on failure. */
	sql: ( statement: string ) => void;
	createDatabase: ( name: string ) => void;
	siteDatabase: ( name: string ) => SiteDatabase;
	stop: () => Promise< void >;
}

/**
 * Initializes `dir` (once) and starts a server on it; resolves when it accepts connections.
 * @param dir
 */
export async function startMariaDb( dir: string ): Promise< MariaDb > {
	const missing = mariaDbMissing();
	if ( missing ) {
		throw new Error( missing );
	}
	const data = join( dir, 'data' );
	const socket = join( dir, 'mysqld.sock' );
	const user = process.getuid?.() === 0 ? [ '--user=root' ] : [];
	mkdirSync( dir, { recursive: true } );
	if ( ! existsSync( join( data, 'mysql' ) ) ) {
		// "normal" root authentication: root@localhost without a password, over the socket only.
		const init = spawnSync(
			findBinary( INSTALL_BINARIES )!,
			[
				'--no-defaults',
				`--datadir=${ data }`,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
				...user,
			],
			{ encoding: 'utf8' }
		);
		if ( init.status !== 0 ) {
			throw new Error(
				`mariadb-install-db failed: ${ init.stderr || init.stdout }`
			);
		}
	}
	const errorLog = join( dir, 'mariadb.err' );
	const child: ChildProcess = spawn(
		findBinary( SERVER_BINARIES )!,
		[
			'--no-defaults',
			`--datadir=${ data }`,
			`--socket=${ socket }`,
			`--pid-file=${ join( dir, 'mariadb.pid' ) }`,
			'--skip-networking',
			`--log-error=${ errorLog }`,
			// Sized for a benchmark of 100k orders on a small machine.
			'--innodb-buffer-pool-size=1G',
			'--innodb-flush-log-at-trx-commit=2',
			'--max-allowed-packet=64M',
			...user,
		],
		{
			stdio: [
				'ignore',
				openSync( errorLog, 'a' ),
				openSync( errorLog, 'a' ),
			],
		}
	);
	const client = findBinary( CLIENT_BINARIES )!;
	const sql = ( statement: string ): void => {
		const result = spawnSync(
			client,
			[
				'--no-defaults',
				`--socket=${ socket }`,
				'-uroot',
				'-e',
				statement,
			],
			{ encoding: 'utf8' }
		);
		if ( result.status !== 0 ) {
			throw new Error( `MariaDB: ${ result.stderr.trim() }` );
		}
	};
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			sql( 'SELECT 1' );
			break;
		} catch ( error ) {
			if ( child.exitCode !== null || Date.now() > deadline ) {
				throw new Error(
					`MariaDB did not start (see ${ errorLog }): ${
						( error as Error ).message
					}`
				);
			}
			await new Promise( ( done ) => setTimeout( done, 250 ) );
		}
	}
	return {
		socket,
		sql,
		createDatabase: ( name ) => {
			sql(
				`DROP DATABASE IF EXISTS \`${ name }\`; CREATE DATABASE \`${ name }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`
			);
		},
		siteDatabase: ( name ) => ( {
			socket,
			name,
			user: 'root',
			password: '',
		} ),
		stop: () =>
			new Promise( ( done ) => {
				if ( child.exitCode !== null ) {
					done();
					return;
				}
				child.once( 'exit', () => done() );
				child.kill( 'SIGTERM' );
			} ),
	};
}
