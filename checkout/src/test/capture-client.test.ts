// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureClient, captureLimits } from '../../../plugin/schema/capture';
import {
	buildPayload,
	changeKey,
	createCapture,
	isEmail,
	readConfig,
	retryAfterMs,
	storedId,
	storeId,
	type CheckoutState,
} from '../capture-client';
import {
	ENDPOINT,
	SESSION_A,
	SESSION_B,
	bodies,
	deferred,
	json,
	setConfig,
	storedSession,
	stubFetch,
} from './helpers';

const DEBOUNCE = captureClient.debounceMs;
const state = (
	email: string,
	consent = true,
	extra: Partial< CheckoutState > = {}
): CheckoutState => ( {
	email,
	consent,
	...extra,
} );

describe( 'isEmail', () => {
	const long = `${ 'a'.repeat( 64 ) }@${ 'b'.repeat( 63 ) }.${ 'c'.repeat( 63 ) }.${ 'd'.repeat( 58 ) }.com`;
	it.each( [
		[ 'ann@example.com', true ],
		[ 'ann.lee+cart@shop.example.co.uk', true ],
		[ "o'brien@example.ie", true ],
		[ 'x_y-z@sub-domain.example.museum', true ],
		[ 'ANN@EXAMPLE.COM', true ],
		[ 'a@b.cd', true ],
		[ '1@2.34', true ],
		[ '', false ],
		[ 'ann', false ],
		[ 'ann@', false ],
		[ '@example.com', false ],
		[ 'ann@example', false ],
		[ 'ann@example.', false ],
		[ 'ann@example.c', false ],
		[ 'ann@@example.com', false ],
		[ 'ann lee@example.com', false ],
		[ ' ann@example.com', false ],
		[ 'ann@exa mple.com', false ],
		[ 'ann@example..com', false ],
		[ 'ann@.example.com', false ],
		[ 'ann@example_shop.com', false ],
		[ 'ann@exämple.com', false ],
		[ long, long.length <= captureLimits.maxEmailLength ],
		[ `${ 'a'.repeat( 250 ) }@b.co`, false ],
	] )( '%j → %s', ( email, valid ) => {
		expect( isEmail( email ) ).toBe( valid );
	} );

	it( 'caps the length at the schema limit', () => {
		const at = ( length: number ) =>
			`${ 'a'.repeat( length - '@example.com'.length ) }@example.com`;
		expect( isEmail( at( captureLimits.maxEmailLength ) ) ).toBe( true );
		expect( isEmail( at( captureLimits.maxEmailLength + 1 ) ) ).toBe(
			false
		);
	} );
} );

describe( 'buildPayload and changeKey', () => {
	it( 'consent with a valid email captures; no session id, no cart unless given', () => {
		expect( buildPayload( 'classic', state( 'ann@example.com' ) ) ).toEqual(
			{
				email: 'ann@example.com',
				consent: true,
				source: 'classic',
			}
		);
		expect(
			JSON.stringify(
				buildPayload( 'classic', state( 'ann@example.com' ) )
			)
		).toBe(
			'{"email":"ann@example.com","consent":true,"source":"classic"}'
		);
	} );

	it( 'carries the client cart for the block source', () => {
		const cart = { items: [ { product_id: 7, quantity: 2 } ] };
		expect(
			buildPayload( 'block', state( 'ann@example.com', true, { cart } ) )
		).toEqual( {
			email: 'ann@example.com',
			consent: true,
			source: 'block',
			cart,
		} );
	} );

	it( 'no payload for consent without a valid email', () => {
		expect(
			buildPayload( 'classic', state( 'ann@example' ) )
		).toBeUndefined();
		expect( buildPayload( 'block', state( '' ) ) ).toBeUndefined();
	} );

	it( 'no consent is a withdrawal payload without the email', () => {
		expect(
			buildPayload( 'classic', state( 'ann@example.com', false ) )
		).toEqual( {
			consent: false,
			source: 'classic',
		} );
	} );

	it( 'the key changes with the payload and the cart signature, not otherwise', () => {
		const a = state( 'ann@example.com', true, { sig: 'Hat × 1 $10' } );
		const key = ( s: CheckoutState ) =>
			changeKey( buildPayload( 'classic', s ), s.sig );
		expect( key( a ) ).toBe( key( { ...a } ) );
		expect( key( a ) ).not.toBe( key( { ...a, sig: 'Hat × 2 $20' } ) );
		expect( key( a ) ).not.toBe(
			key( { ...a, email: 'bob@example.com' } )
		);
		expect( key( a ) ).not.toBe( key( { ...a, consent: false } ) );
	} );

	it.each( [
		[ '30', 30_000 ],
		[ '1', 1_000 ],
		[ null, 60_000 ],
		[ '0', 60_000 ],
		[ 'Wed, 21 Oct 2015 07:28:00 GMT', 60_000 ],
	] )( 'Retry-After %j → %i ms', ( header, ms ) => {
		expect( retryAfterMs( header ) ).toBe( ms );
	} );
} );

describe( 'session id storage and config', () => {
	beforeEach( () => sessionStorage.clear() );

	it( 'stores, reads and removes the id under the schema key', () => {
		expect( storedId() ).toBeUndefined();
		storeId( SESSION_A );
		expect(
			sessionStorage.getItem( captureClient.sessionStorageKey )
		).toBe( SESSION_A );
		expect( storedId() ).toBe( SESSION_A );
		storeId( null );
		expect( storedId() ).toBeUndefined();
	} );

	it( 'reads the config global named by the schema', () => {
		setConfig( undefined );
		expect( readConfig() ).toBeUndefined();
		setConfig( { restored: true } );
		expect( readConfig() ).toMatchObject( {
			endpoint: ENDPOINT,
			restored: true,
		} );
		setConfig( undefined );
	} );
} );

describe( 'createCapture', () => {
	beforeEach( () => {
		vi.useFakeTimers();
		sessionStorage.clear();
	} );
	afterEach( () => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		vi.restoreAllMocks();
	} );

	it( 'many keystrokes → one request after the debounce, with the latest email', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		const typed = 'ann@example.com';
		for ( let i = 1; i <= typed.length; i++ ) {
			capture( state( typed.slice( 0, i ) ) );
			await vi.advanceTimersByTimeAsync( 150 );
		}
		expect( fetchMock ).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: typed, consent: true, source: 'classic' },
		] );
		const [ url, init ] = fetchMock.mock.calls[ 0 ]!;
		expect( url ).toBe( ENDPOINT );
		expect( init ).toMatchObject( {
			method: 'POST',
			keepalive: true,
			headers: { 'Content-Type': 'application/json' },
		} );
		expect( storedSession() ).toBe( SESSION_A );
		await vi.advanceTimersByTimeAsync( 60_000 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'sends nothing before the debounce has passed', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE - 1 );
		expect( fetchMock ).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync( 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'unchanged payload → zero further requests; the stored id goes back without counting as a change', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		for ( let i = 0; i < 5; i++ ) {
			capture( state( 'ann@example.com' ) );
			await vi.advanceTimersByTimeAsync( DEBOUNCE );
		}
		// Changed and changed back within the debounce: still the captured payload.
		capture( state( 'ann@example.co' ) );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 2 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );

		capture( state( 'ann@example.org' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock )[ 1 ] ).toEqual( {
			email: 'ann@example.org',
			consent: true,
			source: 'classic',
		} );
	} );

	it( 'a changed cart signature alone is a change', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com', true, { sig: 'Hat × 1' } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( 'ann@example.com', true, { sig: 'Hat × 1' } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( 'ann@example.com', true, { sig: 'Hat × 2' } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( bodies( fetchMock )[ 1 ] ).not.toHaveProperty( 'sig' );
	} );

	it( 'no consent → zero requests', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com', false ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 10 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it.each( [
		'',
		'ann',
		'ann@example',
		'ann@example.c',
		'ann lee@example.com',
	] )( 'invalid email %j → zero requests', async ( email ) => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'block', ENDPOINT );
		capture( state( email ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 10 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it( 'skip takes the state as captured (restored checkout); a later change is sent', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ), true );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
		capture( state( 'bob@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'bob@example.com', consent: true, source: 'classic' },
		] );
	} );

	it( 'hold cancels a pending send; the same state afterwards stays quiet', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE / 2 );
		capture();
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).not.toHaveBeenCalled();
		capture( state( 'ann@example.org' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'one request in flight; changes meanwhile → exactly one more, with the latest payload, after it settles', async () => {
		const first = deferred< Response >();
		const fetchMock = stubFetch(
			() => first.promise,
			json( { session_id: SESSION_A } )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );

		capture( state( 'bob@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( 'cat@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 3 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );

		first.resolve( json( { session_id: SESSION_B } ) );
		await vi.advanceTimersByTimeAsync( 0 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( bodies( fetchMock )[ 1 ] ).toEqual( {
			email: 'cat@example.com',
			consent: true,
			source: 'classic',
		} );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'a change still being debounced when the request settles waits for its own debounce', async () => {
		const first = deferred< Response >();
		const fetchMock = stubFetch(
			() => first.promise,
			json( { session_id: SESSION_A } )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( 'ann@example.org' ) );
		first.resolve( json( { session_id: SESSION_A } ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE - 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		await vi.advanceTimersByTimeAsync( 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
	} );

	it( '429 honours Retry-After: nothing before it passes, then the latest state once', async () => {
		const fetchMock = stubFetch(
			json( { code: 'rate_limited' }, 429, { 'Retry-After': '30' } ),
			json( { session_id: SESSION_A } )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );

		// Retry-After counts from the answer; a change meanwhile only replaces what goes out afterwards.
		capture( state( 'bob@example.com' ) );
		await vi.advanceTimersByTimeAsync( 30_000 - 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( storedSession() ).toBeNull();

		await vi.advanceTimersByTimeAsync( 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( bodies( fetchMock )[ 1 ] ).toMatchObject( {
			email: 'bob@example.com',
		} );
		expect( storedSession() ).toBe( SESSION_A );
		await vi.advanceTimersByTimeAsync( 120_000 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
	} );

	it( '429 without Retry-After waits 60 s and retries the same payload', async () => {
		const fetchMock = stubFetch(
			json( {}, 429 ),
			json( { session_id: SESSION_A } )
		);
		const capture = createCapture( 'block', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE + 59_999 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		await vi.advanceTimersByTimeAsync( 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( bodies( fetchMock )[ 1 ] ).toEqual( bodies( fetchMock )[ 0 ] );
	} );

	it( 'other 4xx: gives the payload up silently; a network failure does not loop', async () => {
		const errorSpy = vi
			.spyOn( console, 'error' )
			.mockImplementation( () => {} );
		const warnSpy = vi
			.spyOn( console, 'warn' )
			.mockImplementation( () => {} );
		const fetchMock = stubFetch(
			json( { code: 'rest_invalid_param' }, 400 ),
			() => Promise.reject( new TypeError( 'Failed to fetch' ) ),
			json( { session_id: SESSION_A } )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );

		capture( state( 'bob@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );

		capture( state( 'cat@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 3 );
		expect( storedSession() ).toBe( SESSION_A );
		expect( errorSpy ).not.toHaveBeenCalled();
		expect( warnSpy ).not.toHaveBeenCalled();
	} );

	it( 'refusals of the transport checks (403, 415) are given up, not retried, and keep the stored id', async () => {
		sessionStorage.setItem( captureClient.sessionStorageKey, SESSION_B );
		const fetchMock = stubFetch(
			json( { code: 'cartbay_nonce_required' }, 403 ),
			json( { code: 'cartbay_unsupported_media_type' }, 415 )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		capture( state( 'bob@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( storedSession() ).toBe( SESSION_B );
	} );

	it( 'never sends a session id: the server knows the owner from its WooCommerce session', async () => {
		sessionStorage.setItem( captureClient.sessionStorageKey, SESSION_B );
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect(
			String( fetchMock.mock.calls[ 0 ]?.[ 1 ]?.body )
		).not.toContain( 'session_id' );
	} );

	it( 'a signed-in page: the REST nonce goes as X-WP-Nonce; a guest page sends none', async () => {
		const fetchMock = stubFetch();
		createCapture(
			'classic',
			ENDPOINT,
			'abc123nonce'
		)( state( 'ann@example.com' ) );
		createCapture( 'block', ENDPOINT )( state( 'bob@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		const headers = fetchMock.mock.calls.map(
			( [ , init ] ) => init?.headers
		);
		expect( headers[ 0 ] ).toEqual( {
			'Content-Type': 'application/json',
			'X-WP-Nonce': 'abc123nonce',
		} );
		expect( headers[ 1 ] ).toEqual( {
			'Content-Type': 'application/json',
		} );
	} );

	it( 'withdrawal: unchecking after a capture sends consent:false once and clears storage', async () => {
		const fetchMock = stubFetch(
			json( { session_id: SESSION_A } ),
			json( { session_id: null } )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( storedSession() ).toBe( SESSION_A );

		capture( state( 'ann@example.com', false ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock )[ 1 ] ).toEqual( {
			consent: false,
			source: 'classic',
		} );
		expect( storedSession() ).toBeNull();

		for ( let i = 0; i < 3; i++ ) {
			capture( state( `ann${ i }@example.com`, false ) );
			await vi.advanceTimersByTimeAsync( DEBOUNCE );
		}
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );

		// Consent again: a new capture without the withdrawn id.
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		expect( bodies( fetchMock )[ 2 ] ).toEqual( {
			email: 'ann@example.com',
			consent: true,
			source: 'classic',
		} );
	} );

	it( 'unchecking without a stored session sends nothing', async () => {
		const fetchMock = stubFetch();
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com', false ) );
		capture( state( 'ann@example.com', true ) );
		capture( state( 'ann@example.com', false ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( fetchMock ).not.toHaveBeenCalled();
	} );

	it( 'unchecking while the first capture is in flight withdraws once it has settled', async () => {
		const first = deferred< Response >();
		const fetchMock = stubFetch(
			() => first.promise,
			json( { session_id: null } )
		);
		const capture = createCapture( 'classic', ENDPOINT );
		capture( state( 'ann@example.com' ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( 'ann@example.com', false ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		first.resolve( json( { session_id: SESSION_A } ) );
		await vi.advanceTimersByTimeAsync( 0 );
		expect( bodies( fetchMock ) ).toEqual( [
			{ email: 'ann@example.com', consent: true, source: 'classic' },
			{ consent: false, source: 'classic' },
		] );
		expect( storedSession() ).toBeNull();
	} );

	it( 'a refused withdrawal is given up, not retried', async () => {
		sessionStorage.setItem( captureClient.sessionStorageKey, SESSION_B );
		const fetchMock = stubFetch(
			json( { code: 'rest_invalid_param' }, 400 )
		);
		const capture = createCapture( 'block', ENDPOINT );
		capture( state( '', false ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE );
		capture( state( '', false ) );
		await vi.advanceTimersByTimeAsync( DEBOUNCE * 5 );
		expect( bodies( fetchMock ) ).toEqual( [
			{ consent: false, source: 'block' },
		] );
	} );
} );
