// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureClient } from '../../../plugin/schema/capture';
import type { CheckoutConfig } from '../capture-client';
import {
	SESSION_A,
	bodies,
	json,
	setConfig,
	storedSession,
	stubFetch,
} from './helpers';

const DEBOUNCE = captureClient.debounceMs;

/**
 * The parts of WooCommerce's classic checkout form the script touches.
 * @param root0
 * @param root0.email
 * @param root0.emailField
 */
function checkoutPage( { email = '', emailField = true } = {} ): void {
	document.body.innerHTML = `
		<form name="checkout" method="post" class="checkout woocommerce-checkout">
			<div id="customer_details"><div class="woocommerce-billing-fields">
				<div class="woocommerce-billing-fields__field-wrapper">
					<p class="form-row form-row-first validate-required" id="billing_first_name_field" data-priority="10">
						<label for="billing_first_name">First name</label>
						<input type="text" class="input-text" name="billing_first_name" id="billing_first_name" value="Ann">
					</p>
					${
						emailField
							? `<p class="form-row form-row-wide validate-required validate-email" id="billing_email_field" data-priority="110">
						<label for="billing_email">Email address</label>
						<input type="email" class="input-text" name="billing_email" id="billing_email" value="${ email }">
					</p>`
							: ''
					}
					<p class="form-row form-row-wide" id="billing_phone_field" data-priority="120">
						<input type="tel" class="input-text" name="billing_phone" id="billing_phone" value="">
					</p>
				</div>
			</div></div>
			<h3 id="order_review_heading">Your order</h3>
			<div id="order_review" class="woocommerce-checkout-review-order">
				${ reviewTable( 'Hat × 1', '$10.00' ) }
				<div id="payment"><button type="submit" id="place_order">Place order</button></div>
			</div>
		</form>`;
}

const reviewTable = ( line: string, total: string ) =>
	`<table class="shop_table woocommerce-checkout-review-order-table"><tbody><tr class="cart_item"><td class="product-name">${ line }</td><td>${ total }</td></tr></tbody><tfoot><tr class="order-total"><td>${ total }</td></tr></tfoot></table>`;

/**
 * WooCommerce's update_order_review: the review table is replaced by the server's fragment.
 * @param line
 * @param total
 */
function rerenderReview( line: string, total: string ): void {
	const table = document.querySelector(
		'.woocommerce-checkout-review-order-table'
	)!;
	table.insertAdjacentHTML( 'afterend', reviewTable( line, total ) );
	table.remove();
}

/**
 * A fresh page load of the script; `null`: no config global printed.
 * @param config
 */
async function load(
	config: Partial< CheckoutConfig > | null = {}
): Promise< void > {
	setConfig( config ?? undefined );
	vi.resetModules();
	await import( '../classic' );
}

const consentBox = () =>
	document.getElementById(
		captureClient.classicCheckboxId
	) as HTMLInputElement | null;
const emailInput = () =>
	document.getElementById( 'billing_email' ) as HTMLInputElement;

function type( value: string ): void {
	emailInput().value = value;
	emailInput().dispatchEvent( new Event( 'input', { bubbles: true } ) );
}

describe( 'classic checkout', () => {
	/** Document listeners each fresh module instance adds, removed after each test (one page load each). */
	const added: [ string, EventListenerOrEventListenerObject ][] = [];

	beforeEach( () => {
		vi.useFakeTimers();
		sessionStorage.clear();
		const original = document.addEventListener.bind( document );
		vi.spyOn( document, 'addEventListener' ).mockImplementation(
			( eventType, listener, options ) => {
				added.push( [ eventType, listener! ] );
				original( eventType, listener, options );
			}
		);
	} );
	afterEach( () => {
		for ( const [ eventType, listener ] of added.splice( 0 ) ) {
			document.removeEventListener( eventType, listener );
		}
		vi.restoreAllMocks();
		vi.useRealTimers();
		vi.unstubAllGlobals();
		setConfig( undefined );
		document.body.innerHTML = '';
	} );

	it( 'inserts a labelled checkbox right after the billing email row, checked per config', async () => {
		stubFetch();
		checkoutPage();
		await load( {
			consentText: 'Email me my cart if I leave.',
			consentDefault: true,
		} );
		const box = consentBox()!;
		expect( box.type ).toBe( 'checkbox' );
		expect( box.checked ).toBe( true );
		const row = box.closest( 'p' )!;
		expect( row.previousElementSibling?.id ).toBe( 'billing_email_field' );
		expect( row.nextElementSibling?.id ).toBe( 'billing_phone_field' );
		expect( row.classList.contains( 'form-row' ) ).toBe( true );
		expect( row.hasAttribute( 'data-priority' ) ).toBe( false );
		// Accessible name: the config text, through a real <label>.
		expect( box.labels ).toHaveLength( 1 );
		expect( box.labels![ 0 ]!.textContent!.trim() ).toBe(
			'Email me my cart if I leave.'
		);
		expect( box.form ).toBe( document.querySelector( 'form.checkout' ) );
		expect(
			document.querySelectorAll( `#${ captureClient.classicCheckboxId }` )
		).toHaveLength( 1 );
	} );

	it( 'starts unchecked when the config says so', async () => {
		stubFetch();
		checkoutPage();
		await load( { consentDefault: false } );
		expect( consentBox()!.checked ).toBe( false );
	} );

	it( 'renders the consent text as text, never markup', async () => {
		stubFetch();
		checkoutPage();
		await load( {
			consentText: '<img src=x onerror="alert(1)"> Keep <b>my</b> cart',
		} );
		const label = consentBox()!.labels![ 0 ]!;
		expect( label.querySelector( 'img, b' ) ).toBeNull();
		expect( label.textContent ).toContain(
			'<img src=x onerror="alert(1)"> Keep <b>my</b> cart'
		);
	} );

	it( 'falls back to before the form’s first field without a billing email row', async () => {
		stubFetch();
		checkoutPage( { emailField: false } );
		await load();
		const row = consentBox()!.closest( 'p' )!;
		expect( row.nextElementSibling?.id ).toBe( 'billing_first_name_field' );
	} );

	it( 'does nothing without the config global or a checkout form', async () => {
		const fetchMock = stubFetch();
		checkoutPage( { email: 'ann@example.com' } );
		await load( null );
		expect( consentBox() ).toBeNull();
		document.body.innerHTML = '<p>Your cart is empty.</p>';
		await load( {} );
		expect( consentBox() ).toBeNull();
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it( 'captures a prefilled email with checked consent once on load (source classic)', async () => {
		const fetchMock = stubFetch();
		checkoutPage( { email: 'ann@example.com' } );
		await load();
		// WooCommerce's initial update_order_review re-renders the same table.
		rerenderReview( 'Hat × 1', '$10.00' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'ann@example.com', consent: true, source: 'classic' },
		] );
		expect( storedSession() ).toBe( SESSION_A );
	} );

	it( "a signed-in customer's page: the config nonce goes as X-WP-Nonce", async () => {
		const fetchMock = stubFetch();
		checkoutPage( { email: 'ann@example.com' } );
		await load( { nonce: 'f00dcafe12' } );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock.mock.calls[ 0 ]?.[ 1 ]?.headers ).toEqual( {
			'Content-Type': 'application/json',
			'X-WP-Nonce': 'f00dcafe12',
		} );
	} );

	it( 'restored checkout: the prefilled email is not captured; a later change is', async () => {
		const fetchMock = stubFetch();
		checkoutPage( { email: 'ann@example.com' } );
		await load( { restored: true } );
		rerenderReview( 'Hat × 1', '$10.00' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).not.toHaveBeenCalled();
		type( 'ann@example.org' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'ann@example.org', consent: true, source: 'classic' },
		] );
	} );

	it( 'typing an email → one request after the debounce', async () => {
		const fetchMock = stubFetch();
		checkoutPage();
		await load();
		for ( const ch of 'bob@example.com' ) {
			type( emailInput().value + ch );
			await vi.advanceTimersByTimeAsync( 100 );
		}
		// Typing in other fields (same state) does not push the capture back.
		document
			.getElementById( 'billing_phone' )!
			.dispatchEvent( new Event( 'input', { bubbles: true } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'bob@example.com', consent: true, source: 'classic' },
		] );
	} );

	it( 'unchecked consent → zero requests, until the shopper checks it', async () => {
		const fetchMock = stubFetch();
		checkoutPage( { email: 'ann@example.com' } );
		await load( { consentDefault: false } );
		type( 'bob@example.com' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
		consentBox()!.click();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'bob@example.com', consent: true, source: 'classic' },
		] );
	} );

	it( 'a cart change re-rendered into #order_review is captured again; an identical re-render is not', async () => {
		const fetchMock = stubFetch();
		checkoutPage( { email: 'ann@example.com' } );
		await load();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		rerenderReview( 'Hat × 1', '$10.00' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 2 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		rerenderReview( 'Hat × 2', '$20.00' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( bodies( fetchMock )[ 1 ] ).toEqual( {
			email: 'ann@example.com',
			consent: true,
			source: 'classic',
		} );
	} );

	it( 'unchecking after a capture withdraws once and clears the stored id', async () => {
		const fetchMock = stubFetch(
			json( { session_id: SESSION_A } ),
			json( { session_id: null } )
		);
		checkoutPage( { email: 'ann@example.com' } );
		await load();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		consentBox()!.click();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		type( 'ann@example.org' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'ann@example.com', consent: true, source: 'classic' },
			{ consent: false, source: 'classic' },
		] );
		expect( storedSession() ).toBeNull();
	} );

	it( 'placing the order cancels a pending capture', async () => {
		const fetchMock = stubFetch();
		checkoutPage();
		await load();
		type( 'ann@example.com' );
		await vi.advanceTimersByTimeAsync( DEBOUNCE / 2 );
		const form = document.querySelector(
			'form.checkout'
		) as HTMLFormElement;
		form.addEventListener( 'submit', ( event ) => event.preventDefault() );
		form.dispatchEvent(
			new Event( 'submit', { bubbles: true, cancelable: true } )
		);
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );
} );
