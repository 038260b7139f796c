/**
 * Creating store sites: WordPress + WooCommerce on SQLite in one folder, ready to serve.
 *
 *   const site = await createSite( { dir, url: 'http://127.0.0.1:8901' } );
 *
 * The first site of a given (WordPress, WooCommerce, HPOS) combination builds a template
 * (template.ts, a few seconds); later ones copy it (well under a second).
 */
import { existsSync, readdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ComponentInfo, ensureCache } from './cache';
import { removePath } from './fs-util';
import { installSite } from './install';
import { type LayoutSources, layoutSite } from './layout';
import { requirePhp } from './php';
import {
	type DefineValue,
	type SiteConfig,
	newSalts,
	readSiteConfig,
	sitePaths,
	writeSiteConfig,
} from './site-config';
import type { SiteDatabase } from './mariadb';
import { Site } from './site-handle';
import { ensureSqlitePlugin } from './sqlite-plugin';
import { readWordPressVersion } from './versions';
import { applyTemplate, ensureTemplate } from './template';

export { openSite, Site } from './site-handle';

export interface CreateSiteOptions {
	/** Folder of the new site; must not exist, be empty, or (with `fresh`) hold a store site. */
	dir: string;
	/** Site URL, e.g. http://127.0.0.1:8901 (startServer rewrites the port if it differs). */
	url: string;
	/** HPOS order tables (default false: legacy posts storage; see README). */
	hpos?: boolean;
	/** Default true. */
	withWooCommerce?: boolean;
	/** Default true: wp_mail() is written to mail/mail.jsonl instead of being sent. */
	captureMail?: boolean;
	/**
	 * 'hardlink' (default): core files are hardlinked from the cache, instantly (a copy where the
	 * cache is on another file system). 'copy': a private copy, safe to edit (the dev site uses it).
	 */
	coreFiles?: 'copy' | 'hardlink';
	/** Extra wp-config.php constants (may override the defaults, e.g. DISABLE_WP_CRON). */
	defines?: Record< string, DefineValue >;
	/** Replace a store site already at `dir`. */
	fresh?: boolean;
	/**
	 * A MariaDB database to install into (tools/store/mariadb.ts; it must exist and be empty) instead of
	 * SQLite. Such a site is always installed directly: templates are SQLite files.
	 */
	database?: SiteDatabase;
	/**
	 * Another WordPress folder to build the site from instead of the cache's (e.g. a 6.9 copy for the
	 * Abilities tests); it gets its own template, keyed by its version.
	 */
	wordpress?: string;
	/** Default true. false installs into the site directly (slow; no template involved). */
	useTemplate?: boolean;
	/** Rebuild the template before copying it. */
	rebuildTemplate?: boolean;
	/** Progress lines (default: silent). */
	log?: ( line: string ) => void;
}

/** Cache + SQLite plugin, or an error saying what is missing. */
export async function layoutSources(): Promise<
	LayoutSources & { woocommerce: ComponentInfo }
> {
	requirePhp();
	const cache = await ensureCache();
	if ( ! cache.ok ) {
		throw new Error( cache.reason );
	}
	return {
		wordpress: cache.wordpress,
		woocommerce: cache.woocommerce,
		sqlite: await ensureSqlitePlugin(),
	};
}

async function clearTarget( dir: string, fresh: boolean ): Promise< void > {
	if ( ! existsSync( dir ) || readdirSync( dir ).length === 0 ) {
		return;
	}
	if ( ! readSiteConfig( dir ) ) {
		throw new Error(
			`${ dir } is not empty and not a store site: refusing to touch it`
		);
	}
	if ( ! fresh ) {
		throw new Error(
			`a store site already exists at ${ dir } (use openSite(), or fresh: true to replace it)`
		);
	}
	// Move aside first: removing a big tree is slower than a rename, and the name is free at once.
	const trash = `${ dir }.old-${ process.pid }-${ Date.now() }`;
	await rename( dir, trash );
	await removePath( trash );
}

export async function createSite(
	options: CreateSiteOptions
): Promise< Site > {
	const dir = resolve( options.dir );
	const log = options.log ?? ( () => undefined );
	const sources = await layoutSources();
	if ( options.wordpress ) {
		const path = resolve( options.wordpress );
		const version = readWordPressVersion( path );
		if ( ! version ) {
			throw new Error( `${ path } is not a WordPress folder` );
		}
		sources.wordpress = { path, version, source: path };
	}
	await clearTarget( dir, options.fresh ?? false );

	const spec = {
		hpos: options.hpos ?? false,
		withWooCommerce: options.withWooCommerce ?? true,
	};
	const template =
		options.useTemplate === false || options.database
			? undefined
			: await ensureTemplate( spec, sources, {
					rebuild: options.rebuildTemplate,
					log,
				} );

	const config: SiteConfig = {
		url: options.url.replace( /\/+$/, '' ),
		...spec,
		captureMail: options.captureMail ?? true,
		coreFiles: options.coreFiles ?? 'hardlink',
		defines: options.defines ?? {},
		salts: newSalts(),
		versions: {
			wordpress: sources.wordpress.version,
			woocommerce: spec.withWooCommerce
				? sources.woocommerce.version
				: undefined,
			sqlite: sources.sqlite.version,
		},
		database: options.database,
		template: template?.key,
		createdAt: new Date().toISOString(),
	};
	await layoutSite( dir, config, sources );
	await writeSiteConfig( dir, config );
	const site = new Site( dir );

	if ( template ) {
		await applyTemplate( template, dir, config.url );
	} else {
		log(
			'installing WordPress' +
				( spec.withWooCommerce ? ' + WooCommerce' : '' )
		);
		await installSite( site, { ...spec, log } );
		// Install noise is kept, but apart: tests assert that wp-debug.log stays empty.
		const paths = sitePaths( dir );
		if ( existsSync( paths.debugLog ) ) {
			await rename( paths.debugLog, paths.installLog );
		}
	}
	await writeFile( site.paths.debugLog, '' );
	await writeFile( site.paths.mailFile, '' );
	return site;
}

/**
 * Brings an existing site's generated files (wp-config.php, drop-in, mu-plugin, core copy,
 * WooCommerce link) up to date with the current cache and code. Its data is untouched.
 * @param site
 */
export async function refreshSite( site: Site ): Promise< void > {
	await layoutSite( site.dir, site.config, await layoutSources() );
}
