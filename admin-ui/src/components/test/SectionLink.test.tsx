// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppNavigationContext } from '../../navigation';
import { SECTIONS } from '../../sections';
import SectionLink from '../SectionLink';

afterEach( cleanup );

function renderLink( openSection: ( section: string ) => void ) {
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=cartbay&section=overview&period=90'
	);
	render(
		<AppNavigationContext.Provider
			value={ {
				location: { section: 'overview', period: 90 },
				navigate: vi.fn(),
				openSection,
			} }
		>
			<SectionLink section={ SECTIONS.capture }>
				Capture settings
			</SectionLink>
		</AppNavigationContext.Provider>
	);
	return screen.getByRole( 'link', { name: 'Capture settings' } );
}

describe( 'SectionLink', () => {
	it( 'is a real link to the section, keeping the rest of the location', () => {
		const href = new URL(
			renderLink( vi.fn() ).getAttribute( 'href' )!,
			'http://x'
		);
		expect( href.searchParams.get( 'section' ) ).toBe( 'capture' );
		expect( href.searchParams.get( 'period' ) ).toBe( '90' );
		expect( href.searchParams.get( 'page' ) ).toBe( 'cartbay' );
	} );

	it( 'a plain click opens the section inside the app', () => {
		const openSection = vi.fn();
		const link = renderLink( openSection );
		const followed = fireEvent.click( link, { button: 0 } );
		expect( openSection ).toHaveBeenCalledWith( 'capture' );
		expect( followed ).toBe( false ); // default prevented: no page load
	} );

	it.each( [ 'ctrlKey', 'metaKey', 'shiftKey', 'altKey' ] )(
		'a click with %s is left to the browser (new tab or window)',
		( key ) => {
			const openSection = vi.fn();
			const followed = fireEvent.click( renderLink( openSection ), {
				button: 0,
				[ key ]: true,
			} );
			expect( openSection ).not.toHaveBeenCalled();
			expect( followed ).toBe( true );
		}
	);
} );
