/**
 * `cartbay.php.tpl` + plugin identity → `plugin/cartbay.php`, the main plugin file.
 */
import { plugin } from '../../plugin/schema';
import type { GeneratedFile } from '../file';

/**
 * Replace every `{{key}}` with the plugin identity; an unknown key is an error, not an empty string.
 * @param template
 * @param values
 */
export function renderTemplate(
	template: string,
	values: Readonly< Record< string, string > >
): string {
	return template.replace( /\{\{(\w+)\}\}/g, ( _, key: string ) => {
		const value = values[ key ];
		if ( value === undefined ) {
			throw new Error(
				`cartbay.php.tpl uses {{${ key }}}, which plugin/schema/plugin.ts does not declare.`
			);
		}
		return value;
	} );
}

export function emitPluginFile( template: string ): GeneratedFile {
	const values = Object.fromEntries(
		Object.entries( plugin ).map( ( [ k, v ] ) => [ k, String( v ) ] )
	);
	return {
		path: 'plugin/cartbay.php',
		content: renderTemplate( template, values ),
	};
}
