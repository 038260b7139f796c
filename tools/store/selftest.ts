/**
 * Quick end-to-end check of the store tool: `npx tsx tools/store/selftest.ts [--hpos] [--keep]`.
 *
 * Creates a fresh site from the template, serves it on a free port, checks the Store API, both
 * checkouts with a real cart, mail capture, the HTTP block and Action Scheduler, then stops.
 * Prints timings and ends with "selftest: N passed, N failed" (or "skipped: why", exit 0).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStore, createSite, startServer } from './index';
import { isPortFree } from './ports';

interface Check {
	name: string;
	ok: boolean;
	detail?: string;
}

const checks: Check[] = [];
const timings: [ string, number ][] = [];

function check( name: string, ok: boolean, detail?: string ): void {
	checks.push( { name, ok, detail } );
	console.log(
		`${ ok ? 'ok  ' : 'FAIL' } ${ name }${ detail ? ` - ${ detail }` : '' }`
	);
}

async function timed< T >(
	label: string,
	work: () => Promise< T >
): Promise< T > {
	const started = performance.now();
	const result = await work();
	timings.push( [ label, Math.round( performance.now() - started ) ] );
	return result;
}

/**
 * Cookies from a response, as a Cookie header value merged into `jar`.
 * @param response
 * @param jar
 */
function keepCookies( response: Response, jar: Map< string, string > ): void {
	for ( const header of response.headers.getSetCookie() ) {
		const [ pair = '' ] = header.split( ';' );
		const [ name = '', ...value ] = pair.split( '=' );
		jar.set( name.trim(), value.join( '=' ) );
	}
}

function cookieHeader( jar: Map< string, string > ): string {
	return [ ...jar ]
		.map( ( [ name, value ] ) => `${ name }=${ value }` )
		.join( '; ' );
}

const SELFTEST_MU_PLUGIN = `<?php
// Selftest only: proves that runDueActions() runs an action's callback.
add_action( 'cartbay_store_selftest', function ( $tag ) {
	update_option( 'cartbay_store_selftest', $tag );
} );
`;

async function main(): Promise< void > {
	const keep = process.argv.includes( '--keep' );
	const hpos = process.argv.includes( '--hpos' );
	const ready = await timed( 'cache + PHP check', () => checkStore() );
	if ( ! ready.ok ) {
		console.log( `skipped: ${ ready.reason }` );
		return;
	}

	const dir = await mkdtemp( join( tmpdir(), 'cartbay-selftest-' ) );
	const site = await timed( 'create site (template build if missing)', () =>
		createSite( {
			dir: join( dir, 'site' ),
			url: 'http://127.0.0.1',
			hpos,
			log: ( line ) => console.log( line ),
		} )
	);
	check(
		'new site has an empty wp-debug.log',
		site.readDebugLog() === '',
		site.readDebugLog().slice( 0, 300 )
	);
	const again = await timed( 'create another site from the template', () =>
		createSite( {
			dir: join( dir, 'site2' ),
			url: 'http://127.0.0.1',
			hpos,
		} )
	);
	await rm( again.dir, { recursive: true, force: true } );

	const info = await site.info();
	check(
		'WooCommerce is active with the test catalogue',
		!! info.woocommerce &&
			Object.values( info.woocommerce.products ).every(
				( id ) => id > 0
			),
		info.woocommerce
			? `WC ${ info.woocommerce.version }, HPOS ${ info.woocommerce.hpos ? 'on' : 'off' }`
			: 'no WooCommerce'
	);
	const store = hpos
		? 'Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\OrdersTableDataStore'
		: 'WC_Order_Data_Store_CPT';
	check(
		`order storage is ${ hpos ? 'HPOS' : 'legacy posts' }`,
		info.woocommerce?.orderDataStore === store,
		info.woocommerce?.orderDataStore
	);
	check(
		'Action Scheduler uses its own tables',
		info.woocommerce?.actionStore === 'ActionScheduler_DBStore',
		info.woocommerce?.actionStore ?? ''
	);

	const server = await timed( 'start server', () => startServer( site ) );
	try {
		const cartUrl = `${ server.url }/wp-json/wc/store/v1/cart`;
		const cold = await timed( 'GET cart (cold: first request)', () =>
			fetch( cartUrl )
		);
		const cart = ( await cold.json() ) as { items?: unknown[] };
		check(
			'GET /wp-json/wc/store/v1/cart is 200 JSON',
			cold.status === 200 && Array.isArray( cart.items ),
			`status ${ cold.status }`
		);
		await timed( 'GET cart (second request)', () =>
			fetch( cartUrl ).then( ( r ) => r.arrayBuffer() )
		);
		const warm: number[] = [];
		let warmOk = true;
		for ( let i = 0; i < 10; i++ ) {
			const started = performance.now();
			const response = await fetch( cartUrl );
			await response.arrayBuffer();
			warm.push( performance.now() - started );
			warmOk &&= response.status === 200;
		}
		warm.sort( ( a, b ) => a - b );
		timings.push( [
			'GET cart (warm, median of 10)',
			Math.round( warm[ 5 ] ?? 0 ),
		] );
		check( 'warm cart requests are 200', warmOk );

		// A browser-style cart: add-to-cart by URL, then carry the session cookies.
		const jar = new Map< string, string >();
		const hoodie = info.woocommerce?.products[ 'CB-HOODIE' ] ?? 0;
		const added = await fetch( `${ server.url }/?add-to-cart=${ hoodie }`, {
			redirect: 'manual',
		} );
		// WooCommerce saves the session at PHP shutdown: read to the end before the next request.
		await added.arrayBuffer();
		keepCookies( added, jar );
		check(
			'add-to-cart sets the WooCommerce session cookie',
			[ ...jar.keys() ].some( ( name ) =>
				name.startsWith( 'wp_woocommerce_session_' )
			)
		);

		for ( const [ path, marker ] of [
			[ '/checkout/', 'wp-block-woocommerce-checkout' ],
			[ '/classic-checkout/', 'woocommerce-checkout' ],
		] as const ) {
			const response = await timed( `GET ${ path } with a cart`, () =>
				fetch( `${ server.url }${ path }`, {
					headers: { cookie: cookieHeader( jar ) },
					redirect: 'manual',
				} )
			);
			const html = await response.text();
			check(
				`GET ${ path } is 200 with the checkout form`,
				response.status === 200 && html.includes( marker ),
				`status ${ response.status }`
			);
		}
		const empty = await fetch( `${ server.url }/checkout/`, {
			redirect: 'manual',
		} );
		check(
			'GET /checkout/ with an empty cart redirects to the cart',
			empty.status === 302,
			`status ${ empty.status } ${ empty.headers.get( 'location' ) ?? '' }`
		);
		const product = await fetch(
			`${ server.url }/product/cartbay-test-tee/`
		);
		check(
			'pretty permalinks: GET /product/cartbay-test-tee/ is 200',
			product.status === 200,
			`status ${ product.status }`
		);

		// A guest order through the Store API: cart token, add item, checkout with cash on delivery.
		const token = await fetch( cartUrl );
		const headers = {
			'content-type': 'application/json',
			nonce: token.headers.get( 'nonce' ) ?? '',
			'cart-token': token.headers.get( 'cart-token' ) ?? '',
		};
		await token.arrayBuffer();
		await fetch( `${ cartUrl }/add-item`, {
			method: 'POST',
			headers,
			body: JSON.stringify( {
				id: info.woocommerce?.products[ 'CB-MUG' ],
				quantity: 2,
			} ),
		} ).then( ( r ) => r.arrayBuffer() );
		const address = {
			first_name: 'Ada',
			last_name: 'Tester',
			address_1: '1 Test St',
			city: 'San Francisco',
			state: 'CA',
			postcode: '94107',
			country: 'US',
			email: 'ada@example.test',
		};
		const placed = await timed(
			'POST Store API checkout (guest, cash on delivery)',
			() =>
				fetch( `${ server.url }/wp-json/wc/store/v1/checkout`, {
					method: 'POST',
					headers,
					body: JSON.stringify( {
						billing_address: address,
						shipping_address: address,
						payment_method: 'cod',
					} ),
				} )
		);
		const order = ( await placed.json() ) as {
			status?: string;
			order_id?: number;
			message?: string;
		};
		check(
			'Store API checkout places a processing order',
			placed.status === 200 && order.status === 'processing',
			`${ placed.status } ${ order.status ?? order.message ?? '' }`
		);
		const total = await site.runPhpOrThrow(
			`echo wc_get_order( ${ order.order_id ?? 0 } )->get_total();`
		);
		check(
			'order total is 2 x 12.50 + 5.00 flat-rate shipping',
			total.trim() === '30.00',
			total.trim()
		);
		check(
			'order mails are captured',
			site
				.readMail()
				.some( ( mail ) =>
					String( mail.to ).includes( 'ada@example.test' )
				)
		);

		const admin = await fetch( `${ server.url }/wp-admin/`, {
			redirect: 'manual',
		} );
		check(
			'GET /wp-admin/ redirects to the login',
			admin.status === 302 &&
				( admin.headers.get( 'location' ) ?? '' ).includes(
					'wp-login.php'
				)
		);
	} finally {
		await timed( 'stop server', () => server.stop() );
	}
	check( 'server port is free after stop', await isPortFree( server.port ) );

	const mail = await site.runPhp(
		"var_export( wp_mail( 'someone@example.test', 'Selftest', 'Hello' ) );"
	);
	const captured = site.readMail();
	check(
		'wp_mail() is captured in mail/mail.jsonl',
		mail.stdout.trim() === 'true' &&
			captured.some( ( record ) => record.subject === 'Selftest' )
	);

	const http = await timed( 'blocked outbound HTTP call', () =>
		site.runPhp(
			"$r = wp_remote_get( 'https://example.com/' ); echo is_wp_error( $r ) ? $r->get_error_code() : 'sent';"
		)
	);
	check(
		'outbound HTTP fails fast with a WP_Error',
		http.stdout.trim() === 'cartbay_store_http_blocked',
		http.stdout.trim()
	);

	await writeFile(
		join( site.paths.muPlugins, 'selftest.php' ),
		SELFTEST_MU_PLUGIN
	);
	await site.runPhpOrThrow(
		"as_schedule_single_action( time() - 5, 'cartbay_store_selftest', array( 'tag' => 'ran' ), 'cartbay-selftest' );"
	);
	const due = await timed( 'runDueActions', () =>
		site.runDueActions( { group: 'cartbay-selftest' } )
	);
	const flag = await site.runPhpOrThrow(
		"echo get_option( 'cartbay_store_selftest' );"
	);
	check(
		'runDueActions() runs a due action',
		due.ran.length === 1 &&
			due.ran[ 0 ]?.status === 'complete' &&
			flag.trim() === 'ran',
		JSON.stringify( due.ran )
	);

	check(
		'wp-debug.log is still empty',
		site.readDebugLog() === '',
		site.readDebugLog().slice( 0, 500 )
	);

	if ( keep ) {
		console.log( `kept: ${ site.dir }` );
	} else {
		await rm( dir, { recursive: true, force: true } );
	}

	console.log( '\ntimings:' );
	for ( const [ label, ms ] of timings ) {
		console.log( `  ${ String( ms ).padStart( 6 ) } ms  ${ label }` );
	}
	const failed = checks.filter( ( item ) => ! item.ok ).length;
	console.log(
		`\nselftest: ${ checks.length - failed } passed, ${ failed } failed`
	);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch( ( error: unknown ) => {
	console.error(
		error instanceof Error ? ( error.stack ?? error.message ) : error
	);
	console.log(
		`selftest: ${ checks.filter( ( item ) => item.ok ).length } passed, ${ checks.filter( ( item ) => ! item.ok ).length + 1 } failed`
	);
	process.exit( 1 );
} );
