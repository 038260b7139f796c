/**
 * Step (b): copy the PHP plugin (main file, src/, generated/, templates/) into the installable folder.
 */
/** External dependencies */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Internal dependencies */
import { DIST_PLUGIN, MAIN_FILE, PLUGIN_SOURCE, SHIPPED_FROM_PLUGIN } from './paths';

/**
 * Fails before anything is built when codegen has not produced the main plugin file yet.
 *
 * @param pluginSource The plugin source folder (plugin/).
 */
export function assertCodegenRan(pluginSource: string = PLUGIN_SOURCE): void {
	if (!existsSync(join(pluginSource, MAIN_FILE))) {
		throw new Error(
			`plugin/${MAIN_FILE} is missing. Codegen writes it from cartbay.php.tpl: run codegen first ` +
				'(`npm run codegen`), then build again.'
		);
	}
}

/** Replaces each shipped item in the plugin folder with a fresh copy; returns the items copied. */
export function copyPlugin(): string[] {
	assertCodegenRan();
	mkdirSync(DIST_PLUGIN, { recursive: true });
	const copied: string[] = [];
	for (const item of SHIPPED_FROM_PLUGIN) {
		const from = join(PLUGIN_SOURCE, item);
		const to = join(DIST_PLUGIN, item);
		// Remove first, so files deleted from plugin/ do not linger in the package.
		rmSync(to, { recursive: true, force: true });
		if (existsSync(from)) {
			cpSync(from, to, { recursive: true });
			copied.push(item);
		}
	}
	return copied;
}
