// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';

import StatusSearchFilters from '../StatusSearchFilters';

afterEach( cleanup );

function renderFilters( status: 'all' | 'open' | 'closed' = 'all' ) {
	const onStatus = vi.fn();
	const onSearch = vi.fn();
	render(
		<StatusSearchFilters
			status={ status }
			statuses={ [ 'open', 'closed' ] as const }
			statusLabel={ ( key ) => ( key === 'open' ? 'Open' : 'Closed' ) }
			onStatus={ onStatus }
			searchLabel="Search things"
			searchHelp="A thing’s name."
			onSearch={ onSearch }
		/>
	);
	const select = screen.getByLabelText( 'Status' ) as HTMLSelectElement;
	const search = screen.getByLabelText( 'Search things' ) as HTMLInputElement;
	return { onStatus, onSearch, select, search };
}

describe( 'StatusSearchFilters', () => {
	it( 'offers All statuses first, then each status by its label, and shows the chosen one', () => {
		const { select } = renderFilters( 'closed' );
		expect(
			Array.from( select.options ).map( ( o ) => [ o.value, o.text ] )
		).toEqual( [
			[ 'all', 'All statuses' ],
			[ 'open', 'Open' ],
			[ 'closed', 'Closed' ],
		] );
		expect( select.value ).toBe( 'closed' );
	} );

	it( 'a chosen status is handed on', () => {
		const { select, onStatus } = renderFilters();
		fireEvent.change( select, { target: { value: 'open' } } );
		expect( onStatus ).toHaveBeenCalledWith( 'open' );
	} );

	it( 'the search is handed on when the search form is sent, not while typing', () => {
		const { search, onSearch } = renderFilters();
		expect( search.type ).toBe( 'search' );
		expect( screen.getByText( 'A thing’s name.' ) ).toBeTruthy();
		fireEvent.change( search, { target: { value: 'ann@' } } );
		expect( onSearch ).not.toHaveBeenCalled();
		fireEvent.click( screen.getByRole( 'button', { name: 'Search' } ) );
		expect( onSearch ).toHaveBeenCalledWith( 'ann@' );
		expect(
			screen
				.getByRole( 'search' )
				.classList.contains( 'cartbay-sessions__search' )
		).toBe( true );
	} );
} );
