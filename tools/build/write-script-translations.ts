/**
 * Step (d): the admin script's translations as JSON (what `wp i18n make-json` writes), for every
 * translation shipped as `plugin/languages/{domain}-{locale}.po`. AdminScreens.php loads them with
 * `wp_set_script_translations()`. Only strings the admin app uses go in: those found in admin-ui/ and the
 * schema files it renders. The checkout scripts have no translatable strings (their labels come from PHP).
 */
/** External dependencies */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Internal dependencies */
import { plugin } from '../../plugin/schema';
import { ADMIN_SCHEMA_FILES, DIST_LANGUAGES, PLUGIN_SOURCE } from './paths';
import { parsePo } from './pot/po-parse';
import { jedKey, scriptJson, scriptJsonName } from './pot/script-json';
import type { ExtractedString } from './pot/types';
import { collectStrings } from './write-pot';

/** The admin app's bundle, as a path inside the plugin folder (what load_script_textdomain() hashes). */
export const ADMIN_SCRIPT = 'build/admin.js';

/** Where shipped translations are kept. */
export const SOURCE_LANGUAGES = join(PLUGIN_SOURCE, 'languages');

/**
 * The Jed keys of the strings the admin app uses.
 * @param strings Every extracted string.
 */
export function adminScriptKeys(strings: readonly ExtractedString[]): Set<string> {
	const admin = (file: string) =>
		file.startsWith('admin-ui/') || (ADMIN_SCHEMA_FILES as readonly string[]).includes(file);
	return new Set(strings.filter((s) => admin(s.reference.file)).map((s) => jedKey(s.msgid, s.msgctxt)));
}

/**
 * Writes one JSON file per shipped translation; answers the files written.
 * @param sourceDir Folder of the .po files.
 * @param outDir    The plugin's languages folder.
 */
export function writeScriptTranslations(sourceDir = SOURCE_LANGUAGES, outDir = DIST_LANGUAGES): string[] {
	if (!existsSync(sourceDir)) {
		return [];
	}
	const prefix = `${plugin.textDomain}-`;
	const files = readdirSync(sourceDir).filter((file) => file.startsWith(prefix) && file.endsWith('.po'));
	if (files.length === 0) {
		return [];
	}
	const keys = adminScriptKeys(collectStrings());
	mkdirSync(outDir, { recursive: true });
	return files.map((file) => {
		const locale = file.slice(prefix.length, -'.po'.length);
		const po = parsePo(readFileSync(join(sourceDir, file), 'utf8'));
		const name = scriptJsonName(plugin.textDomain, locale, ADMIN_SCRIPT);
		writeFileSync(join(outDir, name), JSON.stringify(scriptJson(po, locale, (key) => keys.has(key))));
		return name;
	});
}
