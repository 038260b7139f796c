import { describe, expect, it } from 'vitest';

import { extractSchemaLabels } from '../pot/extract-schema';

const FILE = 'plugin/schema/example.ts';

const cases: [string, { given: string; want: [string, number][] }][] = [
	[
		'a field: label and description',
		{
			given: "export const x = {\n\tfields: [\n\t\t{ key: 'a', label: 'Enable A', description: 'Turns A on.' },\n\t],\n};",
			want: [
				['Enable A', 3],
				['Turns A on.', 3],
			],
		},
	],
	[
		'enum options and units: label only',
		{
			given: "const units = [\n\t{ value: 'minutes', label: 'Minutes', minutes: 1 },\n];",
			want: [['Minutes', 2]],
		},
	],
	[
		'a metric: label and definition',
		{
			given: "export const metrics = [\n\t{\n\t\tkey: 'a',\n\t\tlabel: 'Carts',\n\t\tdefinition:\n\t\t\t'Sessions captured.',\n\t},\n];",
			want: [
				['Carts', 4],
				['Sessions captured.', 6],
			],
		},
	],
	[
		'a setting: label, description and danger warning',
		{
			given: "export const f = [\n\t{\n\t\tkey: 'x',\n\t\tlabel: 'Delete',\n\t\tdescription: 'Deletes.',\n\t\tdanger: 'Cannot be undone.',\n\t},\n];",
			want: [
				['Delete', 4],
				['Deletes.', 5],
				['Cannot be undone.', 6],
			],
		},
	],
	[
		'a placeholder: its description',
		{
			given: "export const p = {\n\tdescription: 'Group note.',\n\tconstants: [\n\t\t{ name: 'A', value: '{site_title}', description: 'Store title.' },\n\t\t{ name: 'B', value: 'plain', description: 'Not a placeholder.' },\n\t],\n};",
			want: [['Store title.', 4]],
		},
	],
	[
		'descriptions without a label (option or route docs) are not admin text',
		{
			given: "export const o = { option: 'x', description: 'Developer note.', fields: [] };",
			want: [],
		},
	],
];

describe('extractSchemaLabels', () => {
	it.each(cases)('%s', (_name, { given, want }) => {
		expect(extractSchemaLabels(given, FILE)).toEqual(
			want.map(([msgid, line]) => ({ msgid, comments: [], reference: { file: FILE, line } }))
		);
	});
});

describe( 'the real schema', () => {
	it( 'every session event and coupon status label is extracted for translation, with its description', async () => {
		const { readFileSync } = await import( 'node:fs' );
		const { sessionEvents } = await import( '../../../plugin/schema/events' );
		const { couponCards } = await import( '../../../plugin/schema/coupons' );
		const extracted = new Set(
			[ 'events', 'coupons' ].flatMap( ( name ) =>
				extractSchemaLabels(
					readFileSync( `plugin/schema/${ name }.ts`, 'utf8' ),
					`plugin/schema/${ name }.ts`
				).map( ( s ) => s.msgid )
			)
		);
		const wanted = [
			...sessionEvents.constants.flatMap( ( c ) => [ c.label, c.description ] ),
			...couponCards.flatMap( ( c ) => [ c.label, c.description ] ),
		];
		expect( wanted.filter( ( text ) => ! extracted.has( text ) ) ).toEqual( [] );
		expect( sessionEvents.constants.every( ( c ) => c.label.length > 0 ) ).toBe( true );
	} );
} );
