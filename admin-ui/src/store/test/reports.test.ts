// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';

import { receiveReport, reportRequestFailed } from '../actions';
import { fetchSessionsPage, reportPath, sessionFilterArgs } from '../api';
import { store } from '..';
import reducer, { initialState } from '../reducer';
import { analyticsKey, sessionKey, sessionsKey } from '../report-keys';
import {
	getAnalytics,
	getReportError,
	getSessionDetail,
	getSessionsPage,
} from '../selectors';
import type { AnalyticsReport, SessionsPage, SessionsQuery } from '../types';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
const mockedFetch = vi.mocked( apiFetch );

const report = {
	days: 7,
	from: '2026-12-01',
	to: '2026-12-07',
	metrics: { tracked_carts: 3, best_step: null },
	series: [],
	statuses: { captured: 3 },
	currency: 'USD',
	generated_at: '2026-12-07T10:00:00+00:00',
} as AnalyticsReport;

const query: SessionsQuery = {
	days: 30,
	status: 'abandoned',
	search: 'ann',
	orderby: 'cart_total',
	order: 'asc',
	page: 2,
};

const page: SessionsPage = { rows: [], total: 21, totalPages: 2 };
const failure = { code: 'rest_forbidden', message: 'No.', status: 403 };

function response( body: unknown, headers: Record< string, string > ) {
	return new Response( JSON.stringify( body ), {
		status: 200,
		headers: { 'Content-Type': 'application/json', ...headers },
	} );
}

afterEach( () => {
	mockedFetch.mockReset();
} );

describe( 'report keys', () => {
	it( 'the same list arguments in any property order give one key', () => {
		const reordered: SessionsQuery = {
			page: 2,
			order: 'asc',
			orderby: 'cart_total',
			search: 'ann',
			status: 'abandoned',
			days: 30,
		};
		expect( sessionsKey( reordered ) ).toBe( sessionsKey( query ) );
	} );

	it.each< [ string, Partial< SessionsQuery > ] >( [
		[ 'period', { days: 7 } ],
		[ 'status', { status: 'all' } ],
		[ 'search', { search: 'bob' } ],
		[ 'sort', { orderby: 'created' } ],
		[ 'direction', { order: 'desc' } ],
		[ 'page', { page: 1 } ],
	] )( 'another %s is another key', ( _name, change ) => {
		expect( sessionsKey( { ...query, ...change } ) ).not.toBe(
			sessionsKey( query )
		);
	} );
} );

describe( 'reports reducer and selectors', () => {
	it( 'keeps each answer under its query', () => {
		let state = reducer(
			initialState,
			receiveReport( 'analytics', analyticsKey( 7 ), report )
		);
		state = reducer(
			state,
			receiveReport( 'sessions', sessionsKey( query ), page )
		);
		expect( getAnalytics( state, 7 ) ).toBe( report );
		expect( getAnalytics( state, 30 ) ).toBeUndefined();
		expect( getSessionsPage( state, query ) ).toBe( page );
		expect(
			getSessionsPage( state, { ...query, page: 1 } )
		).toBeUndefined();
		expect( getSessionDetail( state, 'abc' ) ).toBeUndefined();
		// The settings and campaign are untouched.
		expect( state.settings ).toBe( initialState.settings );
	} );

	it( 'a failed reload keeps the answer shown and records the error', () => {
		let state = reducer(
			initialState,
			receiveReport( 'analytics', analyticsKey( 7 ), report )
		);
		state = reducer(
			state,
			reportRequestFailed( 'analytics', analyticsKey( 7 ), failure )
		);
		expect( getAnalytics( state, 7 ) ).toBe( report );
		expect(
			getReportError( state, 'analytics', analyticsKey( 7 ) )
		).toEqual( failure );
		// A new answer clears the error.
		state = reducer(
			state,
			receiveReport( 'analytics', analyticsKey( 7 ), report )
		);
		expect( getReportError( state, 'analytics', analyticsKey( 7 ) ) ).toBe(
			undefined
		);
	} );

	it( 'a first failure has an error and no value', () => {
		const state = reducer(
			initialState,
			reportRequestFailed( 'session', sessionKey( 'x' ), failure )
		);
		expect( getSessionDetail( state, 'x' ) ).toBeUndefined();
		expect( getReportError( state, 'session', 'x' ) ).toEqual( failure );
	} );
} );

describe( 'report paths', () => {
	it( 'leaves empty arguments out', () => {
		expect(
			reportPath( '/sessions', {
				...sessionFilterArgs( { ...query, search: '  ' } ),
				page: 1,
			} )
		).toBe(
			'/cartbay/v1/sessions?days=30&status=abandoned&orderby=cart_total&order=asc&page=1'
		);
		expect( reportPath( '/analytics', { days: 90 } ) ).toBe(
			'/cartbay/v1/analytics?days=90'
		);
	} );
} );

describe( 'fetchSessionsPage', () => {
	it( 'reads the rows and the totals headers of the unparsed answer', async () => {
		const rows = [ { session_id: 'a' }, { session_id: 'b' } ];
		mockedFetch.mockResolvedValue(
			response( rows, { 'X-WP-Total': '22', 'X-WP-TotalPages': '2' } )
		);
		expect( await fetchSessionsPage( query ) ).toEqual( {
			rows,
			total: 22,
			totalPages: 2,
		} );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/cartbay/v1/sessions?days=30&status=abandoned&search=ann&orderby=cart_total&order=asc&page=2',
			parse: false,
		} );
	} );

	it( 'without the headers, counts the rows', async () => {
		mockedFetch.mockResolvedValue(
			response( [ { session_id: 'a' } ], {} )
		);
		expect( await fetchSessionsPage( query ) ).toMatchObject( {
			total: 1,
			totalPages: 1,
		} );
	} );

	it( 'a refused request rejects with its WP_Error JSON', async () => {
		mockedFetch.mockRejectedValue(
			new Response(
				JSON.stringify( {
					code: 'rest_invalid_param',
					message: 'Invalid parameter(s): orderby',
					data: { status: 400 },
				} ),
				{ status: 400 }
			)
		);
		await expect( fetchSessionsPage( query ) ).rejects.toMatchObject( {
			code: 'rest_invalid_param',
		} );
	} );
} );

describe( 'resolvers through the store', () => {
	it( 'loads a sessions page once per query', async () => {
		mockedFetch.mockImplementation( async () =>
			response( [], { 'X-WP-Total': '0', 'X-WP-TotalPages': '0' } )
		);
		const registry = createRegistry();
		registry.register( store );
		await registry.resolveSelect( store ).getSessionsPage( query );
		await registry.resolveSelect( store ).getSessionsPage( { ...query } );
		expect( registry.select( store ).getSessionsPage( query ) ).toEqual( {
			rows: [],
			total: 0,
			totalPages: 0,
		} );
		expect( mockedFetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'records the error of a failed analytics load', async () => {
		mockedFetch.mockRejectedValue( {
			code: 'rest_forbidden',
			message: 'No.',
			data: { status: 403 },
		} );
		const registry = createRegistry();
		registry.register( store );
		await registry.resolveSelect( store ).getAnalytics( 7 );
		expect( registry.select( store ).getAnalytics( 7 ) ).toBeUndefined();
		expect(
			registry.select( store ).getReportError( 'analytics', '7' )
		).toEqual( failure );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/cartbay/v1/analytics?days=7',
		} );
	} );

	it( 'loads a session’s details by its id', async () => {
		mockedFetch.mockResolvedValue( { session_id: 'abc', events: [] } );
		const registry = createRegistry();
		registry.register( store );
		await registry.resolveSelect( store ).getSessionDetail( 'abc' );
		expect( registry.select( store ).getSessionDetail( 'abc' ) ).toEqual( {
			session_id: 'abc',
			events: [],
		} );
		expect( mockedFetch ).toHaveBeenCalledWith( {
			path: '/cartbay/v1/sessions/abc',
		} );
	} );
} );
