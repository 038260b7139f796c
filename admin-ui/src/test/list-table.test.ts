import { describe, expect, it } from 'vitest';

import {
	clampPage,
	listTableQuery,
	listTableReducer,
	type ListTableState,
} from '../list-table';

/** A table with more state than the shared rules know about (as Sessions keeps its sort). */
interface SortedState extends ListTableState< 'all' | 'open' > {
	readonly orderby: string;
}

const onPage3: SortedState = {
	status: 'all',
	search: 'ann',
	orderby: 'created',
	page: 3,
};

describe( 'clampPage', () => {
	it.each( [
		[ 'a page inside the range', 2, 5, 2 ],
		[ 'the last page', 5, 5, 5 ],
		[ 'past the last page: the last', 9, 5, 5 ],
		[ 'before the first page: the first', 0, 5, 1 ],
		[ 'a negative page: the first', -3, 5, 1 ],
		[ 'a fraction: cut to a whole page', 2.7, 5, 2 ],
		[ 'no pages at all: page 1', 2, 0, 1 ],
	] )( '%s', ( _name, page, totalPages, want ) => {
		expect( clampPage( page, totalPages ) ).toBe( want );
	} );
} );

describe( 'listTableReducer', () => {
	it( 'a new status starts again at page 1 and keeps the rest', () => {
		expect(
			listTableReducer( onPage3, { type: 'status', status: 'open' } )
		).toEqual( { ...onPage3, status: 'open', page: 1 } );
	} );

	it( 'a new search is trimmed and starts again at page 1', () => {
		expect(
			listTableReducer( onPage3, { type: 'search', search: '  bob@ ' } )
		).toEqual( { ...onPage3, search: 'bob@', page: 1 } );
	} );

	it( 'a page stays within the pages there are', () => {
		expect(
			listTableReducer( onPage3, {
				type: 'page',
				page: 7,
				totalPages: 4,
			} )
		).toEqual( { ...onPage3, page: 4 } );
	} );

	it( 'restart goes back to page 1 and keeps the filters', () => {
		expect( listTableReducer( onPage3, { type: 'restart' } ) ).toEqual( {
			...onPage3,
			page: 1,
		} );
	} );
} );

describe( 'listTableQuery', () => {
	it( 'is the state in the period, the search trimmed', () => {
		expect( listTableQuery( { ...onPage3, search: ' ann ' }, 90 ) ).toEqual(
			{ ...onPage3, search: 'ann', days: 90 }
		);
	} );
} );
