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
import SettingsScreen from '../SettingsScreen';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const mockedFetch = vi.mocked( apiFetch );

const field = ( key: string ) =>
	settingsOption.fields.find( ( candidate ) => candidate.key === key )!;
const label = ( key: string ): string => field( key ).label;
const timeoutField = field( 'abandonment_timeout' ) as {
	default: number;
	minimum: number;
	maximum: number;
	label: string;
};
const TIMEOUT = label( 'abandonment_timeout' );

interface Request {
	path?: string;
	method?: string;
	data?: Record< string, unknown >;
}

function renderScreen() {
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<SettingsScreen sections={ [ 'capture' ] } />
		</RegistryProvider>
	);
}

describe( 'SettingsScreen (Capture)', () => {
	beforeEach( () => {
		mockedFetch.mockReset();
	} );
	afterEach( () => {
		cleanup();
		// Drafts outlive a form on purpose (tab switches); each test starts without any.
		clearUnsavedDrafts();
	} );

	it( 'renders the Capture fields from the schema with the server values', async () => {
		mockedFetch.mockResolvedValueOnce( {
			...defaultSettings(),
			consent_default_checked: false,
		} );
		renderScreen();

		await screen.findByLabelText( label( 'capture_enabled' ) );
		expect(
			(
				screen.getByLabelText(
					label( 'capture_enabled' )
				) as HTMLInputElement
			 ).checked
		).toBe( field( 'capture_enabled' ).default );
		// The server's value, not the default.
		expect(
			(
				screen.getByLabelText(
					label( 'consent_default_checked' )
				) as HTMLInputElement
			 ).checked
		).toBe( false );
		expect(
			(
				screen.getByLabelText(
					label( 'consent_text' )
				) as HTMLTextAreaElement
			 ).value
		).toBe( field( 'consent_text' ).default );
		const timeout = screen.getByLabelText( TIMEOUT ) as HTMLInputElement;
		expect( timeout.value ).toBe( String( timeoutField.default ) );
		expect( timeout.min ).toBe( String( timeoutField.minimum ) );
		expect( timeout.max ).toBe( String( timeoutField.maximum ) );
		// Only the Capture section.
		expect(
			screen.queryByLabelText( label( 'coupon_amount' ) )
		).toBeNull();
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/cartbay/v1/settings',
		} );
	} );

	it( 'saves an edit and shows the value the server normalized', async () => {
		const requests: Request[] = [];
		mockedFetch.mockImplementation( async ( request: Request ) => {
			requests.push( request );
			// The server clamps the timeout into its declared range.
			return request.method === 'PATCH'
				? {
						...defaultSettings(),
						abandonment_timeout: timeoutField.maximum,
					}
				: defaultSettings();
		} );
		renderScreen();

		const timeout = ( await screen.findByLabelText(
			TIMEOUT
		) ) as HTMLInputElement;
		const save = screen.getByRole( 'button', { name: 'Save changes' } );
		expect( save.getAttribute( 'aria-disabled' ) ).toBe( 'true' );

		const tooLong = timeoutField.maximum + 560;
		fireEvent.change( timeout, { target: { value: String( tooLong ) } } );
		// Client-side preview from the shared normalizer.
		expect(
			screen.getByText( `Will be saved as: ${ timeoutField.maximum }`, {
				exact: false,
			} )
		).toBeTruthy();

		fireEvent.click( save );

		await waitFor( () =>
			expect( timeout.value ).toBe( String( timeoutField.maximum ) )
		);
		expect( requests.at( -1 ) ).toEqual( {
			path: '/cartbay/v1/settings',
			method: 'PATCH',
			data: { abandonment_timeout: tooLong },
		} );
		const notice = document.querySelector( '.cartbay-notices' );
		expect( notice?.textContent ).toContain(
			'Settings saved. Some values were adjusted to fit the allowed limits:'
		);
		expect( notice?.querySelector( 'li' )?.textContent ).toBe(
			`${ TIMEOUT }: ${ timeoutField.maximum }`
		);
		expect( screen.queryByText( /Will be saved as/ ) ).toBeNull();
	} );

	it( 'shows the server error and keeps what was typed when the save fails', async () => {
		mockedFetch.mockImplementation( async ( request: Request ) => {
			if ( request.method === 'PATCH' ) {
				throw {
					code: 'rest_forbidden',
					message: 'Sorry, you are not allowed to do that.',
					data: { status: 403 },
				};
			}
			return defaultSettings();
		} );
		renderScreen();

		const consent = ( await screen.findByLabelText(
			label( 'consent_text' )
		) ) as HTMLTextAreaElement;
		fireEvent.change( consent, {
			target: {
				value: 'Email me a reminder if I do not finish checkout.',
			},
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);

		const message =
			'Settings could not be saved: Sorry, you are not allowed to do that.';
		await waitFor( () =>
			expect(
				document.querySelector( '.cartbay-notices' )?.textContent
			).toContain( message )
		);
		// Announced to screen readers right away.
		expect(
			document.getElementById( 'a11y-speak-assertive' )?.textContent
		).toContain( message );
		expect( consent.value ).toBe(
			'Email me a reminder if I do not finish checkout.'
		);
	} );

	it( 'reports a failed load and loads again on request', async () => {
		mockedFetch
			.mockRejectedValueOnce( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 403 },
			} )
			.mockResolvedValueOnce( defaultSettings() );
		renderScreen();

		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		expect( document.body.textContent ).toContain(
			'CartBay could not load this screen: Sorry, you are not allowed to do that.'
		);
		fireEvent.click( retry );

		expect(
			await screen.findByLabelText( label( 'capture_enabled' ) )
		).toBeTruthy();
		expect( mockedFetch ).toHaveBeenCalledTimes( 2 );
	} );
} );
