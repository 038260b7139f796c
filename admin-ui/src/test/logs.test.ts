import { describe, expect, it } from 'vitest';

import {
	cleanEventPrefix,
	initialLogsQuery,
	isFiltered,
	logEntryText,
	logsArgs,
	logsReducer,
	wooCommerceLogsUrl,
} from '../logs';
import { logLimits } from '../schema';

describe( 'logsReducer', () => {
	const onPage3 = { ...initialLogsQuery, page: 3 };

	it.each( [
		[ 'level', { type: 'level', level: 'error' } as const ],
		[ 'source', { type: 'source', source: 'email' } as const ],
		[ 'text', { type: 'text', event: 'email.', search: 'order' } as const ],
	] )( 'a new %s filter starts again at page 1', ( _name, action ) => {
		expect( logsReducer( onPage3, action ).page ).toBe( 1 );
	} );

	it( 'keeps a page within the pages there are', () => {
		expect(
			logsReducer( onPage3, { type: 'page', page: 9, totalPages: 4 } )
				.page
		).toBe( 4 );
		expect(
			logsReducer( onPage3, { type: 'page', page: 0, totalPages: 4 } )
				.page
		).toBe( 1 );
		expect(
			logsReducer( onPage3, { type: 'page', page: 2, totalPages: 0 } )
				.page
		).toBe( 1 );
	} );

	it( 'cleans the event prefix to what GET /logs accepts', () => {
		expect( cleanEventPrefix( '  Email.Sent! ' ) ).toBe( 'email.sent' );
		expect(
			cleanEventPrefix( 'a'.repeat( logLimits.maxFilterLength + 5 ) )
		).toHaveLength( logLimits.maxFilterLength );
	} );
} );

describe( 'logsArgs', () => {
	it( 'leaves out the defaults and empty filters', () => {
		expect( logsArgs( initialLogsQuery ) ).toEqual( { page: 1 } );
	} );

	it( 'sends every filter that is set', () => {
		expect(
			logsArgs( {
				level: 'warning',
				source: 'restore',
				event: 'restore.fa',
				search: '42',
				page: 2,
			} )
		).toEqual( {
			level: 'warning',
			source: 'restore',
			event: 'restore.fa',
			search: '42',
			page: 2,
		} );
	} );
} );

describe( 'logEntryText', () => {
	it( 'is time, level, event and the context as JSON', () => {
		expect(
			logEntryText( {
				time: '2026-12-07T10:00:00Z',
				level: 'warning',
				source: 'email',
				event: 'email.failed',
				context: { order_id: 7, reason: 'smtp' },
			} )
		).toBe(
			'2026-12-07T10:00:00Z WARNING email.failed\n{\n  "order_id": 7,\n  "reason": "smtp"\n}'
		);
	} );
} );

describe( 'isFiltered', () => {
	it( 'is false for the defaults, true once any filter is set', () => {
		expect( isFiltered( initialLogsQuery ) ).toBe( false );
		expect(
			isFiltered(
				logsReducer( initialLogsQuery, {
					type: 'text',
					event: '',
					search: ' ',
				} )
			)
		).toBe( false );
		expect( isFiltered( { ...initialLogsQuery, source: 'email' } ) ).toBe(
			true
		);
		expect( isFiltered( { ...initialLogsQuery, search: 'x' } ) ).toBe(
			true
		);
	} );
} );

describe( 'wooCommerceLogsUrl', () => {
	it( 'opens WooCommerce > Status > Logs on the cartbay source', () => {
		const url = new URL(
			wooCommerceLogsUrl(),
			'https://shop.test/wp-admin/'
		);
		expect( url.pathname ).toBe( '/wp-admin/admin.php' );
		expect( Object.fromEntries( url.searchParams ) ).toEqual( {
			page: 'wc-status',
			tab: 'logs',
			source: 'cartbay',
		} );
	} );
} );
