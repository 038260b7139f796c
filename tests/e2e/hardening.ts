/**
 * E2E shopper-loop hardening in Chromium: a logged-in customer is captured on both checkouts with their
 * WooCommerce session (cart, coupon) intact, and a classic-checkout cart change is followed without the email
 * being typed again (the session's snapshot follows the cart; the email is prefilled on return).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { metaKeys, plugin } from '../../plugin/schema';
import {
	addToCart,
	CaptureLog,
	collectErrors,
	fillEmail,
	type Flow,
	openCheckout,
	setConsent,
} from './checkout';
import type { Checks } from '../support/checks';
import { shopCouponPhp } from '../support/php';
import { artifactPath, type BrowserEnv, type StoreEnv } from './env';
import { readState, resetSessions, type SessionRow } from './sessions';

export interface HardeningEnv {
	t: Checks;
	store: StoreEnv;
	browser: BrowserEnv;
	filter: string;
}

const META = Object.fromEntries(
	metaKeys.constants.map( ( c ) => [ c.name, c.value ] )
) as Record< string, string >;
const FLOWS: Flow[] = [ 'classic', 'block' ];
const PASSWORD = 'cartbay-e2e-Customer-1';

let serial = 0;
function address( tag: string ): string {
	serial++;
	return `${ tag }.${ process.pid }.${ serial }@example.test`;
}

/**
 * Product ids of a session's snapshot lines, sorted.
 * @param session
 */
function snapshotIds( session: SessionRow | undefined ): number[] {
	const snapshot = session?.meta[ META.CART_SNAPSHOT ?? '' ] as
		{ items?: { product_id: number }[] } | undefined;
	return ( snapshot?.items ?? [] )
		.map( ( i ) => i.product_id )
		.sort( ( a, b ) => a - b );
}

/**
 * The shopper's Store API cart from inside the page (same cookies).
 * @param page
 */
async function storeCart(
	page: Page
): Promise< { items: { id: number }[]; coupons: { code: string }[] } > {
	return page.evaluate( async () => {
		const response = await fetch(
			`${ location.origin }/wp-json/wc/store/v1/cart`,
			{ credentials: 'same-origin' }
		);
		return ( await response.json() ) as {
			items: { id: number }[];
			coupons: { code: string }[];
		};
	} );
}

/**
 * Applies a coupon through the Store API from inside the page.
 * @param page
 * @param code
 */
async function applyCoupon( page: Page, code: string ): Promise< number > {
	return page.evaluate( async ( couponCode ) => {
		const base = `${ location.origin }/wp-json/wc/store/v1`;
		const nonce =
			(
				await fetch( `${ base }/cart`, { credentials: 'same-origin' } )
			).headers.get( 'Nonce' ) ?? '';
		const response = await fetch( `${ base }/cart/apply-coupon`, {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'Content-Type': 'application/json', Nonce: nonce },
			body: JSON.stringify( { code: couponCode } ),
		} );
		return response.status;
	}, code );
}

export async function hardeningScenarios( env: HardeningEnv ): Promise< void > {
	const { t, store, browser, filter } = env;
	const url = store.url;
	const ids = store.info.products;
	const id = ( sku: string ): number => ids[ sku ] ?? 0;
	const php = async < T >( code: string ): Promise< T > => {
		const out = await store.site.runPhpOrThrow( code );
		return JSON.parse( out.trim().split( '\n' ).pop() ?? 'null' ) as T;
	};

	const contexts: BrowserContext[] = [];
	const newShopper = async (): Promise< {
		page: Page;
		log: CaptureLog;
		errors: string[];
	} > => {
		const context = await browser.newContext();
		contexts.push( context );
		const log = new CaptureLog( context );
		const page = await context.newPage();
		return { page, log, errors: collectErrors( page ) };
	};
	const scenario = async ( name: string, body: () => Promise< void > ) => {
		if ( filter && ! name.includes( filter ) ) {
			return;
		}
		await resetSessions( store.site );
		await t.group( name, body, async () => {
			const page = contexts[ contexts.length - 1 ]?.pages()[ 0 ];
			await page?.screenshot( {
				path: artifactPath(
					`${ name.replace( /[^a-z0-9]+/gi, '-' ) }.png`
				),
				fullPage: true,
			} );
		} );
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
	};

	// A shop coupon the logged-in shopper applies before checkout: it must survive the capture.
	await store.site.runPhpOrThrow( shopCouponPhp( 'e2e-welcome', 1 ) );

	for ( const flow of FLOWS ) {
		await scenario(
			`hardening ${ flow }: a logged-in customer is captured and keeps their cart and coupon`,
			async () => {
				const email = address( `member-${ flow }` );
				const login = `member_${ flow }_${ process.pid }_${ serial }`;
				const userId = await php< number >( `
$id = wp_insert_user( array( 'user_login' => '${ login }', 'user_email' => '${ email }', 'user_pass' => '${ PASSWORD }', 'role' => 'customer' ) );
update_user_meta( $id, 'billing_email', '${ email }' );
echo json_encode( $id ), "\\n";` );
				const s = await newShopper();
				await s.page.goto( `${ url }/wp-login.php`, {
					waitUntil: 'load',
				} );
				await s.page.fill( '#user_login', login );
				await s.page.fill( '#user_pass', PASSWORD );
				await Promise.all( [
					s.page.waitForNavigation( { waitUntil: 'load' } ),
					s.page.click( '#wp-submit' ),
				] );
				await addToCart( s.page, url, id( 'CB-HOODIE' ), 1 );
				t.equal(
					`${ flow }: the shop coupon applies before checkout`,
					await applyCoupon( s.page, 'e2e-welcome' ),
					200
				);
				await openCheckout( s.page, url, flow );
				await setConsent( s.page, flow, true );
				await fillEmail( s.page, flow, email );
				await s.log.settle( s.page );
				const calls = s.log.since( 0 );
				t.check(
					`${ flow }: the capture answered 200`,
					calls.length > 0 &&
						calls.every( ( c ) => c.status === 200 ),
					calls
				);
				const state = await readState( store.site );
				const session = state.sessions.find(
					( row ) => row.meta[ META.EMAIL ?? '' ] === email
				);
				t.check(
					`${ flow }: one session holds the customer's email and cart`,
					!! session &&
						snapshotIds( session ).join() ===
							String( id( 'CB-HOODIE' ) ),
					state.sessions
				);
				const cart = await storeCart( s.page );
				t.equal(
					`${ flow }: the cart and its coupon are intact after the capture`,
					[
						cart.items.map( ( i ) => i.id ),
						cart.coupons.map( ( c ) => c.code ),
					],
					[ [ id( 'CB-HOODIE' ) ], [ 'e2e-welcome' ] ]
				);
				const rows = await php< number >( `
global $wpdb;
echo json_encode( (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}woocommerce_sessions WHERE session_key = %s", '${ userId }' ) ) ), "\\n";` );
				t.equal(
					`${ flow }: the customer's woocommerce_sessions row is still there`,
					rows,
					1
				);
				t.check(
					`${ flow }: no browser errors`,
					s.errors.length === 0,
					s.errors
				);
			}
		);
	}

	await scenario(
		'hardening classic: an item added after capture is in the session without typing the email again',
		async () => {
			const email = address( 'cart-sync' );
			const s = await newShopper();
			await addToCart( s.page, url, id( 'CB-HOODIE' ), 1 );
			await openCheckout( s.page, url, 'classic' );
			await setConsent( s.page, 'classic', true );
			await fillEmail( s.page, 'classic', email );
			await s.log.settle( s.page );
			const before = s.log.count;
			// Back to the shop: one more product, then the shopper leaves (no checkout visit, no capture request).
			await addToCart( s.page, url, id( 'CB-MUG' ), 1 );
			const state = await readState( store.site );
			const session = state.sessions.find(
				( row ) => row.meta[ META.EMAIL ?? '' ] === email
			);
			t.equal(
				'the session snapshot holds both items',
				snapshotIds( session ),
				[ id( 'CB-HOODIE' ), id( 'CB-MUG' ) ].sort( ( a, b ) => a - b )
			);
			t.equal(
				'no capture request was needed for it',
				s.log.count,
				before
			);
			await openCheckout( s.page, url, 'classic' );
			t.equal(
				'back at classic checkout, the email is prefilled',
				await s.page.locator( '#billing_email' ).inputValue(),
				email
			);
			t.check(
				'the session is still the only one of that email',
				state.sessions.filter(
					( row ) => row.meta[ META.EMAIL ?? '' ] === email
				).length === 1,
				state.sessions
			);
			t.check(
				'its created_via is CartBay',
				session?.created_via === plugin.createdVia,
				session
			);
		}
	);
}
