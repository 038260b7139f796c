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

import { placeholders } from '../../../../plugin/schema';
import { store } from '../../store';
import TemplatesScreen from '../TemplatesScreen';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
const mockedFetch = vi.mocked( apiFetch );

const campaign = {
	enabled: true,
	steps: [
		{ delay_value: 45, delay_unit: 'minutes', coupon_enabled: false },
		{ delay_value: 24, delay_unit: 'hours', coupon_enabled: false },
		{ delay_value: 3, delay_unit: 'days', coupon_enabled: true },
	],
};

let testMode = true;
let triggerAnswer: () => unknown;
let requests: { path: string; method: string }[] = [];

beforeEach( () => {
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=cartbay&section=templates'
	);
	window.cartbayAdmin = {
		emailSubjects: {
			cartbay_email_recovery_1: 'Default',
			cartbay_email_recovery_2: 'Your <cart> & more',
		},
	};
	testMode = true;
	triggerAnswer = () => ( {
		session_id: 'T123',
		notification_id: 9,
		scheduled_at: '2026-12-07T10:00:30+00:00',
	} );
	requests = [];
	mockedFetch.mockImplementation(
		async ( options: { path?: string; method?: string } ) => {
			const path = options.path ?? '';
			requests.push( { path, method: options.method ?? 'GET' } );
			if ( path.endsWith( '/campaign' ) ) {
				return campaign;
			}
			if ( path.endsWith( '/settings' ) ) {
				return { test_mode: testMode };
			}
			if ( path.endsWith( '/test/trigger' ) ) {
				return triggerAnswer();
			}
			throw new Error( `unexpected ${ path }` );
		}
	);
} );

afterEach( () => {
	cleanup();
	mockedFetch.mockReset();
	delete window.cartbayAdmin;
} );

function renderScreen() {
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<TemplatesScreen />
		</RegistryProvider>
	);
}

const testRegion = () =>
	screen.getByRole( 'region', { name: 'Trigger Test Flow' } );

const emailBlock = ( n: number ) =>
	screen.getByRole( 'listitem', { name: `Email ${ n }` } );

describe( 'TemplatesScreen', () => {
	it( 'shows each email’s subject, timing, coupon and links', async () => {
		renderScreen();
		await waitFor( () =>
			expect(
				within( emailBlock( 1 ) ).getByText(
					'45 minutes after abandonment'
				)
			).toBeTruthy()
		);
		expect( within( emailBlock( 1 ) ).getByText( 'Default' ) ).toBeTruthy();
		// Printed as text: the markup of a saved subject is not HTML.
		expect(
			within( emailBlock( 2 ) ).getByText( 'Your <cart> & more' )
		).toBeTruthy();
		// No subject in the boot data reads as the default.
		expect( within( emailBlock( 3 ) ).getByText( 'Default' ) ).toBeTruthy();
		expect(
			within( emailBlock( 3 ) ).getByText(
				'Includes the recovery coupon'
			)
		).toBeTruthy();
		expect(
			within( emailBlock( 2 ) ).getByText( 'No coupon' )
		).toBeTruthy();

		const edit = within( emailBlock( 3 ) ).getByRole( 'link', {
			name: 'Edit email 3 in WooCommerce',
		} );
		expect( edit.getAttribute( 'href' ) ).toBe(
			'admin.php?page=wc-settings&tab=email&section=cartbay_email_recovery_3'
		);

		const offers = within( emailBlock( 1 ) ).getByRole( 'link', {
			name: 'Coupon settings in Offers',
		} );
		expect( offers.getAttribute( 'href' ) ).toContain( 'section=offers' );
		fireEvent.click( offers );
		expect( window.location.search ).toContain( 'section=offers' );

		fireEvent.click(
			within( emailBlock( 2 ) ).getByRole( 'link', {
				name: 'Change in Recovery Sequence',
			} )
		);
		expect( window.location.search ).toContain(
			'section=recovery-sequence'
		);
	} );

	it( 'lists every schema placeholder', () => {
		renderScreen();
		const table = screen.getByRole( 'table' );
		for ( const p of placeholders.constants ) {
			expect(
				within( table ).getByRole( 'rowheader', { name: p.value } )
			).toBeTruthy();
		}
		expect( within( table ).getAllByRole( 'row' ) ).toHaveLength(
			placeholders.constants.length + 1
		);
	} );

	it( 'triggers the test flow and says when email 1 will send', async () => {
		renderScreen();
		const button = screen.getByRole( 'button', {
			name: 'Trigger Test Flow',
		} );
		await waitFor( () =>
			expect( button.getAttribute( 'aria-disabled' ) ).not.toBe( 'true' )
		);
		fireEvent.click( button );
		await waitFor( () =>
			expect(
				within( testRegion() ).getByText( /Email 1 will send at about/ )
			).toBeTruthy()
		);
		expect(
			within( testRegion() ).getByText( /test session T123/ )
		).toBeTruthy();
		expect( requests ).toContainEqual( {
			path: '/cartbay/v1/test/trigger',
			method: 'POST',
		} );
	} );

	it( 'shows the server’s error', async () => {
		triggerAnswer = () => {
			throw {
				code: 'cartbay_test_no_recipient',
				message: 'Give an email address to send the test to.',
				data: { status: 400 },
			};
		};
		renderScreen();
		const button = screen.getByRole( 'button', {
			name: 'Trigger Test Flow',
		} );
		await waitFor( () =>
			expect( button.getAttribute( 'aria-disabled' ) ).not.toBe( 'true' )
		);
		fireEvent.click( button );
		await waitFor( () =>
			expect(
				within( testRegion() ).getByText(
					'The test flow failed: Give an email address to send the test to.'
				)
			).toBeTruthy()
		);
	} );

	it( 'is disabled with a link to Settings when Test Mode is off', async () => {
		testMode = false;
		renderScreen();
		const link = await screen.findByRole( 'link', {
			name: 'Turn on Test Mode in Settings',
		} );
		expect( link.getAttribute( 'href' ) ).toContain( 'section=settings' );
		const button = screen.getByRole( 'button', {
			name: 'Trigger Test Flow',
		} );
		expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'true' );
		fireEvent.click( button );
		expect(
			requests.some( ( r ) => r.path.endsWith( '/test/trigger' ) )
		).toBe( false );
	} );
} );
