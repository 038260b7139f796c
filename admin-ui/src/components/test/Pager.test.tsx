// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';

import Pager from '../Pager';

afterEach( cleanup );

function renderPager( page: number, totalPages: number ) {
	const onPage = vi.fn();
	render(
		<Pager
			page={ page }
			totalPages={ totalPages }
			label="Things pages"
			onPage={ onPage }
		/>
	);
	const nav = screen.getByRole( 'navigation', { name: 'Things pages' } );
	const previous = screen.getByRole( 'button', { name: 'Previous page' } );
	const next = screen.getByRole( 'button', { name: 'Next page' } );
	return { onPage, nav, previous, next };
}

const isOff = ( button: HTMLElement ) =>
	button.getAttribute( 'aria-disabled' ) === 'true';

describe( 'Pager', () => {
	it( 'is a navigation landmark with the class the E2E tests and styles select', () => {
		const { nav } = renderPager( 2, 3 );
		expect( nav.tagName ).toBe( 'NAV' );
		expect( nav.className ).toBe( 'cartbay-sessions__pages' );
	} );

	it( 'asks for the page before and after the one shown', () => {
		const { onPage, previous, next } = renderPager( 2, 3 );
		expect( isOff( previous ) ).toBe( false );
		expect( isOff( next ) ).toBe( false );
		fireEvent.click( previous );
		fireEvent.click( next );
		expect( onPage.mock.calls ).toEqual( [ [ 1 ], [ 3 ] ] );
	} );

	it.each( [
		[ 'Previous page is off on page 1', 1, 'previous', 'next' ],
		[ 'Next page is off on the last page', 3, 'next', 'previous' ],
	] as const )(
		'%s, stays focusable, and asks for nothing',
		( _name, page, off, on ) => {
			const buttons = renderPager( page, 3 );
			expect( isOff( buttons[ off ] ) ).toBe( true );
			expect( buttons[ off ].hasAttribute( 'disabled' ) ).toBe( false );
			fireEvent.click( buttons[ off ] );
			expect( buttons.onPage ).not.toHaveBeenCalled();
			fireEvent.click( buttons[ on ] );
			expect( buttons.onPage ).toHaveBeenCalledWith( 2 );
		}
	);

	it( 'a single page, or none at all, turns both off', () => {
		for ( const totalPages of [ 1, 0 ] ) {
			const { previous, next } = renderPager( 1, totalPages );
			expect( [ isOff( previous ), isOff( next ) ] ).toEqual( [
				true,
				true,
			] );
			cleanup();
		}
	} );
} );
