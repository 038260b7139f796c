/**
 * The plugin header fields WordPress translates (shown on the Plugins screen), as WP-CLI's make-pot lists them.
 */
/** Internal dependencies */
import type { ExtractedString } from './types';

export interface PluginHeaderMeta {
	readonly name: string;
	readonly pluginUri: string;
	readonly description: string;
	readonly author: string;
	readonly authorUri: string;
}

/**
 * @param meta The plugin identity (from `plugin/schema/plugin.ts`).
 * @param file The main plugin file's path inside the plugin folder.
 */
export function pluginHeaderStrings(meta: PluginHeaderMeta, file: string): ExtractedString[] {
	const fields: [string, string][] = [
		['Plugin Name', meta.name],
		['Plugin URI', meta.pluginUri],
		['Description', meta.description],
		['Author', meta.author],
		['Author URI', meta.authorUri],
	];
	return fields
		.filter(([, value]) => value !== '')
		.map(([header, value]) => ({
			msgid: value,
			comments: [`${header} of the plugin`],
			reference: { file },
		}));
}
