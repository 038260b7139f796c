/**
 * E2E restore flows in Chromium: a restore link rebuilds the exact cart on checkout with the email, the
 * order placed from it (cash on delivery) recovers the session once it is paid (completed); the recovery coupon applies there and is refused for another
 * email; an out-of-stock item gives a partial restore with a notice.
 *
 * Sessions are made on the store by PHP (abandoned, snapshot with a variation, a restore link from
 * RecoveryLinks::issue_restore, a coupon from CouponIssuer), so these flows do not wait for the sequence.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Checks } from '../support/checks';
import { phpJson } from '../support/php';
import { EVENT, META, STATUS } from '../support/schema-names';
import {
	COMMON_TEST_HELPERS,
	installMuPlugins,
	recoveryFixtures,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';
import { addToCart, blockSettled, collectErrors, placeOrder } from './checkout';
import { artifactPath, type BrowserEnv, type StoreEnv } from './env';
import { readState, resetSessions } from './sessions';

export interface RestoreEnv {
	t: Checks;
	store: StoreEnv;
	browser: BrowserEnv;
	filter: string;
}

interface StoreCart {
	items: { id: number; quantity: number }[];
	coupons: { code: string }[];
	totals: { total_price: string; currency_minor_unit: number };
}

let serial = 0;
function address( tag: string ): string {
	serial++;
	return `${ tag }.${ process.pid }.${ serial }@example.test`;
}

/**
 * The shopper's Store API cart, fetched from inside the page (same cookies).
 * @param page
 */
async function storeCart( page: Page ): Promise< StoreCart > {
	return page.evaluate( async () => {
		const response = await fetch(
			`${ location.origin }/wp-json/wc/store/v1/cart`,
			{ credentials: 'same-origin' }
		);
		return ( await response.json() ) as StoreCart;
	} );
}

export async function restoreScenarios( env: RestoreEnv ): Promise< void > {
	const { t, store, browser, filter } = env;
	const url = store.url;
	const ids = store.info.products;
	const id = ( sku: string ): number => ids[ sku ] ?? 0;
	const php = phpJson( store.site );
	const { session } = recoveryFixtures( php );
	const linkPath = ( link: string ): string => {
		const parsed = new URL( link );
		return `${ parsed.pathname }${ parsed.search }`;
	};

	const contexts: BrowserContext[] = [];
	const newPage = async (): Promise< { page: Page; errors: string[] } > => {
		const context = await browser.newContext();
		contexts.push( context );
		const page = await context.newPage();
		return { page, errors: collectErrors( page ) };
	};
	const scenario = async ( name: string, body: () => Promise< void > ) => {
		if ( filter && ! name.includes( filter ) ) {
			return;
		}
		await resetSessions( store.site );
		// The session fixtures, for this scenario only.
		const remove = installMuPlugins( store.site, {
			'cartbay-test-common.php': COMMON_TEST_HELPERS,
			'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		} );
		try {
			await t.group( name, body, async () => {
				const last = contexts[ contexts.length - 1 ];
				const page = last?.pages()[ 0 ];
				await page?.screenshot( {
					path: artifactPath(
						`${ name.replace( /[^a-z0-9]+/gi, '-' ) }.png`
					),
					fullPage: true,
				} );
			} );
		} finally {
			remove();
		}
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
	};

	await scenario(
		'restore: the link rebuilds the exact cart on checkout with the email; the order recovers the session once paid',
		async () => {
			const email = address( 'restore-e2e' );
			const fixture = await session( {
				email,
				items: [
					[ 'CB-HOODIE', 2 ],
					[ 'CB-TEE-M', 1 ],
				],
				coupon: true,
			} );
			const { page, errors } = await newPage();
			// Waits for the mini-cart's own Store API request, which could otherwise save the old cart
			// over the restored one.
			await addToCart( page, url, id( 'CB-MUG' ) );
			await page.goto( `${ url }${ linkPath( fixture.restore ) }`, {
				waitUntil: 'load',
			} );
			t.check(
				'the link lands on the checkout page',
				new URL( page.url() ).pathname === '/checkout/',
				page.url()
			);
			await page.waitForSelector(
				'.wp-block-woocommerce-checkout #email'
			);
			await blockSettled( page );
			t.equal(
				'Block Checkout: the email field is prefilled',
				await page.locator( '#email' ).inputValue(),
				email
			);
			const cart = await storeCart( page );
			t.equal(
				'the cart is exactly the saved one, variation included (the earlier mug is gone)',
				cart.items
					.map( ( i ) => [ i.id, i.quantity ] )
					.sort( ( a, b ) => ( a[ 0 ] ?? 0 ) - ( b[ 0 ] ?? 0 ) ),
				[
					[ id( 'CB-HOODIE' ), 2 ],
					[ id( 'CB-TEE-M' ), 1 ],
				].sort( ( a, b ) => ( a[ 0 ] ?? 0 ) - ( b[ 0 ] ?? 0 ) )
			);
			t.equal(
				'the recovery coupon is applied',
				cart.coupons.map( ( c ) => c.code.toLowerCase() ),
				[ fixture.coupon.toLowerCase() ]
			);

			await page.goto( `${ url }/classic-checkout/`, {
				waitUntil: 'load',
			} );
			await page.waitForSelector( 'form.checkout #billing_email' );
			t.equal(
				'classic checkout: billing email prefilled',
				await page.locator( '#billing_email' ).inputValue(),
				email
			);
			const orderId = await placeOrder( page, 'classic' );
			const placed = await readState( store.site );
			const unpaid = placed.sessions.find( ( s ) => s.id === fixture.id );
			t.check(
				`order #${ orderId } is processing`,
				placed.orders.find( ( o ) => o.id === orderId )?.status ===
					'processing',
				placed.orders.find( ( o ) => o.id === orderId )
			);
			t.equal(
				'cash on delivery, processing but unpaid: the session is not recovered yet',
				[
					unpaid?.status,
					META.RECOVERED_ORDER_ID! in ( unpaid?.meta ?? {} ),
				],
				[ STATUS.abandoned, false ]
			);
			// Paid on delivery: the shop completes the order.
			await php(
				`wc_get_order( ${ orderId } )->update_status( 'completed' ); echo "1\\n";`
			);
			const state = await readState( store.site );
			const order = state.orders.find( ( o ) => o.id === orderId );
			const recovered = state.sessions.find(
				( s ) => s.id === fixture.id
			);
			const meta = recovered?.meta ?? {};
			t.equal(
				'completed: the session is recovered by this order',
				[
					recovered?.status,
					Number( meta[ META.RECOVERED_ORDER_ID! ] ),
				],
				[ STATUS.recovered, orderId ]
			);
			t.check(
				'method restore_token or session_id',
				[ 'restore_token', 'session_id' ].includes(
					String( meta[ META.RECOVERY_METHOD! ] )
				),
				meta[ META.RECOVERY_METHOD! ]
			);
			t.check(
				'recovered revenue = order total',
				Math.abs(
					Number( meta[ META.RECOVERED_REVENUE! ] ) -
						Number( order?.total )
				) < 0.005,
				{
					revenue: meta[ META.RECOVERED_REVENUE! ],
					total: order?.total,
				}
			);
			const coupons = await php< string[] >(
				`echo wp_json_encode( wc_get_order( ${ orderId } )->get_coupon_codes() ), "\\n";`
			);
			t.equal(
				'the order used the recovery coupon',
				coupons.map( ( c ) => c.toLowerCase() ),
				[ fixture.coupon.toLowerCase() ]
			);
			t.equal(
				'no browser errors',
				errors.filter( ( e ) => /cartbay/i.test( e ) ),
				[]
			);
		}
	);

	await scenario(
		'restore: the recovery coupon is refused for another email',
		async () => {
			const email = address( 'coupon-owner' );
			const fixture = await session( {
				email,
				items: [ [ 'CB-HOODIE', 1 ] ],
				coupon: true,
			} );
			const { page } = await newPage();
			await page.goto( `${ url }${ linkPath( fixture.restore ) }`, {
				waitUntil: 'load',
			} );
			const applied = await storeCart( page );
			t.equal(
				'applied after the restore',
				applied.coupons.map( ( c ) => c.code.toLowerCase() ),
				[ fixture.coupon.toLowerCase() ]
			);
			await page.goto( `${ url }/classic-checkout/`, {
				waitUntil: 'load',
			} );
			await page.waitForSelector( 'form.checkout #billing_email' );
			const stranger = address( 'stranger' );
			await page.fill( '#billing_email', stranger );
			await page.fill( '#billing_first_name', 'Sam' );
			await page.fill( '#billing_last_name', 'Stranger' );
			await page.fill( '#billing_address_1', '2 Other Street' );
			await page.fill( '#billing_city', 'San Francisco' );
			await page
				.selectOption( '#billing_state', 'CA' )
				.catch( () => undefined );
			await page.fill( '#billing_postcode', '94107' );
			await page.fill( '#billing_phone', '5550101' );
			await page
				.waitForLoadState( 'networkidle' )
				.catch( () => undefined );
			await page
				.locator( '#payment_method_cod' )
				.check( { force: true } );
			await page.click( '#place_order' );
			const notice = page
				.locator(
					'.woocommerce-error, .woocommerce-NoticeGroup-checkout, .wc-block-components-notice-banner.is-error'
				)
				.first();
			await notice.waitFor( { state: 'visible', timeout: 30_000 } );
			const text = ( await notice.innerText() ).replace( /\s+/g, ' ' );
			t.check(
				'checkout refuses the coupon with a coupon error',
				/coupon/i.test( text ),
				text
			);
			t.check(
				'no order-received page',
				! /order-received/.test( page.url() ),
				page.url()
			);
			const after = await storeCart( page );
			t.equal(
				'the coupon is no longer in the cart',
				after.coupons.length,
				0
			);
			const state = await readState( store.site );
			t.equal(
				'no order for the other email',
				state.orders.filter(
					( o ) =>
						o.billing_email === stranger &&
						o.status === 'processing'
				).length,
				0
			);
			t.equal(
				'the session is still abandoned',
				state.sessions.find( ( s ) => s.id === fixture.id )?.status,
				STATUS.abandoned
			);
		}
	);

	await scenario(
		'restore: an out-of-stock item gives a partial restore with a notice',
		async () => {
			const email = address( 'partial-e2e' );
			const fixture = await session( {
				email,
				items: [
					[ 'CB-HOODIE', 1 ],
					[ 'CB-CAP', 2 ],
				],
			} );
			await php(
				`$p = wc_get_product( ${ id( 'CB-CAP' ) } ); $p->set_stock_quantity( 0 ); $p->save(); echo "1\\n";`
			);
			try {
				const { page } = await newPage();
				await page.goto( `${ url }${ linkPath( fixture.restore ) }`, {
					waitUntil: 'load',
				} );
				t.check(
					'still lands on checkout',
					new URL( page.url() ).pathname === '/checkout/',
					page.url()
				);
				await page.waitForSelector(
					'.wp-block-woocommerce-checkout #email'
				);
				await blockSettled( page );
				const body = (
					await page.locator( 'body' ).innerText()
				).replace( /\s+/g, ' ' );
				t.check(
					'the page tells the shopper the cap is out of stock',
					/CartBay Test Cap is out of stock/.test( body ),
					body.slice( 0, 800 )
				);
				const cart = await storeCart( page );
				t.equal(
					'only the hoodie is in the cart',
					cart.items.map( ( i ) => [ i.id, i.quantity ] ),
					[ [ id( 'CB-HOODIE' ), 1 ] ]
				);
				const events = ( await readState( store.site ) ).sessions.find(
					( s ) => s.id === fixture.id
				)?.meta[ META.EVENTS! ];
				const names = Array.isArray( events )
					? events.map( ( e: { event?: string } ) => e.event )
					: Object.values(
							( events ?? {} ) as Record<
								string,
								{ event?: string }
							>
						).map( ( e ) => e.event );
				t.equal( 'event cart_restore_partial', names.slice( -1 ), [
					EVENT.CART_RESTORE_PARTIAL,
				] );
			} finally {
				await php(
					`$p = wc_get_product( ${ id( 'CB-CAP' ) } ); $p->set_stock_quantity( 10 ); $p->save(); echo "1\\n";`
				);
			}
		}
	);
}
