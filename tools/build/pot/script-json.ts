/**
 * A script's translations as WordPress loads them (`wp_set_script_translations()` →
 * `load_script_textdomain()`): Jed 1.x JSON, named `{domain}-{locale}-{md5 of the script's path in the
 * plugin}.json`, the file `wp i18n make-json` writes. Only the strings the script uses go in.
 */
/** External dependencies */
import { createHash } from 'node:crypto';

/** Internal dependencies */
import type { PoFile } from './po-parse';

/**
 * The key gettext (and Jed) give a string with a context: context, EOT, msgid.
 * @param msgid   The string.
 * @param msgctxt Its context, if any.
 */
export function jedKey(msgid: string, msgctxt?: string): string {
	return msgctxt === undefined ? msgid : `${msgctxt}\u0004${msgid}`;
}

/**
 * The JSON file's name for one script.
 * @param domain     Text domain.
 * @param locale     Locale (`de_DE`).
 * @param scriptPath The script's path inside the plugin folder (`build/admin.js`).
 */
export function scriptJsonName(domain: string, locale: string, scriptPath: string): string {
	return `${domain}-${locale}-${createHash('md5').update(scriptPath).digest('hex')}.json`;
}

/**
 * The Jed data of the translations a script uses.
 * @param po     The parsed translation file.
 * @param locale Its locale.
 * @param uses   Whether the script uses a string (by Jed key).
 */
export function scriptJson(po: PoFile, locale: string, uses: (key: string) => boolean): object {
	const messages: Record<string, unknown> = {
		'': {
			domain: 'messages',
			lang: po.headers.Language ?? locale,
			'plural-forms': po.headers['Plural-Forms'] ?? 'nplurals=2; plural=(n != 1);',
		},
	};
	for (const entry of po.translations) {
		const key = jedKey(entry.msgid, entry.msgctxt);
		if (uses(key)) {
			messages[key] = entry.msgstr;
		}
	}
	return {
		'translation-revision-date': po.headers['PO-Revision-Date'] ?? '',
		generator: 'CartBay build (tools/build/write-script-translations.ts)',
		domain: 'messages',
		locale_data: { messages },
	};
}
