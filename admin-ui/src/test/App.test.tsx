// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

import { defaultSettings } from '../../../plugin/schema';
import App from '../App';
import { store } from '../store';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const mockedFetch = vi.mocked( apiFetch );

function renderApp() {
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<App />
		</RegistryProvider>
	);
}

/**
 * The browser moving to a URL (Back or Forward): the address changes, then popstate.
 * @param search Query string.
 */
function browserMove( search: string ) {
	act( () => {
		window.history.replaceState( null, '', search );
		window.dispatchEvent( new PopStateEvent( 'popstate' ) );
	} );
}

describe( 'App: the hidden Logs section', () => {
	beforeEach( () => {
		mockedFetch.mockReset();
		mockedFetch.mockImplementation( ( async ( request: {
			path?: string;
		} ) => {
			if ( request.path?.includes( '/logs' ) ) {
				return new Response( '[]', {
					headers: { 'X-WP-Total': '0', 'X-WP-TotalPages': '0' },
				} );
			}
			return defaultSettings();
		} ) as never );
	} );
	afterEach( () => {
		cleanup();
		window.history.replaceState( null, '', '/' );
	} );

	it( 'has no tab, but section=logs opens it with a way back to Settings', async () => {
		window.history.replaceState( null, '', '/?page=cartbay&section=logs' );
		renderApp();
		expect(
			await screen.findByRole( 'heading', { name: 'Logs', level: 2 } )
		).toBeTruthy();
		expect( screen.queryAllByRole( 'tab' ) ).toHaveLength( 0 );
		expect(
			screen
				.getByRole( 'link', { name: /Back to Settings/ } )
				.getAttribute( 'href' )
		).toContain( 'section=settings' );
		expect(
			await screen.findByText( /The CartBay log is empty/ )
		).toBeTruthy();
	} );

	it( 'follows the browser between Settings and Logs', async () => {
		window.history.replaceState(
			null,
			'',
			'/?page=cartbay&section=settings'
		);
		renderApp();
		await screen.findByRole( 'link', { name: 'Open CartBay Logs' } );
		expect(
			screen.getByRole( 'tab', { selected: true } ).textContent
		).toBe( 'Settings' );
		expect(
			screen.queryAllByRole( 'tab' ).map( ( tab ) => tab.textContent )
		).not.toContain( 'Logs' );

		browserMove( '/?page=cartbay&section=logs' );
		await screen.findByRole( 'heading', { name: 'Logs', level: 2 } );
		expect( screen.queryAllByRole( 'tab' ) ).toHaveLength( 0 );

		browserMove( '/?page=cartbay&section=settings' );
		await waitFor( () =>
			expect(
				screen.getByRole( 'tab', { selected: true } ).textContent
			).toBe( 'Settings' )
		);
	} );
} );
