/**
 * CartBay performance budgets on the local store (one fresh site + server per run).
 *
 *   npx tsx tests/bench/run.ts [--n 200] [--hpos off|on] [--json out.json]
 *
 * (a) bytes: every CartBay <script> on /classic-checkout/ and /checkout/ with a cart (external files
 *     under /plugins/cartbay/ and the inline `cartbayCheckout` config), gzip level 9, against the
 *     budgets 1,200 B (classic) and 1,500 B (block).
 * (b) server time: GET /wp-json/wc/store/v1/cart, capture create (fresh cookie cart, new email each time)
 *     and capture update (one session id, the email changed each time), n of each, interleaved in one
 *     run, sequential; budgets: create p50 <= 1.5 x cart p50, update p50 <= 1.2 x cart p50.
 *
 * `--hpos on` runs everything on a store with HPOS order tables (default off: posts storage, as the E2E store).
 *
 * Prints `skipped: why` when the store, Chromium or dist/cartbay is missing; exits 1 when over budget.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { captureClient, plugin } from '../../plugin/schema';
import { addToCart } from '../e2e/checkout';
import {
	skipReason,
	startBrowser,
	startStore,
	type StoreEnv,
} from '../e2e/env';

const BYTE_BUDGET = { classic: 1200, block: 1500 } as const;
const TIME_BUDGET = { create: 1.5, update: 1.2 } as const;
const CAPTURE_PATH = `/wp-json/${ plugin.restNamespace }/capture`;

function arg( name: string ): string | undefined {
	const i = process.argv.indexOf( `--${ name }` );
	return i >= 0 ? process.argv[ i + 1 ] : undefined;
}

// ---- (a) bytes ---------------------------------------------------------------------------------------

interface ScriptBytes {
	name: string;
	raw: number;
	gzip: number;
}

async function measureBytes(
	store: StoreEnv
): Promise< Record< 'classic' | 'block', ScriptBytes[] > > {
	const browser = await startBrowser();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		const mug = store.info.products[ 'CB-MUG' ];
		if ( ! mug ) {
			throw new Error( 'no CB-MUG in the store' );
		}
		await addToCart( page, store.url, mug, 1 );
		const out = {
			classic: [] as ScriptBytes[],
			block: [] as ScriptBytes[],
		};
		for ( const [ flow, path ] of [
			[ 'classic', '/classic-checkout/' ],
			[ 'block', '/checkout/' ],
		] as const ) {
			await page.goto( `${ store.url }${ path }`, { waitUntil: 'load' } );
			await page
				.waitForLoadState( 'networkidle' )
				.catch( () => undefined );
			const found = await page.evaluate( ( configGlobal ) => {
				return Array.from( document.querySelectorAll( 'script' ) )
					.filter( ( s ) =>
						s.src
							? /\/plugins\/cartbay\//.test( s.src )
							: ( s.textContent ?? '' ).includes( configGlobal )
					)
					.map( ( s ) => ( {
						src: s.src,
						id: s.id,
						text: s.src ? '' : ( s.textContent ?? '' ),
					} ) );
			}, captureClient.configGlobal );
			for ( const script of found ) {
				let body: Buffer;
				if ( script.src ) {
					const response = await context.request.get( script.src );
					body = await response.body();
				} else {
					body = Buffer.from( script.text, 'utf8' );
				}
				const name = script.src
					? new URL( script.src ).pathname.replace(
							/^.*\/plugins\//,
							''
						)
					: `inline #${ script.id || '?' }`;
				out[ flow ].push( {
					name,
					raw: body.length,
					gzip: gzipSync( body, { level: 9 } ).length,
				} );
			}
		}
		await context.close();
		return out;
	} finally {
		await browser.close();
	}
}

// ---- (b) server time ---------------------------------------------------------------------------------

/** A cookie jar for one shopper: name=value pairs from Set-Cookie. */
class Jar {
	private readonly cookies = new Map< string, string >();
	take( response: Response ): void {
		for ( const line of response.headers.getSetCookie() ) {
			const pair = line.split( ';', 1 )[ 0 ] ?? '';
			const eq = pair.indexOf( '=' );
			if ( eq > 0 ) {
				this.cookies.set(
					pair.slice( 0, eq ).trim(),
					pair.slice( eq + 1 ).trim()
				);
			}
		}
	}
	header(): string {
		return Array.from( this.cookies, ( [ k, v ] ) => `${ k }=${ v }` ).join(
			'; '
		);
	}
}

/**
 * A cookie cart with one product, as `/?add-to-cart=` makes it in a browser.
 * @param url
 * @param productId
 */
async function cookieCart( url: string, productId: number ): Promise< Jar > {
	const jar = new Jar();
	const response = await fetch( `${ url }/?add-to-cart=${ productId }`, {
		redirect: 'manual',
	} );
	await response.arrayBuffer();
	jar.take( response );
	if ( ! jar.header().includes( 'wp_woocommerce_session_' ) ) {
		throw new Error(
			`add-to-cart set no WooCommerce session cookie (status ${ response.status })`
		);
	}
	return jar;
}

/**
 * One request, timed from send until its body is read to the end; `jar` takes the cookies it sets.
 * @param request
 * @param jar
 */
async function timed(
	request: () => Promise< Response >,
	jar?: Jar
): Promise< { ms: number; status: number; body: string } > {
	const started = performance.now();
	const response = await request();
	const body = await response.text();
	const ms = performance.now() - started;
	jar?.take( response );
	return { ms, status: response.status, body };
}

function capture(
	url: string,
	jar: Jar,
	body: Record< string, unknown >
): () => Promise< Response > {
	return () =>
		fetch( `${ url }${ CAPTURE_PATH }`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Cookie: jar.header(),
			},
			body: JSON.stringify( body ),
		} );
}

function percentile( sorted: number[], p: number ): number {
	if ( sorted.length === 0 ) {
		return NaN;
	}
	const rank = Math.min(
		sorted.length - 1,
		Math.max( 0, Math.ceil( ( p / 100 ) * sorted.length ) - 1 )
	);
	return sorted[ rank ] ?? NaN;
}

interface Stats {
	n: number;
	p50: number;
	p95: number;
	mean: number;
	errors: number;
}

function stats( samples: number[], errors: number ): Stats {
	const sorted = [ ...samples ].sort( ( a, b ) => a - b );
	return {
		n: samples.length,
		p50: percentile( sorted, 50 ),
		p95: percentile( sorted, 95 ),
		mean: samples.reduce( ( a, b ) => a + b, 0 ) / ( samples.length || 1 ),
		errors,
	};
}

async function measureTimes(
	store: StoreEnv,
	n: number
): Promise< Record< 'cart' | 'create' | 'update', Stats > > {
	const url = store.url;
	const mug = store.info.products[ 'CB-MUG' ];
	if ( ! mug ) {
		throw new Error( 'no CB-MUG in the store' );
	}
	let seq = 0;
	const address = ( tag: string ) =>
		`bench-${ tag }-${ process.pid }-${ ++seq }@example.test`;

	// The session that every update targets, in its own cookie cart.
	const updateJar = await cookieCart( url, mug );
	const first = await timed(
		capture( url, updateJar, {
			email: address( 'u' ),
			consent: true,
			source: 'classic',
		} ),
		updateJar
	);
	const sessionId = (
		JSON.parse( first.body || '{}' ) as { session_id?: string }
	 ).session_id;
	if ( first.status !== 200 || ! sessionId ) {
		throw new Error(
			`capture create answered ${ first.status }: ${ first.body.slice( 0, 300 ) }`
		);
	}

	// Warm-up: every worker compiles the three routes once (not measured).
	for ( let i = 0; i < 8; i++ ) {
		await timed( () =>
			fetch( `${ url }/wp-json/wc/store/v1/cart`, {
				headers: { Cookie: updateJar.header() },
			} )
		);
		await timed(
			capture( url, updateJar, {
				email: address( 'w' ),
				consent: true,
				source: 'classic',
				session_id: sessionId,
			} ),
			updateJar
		);
	}

	const samples = {
		cart: [] as number[],
		create: [] as number[],
		update: [] as number[],
	};
	const errors = { cart: 0, create: 0, update: 0 };
	const firstError: Partial< Record< keyof typeof samples, string > > = {};
	for ( let i = 0; i < n; i++ ) {
		// Untimed: a fresh cookie cart for this iteration's create.
		const createJar = await cookieCart( url, mug );
		const steps: [
			keyof typeof samples,
			() => Promise< Response >,
			Jar,
		][] = [
			[
				'cart',
				() =>
					fetch( `${ url }/wp-json/wc/store/v1/cart`, {
						headers: { Cookie: updateJar.header() },
					} ),
				updateJar,
			],
			[
				'create',
				capture( url, createJar, {
					email: address( 'c' ),
					consent: true,
					source: 'classic',
				} ),
				createJar,
			],
			[
				'update',
				capture( url, updateJar, {
					email: address( 'u' ),
					consent: true,
					source: 'classic',
					session_id: sessionId,
				} ),
				updateJar,
			],
		];
		// Rotate the order so no kind always follows the same request.
		for ( let k = 0; k < steps.length; k++ ) {
			const [ kind, request, jar ] = steps[ ( i + k ) % steps.length ]!;
			const result = await timed( request, jar );
			if ( result.status === 200 ) {
				samples[ kind ].push( result.ms );
			} else {
				errors[ kind ]++;
				firstError[ kind ] ??=
					`${ result.status } ${ result.body.slice( 0, 200 ) }`;
			}
		}
	}
	for ( const [ kind, text ] of Object.entries( firstError ) ) {
		console.log( `# first ${ kind } error: ${ text }` );
	}
	return {
		cart: stats( samples.cart, errors.cart ),
		create: stats( samples.create, errors.create ),
		update: stats( samples.update, errors.update ),
	};
}

// ---- main --------------------------------------------------------------------------------------------

async function main(): Promise< number > {
	const reason = await skipReason();
	if ( reason ) {
		console.log( `skipped: ${ reason }` );
		return 0;
	}
	const n = Number( arg( 'n' ) ?? 200 );
	const hposArg = arg( 'hpos' ) ?? 'off';
	if ( hposArg !== 'on' && hposArg !== 'off' ) {
		throw new Error( `--hpos takes on or off, not ${ hposArg }` );
	}
	const hpos = hposArg === 'on';
	const store = await startStore( {
		hpos,
		log: ( line ) => console.log( `# ${ line }` ),
	} );
	const over: string[] = [];
	const report: Record< string, unknown > = { hpos };
	try {
		const routes = ( await (
			await fetch( `${ store.url }/wp-json/${ plugin.restNamespace }` )
		).json() ) as { routes?: Record< string, unknown > };
		const hasCapture = Object.keys( routes.routes ?? {} ).some( ( r ) =>
			r.endsWith( '/capture' )
		);

		// (a)
		const bytes = await measureBytes( store );
		report.bytes = bytes;
		console.log( '\nCheckout script bytes (gzip -9)' );
		const bytesRow = ( cells: string[] ) => row( cells, [ 8, 50, 8, 22 ] );
		console.log( bytesRow( [ 'page', 'script', 'raw B', 'gzip B' ] ) );
		for ( const flow of [ 'classic', 'block' ] as const ) {
			for ( const s of bytes[ flow ] ) {
				console.log(
					bytesRow( [
						flow,
						s.name,
						String( s.raw ),
						String( s.gzip ),
					] )
				);
			}
			const total = bytes[ flow ].reduce( ( sum, s ) => sum + s.gzip, 0 );
			const ok = bytes[ flow ].length > 0 && total <= BYTE_BUDGET[ flow ];
			console.log(
				bytesRow( [
					flow,
					'total',
					'',
					`${ total } / ${ BYTE_BUDGET[ flow ] } ${ ok ? 'ok' : 'OVER' }`,
				] )
			);
			if ( bytes[ flow ].length === 0 ) {
				over.push( `${ flow }: no CartBay script found on the page` );
			} else if ( ! ok ) {
				over.push(
					`${ flow } scripts ${ total } B gzip > ${ BYTE_BUDGET[ flow ] } B`
				);
			}
		}

		// (b)
		if ( ! hasCapture ) {
			over.push( 'no /capture route: server times not measured' );
		} else {
			const started = performance.now();
			const times = await measureTimes( store, n );
			report.times = times;
			console.log(
				`\nServer time, ms (HPOS ${ hpos ? 'on' : 'off' }, n=${ n } each, interleaved, sequential, ${ ( ( performance.now() - started ) / 1000 ).toFixed( 0 ) } s)`
			);
			const timeRow = ( cells: string[] ) =>
				row( cells, [ 8, 5, 8, 8, 8, 7, 24 ] );
			console.log(
				timeRow( [
					'request',
					'n',
					'p50',
					'p95',
					'mean',
					'errors',
					'p50 / cart p50',
				] )
			);
			for ( const kind of [ 'cart', 'create', 'update' ] as const ) {
				const s = times[ kind ];
				const ratio = s.p50 / times.cart.p50;
				const budget =
					kind === 'cart'
						? ''
						: ` (budget ${ TIME_BUDGET[ kind ] }x)`;
				console.log(
					timeRow( [
						kind,
						String( s.n ),
						s.p50.toFixed( 1 ),
						s.p95.toFixed( 1 ),
						s.mean.toFixed( 1 ),
						String( s.errors ),
						`${ ratio.toFixed( 2 ) }${ budget }`,
					] )
				);
			}
			for ( const kind of [ 'create', 'update' ] as const ) {
				const ratio = times[ kind ].p50 / times.cart.p50;
				if ( ! ( ratio <= TIME_BUDGET[ kind ] ) ) {
					over.push(
						`${ kind } p50 is ${ ratio.toFixed( 2 ) } x cart p50 > ${ TIME_BUDGET[ kind ] }`
					);
				}
				if ( times[ kind ].errors > 0 ) {
					over.push(
						`${ kind }: ${ times[ kind ].errors } non-200 answers`
					);
				}
			}
		}
	} finally {
		await store.close();
	}
	const json = arg( 'json' );
	if ( json ) {
		writeFileSync( json, `${ JSON.stringify( report, null, 2 ) }\n` );
	}
	console.log(
		over.length
			? `\nOVER BUDGET:\n- ${ over.join( '\n- ' ) }`
			: '\nall within budget'
	);
	return over.length ? 1 : 0;
}

function row( cells: string[], widths: number[] ): string {
	return cells
		.map( ( c, i ) => c.padEnd( widths[ i ] ?? 10 ) )
		.join( ' ' )
		.trimEnd();
}

main().then(
	( code ) => process.exit( code ),
	( error ) => {
		console.error( error );
		process.exit( 1 );
	}
);
