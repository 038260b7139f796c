import { describe, expect, it } from 'vitest';

import { sessionList } from '../../../plugin/schema';
import { listTableQuery } from '../list-table';
import {
	ariaSort,
	firstOrder,
	initialTableState,
	tableReducer,
	type TableAction,
	type TableState,
} from '../sessions-table';

const onPage3: TableState = { ...initialTableState, page: 3 };

describe( 'tableReducer', () => {
	it.each<
		[
			string,
			{
				state: TableState;
				actions: TableAction[];
				want: Partial< TableState >;
			},
		]
	>( [
		[
			'starts on the schema’s default sort, newest first, page 1',
			{
				state: initialTableState,
				actions: [],
				want: {
					orderby: sessionList.defaultOrderby,
					order: 'desc',
					page: 1,
					status: 'all',
					search: '',
				},
			},
		],
		[
			'a new column sorts biggest first and goes back to page 1',
			{
				state: onPage3,
				actions: [ { type: 'sort', column: 'cart_total' } ],
				want: { orderby: 'cart_total', order: 'desc', page: 1 },
			},
		],
		[
			'the sorted column again turns the direction',
			{
				state: initialTableState,
				actions: [
					{ type: 'sort', column: 'cart_total' },
					{ type: 'sort', column: 'cart_total' },
				],
				want: { orderby: 'cart_total', order: 'asc' },
			},
		],
		[
			'and again turns it back',
			{
				state: initialTableState,
				actions: [
					{ type: 'sort', column: 'emails_sent' },
					{ type: 'sort', column: 'emails_sent' },
					{ type: 'sort', column: 'emails_sent' },
				],
				want: { orderby: 'emails_sent', order: 'desc' },
			},
		],
		[
			'the session id sorts A to Z first',
			{
				state: initialTableState,
				actions: [ { type: 'sort', column: 'session' } ],
				want: { orderby: 'session', order: 'asc' },
			},
		],
		[
			'the default column again turns to oldest first',
			{
				state: initialTableState,
				actions: [ { type: 'sort', column: 'created' } ],
				want: { orderby: 'created', order: 'asc' },
			},
		],
		[
			'a status filter goes back to page 1',
			{
				state: onPage3,
				actions: [ { type: 'status', status: 'abandoned' } ],
				want: { status: 'abandoned', page: 1 },
			},
		],
		[
			'a search goes back to page 1',
			{
				state: onPage3,
				actions: [ { type: 'search', search: 'ann@' } ],
				want: { search: 'ann@', page: 1 },
			},
		],
		[
			'a page inside the range',
			{
				state: initialTableState,
				actions: [ { type: 'page', page: 2, totalPages: 5 } ],
				want: { page: 2 },
			},
		],
		[
			'a page past the last is the last',
			{
				state: initialTableState,
				actions: [ { type: 'page', page: 9, totalPages: 5 } ],
				want: { page: 5 },
			},
		],
		[
			'a page before the first is the first',
			{
				state: onPage3,
				actions: [ { type: 'page', page: 0, totalPages: 5 } ],
				want: { page: 1 },
			},
		],
		[
			'no pages at all: page 1',
			{
				state: onPage3,
				actions: [ { type: 'page', page: 2, totalPages: 0 } ],
				want: { page: 1 },
			},
		],
		[
			'restart keeps the filters and sort, back to page 1',
			{
				state: {
					...onPage3,
					status: 'recovered',
					orderby: 'cart_total',
					order: 'asc',
				},
				actions: [ { type: 'restart' } ],
				want: {
					status: 'recovered',
					orderby: 'cart_total',
					order: 'asc',
					page: 1,
				},
			},
		],
	] )( '%s', ( _name, { state, actions, want } ) => {
		const got = actions.reduce( tableReducer, state );
		expect( got ).toMatchObject( want );
	} );
} );

describe( 'firstOrder', () => {
	it.each( sessionList.orderby.map( ( c ) => [ c ] ) )( '%s', ( column ) => {
		expect( firstOrder( column ) ).toBe(
			column === 'session' ? 'asc' : 'desc'
		);
	} );
} );

describe( 'ariaSort', () => {
	it( 'only the sorted column has a direction', () => {
		const state = tableReducer( initialTableState, {
			type: 'sort',
			column: 'cart_total',
		} );
		expect(
			Object.fromEntries(
				sessionList.orderby.map( ( c ) => [ c, ariaSort( state, c ) ] )
			)
		).toEqual( {
			session: 'none',
			cart_total: 'descending',
			created: 'none',
			last_activity: 'none',
			emails_sent: 'none',
		} );
		expect(
			ariaSort(
				tableReducer( state, { type: 'sort', column: 'cart_total' } ),
				'cart_total'
			)
		).toBe( 'ascending' );
	} );
} );

describe( 'the table’s query (listTableQuery)', () => {
	it( 'adds the period and trims the search, keeping the sort', () => {
		expect(
			listTableQuery(
				{ ...initialTableState, search: '  ann@example.test ' },
				7
			)
		).toEqual( {
			...initialTableState,
			search: 'ann@example.test',
			days: 7,
		} );
	} );
} );
