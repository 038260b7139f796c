/**
 * The hostile-input corpus of `POST /wp-json/cartbay/v1/capture`: every case must get a 4xx WP_Error with a
 * code, never a 500 or a PHP warning, and must not create or change a session.
 *
 * Cases are sent without the shopper's WooCommerce cookie unless they say otherwise, so no real cart backs
 * them; `{{OTHER_SESSION}}` is replaced by a real session id owned by another browser.
 */
import { captureLimits } from '../../plugin/schema';

export interface CorpusCase {
	name: string;
	/** Raw request body. */
	body: string;
	contentType?: string;
	/** Extra request headers (Origin, Sec-Fetch-Site). */
	headers?: Record< string, string >;
}

const json = ( value: unknown ): string => JSON.stringify( value );
const base = {
	email: 'shopper@example.test',
	consent: true,
	source: 'classic',
} as const;
const validId = 'A'.repeat( captureLimits.sessionIdLength );
const SCRIPT = '<script>alert(document.cookie)</script>';
const HTML = '<img src=x onerror=alert(1)>';

function malformedJson(): CorpusCase[] {
	const bodies = [
		'{',
		'}',
		'{"email":',
		'{"email": "a@b.test", }',
		"{'email': 'a@b.test'}",
		'{"consent": tru}',
		'{"consent": NaN}',
		'{"consent": Infinity}',
		'{"email": "unterminated}',
		'\u0000\u0001\u0002',
		'nul',
		'[',
		'{"a":1}{"b":2}',
		'{"email": "a@b.test" "consent": true}',
		'\uFEFF{"consent": true, "source": "classic"}x',
		'{"consent": true, "source": "classic", "email": "\\uD800"}',
		'{"__proto__": {"admin": true}',
		'<?xml version="1.0"?><capture/>',
		'consent=true&source=classic',
		'{"consent": 0x1}',
	];
	return bodies.map( ( body, i ) => ( {
		name: `malformed JSON #${ i + 1 }`,
		body,
	} ) );
}

function wrongTypes(): CorpusCase[] {
	const cases: CorpusCase[] = [];
	const wrong: Record< string, unknown[] > = {
		email: [
			123,
			true,
			[],
			{},
			[ 'a@b.test' ],
			{ email: 'a@b.test' },
			1.5,
		],
		consent: [ 'maybe', 2, -1, [], {}, 'yes please', null ],
		source: [ 'api', 'CLASSIC', 1, [], {}, '', null, 'classic ', 'blocks' ],
		session_id: [
			'short',
			`${ validId }B`,
			'A'.repeat( captureLimits.sessionIdLength - 1 ),
			'!'.repeat( captureLimits.sessionIdLength ),
			123,
			[],
			{},
			'',
			`${ 'A'.repeat( captureLimits.sessionIdLength - 1 ) }\u00e9`,
		],
		cart: [
			'x',
			1,
			true,
			[ 1, 2 ],
			{ items: 'x' },
			{ items: {} },
			{ items: [ 1 ] },
			{ items: [ {} ] },
			{ other: [] },
			{ items: [ { product_id: 11 } ] },
		],
	};
	for ( const [ field, values ] of Object.entries( wrong ) ) {
		values.forEach( ( value, i ) =>
			cases.push( {
				name: `wrong type: ${ field } #${ i + 1 } (${ json( value ) })`,
				body: json( { ...base, [ field ]: value } ),
			} )
		);
	}
	return cases;
}

function missingFields(): CorpusCase[] {
	return [
		{ name: 'missing: everything', body: '{}' },
		{
			name: 'missing: consent',
			body: json( { email: base.email, source: 'classic' } ),
		},
		{
			name: 'missing: source',
			body: json( { email: base.email, consent: true } ),
		},
		{
			name: 'missing: email with consent',
			body: json( { consent: true, source: 'classic' } ),
		},
		{
			name: 'empty email with consent',
			body: json( { ...base, email: '' } ),
		},
		{ name: 'JSON array body', body: json( [ base ] ) },
		{ name: 'JSON string body', body: json( 'consent' ) },
		{ name: 'JSON number body', body: '42' },
		{ name: 'JSON null body', body: 'null' },
		{
			name: 'text/plain JSON',
			body: json( base ),
			contentType: 'text/plain',
		},
		{
			name: 'form-encoded without consent',
			body: 'email=a%40b.test&source=classic',
			contentType: 'application/x-www-form-urlencoded',
		},
		{
			name: 'form-encoded script',
			body: `email=${ encodeURIComponent( SCRIPT ) }&consent=true&source=classic`,
			contentType: 'application/x-www-form-urlencoded',
		},
	];
}

function oversized(): CorpusCase[] {
	const items = ( count: number ) =>
		Array.from( { length: count }, ( _, i ) => ( {
			product_id: i + 1,
			quantity: 1,
		} ) );
	return [
		{
			name: `oversized: padding past the ${ captureLimits.maxBodyBytes }-byte body limit`,
			body: json( {
				...base,
				padding: 'x'.repeat( captureLimits.maxBodyBytes + 4096 ),
			} ),
		},
		{
			name: 'oversized: 1 MB email',
			body: json( {
				...base,
				email: `${ 'a'.repeat( 1_000_000 ) }@example.test`,
			} ),
		},
		{
			name: `oversized: ${ captureLimits.maxEmailLength + 1 }-character email`,
			body: json( {
				...base,
				email: `${ 'a'.repeat( captureLimits.maxEmailLength + 1 - '@example.test'.length ) }@example.test`,
			} ),
		},
		{
			name: 'oversized: too many cart lines',
			body: json( {
				...base,
				cart: { items: items( captureLimits.maxCartItems + 1 ) },
			} ),
		},
		{
			name: `oversized: ${ captureLimits.maxCartItems * 10 } cart lines`,
			body: json( {
				...base,
				cart: { items: items( captureLimits.maxCartItems * 10 ) },
			} ),
		},
		{
			name: 'oversized: quantity above maximum',
			body: json( {
				...base,
				cart: {
					items: [
						{
							product_id: 11,
							quantity: captureLimits.maxQuantity + 1,
						},
					],
				},
			} ),
		},
		{
			name: 'oversized: quantity 1e9',
			body: json( {
				...base,
				cart: { items: [ { product_id: 11, quantity: 1e9 } ] },
			} ),
		},
		{
			name: 'oversized: deeply nested',
			body: `${ '{"a":'.repeat( 600 ) }1${ '}'.repeat( 600 ) }`,
		},
		{
			name: 'oversized: long variation value',
			body: json( {
				...base,
				cart: {
					items: [
						{
							product_id: 11,
							quantity: 1,
							variation: { attribute_size: 'M'.repeat( 500 ) },
						},
					],
				},
			} ),
		},
		{
			name: 'oversized: 10 000 keys',
			body: json(
				Object.fromEntries(
					Array.from( { length: 10_000 }, ( _, i ) => [
						`k${ i }`,
						i,
					] )
				)
			),
		},
	];
}

function scriptInStrings(): CorpusCase[] {
	const cases: CorpusCase[] = [];
	for ( const [ label, payload ] of [
		[ 'script', SCRIPT ],
		[ 'html', HTML ],
		[ 'sql', "' OR 1=1 --" ],
		[ 'php', '<?php system("id"); ?>' ],
		[ 'template', '{{7*7}}${7*7}' ],
	] as const ) {
		cases.push(
			{
				name: `${ label } in email`,
				body: json( { ...base, email: payload } ),
			},
			{
				name: `${ label } in email local part`,
				body: json( { ...base, email: `${ payload }@example.test` } ),
			},
			{
				name: `${ label } in source`,
				body: json( { ...base, source: payload } ),
			},
			{
				name: `${ label } in session_id`,
				body: json( { ...base, session_id: payload } ),
			},
			{
				name: `${ label } in cart`,
				body: json( { ...base, cart: payload } ),
			},
			{
				name: `${ label } in product_id`,
				body: json( {
					...base,
					cart: { items: [ { product_id: payload, quantity: 1 } ] },
				} ),
			},
			{
				name: `${ label } in quantity`,
				body: json( {
					...base,
					cart: { items: [ { product_id: 11, quantity: payload } ] },
				} ),
			},
			{
				name: `${ label } in variation of an unknown product`,
				body: json( {
					...base,
					cart: {
						items: [
							{
								product_id: 999999,
								quantity: 1,
								variation: { attribute_size: payload },
							},
						],
					},
				} ),
			},
			{
				name: `${ label } as variation key`,
				body: json( {
					...base,
					cart: {
						items: [
							{
								product_id: 999999,
								quantity: 1,
								variation: { [ payload ]: 'M' },
							},
						],
					},
				} ),
			},
			{
				name: `${ label } as extra cart key`,
				body: json( {
					...base,
					cart: {
						items: [
							{ product_id: 11, quantity: 1, [ payload ]: 1 },
						],
					},
				} ),
			}
		);
	}
	return cases;
}

function badProducts(): CorpusCase[] {
	const lines: [ string, unknown ][] = [
		[ 'product 0', { product_id: 0, quantity: 1 } ],
		[ 'negative product', { product_id: -1, quantity: 1 } ],
		[ 'unknown product', { product_id: 999999, quantity: 1 } ],
		[
			'huge product id',
			{ product_id: 9_007_199_254_740_991, quantity: 1 },
		],
		[ 'fractional product id', { product_id: 11.5, quantity: 1 } ],
		[ 'string product id', { product_id: 'eleven', quantity: 1 } ],
		[ 'quantity 0', { product_id: 11, quantity: 0 } ],
		[ 'negative quantity', { product_id: 11, quantity: -5 } ],
		[ 'fractional quantity', { product_id: 11, quantity: 1.5 } ],
		[
			'negative variation',
			{ product_id: 11, variation_id: -1, quantity: 1 },
		],
		[
			'unknown variation',
			{ product_id: 11, variation_id: 999999, quantity: 1 },
		],
		[
			'variation of another product',
			{ product_id: 11, variation_id: '{{TEE_VARIATION}}', quantity: 1 },
		],
		[
			'variable parent without variation',
			{ product_id: '{{TEE}}', quantity: 1 },
		],
		[ 'a page, not a product', { product_id: 2, quantity: 1 } ],
		[ 'missing quantity', { product_id: 11 } ],
		[ 'null quantity', { product_id: 11, quantity: null } ],
		[
			'one good line and one unknown',
			[
				{ product_id: 11, quantity: 1 },
				{ product_id: 999999, quantity: 1 },
			],
		],
		[
			'price sent by the client',
			{ product_id: 11, quantity: 1, price: 0.01 },
		],
		[
			'line total sent by the client',
			{ product_id: 11, quantity: 1, line_total: 0 },
		],
	];
	return lines.map( ( [ name, line ] ) => ( {
		name: `cart: ${ name }`,
		body: json( {
			...base,
			cart: { items: Array.isArray( line ) ? line : [ line ] },
		} ).replace( /"\{\{(\w+)\}\}"/g, '{{$1}}' ),
	} ) );
}

function sessionIds(): CorpusCase[] {
	const cases: CorpusCase[] = [];
	for ( let i = 0; i < 10; i++ ) {
		const forged = `Forged${ String( i ).padStart( 2, '0' ) }${ 'x'.repeat( captureLimits.sessionIdLength - 8 ) }`;
		cases.push(
			{
				name: `forged session id #${ i + 1 } with consent`,
				body: json( {
					...base,
					session_id: forged,
					cart: { items: [ { product_id: 11, quantity: 1 } ] },
				} ),
			},
			{
				name: `forged session id #${ i + 1 } withdrawing`,
				body: json( {
					consent: false,
					source: 'classic',
					session_id: forged,
				} ),
			}
		);
	}
	for ( const [ label, extra ] of [
		[ 'updating', { email: 'attacker@example.test', consent: true } ],
		[ 'withdrawing', { consent: false } ],
		[
			'with a cart',
			{
				email: 'attacker@example.test',
				consent: true,
				cart: { items: [ { product_id: 11, quantity: 3 } ] },
			},
		],
	] as const ) {
		cases.push( {
			name: `another shopper's session id, ${ label }`,
			body: json( {
				source: 'block',
				session_id: '{{OTHER_SESSION}}',
				...extra,
			} ),
		} );
	}
	return cases;
}

function emails(): CorpusCase[] {
	const bad = [
		'plainaddress',
		'@example.test',
		'user@',
		'user@@example.test',
		'user@example..test',
		'.user@example.test',
		'user.@example.test',
		'us..er@example.test',
		'user@-example.test',
		'user@example',
		'user name@example.test',
		'user@exa mple.test',
		'user@example.test\nBcc: victim@example.test',
		'user@example.test\r\nSubject: hi',
		'"quoted"@example.test',
		'user@[127.0.0.1]',
		'üser@exämple.test',
		'user@exämple.test',
		'ユーザー@例え.テスト',
		'user\u202E@example.test',
		'us\u200Ber@example.test',
		'user@example.test\u0000',
		'😀@example.test',
		'user@😀.test',
		`${ 'a'.repeat( 65 ) }@example.test`,
		`user@${ 'a'.repeat( 64 ) }.test`,
		'user@example.test,other@example.test',
		'user@example.test;other@example.test',
		'<user@example.test>',
		'mailto:user@example.test',
		'user%40example.test',
		' ',
		'user@ example.test',
		'user@example.t',
		'user@xn--.test',
	];
	return bad.map( ( email, i ) => ( {
		name: `email #${ i + 1 } ${ JSON.stringify( email ).slice( 0, 40 ) }`,
		body: json( { ...base, email } ),
	} ) );
}

/** Valid-looking requests that still cannot capture anything: no cart behind them. */
function noCart(): CorpusCase[] {
	return [
		{ name: 'valid email, no cart, no cookie', body: json( base ) },
		{
			name: 'IDN email in punycode, no cart',
			body: json( { ...base, email: 'user@xn--exmple-cua.test' } ),
		},
		{ name: 'empty cart object', body: json( { ...base, cart: {} } ) },
		{ name: 'empty items', body: json( { ...base, cart: { items: [] } } ) },
		{
			name: 'block source, no cart',
			body: json( { ...base, source: 'block' } ),
		},
		{
			name: 'upper-case email, no cart',
			body: json( { ...base, email: 'SHOPPER@EXAMPLE.TEST' } ),
		},
	];
}

/** Valid captures sent the way a cross-site page could send them: never JSON from this store's own origin. */
function transport(): CorpusCase[] {
	const form = 'email=shopper%40example.test&consent=true&source=classic';
	const boundary = 'cartbayboundary';
	const multipart =
		[ 'email', 'consent', 'source' ]
			.map(
				( name ) =>
					`--${ boundary }\r\nContent-Disposition: form-data; name="${ name }"\r\n\r\n${ { email: base.email, consent: 'true', source: 'classic' }[ name ] }\r\n`
			)
			.join( '' ) + `--${ boundary }--\r\n`;
	return [
		{
			name: 'transport: form-encoded capture',
			body: form,
			contentType: 'application/x-www-form-urlencoded',
		},
		{
			name: 'transport: multipart capture',
			body: multipart,
			contentType: `multipart/form-data; boundary=${ boundary }`,
		},
		{
			name: 'transport: JSON as application/json-patch+json',
			body: json( base ),
			contentType: 'application/json-patch+json',
		},
		{
			name: 'transport: JSON without a content type',
			body: json( base ),
			contentType: '',
		},
		{
			name: 'transport: JSON with a foreign Origin',
			body: json( base ),
			headers: { Origin: 'https://evil.example' },
		},
		{
			name: 'transport: JSON with Origin: null',
			body: json( base ),
			headers: { Origin: 'null' },
		},
		{
			name: 'transport: JSON with Sec-Fetch-Site: cross-site',
			body: json( base ),
			headers: { 'Sec-Fetch-Site': 'cross-site' },
		},
		{
			name: 'transport: form-encoded withdrawal from a foreign Origin',
			body: 'consent=false&source=classic',
			contentType: 'application/x-www-form-urlencoded',
			headers: { Origin: 'https://evil.example' },
		},
	];
}

export function captureCorpus(): CorpusCase[] {
	return [
		...transport(),
		...malformedJson(),
		...wrongTypes(),
		...missingFields(),
		...oversized(),
		...scriptInStrings(),
		...badProducts(),
		...sessionIds(),
		...emails(),
		...noCart(),
	];
}
