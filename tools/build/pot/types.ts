/**
 * Shapes shared by the POT extractors, the catalog and the PO writer.
 */

/** Where a translatable string was found: a path relative to the plugin (or repo) root, and a 1-based line. */
export interface SourceReference {
	readonly file: string;
	/** Absent for strings that belong to a whole file (the plugin header). */
	readonly line?: number;
}

/** One translatable string as an extractor found it at one place in the source. */
export interface ExtractedString {
	readonly msgid: string;
	readonly msgctxt?: string;
	readonly msgidPlural?: string;
	/** Translator comments (`translators: …`) that stand right before the call. */
	readonly comments: readonly string[];
	readonly reference: SourceReference;
}

/** One POT entry: every occurrence of the same context + msgid merged. */
export interface PotEntry {
	readonly msgid: string;
	readonly msgctxt?: string;
	readonly msgidPlural?: string;
	readonly comments: readonly string[];
	readonly references: readonly SourceReference[];
}
