import { describe, expect, it } from 'vitest';

import { extractPhp } from '../pot/extract-php';
import type { ExtractedString } from '../pot/types';

type Want = Omit<ExtractedString, 'reference' | 'comments'> & { line: number; comments?: string[] };

const FILE = 'src/Example.php';

const cases: [string, { given: string; want: Want[] }][] = [
	['__ with the domain', { given: `<?php\n__( 'Hello', 'cartbay' );`, want: [{ msgid: 'Hello', line: 2 }] }],
	[
		'echoing and escaping variants',
		{
			given: `<?php\n_e( 'A', 'cartbay' );\nesc_html_e( 'B', 'cartbay' );\necho esc_attr__( 'C', 'cartbay' );\nesc_attr_e( 'D', 'cartbay' );\necho esc_html__( 'E', 'cartbay' );`,
			want: [
				{ msgid: 'A', line: 2 },
				{ msgid: 'B', line: 3 },
				{ msgid: 'C', line: 4 },
				{ msgid: 'D', line: 5 },
				{ msgid: 'E', line: 6 },
			],
		},
	],
	[
		'context functions',
		{
			given: `<?php\n_x( 'Post', 'noun', 'cartbay' );\n_ex( 'Post', 'verb', 'cartbay' );\nesc_html_x( 'Cart', 'tab', 'cartbay' );\nesc_attr_x( 'Open', 'menu', 'cartbay' );`,
			want: [
				{ msgid: 'Post', msgctxt: 'noun', line: 2 },
				{ msgid: 'Post', msgctxt: 'verb', line: 3 },
				{ msgid: 'Cart', msgctxt: 'tab', line: 4 },
				{ msgid: 'Open', msgctxt: 'menu', line: 5 },
			],
		},
	],
	[
		'plural functions',
		{
			given: `<?php\n_n( '%d cart', '%d carts', $n, 'cartbay' );\n_nx( '%d step', '%d steps', $n, 'sequence', 'cartbay' );\n_n_noop( '%d email', '%d emails', 'cartbay' );\n_nx_noop( '%d day', '%d days', 'expiry', 'cartbay' );`,
			want: [
				{ msgid: '%d cart', msgidPlural: '%d carts', line: 2 },
				{ msgid: '%d step', msgidPlural: '%d steps', msgctxt: 'sequence', line: 3 },
				{ msgid: '%d email', msgidPlural: '%d emails', line: 4 },
				{ msgid: '%d day', msgidPlural: '%d days', msgctxt: 'expiry', line: 5 },
			],
		},
	],
	[
		'other, missing or variable domains and non-literal strings are skipped',
		{
			given: `<?php\n__( 'Other', 'woocommerce' );\n__( 'None' );\n__( 'Var', $domain );\n__( $text, 'cartbay' );\n__( '', 'cartbay' );\n_x( 'Ctx', $ctx, 'cartbay' );`,
			want: [],
		},
	],
	[
		'fully qualified calls count; methods and other namespaces do not',
		{
			given: `<?php\nnamespace WPAnchorBay\\CartBay;\necho \\__( 'Global', 'cartbay' );\n$this->__( 'Method', 'cartbay' );\nFoo::__( 'Static', 'cartbay' );\nFoo\\__( 'Qualified', 'cartbay' );`,
			want: [{ msgid: 'Global', line: 3 }],
		},
	],
	[
		'PHP string forms: escapes, concatenation, heredoc, nowdoc',
		{
			given: `<?php\n__( "Say \\"hi\\"\\n\\tnow \\x41", 'cartbay' );\n__( 'It\\'s a \\\\ back\\slash', 'cartbay' );\n__( 'Joined ' . "text", 'cartbay' );\n__( <<<EOT\nHere\nDoc\nEOT, 'cartbay' );\n__( <<<'EOT'\nNow $doc\nEOT, 'cartbay' );`,
			want: [
				{ msgid: 'Say "hi"\n\tnow A', line: 2 },
				{ msgid: "It's a \\ back\\slash", line: 3 },
				{ msgid: 'Joined text', line: 4 },
				{ msgid: 'Here\nDoc', line: 5 },
				{ msgid: 'Now $doc', line: 9 },
			],
		},
	],
	[
		'translator comments: same line, line before, before the statement, block style',
		{
			given: [
				'<?php',
				"printf( /* translators: %s: product name */ esc_html__( 'Buy %s', 'cartbay' ), $name );",
				'// translators: %d: number of carts',
				"$label = sprintf( _n( '%d cart', '%d carts', $n, 'cartbay' ), $n );",
				'/*',
				' * translators: 1: email address,',
				' *   2: date',
				' */',
				"echo sprintf( __( 'Sent to %1$s on %2$s', 'cartbay' ), $a, $b );",
			].join('\n'),
			want: [
				{ msgid: 'Buy %s', line: 2, comments: ['translators: %s: product name'] },
				{ msgid: '%d cart', msgidPlural: '%d carts', line: 4, comments: ['translators: %d: number of carts'] },
				{ msgid: 'Sent to %1$s on %2$s', line: 9, comments: ['translators: 1: email address, 2: date'] },
			],
		},
	],
	[
		'comments that are not translator comments, or not adjacent, are ignored',
		{
			given: [
				'<?php',
				'// translators: too far away',
				'',
				"__( 'Far', 'cartbay' );",
				'// A plain comment.',
				"__( 'Plain', 'cartbay' );",
				"function f() { /* translators: ends the function */ }",
				"__( 'After', 'cartbay' );",
			].join('\n'),
			want: [
				{ msgid: 'Far', line: 4 },
				{ msgid: 'Plain', line: 6 },
				{ msgid: 'After', line: 8 },
			],
		},
	],
	[
		'calls inside classes and templates',
		{
			given: `<p><?php esc_html_e( 'In a template', 'cartbay' ); ?></p>\n<?php\nclass A {\n\tpublic function b(): string {\n\t\treturn __( 'In a method', 'cartbay' );\n\t}\n}`,
			want: [
				{ msgid: 'In a template', line: 1 },
				{ msgid: 'In a method', line: 5 },
			],
		},
	],
];

describe('extractPhp', () => {
	it.each(cases)('%s', (_name, { given, want }) => {
		const got = extractPhp(given, FILE, 'cartbay');
		expect(got).toEqual(
			want.map(({ line, comments, ...rest }) => ({ ...rest, comments: comments ?? [], reference: { file: FILE, line } }))
		);
	});

	it('throws on invalid PHP', () => {
		expect(() => extractPhp('<?php __( "x", ', FILE, 'cartbay')).toThrow();
	});
});
