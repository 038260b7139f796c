/**
 * Translator comments: `/* translators: %s: product name *\/` or `// translators: …` right before a call.
 */

const TRANSLATORS = /^translators:/i;

/**
 * The text of a PHP or JS comment without its delimiters, lines joined by single spaces.
 * @param raw
 */
export function commentText(raw: string): string {
	const body = raw.startsWith('/*') ? raw.slice(2, raw.endsWith('*/') ? -2 : undefined) : raw.replace(/^(\/\/|#)/, '');
	return body
		.split(/\r?\n/)
		.map((line) => line.replace(/^\s*\*?\s?/, '').trim())
		.filter((line) => line !== '')
		.join(' ')
		.trim();
}

/**
 * The comment's text when it is a translator comment, else null.
 * @param raw
 */
export function translatorComment(raw: string): string | null {
	const text = commentText(raw);
	return TRANSLATORS.test(text) ? text : null;
}

/**
 * Whether a comment ending at `commentEnd` stands right before code starting at `codeStart`:
 * only whitespace between them, with at most one line break.
 * @param source
 * @param commentEnd
 * @param codeStart
 */
export function isAdjacent(source: string, commentEnd: number, codeStart: number): boolean {
	if (commentEnd > codeStart) {
		return false;
	}
	const gap = source.slice(commentEnd, codeStart);
	return /^\s*$/.test(gap) && (gap.match(/\n/g)?.length ?? 0) <= 1;
}
