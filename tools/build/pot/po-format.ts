/**
 * Serialize POT entries as gettext PO text.
 */
/** Internal dependencies */
import type { PotEntry, SourceReference } from './types';

const ESCAPES: Readonly<Record<string, string>> = {
	'\\': '\\\\',
	'"': '\\"',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\u0007': '\\a',
	'\b': '\\b',
	'\f': '\\f',
	'\v': '\\v',
};

/**
 * A PO string body (without the surrounding quotes).
 * @param value
 */
export function escapePo(value: string): string {
	return value.replace(/[\\"\n\r\t\u0007\b\f\v]/g, (char) => ESCAPES[char]!);
}

/**
 * `keyword "value"`; a value with inner line breaks is written as `keyword ""` followed by one quoted
 * line per source line, each keeping its `\n`, as gettext tools do.
 * @param keyword
 * @param value
 */
export function poField(keyword: string, value: string): string {
	const lines = value.split(/(?<=\n)/);
	if (lines.length <= 1 || (lines.length === 2 && lines[1] === '')) {
		return `${keyword} "${escapePo(value)}"`;
	}
	return [`${keyword} ""`, ...lines.map((line) => `"${escapePo(line)}"`)].join('\n');
}

function formatReference(reference: SourceReference): string {
	return reference.line === undefined ? reference.file : `${reference.file}:${reference.line}`;
}

/**
 * One entry: translator comments, references, context, msgid, plural and empty translations.
 * @param entry
 */
export function formatEntry(entry: PotEntry): string {
	const lines: string[] = [];
	for (const comment of entry.comments) {
		lines.push(`#. ${comment.replace(/\n/g, ' ')}`);
	}
	for (const reference of entry.references) {
		lines.push(`#: ${formatReference(reference)}`);
	}
	if (entry.msgctxt !== undefined) {
		lines.push(poField('msgctxt', entry.msgctxt));
	}
	lines.push(poField('msgid', entry.msgid));
	if (entry.msgidPlural !== undefined) {
		lines.push(poField('msgid_plural', entry.msgidPlural));
		lines.push('msgstr[0] ""', 'msgstr[1] ""');
	} else {
		lines.push('msgstr ""');
	}
	return lines.join('\n');
}

export interface PotHeader {
	/** "CartBay". */
	readonly projectName: string;
	readonly version: string;
	readonly copyrightHolder: string;
	readonly license: string;
	readonly bugsUrl: string;
	readonly domain: string;
	/** POT-Creation-Date; pass a fixed date for reproducible output. */
	readonly creationDate: Date;
}

/**
 * `2025-01-31T12:00:00+00:00`, the date shape WP-CLI writes.
 * @param date
 */
function potDate(date: Date): string {
	return `${date.toISOString().replace(/\.\d{3}Z$/, '')}+00:00`;
}

/**
 * The header entry (msgid "") with the usual metadata, and the copyright comments above it.
 * @param header
 */
export function formatHeader(header: PotHeader): string {
	const fields: [string, string][] = [
		['Project-Id-Version', `${header.projectName} ${header.version}`],
		['Report-Msgid-Bugs-To', header.bugsUrl],
		['Last-Translator', 'FULL NAME <EMAIL@ADDRESS>'],
		['Language-Team', 'LANGUAGE <LL@li.org>'],
		['MIME-Version', '1.0'],
		['Content-Type', 'text/plain; charset=UTF-8'],
		['Content-Transfer-Encoding', '8bit'],
		['POT-Creation-Date', potDate(header.creationDate)],
		['PO-Revision-Date', 'YEAR-MO-DA HO:MI+ZONE'],
		['X-Generator', 'CartBay build (tools/build)'],
		['X-Domain', header.domain],
	];
	return [
		`# Copyright (C) ${header.creationDate.getUTCFullYear()} ${header.copyrightHolder}`,
		`# This file is distributed under the ${header.license}.`,
		'msgid ""',
		'msgstr ""',
		...fields.map(([name, value]) => `"${escapePo(`${name}: ${value}`)}\\n"`),
	].join('\n');
}

/**
 * A whole POT file: header, then the entries separated by blank lines, ending with a newline.
 * @param header
 * @param entries
 */
export function formatPot(header: PotHeader, entries: readonly PotEntry[]): string {
	return [formatHeader(header), ...entries.map(formatEntry)].join('\n\n') + '\n';
}
