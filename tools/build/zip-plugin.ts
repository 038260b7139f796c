/**
 * Step (d): zip the plugin folder so every entry sits under `cartbay/` (Plugins > Add New > Upload Plugin).
 */
/** External dependencies */
import { existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import AdmZip from 'adm-zip';

/** Internal dependencies */
import { DIST_PLUGIN, DIST_ZIP } from './paths';

/**
 * Writes the zip; returns its file count.
 *
 * @param pluginDir The installable plugin folder; its name becomes the zip's one top-level folder.
 * @param zipPath   Where to write the zip (replaced if it exists).
 */
export function zipPlugin(pluginDir: string = DIST_PLUGIN, zipPath: string = DIST_ZIP): number {
	if (!existsSync(pluginDir)) {
		throw new Error(`${pluginDir} does not exist: run the earlier build steps first.`);
	}
	rmSync(zipPath, { force: true });
	const zip = new AdmZip();
	zip.addLocalFolder(pluginDir, basename(pluginDir));
	zip.writeZip(zipPath);
	return zip.getEntries().filter((entry) => !entry.isDirectory).length;
}
