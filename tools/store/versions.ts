/**
 * Reads the versions of WordPress and plugins from their files, without running PHP.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `$wp_version` from `wp-includes/version.php`, or undefined when `dir` is not WordPress.
 * @param dir
 */
export function readWordPressVersion( dir: string ): string | undefined {
	const file = join( dir, 'wp-includes', 'version.php' );
	if ( ! existsSync( file ) ) {
		return undefined;
	}
	return /\$wp_version\s*=\s*'([^']+)'/.exec(
		readFileSync( file, 'utf8' )
	)?.[ 1 ];
}

/**
 * The `Version:` header of a plugin's main file.
 * @param mainFile
 */
export function readPluginVersion( mainFile: string ): string | undefined {
	if ( ! existsSync( mainFile ) ) {
		return undefined;
	}
	// WordPress reads headers from the first 8 KB only.
	const head = readFileSync( mainFile, 'utf8' ).slice( 0, 8192 );
	return /^[ \t/*#@]*Version:\s*(\S+)/im.exec( head )?.[ 1 ];
}

/**
 * WooCommerce's version, or undefined when `dir` is not a WooCommerce plugin folder.
 * @param dir
 */
export function readWooCommerceVersion( dir: string ): string | undefined {
	return readPluginVersion( join( dir, 'woocommerce.php' ) );
}
