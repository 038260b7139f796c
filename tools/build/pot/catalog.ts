/**
 * Merge extracted strings into POT entries: one entry per context + msgid, in first-seen order.
 */
/** Internal dependencies */
import type { ExtractedString, PotEntry, SourceReference } from './types';

/** gettext's own key separator between msgctxt and msgid. */
const CONTEXT_GLUE = '\u0004';

interface MutableEntry {
	msgid: string;
	msgctxt?: string;
	msgidPlural?: string;
	comments: string[];
	references: SourceReference[];
}

function sameReference(a: SourceReference, b: SourceReference): boolean {
	return a.file === b.file && a.line === b.line;
}

/**
 * Dedupe strings by (msgctxt, msgid). References and translator comments are merged; the first plural
 * form seen wins (a singular-only use of the same msgid does not drop it).
 * @param strings
 */
export function buildCatalog(strings: readonly ExtractedString[]): PotEntry[] {
	const entries = new Map<string, MutableEntry>();
	for (const string of strings) {
		const key = (string.msgctxt === undefined ? '' : string.msgctxt + CONTEXT_GLUE) + string.msgid;
		let entry = entries.get(key);
		if (!entry) {
			entry = {
				msgid: string.msgid,
				...(string.msgctxt === undefined ? {} : { msgctxt: string.msgctxt }),
				comments: [],
				references: [],
			};
			entries.set(key, entry);
		}
		if (entry.msgidPlural === undefined && string.msgidPlural !== undefined) {
			entry.msgidPlural = string.msgidPlural;
		}
		for (const comment of string.comments) {
			if (!entry.comments.includes(comment)) {
				entry.comments.push(comment);
			}
		}
		if (!entry.references.some((reference) => sameReference(reference, string.reference))) {
			entry.references.push(string.reference);
		}
	}
	return [...entries.values()];
}
