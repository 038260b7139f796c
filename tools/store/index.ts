/**
 * The CartBay local store: WordPress + WooCommerce on SQLite, for `npm start` and for the PHP
 * integration and E2E tests. See README.md.
 *
 *   import { checkStore, createSite, startServer } from '../../tools/store';
 *
 *   const ready = await checkStore();
 *   if ( ! ready.ok ) { skip( ready.reason ); }
 *   const site = await createSite( { dir, url: 'http://127.0.0.1' } );
 *   const server = await startServer( site );        // free port; site URL follows it
 *   await fetch( `${ server.url }/wp-json/wc/store/v1/cart` );
 *   await site.runDueActions( { group: 'cartbay' } );
 *   await server.stop();
 */
import { ensureCache } from './cache';
import { phpStatus } from './php';

export {
	type CacheStatus,
	type ComponentInfo,
	cacheStatus,
	ensureCache,
	importToCache,
} from './cache';
export { DEFAULT_VERSIONS, downloadToCache } from './download';
export {
	type MariaDb,
	type SiteDatabase,
	mariaDbMissing,
	startMariaDb,
} from './mariadb';
export { ADMIN, STORE_TITLE } from './install';
export { cachePaths, cacheRoot } from './paths';
export { type PhpStatus, PHP_INSTALL_HINT, phpStatus } from './php';
export { freePort } from './ports';
export {
	type ServerHandle,
	type StartServerOptions,
	startServer,
} from './server';
export { type SiteConfig, type SitePaths } from './site-config';
export {
	type DueActionsOptions,
	type DueActionsResult,
	type MailRecord,
	type PhpResult,
	type PhpScript,
	type RunPhpOptions,
	type SiteInfo,
	PhpRunError,
} from './site-handle';
export {
	type CreateSiteOptions,
	Site,
	createSite,
	openSite,
	refreshSite,
} from './site';

/**
 * Whether store sites can be created here (PHP and a filled cache; imports from
 * CARTBAY_WP_DIR / CARTBAY_WC_DIR first if needed). `reason` is meant for "skipped: <reason>".
 */
export async function checkStore(): Promise<
	{ ok: true } | { ok: false; reason: string }
> {
	const php = phpStatus();
	if ( ! php.ok ) {
		return { ok: false, reason: php.reason };
	}
	const cache = await ensureCache();
	return cache.ok ? { ok: true } : { ok: false, reason: cache.reason };
}
