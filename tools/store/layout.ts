/**
 * Lays out a store site's files (everything but the database). Idempotent: run on creation and
 * whenever a site is reopened, so generated files follow the current code and site.json.
 *
 * WordPress core is copied or hardlinked, never symlinked: PHP resolves __DIR__ through symlinks,
 * so symlinked core files would look for wp-config.php next to the cache's copy. Plugins may be
 * symlinks (WordPress maps their real paths back), so WooCommerce is linked from the cache.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComponentInfo } from './cache';
import {
	isSymlink,
	linkOrCopyDir,
	linkOrCopyInto,
	removePath,
	replaceSymlink,
} from './fs-util';
import { phpHelperPaths } from './paths';
import type { SiteConfig } from './site-config';
import { sitePaths } from './site-config';
import {
	SQLITE_PLUGIN_SLUG,
	type SqlitePlugin,
	renderDbDropin,
} from './sqlite-plugin';
import { readPluginVersion, readWordPressVersion } from './versions';
import { renderWpConfig } from './wp-config';

export interface LayoutSources {
	wordpress: ComponentInfo;
	woocommerce?: ComponentInfo;
	sqlite: SqlitePlugin;
}

const MU_PLUGIN_FILE = 'cartbay-store.php';

/**
 * The theme WordPress activates on install (WP_DEFAULT_THEME of that core version).
 * @param coreDir
 */
export function defaultTheme( coreDir: string ): string {
	const constants = readFileSync(
		join( coreDir, 'wp-includes', 'default-constants.php' ),
		'utf8'
	);
	return (
		/define\(\s*'WP_DEFAULT_THEME',\s*'([^']+)'/.exec( constants )?.[ 1 ] ??
		'twentytwentyfive'
	);
}

/**
 * Copies core (all but wp-content) when the site has none or another version.
 * @param coreDir
 * @param version
 * @param target
 * @param mode
 */
export async function layoutCore(
	coreDir: string,
	version: string,
	target: string,
	mode: SiteConfig[ 'coreFiles' ]
): Promise< void > {
	if ( readWordPressVersion( target ) === version ) {
		return;
	}
	const entries = readdirSync( coreDir ).filter(
		( entry ) => entry !== 'wp-content' && entry !== 'wp-config.php'
	);
	for ( const entry of entries ) {
		await removePath( join( target, entry ) );
	}
	await linkOrCopyInto(
		entries.map( ( entry ) => join( coreDir, entry ) ),
		target,
		mode
	);
}

/**
 * The real wp-content: WordPress's index.php guards, the default theme, and our plugins.
 * @param config
 * @param sources
 * @param root
 */
async function layoutContent(
	config: SiteConfig,
	sources: LayoutSources,
	root: string
): Promise< void > {
	const paths = sitePaths( root );
	const coreContent = join( sources.wordpress.path, 'wp-content' );
	for ( const dir of [
		paths.content,
		paths.plugins,
		paths.themes,
		paths.muPlugins,
		paths.uploads,
	] ) {
		await mkdir( dir, { recursive: true } );
	}
	for ( const guard of [
		'index.php',
		'plugins/index.php',
		'themes/index.php',
	] ) {
		if (
			existsSync( join( coreContent, guard ) ) &&
			! existsSync( join( paths.content, guard ) )
		) {
			await copyFile(
				join( coreContent, guard ),
				join( paths.content, guard )
			);
		}
	}

	const theme = defaultTheme( sources.wordpress.path );
	if (
		! existsSync( join( paths.themes, theme ) ) &&
		existsSync( join( coreContent, 'themes', theme ) )
	) {
		await linkOrCopyDir(
			join( coreContent, 'themes', theme ),
			join( paths.themes, theme ),
			config.coreFiles
		);
	}

	const wcLink = join( paths.plugins, 'woocommerce' );
	if ( config.withWooCommerce && sources.woocommerce ) {
		await replaceSymlink( sources.woocommerce.path, wcLink );
	} else if ( isSymlink( wcLink ) ) {
		await unlink( wcLink );
	}

	const sqliteDir = join( paths.plugins, SQLITE_PLUGIN_SLUG );
	if (
		readPluginVersion( join( sqliteDir, 'load.php' ) ) !==
		sources.sqlite.version
	) {
		await removePath( sqliteDir );
		await linkOrCopyDir( sources.sqlite.dir, sqliteDir, config.coreFiles );
	}
	if ( config.database ) {
		// A MariaDB site talks to its server directly: no SQLite drop-in.
		await removePath( paths.dbDropin );
	} else {
		await writeFile(
			paths.dbDropin,
			renderDbDropin( sources.sqlite, sqliteDir )
		);
	}
	await copyFile(
		phpHelperPaths().muPlugin,
		join( paths.muPlugins, MU_PLUGIN_FILE )
	);
}

/**
 * Creates or refreshes every file of the site at `root` except the database and site.json.
 * @param root
 * @param config
 * @param sources
 */
export async function layoutSite(
	root: string,
	config: SiteConfig,
	sources: LayoutSources
): Promise< void > {
	const paths = sitePaths( root );
	for ( const dir of [
		paths.database,
		paths.logs,
		paths.mail,
		paths.run,
		paths.tmp,
		paths.opcache,
	] ) {
		await mkdir( dir, { recursive: true } );
	}
	await layoutCore(
		sources.wordpress.path,
		sources.wordpress.version,
		paths.wordpress,
		config.coreFiles
	);
	await layoutContent( config, sources, root );
	await writeWpConfig( root, config );
}

/**
 * Rewrites only wp-config.php (enough after a URL or constant change).
 * @param root
 * @param config
 */
export async function writeWpConfig(
	root: string,
	config: SiteConfig
): Promise< void > {
	const paths = sitePaths( root );
	await writeFile( paths.wpConfig, renderWpConfig( config, paths ) );
}
