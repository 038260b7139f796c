/**
 * Unpacks WordPress-style zips (one top folder: `wordpress/`, `woocommerce/`, ...).
 */
import AdmZip from 'adm-zip';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Extracts `zipFile` into `into` and returns the folder that holds `marker`
 * (a relative path such as `wp-includes/version.php`): the zip's root or its single top folder.
 * @param zipFile
 * @param into
 * @param marker
 */
export async function extractZip(
	zipFile: string,
	into: string,
	marker: string
): Promise< string > {
	await mkdir( into, { recursive: true } );
	new AdmZip( zipFile ).extractAllTo( into, true );
	if ( existsSync( join( into, marker ) ) ) {
		return into;
	}
	for ( const entry of readdirSync( into, { withFileTypes: true } ) ) {
		if (
			entry.isDirectory() &&
			existsSync( join( into, entry.name, marker ) )
		) {
			return join( into, entry.name );
		}
	}
	throw new Error( `${ zipFile } does not contain ${ marker }` );
}
