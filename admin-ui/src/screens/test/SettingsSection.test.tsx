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

import { defaultSettings, settingsOption } from '../../../../plugin/schema';
import { clearUnsavedDrafts } from '../../components/unsaved-drafts';
import { store } from '../../store';
import SettingsScreen from '../SettingsScreen';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const mockedFetch = vi.mocked( apiFetch );

const label = ( key: string ): string =>
	settingsOption.fields.find( ( field ) => field.key === key )!.label;

interface Request {
	path?: string;
	method?: string;
	data?: Record< string, unknown >;
}

const STORED = {
	status: 'active',
	label: 'Active',
	key: 'WPAB-************-********A4C1',
	expires_at: null,
	plan: 'Agency',
	checked_at: '2026-12-01T10:00:00Z',
	message: null,
};

let requests: Request[] = [];
let answers: Record< string, unknown > = {};

function serve() {
	mockedFetch.mockImplementation( ( async ( request: Request ) => {
		requests.push( request );
		const route = `${ request.method ?? 'GET' } ${ (
			request.path ?? ''
		).replace( /\?.*$/, '' ) }`;
		if ( route === 'PATCH /cartbay/v1/settings' ) {
			return { ...defaultSettings(), ...request.data };
		}
		if ( ! ( route in answers ) ) {
			throw new Error( `unexpected request ${ route }` );
		}
		const answer = answers[ route ];
		if ( answer instanceof Error ) {
			throw answer;
		}
		return answer;
	} ) as never );
}

function renderSettings() {
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<SettingsScreen
				sections={ [ 'settings', 'logs', 'agent' ] }
				withLicense
			/>
		</RegistryProvider>
	);
}

const writes = () =>
	requests.filter( ( r ) => ( r.method ?? 'GET' ) !== 'GET' );

describe( 'SettingsScreen (Settings section)', () => {
	beforeEach( () => {
		requests = [];
		answers = {
			'GET /cartbay/v1/settings': defaultSettings(),
			'GET /cartbay/v1/license/status': STORED,
		};
		mockedFetch.mockReset();
		serve();
		window.cartbayAdmin = { canManageAgentAccess: true };
	} );
	afterEach( () => {
		clearUnsavedDrafts();
		cleanup();
		delete window.cartbayAdmin;
	} );

	it( 'shows the stored license: status, masked key, plan', async () => {
		renderSettings();
		const panel = (
			await screen.findByRole( 'heading', { name: 'License & Updates' } )
		).closest( 'section' )!;
		await within( panel ).findByText( STORED.key );
		expect( within( panel ).getByText( 'Active' ) ).toBeTruthy();
		expect( within( panel ).getByText( 'Agency' ) ).toBeTruthy();
	} );

	it( 'refuses a malformed key on Save Changes without any request', async () => {
		renderSettings();
		const input = await screen.findByLabelText( 'Activate New Key' );
		fireEvent.change( input, { target: { value: 'WPAB-123' } } );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		// The notice, and its words spoken in the live region.
		await screen.findAllByText( /That is not a license key/ );
		expect( writes() ).toEqual( [] );
	} );

	it( 'activates a typed key on Save Changes, shows the new status and clears the field', async () => {
		answers[ 'POST /cartbay/v1/license/activate' ] = {
			...STORED,
			status: 'invalid',
			label: 'Invalid',
			message: 'The key was not recognized.',
		};
		renderSettings();
		const input = ( await screen.findByLabelText(
			'Activate New Key'
		) ) as HTMLInputElement;
		fireEvent.change( input, {
			target: { value: ' wpab-abcdef123456-abcdef123456 ' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		await screen.findByText( 'License status: Invalid.' );
		expect( writes() ).toEqual( [
			{
				path: '/cartbay/v1/license/activate',
				method: 'POST',
				data: { license_key: ' wpab-abcdef123456-abcdef123456 ' },
			},
		] );
		expect( input.value ).toBe( '' );
		expect(
			screen.getAllByText( 'The key was not recognized.' ).length
		).toBeGreaterThan( 0 );
	} );

	it( 'says why an activation failed and keeps the typed key', async () => {
		answers[ 'POST /cartbay/v1/license/activate' ] = Object.assign(
			new Error( 'x' ),
			{ code: 'cartbay_license_failed', message: 'Server unreachable.' }
		);
		renderSettings();
		const input = ( await screen.findByLabelText(
			'Activate New Key'
		) ) as HTMLInputElement;
		fireEvent.change( input, {
			target: { value: 'WPAB-ABCDEF123456-ABCDEF123456' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		await screen.findAllByText(
			'The license key was not activated: Server unreachable.'
		);
		expect( input.value ).toBe( 'WPAB-ABCDEF123456-ABCDEF123456' );
	} );

	it( 'Remove License asks first; Cancel sends nothing, confirming removes it', async () => {
		answers[ 'POST /cartbay/v1/license/deactivate' ] = {
			...STORED,
			status: 'inactive',
			label: 'Inactive',
			key: null,
			plan: null,
		};
		renderSettings();
		await screen.findByText( STORED.key );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Remove License' } )
		);
		const dialog = await screen.findByRole( 'dialog' );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( writes() ).toEqual( [] );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Remove License' } )
		);
		fireEvent.click(
			within( await screen.findByRole( 'dialog' ) ).getByRole( 'button', {
				name: 'Remove License',
			} )
		);
		await screen.findByText( 'No key is stored on this site.' );
		expect( writes() ).toEqual( [
			{ path: '/cartbay/v1/license/deactivate', method: 'POST' },
		] );
	} );

	it( 'Delete Data on Uninstall asks before it is switched on; only a confirmed switch is saved', async () => {
		renderSettings();
		const toggle = ( await screen.findByLabelText(
			label( 'delete_data_on_uninstall' )
		) ) as HTMLInputElement;
		fireEvent.click( toggle );
		let dialog = await screen.findByRole( 'dialog' );
		expect( dialog.textContent ).toContain( 'cannot be undone' );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( toggle.checked ).toBe( false );
		fireEvent.click( toggle );
		dialog = await screen.findByRole( 'dialog' );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Turn it on' } )
		);
		expect( toggle.checked ).toBe( true );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		await waitFor( () =>
			expect( writes() ).toEqual( [
				{
					path: '/cartbay/v1/settings',
					method: 'PATCH',
					data: { delete_data_on_uninstall: true },
				},
			] )
		);
	} );

	it( 'the agent gates are read-only, with the reason, for a user who may not manage agent access', async () => {
		window.cartbayAdmin = { canManageAgentAccess: false };
		renderSettings();
		const master = ( await screen.findByLabelText(
			label( 'agent_access_enabled' )
		) ) as HTMLInputElement;
		expect( master.disabled ).toBe( true );
		expect(
			screen.getByText( /Only users who may manage AI agent access/ )
		).toBeTruthy();
		expect(
			(
				screen.getByLabelText(
					label( 'delete_data_on_uninstall' )
				) as HTMLInputElement
			 ).disabled
		).toBe( false );
	} );

	it( 'asks before the page is left while an edit is unsaved, not before or after saving', async () => {
		renderSettings();
		const leave = () => {
			const event = new Event( 'beforeunload', { cancelable: true } );
			window.dispatchEvent( event );
			return event.defaultPrevented;
		};
		const toggle = await screen.findByLabelText( label( 'test_mode' ) );
		expect( leave() ).toBe( false );
		fireEvent.click( toggle );
		expect( leave() ).toBe( true );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);
		await waitFor( () => expect( leave() ).toBe( false ) );
	} );

	it( 'keeps an unsaved edit when the form is left and opened again (a tab switch)', async () => {
		const first = renderSettings();
		const toggle = ( await screen.findByLabelText(
			label( 'test_mode' )
		) ) as HTMLInputElement;
		const before = toggle.checked;
		fireEvent.click( toggle );
		first.unmount();
		renderSettings();
		const again = ( await screen.findByLabelText(
			label( 'test_mode' )
		) ) as HTMLInputElement;
		expect( again.checked ).toBe( ! before );
		expect(
			(
				screen.getByRole( 'button', {
					name: 'Save changes',
				} ) as HTMLButtonElement
			 ).getAttribute( 'aria-disabled' )
		).not.toBe( 'true' );
	} );
} );
