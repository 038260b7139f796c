/**
 * The SQLite Database Integration plugin, taken from the zip that @wp-playground/cli ships.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { extractZip } from './archive';
import { copyDir, publishDir, removePath } from './fs-util';
import { cachePaths, storeToolDir } from './paths';
import { readPluginVersion } from './versions';

export const SQLITE_PLUGIN_SLUG = 'sqlite-database-integration';

export interface SqlitePlugin {
	/** Unpacked plugin folder in the cache. */
	dir: string;
	version: string;
}

function sqliteZipPath(): string {
	const resolveFromRepo = createRequire( join( storeToolDir(), 'index.ts' ) );
	return join(
		dirname( resolveFromRepo.resolve( '@wp-playground/cli/package.json' ) ),
		'sqlite-database-integration.zip'
	);
}

/**
 * Unpacks the plugin into the cache once (per version) and returns where it is.
 * @param root
 */
export async function ensureSqlitePlugin(
	root?: string
): Promise< SqlitePlugin > {
	const zip = sqliteZipPath();
	const base = cachePaths( root ).sqlitePlugin;
	// The zip's hash names the unpacked copy, so a newer @wp-playground/cli brings its newer plugin.
	const stamp = createHash( 'sha1' )
		.update( readFileSync( zip ) )
		.digest( 'hex' )
		.slice( 0, 12 );
	const dir = join( base, stamp );
	const version = readPluginVersion( join( dir, 'load.php' ) );
	if ( version ) {
		return { dir, version };
	}
	await mkdir( base, { recursive: true } );
	const work = await mkdtemp( join( base, '.unpack-' ) );
	try {
		const pluginRoot = await extractZip(
			zip,
			join( work, 'zip' ),
			'db.copy'
		);
		await copyDir( pluginRoot, join( work, 'plugin' ) );
		await publishDir( join( work, 'plugin' ), dir );
	} finally {
		await removePath( work );
	}
	return {
		dir,
		version: readPluginVersion( join( dir, 'load.php' ) ) ?? 'unknown',
	};
}

function phpSingleQuoted( value: string ): string {
	return value.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" );
}

/**
 * The `wp-content/db.php` drop-in: the plugin's `db.copy` template with its placeholders filled in.
 *
 * @param sqlite
 * @param pluginDir Absolute path of the plugin inside the site's plugins folder.
 */
export function renderDbDropin(
	sqlite: SqlitePlugin,
	pluginDir: string
): string {
	const template = readFileSync( join( sqlite.dir, 'db.copy' ), 'utf8' );
	if ( ! template.includes( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}' ) ) {
		throw new Error(
			`unexpected db.copy in ${ sqlite.dir }: placeholder missing`
		);
	}
	return template
		.replaceAll(
			'{SQLITE_IMPLEMENTATION_FOLDER_PATH}',
			phpSingleQuoted( pluginDir )
		)
		.replaceAll( '{SQLITE_PLUGIN}', `${ SQLITE_PLUGIN_SLUG }/load.php` );
}
