/**
 * Fills the cache from the official WordPress.org downloads (needs internet).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
	type CacheStatus,
	type Component,
	cacheStatus,
	importComponent,
} from './cache';
import { removePath } from './fs-util';
import { cachePaths } from './paths';

/** The versions this store was verified with; `latest` asks for the newest release. */
export const DEFAULT_VERSIONS: Record< Component, string > = {
	wordpress: '6.8.8',
	woocommerce: '10.0.2',
};

export function downloadUrl( component: Component, version: string ): string {
	if ( component === 'wordpress' ) {
		return version === 'latest'
			? 'https://wordpress.org/latest.zip'
			: `https://wordpress.org/wordpress-${ version }.zip`;
	}
	return version === 'latest'
		? 'https://downloads.wordpress.org/plugin/woocommerce.zip'
		: `https://downloads.wordpress.org/plugin/woocommerce.${ version }.zip`;
}

async function fetchToFile( url: string, file: string ): Promise< void > {
	let response: Response;
	try {
		response = await fetch( url, {
			signal: AbortSignal.timeout( 120_000 ),
		} );
	} catch ( error ) {
		const cause = (
			error as { cause?: { code?: string; message?: string } }
		 ).cause;
		throw new Error(
			`cannot download ${ url }: ${ cause?.code ?? cause?.message ?? ( error as Error ).message }`
		);
	}
	if ( ! response.ok ) {
		throw new Error(
			`cannot download ${ url }: HTTP ${ response.status }`
		);
	}
	await writeFile( file, Buffer.from( await response.arrayBuffer() ) );
}

/**
 * Downloads WordPress and WooCommerce zips and imports them into the cache.
 * Versions default to $CARTBAY_WP_VERSION / $CARTBAY_WC_VERSION, then DEFAULT_VERSIONS.
 * @param versions
 * @param root
 */
export async function downloadToCache(
	versions: Partial< Record< Component, string > > = {},
	root?: string
): Promise< CacheStatus > {
	const paths = cachePaths( root );
	await mkdir( paths.root, { recursive: true } );
	const work = await mkdtemp( join( paths.root, '.download-' ) );
	const wanted: Record< Component, string > = {
		wordpress:
			versions.wordpress ??
			process.env.CARTBAY_WP_VERSION ??
			DEFAULT_VERSIONS.wordpress,
		woocommerce:
			versions.woocommerce ??
			process.env.CARTBAY_WC_VERSION ??
			DEFAULT_VERSIONS.woocommerce,
	};
	try {
		for ( const component of [ 'wordpress', 'woocommerce' ] as const ) {
			const url = downloadUrl( component, wanted[ component ] );
			const zip = join( work, `${ component }.zip` );
			console.log( `downloading ${ url }` );
			try {
				await fetchToFile( url, zip );
			} catch ( error ) {
				throw new Error(
					`${ ( error as Error ).message }. Without internet, import local copies instead: ` +
						'npx tsx tools/store/cli.ts import --wordpress DIR --woocommerce DIR'
				);
			}
			const info = await importComponent( component, zip, root, url );
			console.log( `${ component } ${ info.version } -> ${ info.path }` );
		}
	} finally {
		await removePath( work );
	}
	return cacheStatus( root );
}
