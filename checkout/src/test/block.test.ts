// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	blockConsentField,
	captureClient,
	captureLimits,
} from '../../../plugin/schema/capture';
import type { CheckoutConfig } from '../capture-client';
import type { StoreCartItem } from '../block';
import {
	SESSION_A,
	bodies,
	json,
	setConfig,
	storedSession,
	stubFetch,
} from './helpers';

/**
 * A stand-in for the two WooCommerce Blocks stores behind `wp.data`: select() returns selectors over
 * `store`, subscribe() collects listeners that `emit()` calls, as a dispatch to any store would.
 */
const store = vi.hoisted( () => ( {
	registered: true,
	cart: {
		items: [] as unknown[],
		billingAddress: { email: '' } as { email?: string },
	},
	fields: {} as Record< string, unknown >,
	status: 'idle',
	listeners: [] as ( () => void )[],
} ) );

vi.mock( '@wordpress/data', () => ( {
	select: ( name: string ) => {
		if ( ! store.registered ) {
			return undefined;
		}
		if ( name === 'wc/store/cart' ) {
			// A new object on every dispatch, like the reducer's.
			return { getCartData: () => ( { ...store.cart } ) };
		}
		if ( name === 'wc/store/checkout' ) {
			return {
				getAdditionalFields: () => store.fields,
				getCheckoutStatus: () => store.status,
			};
		}
		return undefined;
	},
	subscribe: ( listener: () => void ) => {
		store.listeners.push( listener );
		return () => {};
	},
} ) );

const DEBOUNCE = captureClient.debounceMs;
const CONSENT = blockConsentField.id;

const hat: StoreCartItem = {
	id: 11,
	type: 'simple',
	quantity: 1,
	variation: [],
};
const shirt: StoreCartItem = {
	id: 42,
	type: 'variation',
	quantity: 2,
	variation: [
		{ attribute: 'Color', value: 'Blue' },
		{ attribute: 'Size', value: 'L' },
	],
};

function emit(): void {
	for ( const listener of store.listeners ) {
		listener();
	}
}

/**
 * A store change: mutate, then notify like a dispatch would.
 * @param mutate
 */
function change( mutate: () => void ): void {
	mutate();
	emit();
}

async function load( config: Partial< CheckoutConfig > | null = {} ) {
	setConfig( config ?? undefined );
	vi.resetModules();
	return import( '../block' );
}

describe( 'block checkout', () => {
	beforeEach( () => {
		vi.useFakeTimers();
		sessionStorage.clear();
		store.registered = true;
		store.cart = { items: [ hat, shirt ], billingAddress: { email: '' } };
		store.fields = { [ CONSENT ]: true };
		store.status = 'idle';
		store.listeners = [];
	} );
	afterEach( () => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		setConfig( undefined );
	} );

	it( 'email typed into the store → one request with source block, consent field and cart lines', async () => {
		const fetchMock = stubFetch();
		await load();
		expect( store.listeners ).toHaveLength( 1 );
		for ( const email of [
			'a',
			'ann',
			'ann@',
			'ann@example',
			'ann@example.c',
			'ann@example.com',
		] ) {
			change(
				() =>
					( store.cart = {
						...store.cart,
						billingAddress: { email },
					} )
			);
			await vi.advanceTimersByTimeAsync( 200 );
		}
		// Unrelated dispatches (same data) do not count.
		emit();
		emit();
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( bodies( fetchMock ) ).toEqual( [
			{
				email: 'ann@example.com',
				consent: true,
				source: 'block',
				cart: {
					items: [
						{ product_id: 11, quantity: 1 },
						{
							product_id: 42,
							variation_id: 42,
							quantity: 2,
							variation: { Color: 'Blue', Size: 'L' },
						},
					],
				},
			},
		] );
		expect( storedSession() ).toBe( SESSION_A );
	} );

	it( 'a prefilled email with the field checked is captured once on load', async () => {
		const fetchMock = stubFetch();
		store.cart.billingAddress = { email: 'ann@example.com' };
		await load();
		emit();
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( bodies( fetchMock ) ).toMatchObject( [
			{ email: 'ann@example.com', source: 'block' },
		] );
	} );

	it( "a signed-in customer's page: the config nonce goes as X-WP-Nonce; a guest's sends none", async () => {
		const fetchMock = stubFetch();
		store.cart.billingAddress = { email: 'ann@example.com' };
		await load( { nonce: 'f00dcafe12' } );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock.mock.calls[ 0 ]?.[ 1 ]?.headers ).toEqual( {
			'Content-Type': 'application/json',
			'X-WP-Nonce': 'f00dcafe12',
		} );
		sessionStorage.clear();
		store.cart.billingAddress = { email: 'bob@example.com' };
		await load();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock.mock.calls.at( -1 )?.[ 1 ]?.headers ).toEqual( {
			'Content-Type': 'application/json',
		} );
	} );

	it( 'restored checkout: the first loaded state is not captured, a later change is', async () => {
		const fetchMock = stubFetch();
		store.cart.billingAddress = { email: 'ann@example.com' };
		store.cart.items = [];
		await load( { restored: true } );
		// The cart resolves after the script ran.
		change( () => ( store.cart = { ...store.cart, items: [ hat ] } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
		change(
			() =>
				( store.cart = {
					...store.cart,
					items: [ { ...hat, quantity: 3 } ],
				} )
		);
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock ) ).toMatchObject( [
			{ cart: { items: [ { product_id: 11, quantity: 3 } ] } },
		] );
	} );

	it( 'consent field unchecked or missing → zero requests', async () => {
		const fetchMock = stubFetch();
		store.cart.billingAddress = { email: 'ann@example.com' };
		store.fields = {};
		await load();
		change( () => ( store.fields = { [ CONSENT ]: false } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it( 'checking the field later captures; unchecking afterwards withdraws once', async () => {
		const fetchMock = stubFetch(
			json( { session_id: SESSION_A } ),
			json( { session_id: null } )
		);
		store.cart.billingAddress = { email: 'ann@example.com' };
		store.fields = { [ CONSENT ]: false };
		await load();
		change( () => ( store.fields = { [ CONSENT ]: true } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		change( () => ( store.fields = { [ CONSENT ]: false } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( bodies( fetchMock ).map( ( { consent } ) => consent ) ).toEqual(
			[ true, false ]
		);
		expect( storedSession() ).toBeNull();
	} );

	it( 'stores registered after the script ran are picked up on the next change', async () => {
		const fetchMock = stubFetch();
		store.registered = false;
		await load();
		store.cart.billingAddress = { email: 'ann@example.com' };
		change( () => ( store.registered = true ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'placing the order (status not idle) cancels a pending capture', async () => {
		const fetchMock = stubFetch();
		await load();
		change(
			() =>
				( store.cart = {
					...store.cart,
					billingAddress: { email: 'ann@example.com' },
				} )
		);
		await vi.advanceTimersByTimeAsync( DEBOUNCE / 2 );
		for ( const status of [
			'before_processing',
			'processing',
			'complete',
		] ) {
			change( () => ( store.status = status ) );
			await vi.advanceTimersByTimeAsync( DEBOUNCE );
		}
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it( 'an empty or unloaded cart is not captured', async () => {
		const fetchMock = stubFetch();
		store.cart = {
			items: [],
			billingAddress: { email: 'ann@example.com' },
		};
		await load();
		emit();
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it( 'sends at most the schema’s number of cart lines, quantities capped', async () => {
		const fetchMock = stubFetch();
		store.cart = {
			items: Array.from(
				{ length: captureLimits.maxCartItems + 5 },
				( _, i ) => ( {
					...hat,
					id: i + 1,
					quantity: captureLimits.maxQuantity * 2,
				} )
			),
			billingAddress: { email: 'ann@example.com' },
		};
		await load();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		const items = bodies( fetchMock )[ 0 ]!.cart!.items;
		expect( items ).toHaveLength( captureLimits.maxCartItems );
		expect(
			items.every(
				( line ) => line.quantity === captureLimits.maxQuantity
			)
		).toBe( true );
	} );

	it( 'does nothing without the config global', async () => {
		const fetchMock = stubFetch();
		store.cart.billingAddress = { email: 'ann@example.com' };
		await load( null );
		expect( store.listeners ).toHaveLength( 0 );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it.each( [
		[ true, true ],
		[ false, false ],
		[ undefined, false ],
		[ '1', true ],
		[ '0', false ],
		[ '', false ],
	] )( 'consent value %j → %s', async ( value, expected ) => {
		const { consentOf } = await load( null );
		expect( consentOf( value ) ).toBe( expected );
	} );

	it( 'maps Store API items to capture lines', async () => {
		const { cartLine } = await load( null );
		expect( cartLine( hat ) ).toEqual( { product_id: 11, quantity: 1 } );
		expect( cartLine( shirt ) ).toEqual( {
			product_id: 42,
			variation_id: 42,
			quantity: 2,
			variation: { Color: 'Blue', Size: 'L' },
		} );
		expect( cartLine( { id: 5, type: 'variation', quantity: 1 } ) ).toEqual(
			{
				product_id: 5,
				variation_id: 5,
				quantity: 1,
				variation: {},
			}
		);
	} );
} );
