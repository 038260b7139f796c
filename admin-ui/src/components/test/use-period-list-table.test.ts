// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';

import { listTableReducer, type ListTableState } from '../../list-table';
import { usePeriodListTable } from '../use-period-list-table';

afterEach( cleanup );

const initialState: ListTableState< 'all' | 'failed' > = {
	status: 'all',
	search: '',
	page: 1,
};

/**
 * Renders the hook for a period, and every query it computed, the renders React throws away included.
 * @param days
 */
function renderTable( days: number ) {
	const queries: { days: number; page: number }[] = [];
	const hook = renderHook(
		( { period }: { period: number } ) => {
			const table = usePeriodListTable(
				listTableReducer< typeof initialState >,
				initialState,
				period
			);
			queries.push( { days: table.query.days, page: table.query.page } );
			return table;
		},
		{ initialProps: { period: days } }
	);
	return { ...hook, queries };
}

describe( 'usePeriodListTable', () => {
	it( 'is the state in the period, the search trimmed', () => {
		const { result } = renderTable( 30 );
		act( () =>
			result.current.dispatch( { type: 'search', search: ' ann ' } )
		);
		act( () =>
			result.current.dispatch( {
				type: 'page',
				page: 2,
				totalPages: 3,
			} )
		);
		expect( result.current.query ).toEqual( {
			status: 'all',
			search: 'ann',
			page: 2,
			days: 30,
		} );
	} );

	it( 'a new period starts again at page 1, keeps the filters, and never asks for the old page in it', () => {
		const { result, rerender, queries } = renderTable( 30 );
		act( () =>
			result.current.dispatch( { type: 'status', status: 'failed' } )
		);
		act( () =>
			result.current.dispatch( {
				type: 'page',
				page: 3,
				totalPages: 3,
			} )
		);
		expect( result.current.query.page ).toBe( 3 );
		rerender( { period: 7 } );
		expect( result.current.state.page ).toBe( 1 );
		expect( result.current.query ).toEqual( {
			status: 'failed',
			search: '',
			page: 1,
			days: 7,
		} );
		expect(
			queries.filter( ( q ) => q.days === 7 && q.page !== 1 )
		).toEqual( [] );
	} );
} );
