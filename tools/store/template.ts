/**
 * Installed-site templates: installing WordPress + WooCommerce takes seconds, copying a database
 * takes milliseconds. A template is built once per (WordPress, WooCommerce, HPOS, install recipe)
 * in `$CACHE/templates/<key>/` and holds what installing produced beyond the laid-out files:
 *
 *   database/      the SQLite database
 *   uploads/       wp-content/uploads (WooCommerce's log and download folders)
 *   install.log    wp-debug.log of the install (kept out of the new site's debug log)
 *   template.json  versions and how long the build took
 *
 * The URL is not in the database (wp-config.php defines it), so a copy works under any URL;
 * php/tasks/rebase-site.php points the few absolute paths it holds at the new site.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
	copyDir,
	publishDir,
	readJson,
	removePath,
	siblingTempPath,
	writeJson,
} from './fs-util';
import { installSite } from './install';
import { type LayoutSources, layoutSite } from './layout';
import { cachePaths, phpHelperPaths } from './paths';
import { runPhpProcess } from './php';
import {
	type SiteConfig,
	newSalts,
	sitePaths,
	writeSiteConfig,
} from './site-config';
import { Site } from './site-handle';

export interface TemplateSpec {
	hpos: boolean;
	withWooCommerce: boolean;
}

export interface TemplateInfo {
	key: string;
	dir: string;
	/** True when this call built it. */
	built: boolean;
	buildMs: number;
}

interface TemplateJson {
	key: string;
	versions: SiteConfig[ 'versions' ];
	hpos: boolean;
	withWooCommerce: boolean;
	builtAt: string;
	buildMs: number;
}

/** Bump to rebuild every template when the install recipe changes outside the PHP files. */
const RECIPE_VERSION = 1;

/**
 * Hash of everything that shapes an installed database besides the versions.
 * @param sources
 */
function recipeHash( sources: LayoutSources ): string {
	const hash = createHash( 'sha1' ).update(
		`recipe ${ RECIPE_VERSION } sqlite ${ sources.sqlite.version }\n`
	);
	for ( const name of readdirSync( phpHelperPaths().install ).sort() ) {
		hash.update( name ).update(
			readFileSync( join( phpHelperPaths().install, name ) )
		);
	}
	// Not the mu-plugin: every site gets the current one when it is laid out.
	return hash.digest( 'hex' ).slice( 0, 8 );
}

export function templateKey(
	spec: TemplateSpec,
	sources: LayoutSources
): string {
	const wc =
		spec.withWooCommerce && sources.woocommerce
			? `wc-${ sources.woocommerce.version }`
			: 'no-wc';
	const storage = spec.withWooCommerce
		? spec.hpos
			? '_hpos'
			: '_legacy'
		: '';
	return `wp-${ sources.wordpress.version }_${ wc }${ storage }_${ recipeHash( sources ) }`;
}

/**
 * Returns the template for `spec`, building it first if it is missing (or `rebuild` is set).
 * @param spec
 * @param sources
 * @param options
 * @param options.rebuild
 * @param options.log
 */
export async function ensureTemplate(
	spec: TemplateSpec,
	sources: LayoutSources,
	options: { rebuild?: boolean; log?: ( line: string ) => void } = {}
): Promise< TemplateInfo > {
	const log = options.log ?? ( () => undefined );
	const templates = cachePaths().templates;
	const key = templateKey( spec, sources );
	const dir = join( templates, key );
	const existing = readJson< TemplateJson >( join( dir, 'template.json' ) );
	if ( existing && ! options.rebuild ) {
		return { key, dir, built: false, buildMs: existing.buildMs };
	}

	log( `building template ${ key } (once per versions and order storage)` );
	const started = performance.now();
	await mkdir( templates, { recursive: true } );
	const work = siblingTempPath( dir );
	const buildRoot = join( work, 'site' );
	try {
		const config: SiteConfig = {
			url: 'http://127.0.0.1',
			hpos: spec.hpos,
			withWooCommerce: spec.withWooCommerce,
			captureMail: true,
			coreFiles: 'hardlink',
			defines: {},
			salts: newSalts(),
			versions: {
				wordpress: sources.wordpress.version,
				woocommerce: spec.withWooCommerce
					? sources.woocommerce?.version
					: undefined,
				sqlite: sources.sqlite.version,
			},
			createdAt: new Date().toISOString(),
		};
		await layoutSite( buildRoot, config, sources );
		await writeSiteConfig( buildRoot, config );
		await installSite( new Site( buildRoot ), { ...spec, log } );

		const built = sitePaths( buildRoot );
		const staging = join( work, 'template' );
		await copyDir( built.database, join( staging, 'database' ) );
		await copyDir( built.uploads, join( staging, 'uploads' ) );
		if ( existsSync( built.debugLog ) ) {
			await copyFile( built.debugLog, join( staging, 'install.log' ) );
		}
		const buildMs = Math.round( performance.now() - started );
		const json: TemplateJson = {
			key,
			versions: config.versions,
			hpos: spec.hpos,
			withWooCommerce: spec.withWooCommerce,
			builtAt: new Date().toISOString(),
			buildMs,
		};
		await writeJson( join( staging, 'template.json' ), json );

		if ( options.rebuild ) {
			await removePath( dir );
		}
		// Templates of older recipes stay (about 1.5 MB each; another process may still copy one).
		const published = await publishDir( staging, dir );
		log(
			`template ready in ${ buildMs } ms${ published ? '' : ' (another process built it first)' }`
		);
		return { key, dir, built: published, buildMs };
	} finally {
		await removePath( work );
	}
}

/**
 * Gives the site at `root` the template's database and uploads, pointed at the site's own
 * uploads folder and URL. Its debug log starts empty (the install's is logs/install.log).
 * @param template
 * @param root
 * @param url
 */
export async function applyTemplate(
	template: TemplateInfo,
	root: string,
	url: string
): Promise< void > {
	const paths = sitePaths( root );
	await removePath( paths.database );
	await copyDir( join( template.dir, 'database' ), paths.database );
	const rebase = await runPhpProcess( [
		join( phpHelperPaths().tasks, 'rebase-site.php' ),
		paths.dbFile,
		paths.uploads,
		url,
	] );
	if ( rebase.code !== 0 ) {
		throw new Error(
			`cannot adapt the template database to ${ root }: ${ rebase.stderr.trim() || rebase.stdout.trim() }`
		);
	}
	await removePath( paths.uploads );
	await copyDir( join( template.dir, 'uploads' ), paths.uploads );
	if ( existsSync( join( template.dir, 'install.log' ) ) ) {
		await copyFile( join( template.dir, 'install.log' ), paths.installLog );
	}
}
