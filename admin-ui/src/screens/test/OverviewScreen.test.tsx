// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	cleanup,
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

import { metrics } from '../../../../plugin/schema';
import { store } from '../../store';
import OverviewScreen from '../OverviewScreen';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
const mockedFetch = vi.mocked( apiFetch );

function analytics( days: number, tracked: number ) {
	return {
		days,
		from: '2026-11-08',
		to: '2026-12-07',
		metrics: Object.fromEntries(
			metrics.map( ( m ) => [
				m.key,
				m.key === 'tracked_carts' ? tracked : 0,
			] )
		),
		steps: [],
		notifications: {},
		series: Array.from( { length: days }, ( _, i ) => ( {
			date: `2026-11-${ String( i + 1 ).padStart( 2, '0' ) }`,
			tracked: i % 3,
			abandoned: i % 2,
			recovered: 0,
			recovered_revenue: 0,
		} ) ),
		statuses: {
			captured: 4,
			abandoned: 2,
			recovered: 1,
			expired: 0,
			suppressed: 0,
		},
		currency: 'USD',
		generated_at: '2026-12-07T10:00:00+00:00',
	};
}

function row( n: number ) {
	return {
		session_id: `S${ String( n ).padStart( 3, '0' ) }`,
		order_id: n,
		email: `shopper${ n }@example.test`,
		status: 'abandoned',
		cart_total: n * 1.5,
		currency: 'USD',
		created_at: '2026-12-01T10:00:00+00:00',
		last_activity_at: null,
		abandoned_at: null,
		emails_sent: 0,
		attribution: null,
		recovered_order_id: null,
	};
}

/** What the fake server answered, by path. */
let requests: string[] = [];

beforeEach( () => {
	window.history.replaceState( null, '', '/wp-admin/admin.php?page=cartbay' );
	requests = [];
	mockedFetch.mockImplementation( async ( options: { path?: string } ) => {
		const path = options.path ?? '';
		requests.push( path );
		const url = new URL( path, 'http://x' );
		if ( url.pathname.endsWith( '/analytics' ) ) {
			const days = Number( url.searchParams.get( 'days' ) );
			return analytics( days, days === 7 ? 3 : 12 );
		}
		if ( url.pathname.endsWith( '/sessions' ) ) {
			const page = Number( url.searchParams.get( 'page' ) );
			const rows = page === 1 ? [ 1, 2, 3 ].map( row ) : [ 4 ].map( row );
			return new Response( JSON.stringify( rows ), {
				headers: { 'X-WP-Total': '21', 'X-WP-TotalPages': '2' },
			} );
		}
		if ( url.pathname.includes( '/sessions/' ) ) {
			return {
				...row( 1 ),
				cart: {
					items: [ { name: 'Mug', quantity: 2, line_total: 3 } ],
					total: 3,
					currency: 'USD',
				},
				events: [
					{ event: 'captured', at: '2026-12-01T10:00:00+00:00' },
				],
				notifications: [],
				coupon: null,
				order: null,
				recovered_at: null,
			};
		}
		throw new Error( `unexpected ${ path }` );
	} );
} );

afterEach( () => {
	cleanup();
	mockedFetch.mockReset();
} );

function renderScreen() {
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<OverviewScreen />
		</RegistryProvider>
	);
}

const card = ( key: string ) =>
	document.querySelector(
		`.cartbay-stat[data-metric="${ key }"] .cartbay-stat__value`
	)?.textContent;

describe( 'OverviewScreen', () => {
	it( 'shows the main cards, with their definitions, for the URL’s period', async () => {
		renderScreen();
		await waitFor( () => expect( card( 'tracked_carts' ) ).toBe( '12' ) );
		const main = metrics.filter( ( m ) => m.card === 'main' );
		const more = metrics.filter( ( m ) => m.card === 'more' );
		for ( const metric of main ) {
			expect(
				screen.getByRole( 'heading', { name: metric.label } )
			).toBeTruthy();
			expect( screen.getByText( metric.definition ) ).toBeTruthy();
		}
		for ( const metric of more ) {
			expect( screen.queryByText( metric.definition ) ).toBeNull();
		}
		expect( card( 'recovery_rate' ) ).toBe( '0%' );
		expect( card( 'best_step' ) ).toBe( 'None yet' );
		expect( requests ).toContain( '/cartbay/v1/analytics?days=30' );
		// The chart's figures as a table: one row per day.
		expect(
			document.querySelectorAll( '.cartbay-trend__data tbody tr' )
		).toHaveLength( 30 );
	} );

	it( 'switching the period changes the URL and the cards', async () => {
		renderScreen();
		await waitFor( () => expect( card( 'tracked_carts' ) ).toBe( '12' ) );
		fireEvent.change( screen.getByLabelText( 'Reporting period' ), {
			target: { value: '7' },
		} );
		await waitFor( () => expect( card( 'tracked_carts' ) ).toBe( '3' ) );
		expect(
			new URL( window.location.href ).searchParams.get( 'period' )
		).toBe( '7' );
	} );

	it( 'the More button opens the other figures in a dialog that Escape closes', async () => {
		renderScreen();
		const button = await screen.findByRole( 'button', {
			name: /Show \d+ more figures/,
		} );
		fireEvent.click( button );
		const dialog = await screen.findByRole( 'dialog' );
		for ( const metric of metrics.filter( ( m ) => m.card === 'more' ) ) {
			expect( within( dialog ).getByText( metric.label ) ).toBeTruthy();
		}
		fireEvent.keyDown( dialog, { key: 'Escape' } );
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
	} );

	it( 'an empty period tells the owner to check capture', async () => {
		mockedFetch.mockImplementation(
			async ( options: { path?: string } ) => {
				const path = options.path ?? '';
				if ( path.includes( '/analytics' ) ) {
					return analytics( 30, 0 );
				}
				return new Response( '[]', {
					headers: { 'X-WP-Total': '0', 'X-WP-TotalPages': '0' },
				} );
			}
		);
		renderScreen();
		const link = await screen.findByRole( 'link', {
			name: 'Check the Capture settings',
		} );
		expect(
			new URL( ( link as HTMLAnchorElement ).href ).searchParams.get(
				'section'
			)
		).toBe( 'capture' );
		expect(
			await screen.findByText( 'No sessions match these filters.' )
		).toBeTruthy();
	} );

	it( 'sorts by a header button, pages, and opens a session', async () => {
		renderScreen();
		await screen.findByText( 'S001' );
		const header = document.querySelector(
			'th[data-column="cart_total"]'
		)!;
		expect( header.getAttribute( 'aria-sort' ) ).toBe( 'none' );
		expect(
			document
				.querySelector( 'th[data-column="created"]' )!
				.getAttribute( 'aria-sort' )
		).toBe( 'descending' );
		fireEvent.click(
			within( header as HTMLElement ).getByRole( 'button' )
		);
		await waitFor( () =>
			expect( header.getAttribute( 'aria-sort' ) ).toBe( 'descending' )
		);
		expect( requests ).toContain(
			'/cartbay/v1/sessions?days=30&status=all&orderby=cart_total&order=desc&page=1'
		);
		expect( screen.getByText( /21 sessions · page 1 of 2/ ) ).toBeTruthy();

		fireEvent.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		await screen.findByText( 'S004' );
		expect( screen.getByText( /page 2 of 2/ ) ).toBeTruthy();
		expect(
			screen
				.getByRole( 'button', { name: 'Next page' } )
				.getAttribute( 'aria-disabled' )
		).toBe( 'true' );

		fireEvent.click( screen.getByRole( 'button', { name: 'S004' } ) );
		const dialog = await screen.findByRole( 'dialog', {
			name: /Session S004/,
		} );
		await within( dialog ).findByText( 'captured' );
		expect( within( dialog ).getByText( /2 × Mug/ ) ).toBeTruthy();
		fireEvent.keyDown( dialog, { key: 'Escape' } );
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
	} );

	it( 'a refused page shows the error instead of the rows shown before', async () => {
		renderScreen();
		await screen.findByText( 'S001' );
		const answer = mockedFetch.getMockImplementation()!;
		mockedFetch.mockImplementation(
			async ( options: { path?: string } ) => {
				if (
					( options.path ?? '' ).includes( 'orderby=emails_sent' )
				) {
					throw {
						code: 'rest_invalid_param',
						message: 'Invalid parameter(s): orderby',
						data: { status: 400 },
					};
				}
				return answer( options as never );
			}
		);
		fireEvent.click(
			within(
				document.querySelector(
					'th[data-column="emails_sent"]'
				) as HTMLElement
			).getByRole( 'button' )
		);
		expect(
			( await screen.findAllByText( /Invalid parameter\(s\): orderby/ ) )
				.length
		).toBeGreaterThan( 0 );
		expect( screen.queryByText( 'S001' ) ).toBeNull();
	} );

	it( 'the export links follow the filters', async () => {
		renderScreen();
		await screen.findByText( 'S001' );
		fireEvent.change( screen.getByLabelText( 'Status' ), {
			target: { value: 'recovered' },
		} );
		const link = screen.getByRole( 'link', { name: 'Export Emails' } );
		const url = new URL( ( link as HTMLAnchorElement ).href );
		expect( url.pathname ).toBe( '/wp-json/cartbay/v1/exports/emails' );
		expect( url.searchParams.get( 'status' ) ).toBe( 'recovered' );
		expect( url.searchParams.has( 'page' ) ).toBe( false );
	} );
} );
