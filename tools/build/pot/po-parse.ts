/**
 * Reads a translation (.po) file: its header and its translated entries. Fuzzy and untranslated entries are
 * left out, as gettext's msgfmt leaves them out of a compiled catalog.
 */

/** One translated entry. */
export interface PoTranslation {
	readonly msgctxt?: string;
	readonly msgid: string;
	readonly msgidPlural?: string;
	/** msgstr, or msgstr[0..n] for a plural entry. */
	readonly msgstr: readonly string[];
}

export interface PoFile {
	/** Header fields (`Language`, `Plural-Forms`, …). */
	readonly headers: Readonly<Record<string, string>>;
	readonly translations: readonly PoTranslation[];
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/**
 * A quoted PO string's value.
 * @param text The quoted text.
 * @param line Its line number (for the error).
 */
function unquote(text: string, line: number): string {
	const match = /^"(.*)"$/.exec(text.trim());
	if (!match) {
		throw new Error(`line ${line}: expected a quoted string, found ${text.trim()}`);
	}
	return match[1]!.replace(/\\(.)/g, (whole, char: string) => ESCAPES[char] ?? whole);
}

interface Draft {
	fuzzy: boolean;
	fields: Map<string, string>;
}

/**
 * Parses PO text.
 * @param text The file's contents.
 */
export function parsePo(text: string): PoFile {
	const drafts: Draft[] = [];
	let current: Draft = { fuzzy: false, fields: new Map() };
	let field: string | null = null;
	const finish = () => {
		if (current.fields.size > 0) {
			drafts.push(current);
		}
		current = { fuzzy: false, fields: new Map() };
		field = null;
	};
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.trim();
		const number = index + 1;
		if (line === '') {
			finish();
			return;
		}
		if (line.startsWith('#')) {
			// A comment after an entry's fields starts the next entry.
			if (field !== null) {
				finish();
			}
			if (line.startsWith('#,') && /\bfuzzy\b/.test(line)) {
				current.fuzzy = true;
			}
			return;
		}
		const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$/.exec(line);
		if (keyword) {
			if (keyword[1] === 'msgctxt' || (keyword[1] === 'msgid' && current.fields.has('msgid'))) {
				if (current.fields.has('msgid')) {
					finish();
				}
			}
			field = keyword[1]!;
			current.fields.set(field, unquote(keyword[2]!, number));
			return;
		}
		if (line.startsWith('"') && field !== null) {
			current.fields.set(field, current.fields.get(field)! + unquote(line, number));
			return;
		}
		throw new Error(`line ${number}: cannot read ${line}`);
	});
	finish();

	let headers: Record<string, string> = {};
	const translations: PoTranslation[] = [];
	for (const draft of drafts) {
		const msgid = draft.fields.get('msgid');
		if (msgid === undefined) {
			continue;
		}
		const msgctxt = draft.fields.get('msgctxt');
		const msgidPlural = draft.fields.get('msgid_plural');
		const msgstr =
			msgidPlural === undefined
				? [draft.fields.get('msgstr') ?? '']
				: [...draft.fields.keys()]
						.filter((key) => key.startsWith('msgstr['))
						.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
						.map((key) => draft.fields.get(key)!);
		if (msgid === '' && msgctxt === undefined) {
			headers = Object.fromEntries(
				msgstr[0]!
					.split('\n')
					.map((entry) => /^([^:]+):\s*(.*)$/.exec(entry))
					.filter((match): match is RegExpExecArray => match !== null)
					.map((match) => [match[1]!.trim(), match[2]!.trim()])
			);
			continue;
		}
		if (draft.fuzzy || msgstr.length === 0 || msgstr.some((value) => value === '')) {
			continue;
		}
		translations.push({
			...(msgctxt === undefined ? {} : { msgctxt }),
			msgid,
			...(msgidPlural === undefined ? {} : { msgidPlural }),
			msgstr,
		});
	}
	return { headers, translations };
}
