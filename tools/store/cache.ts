/**
 * The WordPress + WooCommerce cache in the user's home (`$CARTBAY_CACHE` or `~/.cache/cartbay`).
 *
 * It holds one complete unpacked copy of each, filled by `import` (local folders or zips) or by
 * `download` (download.ts), and `cache.json` recording where each came from.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { extractZip } from './archive';
import { repairClassmapCase } from './classmap-repair';
import {
	copyDir,
	isDir,
	isFile,
	publishDir,
	readJson,
	removePath,
	siblingTempPath,
	writeJson,
} from './fs-util';
import { cachePaths } from './paths';
import { readWooCommerceVersion, readWordPressVersion } from './versions';

export type Component = 'wordpress' | 'woocommerce';

export interface ComponentInfo {
	path: string;
	version: string;
	/** Folder, zip or URL it was imported from (from cache.json). */
	source?: string;
	importedAt?: string;
}

export type CacheStatus =
	| {
			ok: true;
			dir: string;
			wordpress: ComponentInfo;
			woocommerce: ComponentInfo;
	  }
	| {
			ok: false;
			dir: string;
			reason: string;
			wordpress?: ComponentInfo;
			woocommerce?: ComponentInfo;
	  };

type Manifest = Partial<
	Record< Component, { version: string; source: string; importedAt: string } >
>;

const MARKER: Record< Component, string > = {
	wordpress: 'wp-includes/version.php',
	woocommerce: 'woocommerce.php',
};

const LABEL: Record< Component, string > = {
	wordpress: 'WordPress',
	woocommerce: 'WooCommerce',
};

export const IMPORT_HINT =
	'fill it with `npx tsx tools/store/cli.ts import --wordpress DIR --woocommerce DIR` ' +
	'(or set CARTBAY_WP_DIR and CARTBAY_WC_DIR), or `... cli.ts download` on a machine with internet';

function readVersion( component: Component, dir: string ): string | undefined {
	return component === 'wordpress'
		? readWordPressVersion( dir )
		: readWooCommerceVersion( dir );
}

function componentInfo(
	component: Component,
	root: string
): ComponentInfo | undefined {
	const path = cachePaths( root )[ component ];
	const version = readVersion( component, path );
	if ( ! version ) {
		return undefined;
	}
	const recorded = readJson< Manifest >( cachePaths( root ).manifest )?.[
		component
	];
	return {
		path,
		version,
		source: recorded?.source,
		importedAt: recorded?.importedAt,
	};
}

/**
 * What the cache holds now. Never changes anything (see ensureCache for the automatic import).
 * @param root
 */
export function cacheStatus( root?: string ): CacheStatus {
	const paths = cachePaths( root );
	const wordpress = componentInfo( 'wordpress', paths.root );
	const woocommerce = componentInfo( 'woocommerce', paths.root );
	if ( wordpress && woocommerce ) {
		return { ok: true, dir: paths.root, wordpress, woocommerce };
	}
	const missing = [
		! wordpress && 'WordPress',
		! woocommerce && 'WooCommerce',
	]
		.filter( Boolean )
		.join( ' and ' );
	return {
		ok: false,
		dir: paths.root,
		reason: `${ missing } not in the store cache ${ paths.root }: ${ IMPORT_HINT }`,
		wordpress,
		woocommerce,
	};
}

/**
 * Copies one component into the cache from a folder or a zip, replacing what was there.
 * The copy is built beside the target and renamed into place, so a failed import leaves the old one.
 * @param component
 * @param source
 * @param root
 * @param recordAs
 */
export async function importComponent(
	component: Component,
	source: string,
	root?: string,
	recordAs?: string
): Promise< ComponentInfo > {
	const paths = cachePaths( root );
	const label = LABEL[ component ];
	const from = resolve( source );
	const staging = siblingTempPath( paths[ component ] );
	await mkdir( paths.root, { recursive: true } );

	try {
		if ( isFile( from ) && from.endsWith( '.zip' ) ) {
			await removePath( staging );
			const unpackDir = await mkdtemp( join( paths.root, '.unpack-' ) );
			try {
				await copyDir(
					await extractZip( from, unpackDir, MARKER[ component ] ),
					staging
				);
			} finally {
				await removePath( unpackDir );
			}
		} else if ( isDir( from ) ) {
			if ( ! readVersion( component, from ) ) {
				throw new Error(
					`${ from } is not a ${ label } folder (no ${ MARKER[ component ] } with a version)`
				);
			}
			await copyDir( from, staging );
			// A live site's config and uploads do not belong in a pristine copy.
			await removePath( join( staging, 'wp-config.php' ) );
			await removePath( join( staging, 'wp-content', 'uploads' ) );
		} else {
			throw new Error(
				`${ label } source not found: ${ from } (give a folder or a .zip)`
			);
		}

		if ( component === 'woocommerce' ) {
			for ( const file of await repairClassmapCase( staging ) ) {
				console.warn(
					`repaired file-name case in the WooCommerce copy: ${ file }`
				);
			}
		}
		const version = readVersion( component, staging );
		if ( ! version ) {
			throw new Error( `${ from } does not hold a ${ label } version` );
		}

		await removePath( paths[ component ] );
		await publishDir( staging, paths[ component ] );
		const manifest = readJson< Manifest >( paths.manifest ) ?? {};
		manifest[ component ] = {
			version,
			source: recordAs ?? from,
			importedAt: new Date().toISOString(),
		};
		await writeJson( paths.manifest, manifest );
		return { path: paths[ component ], version, source: recordAs ?? from };
	} finally {
		await removePath( staging );
	}
}

/**
 * Imports WordPress and/or WooCommerce (folders or zips) into the cache.
 * @param sources
 * @param sources.wordpress
 * @param sources.woocommerce
 * @param root
 */
export async function importToCache(
	sources: { wordpress?: string; woocommerce?: string },
	root?: string
): Promise< CacheStatus > {
	if ( ! sources.wordpress && ! sources.woocommerce ) {
		throw new Error(
			'nothing to import: give --wordpress DIR and/or --woocommerce DIR (or set CARTBAY_WP_DIR / CARTBAY_WC_DIR)'
		);
	}
	if ( sources.wordpress ) {
		await importComponent( 'wordpress', sources.wordpress, root );
	}
	if ( sources.woocommerce ) {
		await importComponent( 'woocommerce', sources.woocommerce, root );
	}
	return cacheStatus( root );
}

/** Import sources named by the environment (CARTBAY_WP_DIR, CARTBAY_WC_DIR). */
export function envSources(): { wordpress?: string; woocommerce?: string } {
	return {
		wordpress: process.env.CARTBAY_WP_DIR || undefined,
		woocommerce: process.env.CARTBAY_WC_DIR || undefined,
	};
}

/**
 * The cache status, after importing any missing component whose source the environment names.
 * Components already in the cache are left alone.
 * @param root
 */
export async function ensureCache( root?: string ): Promise< CacheStatus > {
	const status = cacheStatus( root );
	if ( status.ok ) {
		return status;
	}
	const env = envSources();
	const wanted = {
		wordpress: status.wordpress ? undefined : env.wordpress,
		woocommerce: status.woocommerce ? undefined : env.woocommerce,
	};
	if ( ! wanted.wordpress && ! wanted.woocommerce ) {
		return status;
	}
	for ( const [ component, source ] of Object.entries( wanted ) as [
		Component,
		string | undefined,
	][] ) {
		if ( source && ! existsSync( source ) ) {
			return {
				...status,
				reason: `${ LABEL[ component ] } source from the environment does not exist: ${ source }`,
			};
		}
	}
	console.log(
		`store cache: importing ${ [ wanted.wordpress, wanted.woocommerce ].filter( Boolean ).join( ' and ' ) }`
	);
	return importToCache( wanted, root );
}
