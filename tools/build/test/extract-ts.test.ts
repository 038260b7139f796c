import { describe, expect, it } from 'vitest';

import { extractTs } from '../pot/extract-ts';
import type { ExtractedString } from '../pot/types';

type Want = Omit<ExtractedString, 'reference' | 'comments'> & { line: number; comments?: string[] };

const IMPORT = "import { __, _x, _n, _nx } from '@wordpress/i18n';";

const cases: [string, { file?: string; given: string; want: Want[] }][] = [
	[
		'the four @wordpress/i18n functions',
		{
			given: [
				IMPORT,
				"__( 'Save', 'cartbay' );",
				"_x( 'Cart', 'settings tab', 'cartbay' );",
				"_n( '%d cart', '%d carts', count, 'cartbay' );",
				"_nx( '%d step', '%d steps', count, 'sequence', 'cartbay' );",
			].join('\n'),
			want: [
				{ msgid: 'Save', line: 2 },
				{ msgid: 'Cart', msgctxt: 'settings tab', line: 3 },
				{ msgid: '%d cart', msgidPlural: '%d carts', line: 4 },
				{ msgid: '%d step', msgidPlural: '%d steps', msgctxt: 'sequence', line: 5 },
			],
		},
	],
	[
		'aliased and namespace imports',
		{
			given: [
				"import { __ as translate } from '@wordpress/i18n';",
				"import * as i18n from '@wordpress/i18n';",
				"translate( 'Aliased', 'cartbay' );",
				"i18n._x( 'Namespaced', 'ctx', 'cartbay' );",
			].join('\n'),
			want: [
				{ msgid: 'Aliased', line: 3 },
				{ msgid: 'Namespaced', msgctxt: 'ctx', line: 4 },
			],
		},
	],
	[
		'functions not imported from @wordpress/i18n are ignored',
		{
			given: ["import { __ } from './local';", "__( 'Local helper', 'cartbay' );"].join('\n'),
			want: [],
		},
	],
	[
		'other domains, variables and interpolated templates are skipped',
		{
			given: [
				IMPORT,
				"__( 'Other', 'woocommerce' );",
				"__( 'No domain' );",
				"__( label, 'cartbay' );",
				'__( `Hi ${ name }`, \'cartbay\' );',
				"__( 'Domain var', domain );",
			].join('\n'),
			want: [],
		},
	],
	[
		'string forms: quotes, plain template, concatenation, escapes',
		{
			given: [
				IMPORT,
				'__( "Double \\"quoted\\"", \'cartbay\' );',
				"__( `Plain template`, 'cartbay' );",
				"__( 'Joined ' + 'text', 'cartbay' );",
				"__( 'Line\\nbreak', 'cartbay' );",
			].join('\n'),
			want: [
				{ msgid: 'Double "quoted"', line: 2 },
				{ msgid: 'Plain template', line: 3 },
				{ msgid: 'Joined text', line: 4 },
				{ msgid: 'Line\nbreak', line: 5 },
			],
		},
	],
	[
		'translator comments before the call, the enclosing expression or the statement',
		{
			given: [
				IMPORT,
				"import { sprintf } from '@wordpress/i18n';",
				'const a = sprintf(',
				'\t/* translators: %s: field label */',
				"\t__( '%s was changed', 'cartbay' ),",
				'\tlabel',
				');',
				'// translators: %d: minutes',
				"const b = sprintf( _n( '%d minute', '%d minutes', n, 'cartbay' ), n );",
				'// Not for translators.',
				"const c = __( 'Plain', 'cartbay' );",
				'// translators: too far',
				'',
				"const d = __( 'Far', 'cartbay' );",
			].join('\n'),
			want: [
				{ msgid: '%s was changed', line: 5, comments: ['translators: %s: field label'] },
				{ msgid: '%d minute', msgidPlural: '%d minutes', line: 9, comments: ['translators: %d: minutes'] },
				{ msgid: 'Plain', line: 11 },
				{ msgid: 'Far', line: 14 },
			],
		},
	],
	[
		'TSX: calls in JSX attributes and children',
		{
			file: 'admin-ui/src/Example.tsx',
			given: [
				IMPORT,
				'export const X = () => (',
				"\t<Button label={ __( 'Close', 'cartbay' ) }>",
				"\t\t{ /* translators: %s: name */ __( 'Hello %s', 'cartbay' ) }",
				'\t</Button>',
				');',
			].join('\n'),
			want: [
				{ msgid: 'Close', line: 3 },
				{ msgid: 'Hello %s', line: 4, comments: ['translators: %s: name'] },
			],
		},
	],
];

describe('extractTs', () => {
	it.each(cases)('%s', (_name, { file = 'admin-ui/src/example.ts', given, want }) => {
		expect(extractTs(given, file, 'cartbay')).toEqual(
			want.map(({ line, comments, ...rest }) => ({ ...rest, comments: comments ?? [], reference: { file, line } }))
		);
	});
});
