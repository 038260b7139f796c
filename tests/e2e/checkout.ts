/**
 * Browser helpers for the two checkouts: cart, email, consent, capture request log, order placement.
 *
 * Block Checkout waits: the Checkout block renders client-side and recalculates through debounced Store
 * API /batch calls, during which Place Order ignores clicks. Every block step waits for the
 * `wc/store/checkout` data store to be idle (and not calculating) and for the network to be quiet;
 * placing an order retries the click up to three times (see /work/shared/env/README.md, "Browser tests").
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { blockConsentField, captureClient } from '../../plugin/schema';

export type Flow = 'classic' | 'block';

export const CHECKOUT_PATH: Record< Flow, string > = {
	classic: '/classic-checkout/',
	block: '/checkout/',
};
export const EMAIL_INPUT: Record< Flow, string > = {
	classic: '#billing_email',
	block: '#email',
};
/** Classic: the plugin's checkbox. Block: WooCommerce renders additional field `cartbay/marketing-consent` with an id derived from it. */
export const CONSENT_INPUT: Record< Flow, string > = {
	classic: `#${ captureClient.classicCheckboxId }`,
	// Verified on WooCommerce 10.0.2: the input's id contains the field id with `/` turned into `-`.
	block: `input[type="checkbox"][id*="${ blockConsentField.id.replace( /\//g, '-' ) }"]`,
};

export const CAPTURE_ROUTE =
	/\/cartbay\/v1\/capture\b|rest_route=%2Fcartbay%2Fv1%2Fcapture|rest_route=\/cartbay\/v1\/capture/;

export interface CaptureCall {
	at: number;
	method: string;
	body: unknown;
	status?: number;
	response?: unknown;
	done: boolean;
}

/** Every capture request a browser context sends, with its body and answer. */
export class CaptureLog {
	readonly calls: CaptureCall[] = [];
	private readonly byRequest = new Map< Request, CaptureCall >();

	constructor( context: BrowserContext ) {
		context.on( 'request', ( request ) => {
			if ( ! CAPTURE_ROUTE.test( request.url() ) ) {
				return;
			}
			let body: unknown = request.postData();
			try {
				body = request.postDataJSON();
			} catch {
				// Not JSON: keep the raw text.
			}
			const call: CaptureCall = {
				at: Date.now(),
				method: request.method(),
				body,
				done: false,
			};
			this.calls.push( call );
			this.byRequest.set( request, call );
		} );
		context.on( 'requestfinished', async ( request ) => {
			const call = this.byRequest.get( request );
			if ( ! call ) {
				return;
			}
			const response = await request.response().catch( () => null );
			call.status = response?.status();
			call.response = await response?.json().catch( () => undefined );
			call.done = true;
		} );
		context.on( 'requestfailed', ( request ) => {
			const call = this.byRequest.get( request );
			if ( call ) {
				call.status = 0;
				call.done = true;
			}
		} );
	}

	get count(): number {
		return this.calls.filter( ( c ) => c.method === 'POST' ).length;
	}

	/**
	 * POST calls since index `from`.
	 * @param from
	 */
	since( from: number ): CaptureCall[] {
		return this.calls.filter( ( c ) => c.method === 'POST' ).slice( from );
	}

	/**
	 * Waits until the capture debounce has surely elapsed since the last change (`changedAt`) and no
	 * capture request is in flight: the "settled" state after a change.
	 * @param page
	 * @param changedAt
	 */
	async settle( page: Page, changedAt = Date.now() ): Promise< void > {
		const quiet = captureClient.debounceMs + 800;
		for (;;) {
			const inFlight = this.calls.some( ( c ) => ! c.done );
			const last = Math.max(
				changedAt,
				...this.calls.map( ( c ) => c.at )
			);
			if ( ! inFlight && Date.now() - last >= quiet ) {
				return;
			}
			await page.waitForTimeout( 100 );
		}
	}
}

/**
 * Console errors and page errors of a page (for failure details).
 * @param page
 */
export function collectErrors( page: Page ): string[] {
	const errors: string[] = [];
	page.on( 'console', ( m ) => {
		if ( m.type() === 'error' ) {
			errors.push( m.text() );
		}
	} );
	page.on( 'pageerror', ( e ) => errors.push( String( e ) ) );
	return errors;
}

/**
 * Adds a product to the page (cookie) cart and reads the whole answer.
 * @param page
 * @param url
 * @param productId
 * @param quantity
 */
export async function addToCart(
	page: Page,
	url: string,
	productId: number,
	quantity = 1
): Promise< void > {
	const response = await page.goto(
		`${ url }/?add-to-cart=${ productId }&quantity=${ quantity }`,
		// networkidle, not load: the theme's mini-cart asks the Store API for the cart after load, and with two
		// server workers that request can save the session after the next add-to-cart and drop its line.
		{ waitUntil: 'networkidle' }
	);
	if ( ! response || response.status() >= 400 ) {
		throw new Error(
			`add-to-cart ${ productId } answered ${ response?.status() }`
		);
	}
}

/**
 * Sets a cart line's quantity through the Store API from inside the page (same cookie session).
 * @param page
 * @param productId
 * @param quantity
 */
export async function setCartQuantity(
	page: Page,
	productId: number,
	quantity: number
): Promise< void > {
	const result = await page.evaluate(
		async ( { productId, quantity } ) => {
			const base = `${ location.origin }/wp-json/wc/store/v1`;
			const cartResponse = await fetch( `${ base }/cart`, {
				credentials: 'same-origin',
			} );
			const nonce = cartResponse.headers.get( 'Nonce' ) ?? '';
			const cart = ( await cartResponse.json() ) as {
				items: { key: string; id: number }[];
			};
			const item = cart.items.find( ( i ) => i.id === productId );
			if ( ! item ) {
				return `product ${ productId } not in the cart`;
			}
			const update = await fetch( `${ base }/cart/update-item`, {
				method: 'POST',
				credentials: 'same-origin',
				headers: { 'Content-Type': 'application/json', Nonce: nonce },
				body: JSON.stringify( { key: item.key, quantity } ),
			} );
			await update.text();
			return update.ok ? '' : `update-item answered ${ update.status }`;
		},
		{ productId, quantity }
	);
	if ( result ) {
		throw new Error( result );
	}
}

/**
 * The cookie cart as the Store API reports it: lines and total (in minor units).
 * @param page
 */
export async function readCart( page: Page ): Promise< {
	items: { id: number; quantity: number }[];
	total: string;
	minorUnit: number;
} > {
	return page.evaluate( async () => {
		const response = await fetch(
			`${ location.origin }/wp-json/wc/store/v1/cart`,
			{ credentials: 'same-origin' }
		);
		const cart = ( await response.json() ) as {
			items: { id: number; quantity: number }[];
			totals: { total_price: string; currency_minor_unit: number };
		};
		return {
			items: cart.items.map( ( i ) => ( {
				id: i.id,
				quantity: i.quantity,
			} ) ),
			total: cart.totals.total_price,
			minorUnit: cart.totals.currency_minor_unit,
		};
	} );
}

/**
 * Block Checkout: network quiet and the checkout/cart data stores idle.
 * @param page
 * @param timeout
 */
export async function blockSettled(
	page: Page,
	timeout = 30_000
): Promise< void > {
	await page
		.waitForLoadState( 'networkidle', { timeout } )
		.catch( () => undefined );
	await page.waitForFunction(
		() => {
			const w = window as unknown as {
				wp?: {
					data?: {
						select?: (
							store: string
						) => Record< string, () => boolean > | undefined;
					};
				};
			};
			const select = w.wp?.data?.select;
			if ( ! select ) {
				return false;
			}
			const checkout = select( 'wc/store/checkout' );
			const cart = select( 'wc/store/cart' );
			if ( ! checkout ) {
				return false;
			}
			return (
				checkout.isIdle?.() === true &&
				checkout.isCalculating?.() !== true &&
				cart?.isCustomerDataUpdating?.() !== true &&
				cart?.isShippingRateBeingSelected?.() !== true
			);
		},
		null,
		{ timeout, polling: 200 }
	);
}

/**
 * Opens a checkout page with a non-empty cart and waits until it is usable.
 * @param page
 * @param url
 * @param flow
 */
export async function openCheckout(
	page: Page,
	url: string,
	flow: Flow
): Promise< void > {
	await page.goto( `${ url }${ CHECKOUT_PATH[ flow ] }`, {
		waitUntil: 'load',
	} );
	if ( flow === 'classic' ) {
		await page.waitForSelector( 'form.checkout #billing_email' );
		await page.waitForSelector( '#place_order' );
		// The first update_order_review round trip replaces the payment section.
		await page.waitForLoadState( 'networkidle' ).catch( () => undefined );
	} else {
		await page.waitForSelector( '.wp-block-woocommerce-checkout #email' );
		await page.waitForSelector(
			'.wc-block-components-checkout-place-order-button'
		);
		await blockSettled( page );
	}
}

/**
 * Replaces the email field's value in one change (as autofill or a paste would).
 * @param page
 * @param flow
 * @param email
 */
export async function fillEmail(
	page: Page,
	flow: Flow,
	email: string
): Promise< void > {
	const input = page.locator( EMAIL_INPUT[ flow ] );
	await input.fill( email );
	// Classic listeners may wait for change/blur; Block Checkout stores the value on blur.
	await input.blur();
}

/**
 * Types an email one key at a time (clears the field first).
 * @param page
 * @param flow
 * @param email
 * @param delayMs
 */
export async function typeEmail(
	page: Page,
	flow: Flow,
	email: string,
	delayMs = 60
): Promise< void > {
	const input = page.locator( EMAIL_INPUT[ flow ] );
	await input.fill( '' );
	await input.pressSequentially( email, { delay: delayMs } );
	await input.blur();
}

/**
 * The consent checkbox (waits for it to be attached).
 * @param page
 * @param flow
 */
export function consentBox( page: Page, flow: Flow ) {
	return page.locator( CONSENT_INPUT[ flow ] ).first();
}

export async function setConsent(
	page: Page,
	flow: Flow,
	checked: boolean
): Promise< void > {
	const box = consentBox( page, flow );
	await box.waitFor( { state: 'attached', timeout: 15_000 } );
	await box.setChecked( checked, { force: true } );
}

/**
 * The session id the checkout script keeps in sessionStorage.
 * @param page
 */
export async function storedSessionId( page: Page ): Promise< string | null > {
	return page.evaluate(
		( key ) => window.sessionStorage.getItem( key ),
		captureClient.sessionStorageKey
	);
}

const ADDRESS = {
	first_name: 'Casey',
	last_name: 'Buyer',
	address_1: '1 Test Street',
	city: 'San Francisco',
	state: 'CA',
	postcode: '94107',
	phone: '5550100',
};

/**
 * Fills the address fields and places a cash-on-delivery order; returns the order id.
 * @param page
 * @param flow
 */
export async function placeOrder( page: Page, flow: Flow ): Promise< number > {
	if ( flow === 'classic' ) {
		await page.fill( '#billing_first_name', ADDRESS.first_name );
		await page.fill( '#billing_last_name', ADDRESS.last_name );
		await page.fill( '#billing_address_1', ADDRESS.address_1 );
		await page.fill( '#billing_city', ADDRESS.city );
		await page
			.selectOption( '#billing_state', ADDRESS.state )
			.catch( () => undefined );
		await page.fill( '#billing_postcode', ADDRESS.postcode );
		await page.fill( '#billing_phone', ADDRESS.phone );
		await page.waitForLoadState( 'networkidle' ).catch( () => undefined );
		await page.locator( '#payment_method_cod' ).check( { force: true } );
		await page.click( '#place_order' );
		await page.waitForURL( /order-received/, { timeout: 45_000 } );
	} else {
		const fillIfPresent = async ( selector: string, value: string ) => {
			if ( await page.locator( selector ).count() ) {
				await page.fill( selector, value );
			}
		};
		await fillIfPresent( '#shipping-first_name', ADDRESS.first_name );
		await fillIfPresent( '#shipping-last_name', ADDRESS.last_name );
		await fillIfPresent( '#shipping-address_1', ADDRESS.address_1 );
		await fillIfPresent( '#shipping-city', ADDRESS.city );
		if ( await page.locator( 'select#shipping-state' ).count() ) {
			await page.selectOption( 'select#shipping-state', ADDRESS.state );
		}
		await fillIfPresent( '#shipping-postcode', ADDRESS.postcode );
		await fillIfPresent( '#shipping-phone', ADDRESS.phone );
		// A virtual-only cart shows billing fields instead of shipping ones.
		await fillIfPresent( '#billing-first_name', ADDRESS.first_name );
		await fillIfPresent( '#billing-last_name', ADDRESS.last_name );
		await page
			.locator( 'input[type=radio][value="cod"]' )
			.check( { force: true } );
		// Address edits reach the store through a debounced /batch call that has not started yet when
		// the last field is filled: give it time to start, then wait for it to finish.
		await page.waitForTimeout( 1000 );
		await blockSettled( page );
		await clickPlaceOrder( page );
	}
	const match = page.url().match( /order-received\/(\d+)/ );
	if ( ! match?.[ 1 ] ) {
		throw new Error( `no order id in ${ page.url() }` );
	}
	return Number( match[ 1 ] );
}

/**
 * Block Checkout's Place Order, retried: a click during a recalculation is ignored and the checkout
 * stays idle. After each click, wait for the order-received page; when the checkout is still idle
 * (never started processing) 3 s after the click, settle and click again (at most 4 clicks).
 * @param page
 */
async function clickPlaceOrder( page: Page ): Promise< void > {
	for ( let attempt = 1; ; attempt++ ) {
		const clickedAt = Date.now();
		await page.click( '.wc-block-components-checkout-place-order-button' );
		for (;;) {
			if ( /order-received/.test( page.url() ) ) {
				return;
			}
			const status = await page
				.evaluate( () => {
					const w = window as unknown as {
						wp?: {
							data?: {
								select?: (
									s: string
								) =>
									| { getCheckoutStatus?: () => string }
									| undefined;
							};
						};
					};
					return (
						w.wp?.data
							?.select?.( 'wc/store/checkout' )
							?.getCheckoutStatus?.() ?? 'gone'
					);
				} )
				.catch( () => 'gone' ); // Navigating away.
			const idle = status === 'idle';
			if ( idle && Date.now() - clickedAt > 3000 ) {
				break; // The click was ignored.
			}
			if ( Date.now() - clickedAt > 45_000 ) {
				throw new Error(
					`no order-received page 45 s after Place Order (checkout status ${ status })`
				);
			}
			await page.waitForTimeout( 200 );
		}
		if ( attempt >= 4 ) {
			throw new Error( 'Place Order ignored 4 times' );
		}
		console.log(
			`          (Place Order click ${ attempt } ignored, retrying)`
		);
		await blockSettled( page );
	}
}

/**
 * CartBay scripts on the current page: external sources under /cartbay/ and the inline config.
 * @param page
 */
export async function cartbayScripts(
	page: Page
): Promise< { srcs: string[]; inline: string[] } > {
	return page.evaluate( ( configGlobal ) => {
		const scripts = Array.from( document.querySelectorAll( 'script' ) );
		return {
			srcs: scripts
				.map( ( s ) => s.src )
				.filter( ( src ) => src && /\/plugins\/cartbay\//.test( src ) ),
			inline: scripts
				.filter(
					( s ) =>
						! s.src &&
						( s.textContent ?? '' ).includes( configGlobal )
				)
				.map( ( s ) => s.textContent ?? '' ),
		};
	}, captureClient.configGlobal );
}
