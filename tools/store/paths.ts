/**
 * Where the store's pieces live: the cache in the user's home, and this tool's own files.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Root of the cache: `$CARTBAY_CACHE`, else `~/.cache/cartbay`. */
export function cacheRoot(): string {
	const fromEnv = process.env.CARTBAY_CACHE;
	return resolve(
		fromEnv && fromEnv !== ''
			? fromEnv
			: join( homedir(), '.cache', 'cartbay' )
	);
}

/**
 * Folders and files inside the cache.
 * @param root
 */
export function cachePaths( root: string = cacheRoot() ) {
	return {
		root,
		wordpress: join( root, 'wordpress' ),
		woocommerce: join( root, 'woocommerce' ),
		manifest: join( root, 'cache.json' ),
		sqlitePlugin: join( root, 'sqlite-database-integration' ),
		templates: join( root, 'templates' ),
		sites: join( root, 'sites' ),
		devSite: join( root, 'sites', 'dev' ),
		tmp: join( root, 'tmp' ),
	};
}

/**
 * The folder holding this tool (tools/store).
 *
 * tsx runs the repo's .ts files as CommonJS, where __dirname exists; under a pure ESM
 * runner it does not, so fall back to looking for the folder from the working directory up.
 */
export function storeToolDir(): string {
	if (
		typeof __dirname === 'string' &&
		existsSync( join( __dirname, 'php', 'bootstrap.php' ) )
	) {
		return __dirname;
	}
	for ( let dir = process.cwd(); ; dir = dirname( dir ) ) {
		const candidate = join( dir, 'tools', 'store' );
		if ( existsSync( join( candidate, 'php', 'bootstrap.php' ) ) ) {
			return candidate;
		}
		if ( dirname( dir ) === dir ) {
			throw new Error(
				'cannot locate tools/store (run from inside the CartBay repo)'
			);
		}
	}
}

/** The PHP helpers shipped with this tool. */
export function phpHelperPaths() {
	const php = join( storeToolDir(), 'php' );
	return {
		dir: php,
		bootstrap: join( php, 'bootstrap.php' ),
		router: join( php, 'router.php' ),
		muPlugin: join( php, 'mu-plugins', 'cartbay-store.php' ),
		install: join( php, 'install' ),
		tasks: join( php, 'tasks' ),
	};
}

/** Root of the CartBay repository (two levels above tools/store). */
export function repoRoot(): string {
	return resolve( storeToolDir(), '..', '..' );
}
