import { describe, expect, it } from 'vitest';

import { buildCatalog } from '../pot/catalog';
import { escapePo, formatEntry, formatPot, poField } from '../pot/po-format';
import type { ExtractedString, PotEntry } from '../pot/types';

describe('escapePo', () => {
	it.each([
		['plain', 'Save settings', 'Save settings'],
		['quotes', 'Say "hi"', 'Say \\"hi\\"'],
		['backslash', 'a\\b', 'a\\\\b'],
		['controls', 'a\tb\rc\nd', 'a\\tb\\rc\\nd'],
		['unicode kept', 'Café – 10 %', 'Café – 10 %'],
	])('%s', (_name, given, want) => {
		expect(escapePo(given)).toBe(want);
	});
});

describe('poField', () => {
	it.each([
		['single line', 'Hello', 'msgid "Hello"'],
		['trailing line break only', 'Hello\n', 'msgid "Hello\\n"'],
		['inner line breaks', 'One\nTwo\nThree', 'msgid ""\n"One\\n"\n"Two\\n"\n"Three"'],
	])('%s', (_name, given, want) => {
		expect(poField('msgid', given)).toBe(want);
	});
});

const at = (file: string, line: number): ExtractedString['reference'] => ({ file, line });

describe('buildCatalog', () => {
	const cases: [string, { given: ExtractedString[]; want: PotEntry[] }][] = [
		[
			'same msgid in two files merges references',
			{
				given: [
					{ msgid: 'Save', comments: [], reference: at('a.php', 1) },
					{ msgid: 'Save', comments: [], reference: at('b.ts', 9) },
					{ msgid: 'Save', comments: [], reference: at('a.php', 1) },
				],
				want: [{ msgid: 'Save', comments: [], references: [at('a.php', 1), at('b.ts', 9)] }],
			},
		],
		[
			'a context makes a separate entry; an empty context is not "no context"',
			{
				given: [
					{ msgid: 'Post', comments: [], reference: at('a.php', 1) },
					{ msgid: 'Post', msgctxt: 'verb', comments: [], reference: at('a.php', 2) },
					{ msgid: 'Post', msgctxt: '', comments: [], reference: at('a.php', 3) },
				],
				want: [
					{ msgid: 'Post', comments: [], references: [at('a.php', 1)] },
					{ msgid: 'Post', msgctxt: 'verb', comments: [], references: [at('a.php', 2)] },
					{ msgid: 'Post', msgctxt: '', comments: [], references: [at('a.php', 3)] },
				],
			},
		],
		[
			'plural kept from any occurrence; translator comments merged once',
			{
				given: [
					{ msgid: '%d cart', comments: ['translators: %d: count'], reference: at('a.php', 1) },
					{ msgid: '%d cart', msgidPlural: '%d carts', comments: ['translators: %d: count'], reference: at('b.ts', 2) },
				],
				want: [
					{
						msgid: '%d cart',
						msgidPlural: '%d carts',
						comments: ['translators: %d: count'],
						references: [at('a.php', 1), at('b.ts', 2)],
					},
				],
			},
		],
	];
	it.each(cases)('%s', (_name, { given, want }) => {
		expect(buildCatalog(given)).toEqual(want);
	});
});

describe('formatEntry', () => {
	it.each<[string, PotEntry, string]>([
		[
			'simple',
			{ msgid: 'Save', comments: [], references: [at('src/A.php', 3)] },
			'#: src/A.php:3\nmsgid "Save"\nmsgstr ""',
		],
		[
			'context, plural, comment, two references, file-level reference',
			{
				msgid: '%d "cart"',
				msgctxt: 'admin',
				msgidPlural: '%d "carts"',
				comments: ['translators: %d: count'],
				references: [at('src/A.php', 3), { file: 'cartbay.php' }],
			},
			[
				'#. translators: %d: count',
				'#: src/A.php:3',
				'#: cartbay.php',
				'msgctxt "admin"',
				'msgid "%d \\"cart\\""',
				'msgid_plural "%d \\"carts\\""',
				'msgstr[0] ""',
				'msgstr[1] ""',
			].join('\n'),
		],
	])('%s', (_name, given, want) => {
		expect(formatEntry(given)).toBe(want);
	});
});

describe('formatPot', () => {
	it('writes the header, then entries separated by blank lines', () => {
		const pot = formatPot(
			{
				projectName: 'CartBay',
				version: '1.2.3',
				copyrightHolder: 'WPAnchorBay',
				license: 'GPL-2.0-or-later',
				bugsUrl: 'https://example.test/',
				domain: 'cartbay',
				creationDate: new Date(Date.UTC(2025, 0, 31, 12, 0, 0)),
			},
			[{ msgid: 'Save', comments: [], references: [at('src/A.php', 3)] }]
		);
		expect(pot).toBe(
			[
				'# Copyright (C) 2025 WPAnchorBay',
				'# This file is distributed under the GPL-2.0-or-later.',
				'msgid ""',
				'msgstr ""',
				'"Project-Id-Version: CartBay 1.2.3\\n"',
				'"Report-Msgid-Bugs-To: https://example.test/\\n"',
				'"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"',
				'"Language-Team: LANGUAGE <LL@li.org>\\n"',
				'"MIME-Version: 1.0\\n"',
				'"Content-Type: text/plain; charset=UTF-8\\n"',
				'"Content-Transfer-Encoding: 8bit\\n"',
				'"POT-Creation-Date: 2025-01-31T12:00:00+00:00\\n"',
				'"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"',
				'"X-Generator: CartBay build (tools/build)\\n"',
				'"X-Domain: cartbay\\n"',
				'',
				'#: src/A.php:3',
				'msgid "Save"',
				'msgstr ""',
				'',
			].join('\n')
		);
	});
});
