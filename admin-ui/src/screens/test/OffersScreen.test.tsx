// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	cleanup,
	fireEvent,
	render,
	screen,
	waitFor,
} from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

import { defaultSettings, settingsOption } from '../../../../plugin/schema';
import { clearUnsavedDrafts } from '../../components/unsaved-drafts';
import { store } from '../../store';
import { getScreens } from '..';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const mockedFetch = vi.mocked( apiFetch );
const label = ( key: string ): string =>
	settingsOption.fields.find( ( f ) => f.key === key )!.label;

interface Request {
	path?: string;
	method?: string;
	parse?: boolean;
}

const COUPON = {
	coupon_id: 41,
	code: 'CARTBAY-******7K2Q',
	session_id: 'abc123',
	discount_type: 'fixed_cart',
	amount: 10,
	usage_count: 0,
	usage_limit: 1,
	expires_at: '2026-12-14T10:00:00Z',
	created_at: '2026-12-07T10:00:00Z',
	status: 'active',
};

function renderOffers() {
	const registry = createRegistry();
	registry.register( store );
	const offers = getScreens().find( ( s ) => s.name === 'offers' )!;
	return render(
		<RegistryProvider value={ registry }>
			{ offers.render() }
		</RegistryProvider>
	);
}

function answer( requests: Request[], coupons: ( typeof COUPON )[] ) {
	mockedFetch.mockImplementation( ( async ( request: Request ) => {
		requests.push( request );
		if ( request.path?.endsWith( '/settings' ) ) {
			return defaultSettings();
		}
		if ( request.path?.includes( '/coupons/' ) ) {
			return {
				...COUPON,
				code: 'CARTBAY-ABCDEF7K2Q',
				generated_email: 'shopper@example.test',
				email_restrictions: [ 'shopper@example.test' ],
				offer_note: '',
				individual_use: true,
				session: null,
				restore_clicked_at: null,
				recovered_order: null,
				attribution: null,
				events: [],
			};
		}
		if ( request.path?.includes( '/coupons' ) ) {
			return new Response(
				JSON.stringify( {
					cards: {
						generated: coupons.length,
						active: coupons.length,
						used: 0,
						expired: 0,
					},
					coupons,
				} ),
				{
					headers: {
						'X-WP-Total': String( coupons.length ),
						'X-WP-TotalPages': coupons.length > 0 ? '1' : '0',
					},
				}
			);
		}
		throw new Error( `unexpected ${ request.path }` );
	} ) as never );
}

describe( 'Offers section', () => {
	beforeEach( () => {
		mockedFetch.mockReset();
	} );
	afterEach( () => {
		cleanup();
		// Drafts outlive a form on purpose (tab switches); each test starts without any.
		clearUnsavedDrafts();
	} );

	it( 'rewords the Discount Summary as the fields change, and warns for a percentage, without saving', async () => {
		const requests: Request[] = [];
		answer( requests, [] );
		renderOffers();
		const amount = await screen.findByLabelText( label( 'coupon_amount' ) );
		const summary = () =>
			document.querySelector( '.cartbay-offers__summary-text' )!
				.textContent;
		expect( summary() ).toContain( '10.00 off' );
		expect( summary() ).toContain( 'Expires 7 days' );
		expect(
			document.querySelector( '.cartbay-offers__warning' )
		).toBeNull();

		fireEvent.change( amount, { target: { value: '15' } } );
		fireEvent.change( screen.getByLabelText( label( 'coupon_type' ) ), {
			target: { value: 'percent' },
		} );
		await waitFor( () => expect( summary() ).toContain( '15% off' ) );
		expect(
			document.querySelector( '.cartbay-offers__warning' )?.textContent
		).toContain( 'full cart total' );
		expect( requests.some( ( r ) => r.method === 'PATCH' ) ).toBe( false );
	} );

	it( 'opens Coupon History: the empty state says what to do', async () => {
		answer( [], [] );
		renderOffers();
		fireEvent.click(
			await screen.findByRole( 'button', {
				name: 'View coupon history and details',
			} )
		);
		expect(
			(
				await screen.findByRole( 'link', {
					name: /Recovery Sequence/,
				} )
			).getAttribute( 'href' )
		).toContain( 'section=recovery-sequence' );
	} );

	it( 'lists masked codes and shows the full code only in the details', async () => {
		answer( [], [ COUPON ] );
		renderOffers();
		fireEvent.click(
			await screen.findByRole( 'button', {
				name: 'View coupon history and details',
			} )
		);
		await screen.findByText( COUPON.code );
		expect( screen.queryByText( 'CARTBAY-ABCDEF7K2Q' ) ).toBeNull();
		fireEvent.click(
			screen.getByRole( 'button', {
				name: `More details of coupon ${ COUPON.code }`,
			} )
		);
		expect( await screen.findByText( 'CARTBAY-ABCDEF7K2Q' ) ).toBeTruthy();
	} );
} );
