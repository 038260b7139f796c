import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parsePo } from '../pot/po-parse';
import { jedKey, scriptJson, scriptJsonName } from '../pot/script-json';
import { ADMIN_SCRIPT, adminScriptKeys, writeScriptTranslations } from '../write-script-translations';
import { collectStrings } from '../write-pot';

const PO = `# German translation
msgid ""
msgstr ""
"Language: de_DE\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"PO-Revision-Date: 2026-12-01 10:00+0000\\n"

#: admin-ui/src/screens/index.tsx:1
msgid "Overview"
msgstr "Übersicht"

#: plugin/src/Admin/AdminScreens.php:1
msgctxt "WooCommerce settings tab"
msgid "Cart"
msgstr "Warenkorb"

#, fuzzy
msgid "Templates"
msgstr "Vorlagen?"

msgid "Settings"
msgstr ""

msgid "Say \\"hi\\"\\n"
"twice"
msgstr "Sag \\"hallo\\"\\n"
"zweimal"
msgid "%d email"
msgid_plural "%d emails"
msgstr[0] "%d E-Mail"
msgstr[1] "%d E-Mails"
`;

describe('parsePo', () => {
	const po = parsePo(PO);

	it('reads the header fields', () => {
		expect(po.headers.Language).toBe('de_DE');
		expect(po.headers['Plural-Forms']).toBe('nplurals=2; plural=(n != 1);');
	});

	it('keeps translated entries with context, continued lines, escapes and plurals; drops fuzzy and empty ones', () => {
		expect(po.translations).toEqual([
			{ msgid: 'Overview', msgstr: ['Übersicht'] },
			{ msgctxt: 'WooCommerce settings tab', msgid: 'Cart', msgstr: ['Warenkorb'] },
			{ msgid: 'Say "hi"\ntwice', msgstr: ['Sag "hallo"\nzweimal'] },
			{ msgid: '%d email', msgidPlural: '%d emails', msgstr: ['%d E-Mail', '%d E-Mails'] },
		]);
	});

	it('says where it cannot read', () => {
		expect(() => parsePo('msgid "a"\nmsgstr b\n')).toThrow(/line 2/);
	});
});

describe('script JSON', () => {
	it('is named after the md5 of the script path inside the plugin, as load_script_textdomain() looks it up', () => {
		expect(scriptJsonName('cartbay', 'de_DE', 'build/admin.js')).toBe(
			`cartbay-de_DE-${createHash('md5').update('build/admin.js').digest('hex')}.json`
		);
	});

	it('holds the Jed locale data of the strings the script uses only', () => {
		const po = parsePo(PO);
		const uses = new Set([jedKey('Overview'), jedKey('%d email'), jedKey('Cart', 'Other context')]);
		const json = scriptJson(po, 'de_DE', (key) => uses.has(key)) as {
			locale_data: { messages: Record<string, unknown> };
		};
		expect(json.locale_data.messages).toEqual({
			'': { domain: 'messages', lang: 'de_DE', 'plural-forms': 'nplurals=2; plural=(n != 1);' },
			Overview: ['Übersicht'],
			'%d email': ['%d E-Mail', '%d E-Mails'],
		});
	});
});

describe('writeScriptTranslations', () => {
	it('takes the admin app’s strings (admin-ui and the schema it renders), not PHP-only ones', () => {
		const keys = adminScriptKeys(collectStrings());
		expect(keys.has('Overview')).toBe(true);
		// A schema label the app translates at run time.
		expect(keys.has('Retention Period (days)')).toBe(true);
		expect(keys.has(jedKey('Cart', 'WooCommerce settings tab'))).toBe(false);
	});

	it('writes one JSON per shipped .po into the languages folder, nothing without one', () => {
		const source = mkdtempSync(join(tmpdir(), 'cartbay-po-'));
		const out = mkdtempSync(join(tmpdir(), 'cartbay-json-'));
		expect(writeScriptTranslations(source, out)).toEqual([]);
		writeFileSync(join(source, 'cartbay-de_DE.po'), PO);
		writeFileSync(join(source, 'other-de_DE.po'), PO);
		const written = writeScriptTranslations(source, out);
		expect(written).toEqual([scriptJsonName('cartbay', 'de_DE', ADMIN_SCRIPT)]);
		expect(readdirSync(out)).toEqual(written);
		const json = JSON.parse(readFileSync(join(out, written[0]!), 'utf8'));
		expect(json.locale_data.messages.Overview).toEqual(['Übersicht']);
		expect(json.locale_data.messages.Cart).toBeUndefined();
	});
});
