/**
 * The developer's store (`npm start`): one long-lived site at `$CACHE/sites/dev` with the built
 * CartBay plugin (`<repo>/dist/cartbay`) linked in and active.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isSymlink } from './fs-util';
import { cachePaths, repoRoot } from './paths';
import { recordedServer } from './server';
import { readSiteConfig } from './site-config';
import { type Site, createSite, openSite, refreshSite } from './site';

export const DEFAULT_DEV_PORT = 8888;
export const CARTBAY_PLUGIN = 'cartbay/cartbay.php';

export function devSiteDir(): string {
	return cachePaths().devSite;
}

export interface DevSiteOptions {
	dir?: string;
	port?: number;
	/** Order storage for a new site; undefined keeps an existing site's choice (new: off). */
	hpos?: boolean;
	fresh?: boolean;
	rebuildTemplate?: boolean;
	log?: ( line: string ) => void;
}

/**
 * Opens the dev site, creating it if missing (or `fresh`), with its generated files refreshed.
 * @param options
 */
export async function ensureDevSite(
	options: DevSiteOptions = {}
): Promise< { site: Site; created: boolean } > {
	const dir = options.dir ?? devSiteDir();
	const log = options.log ?? ( () => undefined );
	const url = `http://localhost:${ options.port ?? DEFAULT_DEV_PORT }`;
	const existing = readSiteConfig( dir );

	if ( existing && options.fresh ) {
		const server = recordedServer( openSite( dir ) );
		if ( server ) {
			throw new Error(
				`the dev site is being served (pid ${ server.pid }, ${ server.url }): stop it first`
			);
		}
	}
	if ( existing && ! options.fresh ) {
		const site = openSite( dir );
		await refreshSite( site );
		if ( options.hpos !== undefined && options.hpos !== existing.hpos ) {
			log(
				`warning: this site was created with HPOS ${ existing.hpos ? 'on' : 'off' }; ` +
					`recreate it to switch: create --fresh --hpos ${ options.hpos ? 'on' : 'off' }`
			);
		}
		return { site, created: false };
	}

	const site = await createSite( {
		dir,
		url,
		hpos: options.hpos ?? false,
		fresh: options.fresh,
		rebuildTemplate: options.rebuildTemplate,
		// The dev site may be poked at by hand: give it its own core files.
		coreFiles: 'copy',
		log,
	} );
	return { site, created: true };
}

export type CartbayLink =
	{ linked: true; source: string } | { linked: false; reason: string };

/**
 * Links `<repo>/dist/cartbay` into the site as plugins/cartbay and activates it. Without a build,
 * removes a stale link, deactivates the plugin and says why.
 * @param site
 */
export async function linkCartbay( site: Site ): Promise< CartbayLink > {
	const source = join( repoRoot(), 'dist', 'cartbay' );
	if ( ! existsSync( join( source, 'cartbay.php' ) ) ) {
		if ( isSymlink( join( site.paths.plugins, 'cartbay' ) ) ) {
			await site.deactivatePlugin( CARTBAY_PLUGIN );
			await site.unlinkPlugin( 'cartbay' );
		}
		return {
			linked: false,
			reason: `${ source }/cartbay.php not found (build it with \`npm run build\`)`,
		};
	}
	await site.linkPlugin( source, 'cartbay' );
	await site.activatePlugin( CARTBAY_PLUGIN );
	return { linked: true, source };
}
