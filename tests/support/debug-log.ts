/**
 * CartBay's PHP problems in a store site's debug log.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Site } from '../../tools/store';

/** This checkout's plugin folder: PHP names the linked plugin by its real path. */
const PLUGIN_DIR = resolve( __dirname, '../../plugin' ) + '/';

/**
 * The lines of the site's wp-debug.log that are a notice, warning, deprecation, fatal or error raised in
 * CartBay's code (by its real path or as plugins/cartbay/).
 * @param site
 */
export function debugLogProblems( site: Site ): string[] {
	let log = '';
	try {
		log = readFileSync( join( site.dir, 'logs/wp-debug.log' ), 'utf8' );
	} catch {
		return [];
	}
	return log
		.split( '\n' )
		.filter(
			( line ) =>
				( line.includes( PLUGIN_DIR ) ||
					line.includes( '/plugins/cartbay/' ) ) &&
				/(notice|warning|deprecated|fatal|error)/i.test( line )
		);
}
