/**
 * Repairs file-name case mismatches in a plugin's Composer class map.
 *
 * Some unofficial WooCommerce copies (e.g. git mirrors made on a case-insensitive disk) hold
 * `WpCacheEngine.php` where the class map wants `WPCacheEngine.php`; on Linux that is a fatal
 * error as soon as the class loads. Official zips need nothing here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Copies each case-mismatched file to the name the class map expects; returns the names fixed.
 * @param pluginDir
 */
export async function repairClassmapCase(
	pluginDir: string
): Promise< string[] > {
	const classmap = join(
		pluginDir,
		'vendor',
		'composer',
		'autoload_classmap.php'
	);
	if ( ! existsSync( classmap ) ) {
		return [];
	}
	const roots: Record< string, string > = {
		baseDir: pluginDir,
		vendorDir: join( pluginDir, 'vendor' ),
	};
	const fixed: string[] = [];
	const listings = new Map< string, string[] >();

	for ( const [ , root = '', file = '' ] of readFileSync(
		classmap,
		'utf8'
	).matchAll( /\$(baseDir|vendorDir) \. '([^']+)'/g ) ) {
		const expected = join( roots[ root ] ?? pluginDir, file );
		if ( existsSync( expected ) ) {
			continue;
		}
		const folder = dirname( expected );
		if ( ! listings.has( folder ) ) {
			listings.set(
				folder,
				existsSync( folder ) ? readdirSync( folder ) : []
			);
		}
		const wanted = basename( expected ).toLowerCase();
		const actual = listings
			.get( folder )
			?.find( ( name ) => name.toLowerCase() === wanted );
		if ( actual ) {
			await copyFile( join( folder, actual ), expected );
			fixed.push( expected.slice( pluginDir.length + 1 ) );
		}
	}
	return fixed;
}
