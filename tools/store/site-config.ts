/**
 * A store site's folder layout and its `site.json` (the settings every generated file derives from).
 *
 * <site>/
 *   site.json          settings (this file's SiteConfig)
 *   wp-config.php      generated; WordPress finds it one level above its own folder
 *   wordpress/         document root: a copy of WordPress core, with a real wp-content/
 *   database/          the SQLite database
 *   logs/              wp-debug.log, install.log, access.log, php-server.log
 *   mail/mail.jsonl    captured wp_mail() calls
 *   run/server.json    the running php -S server, if any
 *   tmp/               scratch files (PHP snippets run by runPhp, opcache's file cache)
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readJson, writeJson } from './fs-util';
import type { SiteDatabase } from './mariadb';

export type DefineValue = string | number | boolean;

export interface SiteConfig {
	/** Home and site URL (WP_HOME / WP_SITEURL), e.g. http://127.0.0.1:8888 */
	url: string;
	/** WooCommerce order storage: true = HPOS tables, false = legacy posts. */
	hpos: boolean;
	withWooCommerce: boolean;
	/** false lets wp_mail() really send instead of writing mail/mail.jsonl. */
	captureMail: boolean;
	/**
	 * How core, the default theme and the SQLite plugin got into the site: 'copy', or 'hardlink'
	 * (instant, shares file contents with the cache; for disposable test sites).
	 */
	coreFiles: 'copy' | 'hardlink';
	/** Extra constants for wp-config.php. */
	defines: Record< string, DefineValue >;
	/** Keys and salts; kept so logins survive a rewritten wp-config.php. */
	salts: Record< string, string >;
	versions: { wordpress: string; woocommerce?: string; sqlite: string };
	/** A MariaDB database (tools/store/mariadb.ts) instead of the default SQLite file. */
	database?: SiteDatabase;
	/** Template the database came from, if any. */
	template?: string;
	createdAt: string;
}

export const SALT_NAMES = [
	'AUTH_KEY',
	'SECURE_AUTH_KEY',
	'LOGGED_IN_KEY',
	'NONCE_KEY',
	'AUTH_SALT',
	'SECURE_AUTH_SALT',
	'LOGGED_IN_SALT',
	'NONCE_SALT',
] as const;

export function newSalts(): Record< string, string > {
	return Object.fromEntries(
		SALT_NAMES.map( ( name ) => [
			name,
			randomBytes( 32 ).toString( 'base64url' ),
		] )
	);
}

export const DB_FILE = 'wordpress.sqlite';

export type SitePaths = ReturnType< typeof sitePaths >;

export function sitePaths( root: string ) {
	const wordpress = join( root, 'wordpress' );
	const content = join( wordpress, 'wp-content' );
	const logs = join( root, 'logs' );
	return {
		root,
		siteJson: join( root, 'site.json' ),
		wpConfig: join( root, 'wp-config.php' ),
		wordpress,
		content,
		plugins: join( content, 'plugins' ),
		muPlugins: join( content, 'mu-plugins' ),
		themes: join( content, 'themes' ),
		uploads: join( content, 'uploads' ),
		dbDropin: join( content, 'db.php' ),
		database: join( root, 'database' ),
		dbFile: join( root, 'database', DB_FILE ),
		logs,
		debugLog: join( logs, 'wp-debug.log' ),
		installLog: join( logs, 'install.log' ),
		accessLog: join( logs, 'access.log' ),
		serverLog: join( logs, 'php-server.log' ),
		mail: join( root, 'mail' ),
		mailFile: join( root, 'mail', 'mail.jsonl' ),
		run: join( root, 'run' ),
		serverState: join( root, 'run', 'server.json' ),
		tmp: join( root, 'tmp' ),
		opcache: join( root, 'tmp', 'opcache' ),
	};
}

export function readSiteConfig( root: string ): SiteConfig | undefined {
	return readJson< SiteConfig >( sitePaths( root ).siteJson );
}

export async function writeSiteConfig(
	root: string,
	config: SiteConfig
): Promise< void > {
	await writeJson( sitePaths( root ).siteJson, config );
}
