import { describe, expect, it } from 'vitest';

import { notificationStates } from '../../../plugin/schema';
import { listTableQuery } from '../list-table';
import {
	deliverySummary,
	initialNotificationsState,
	lifecycle,
	NOTIFICATION_STATES,
	notificationStateLabel,
	notificationsReducer,
	testEmailFailure,
	triggerLabel,
} from '../notifications';
import { notificationsKey } from '../store/report-keys';
import type { MailEnvironment, NotificationDetail } from '../store/types';

describe( 'notificationsReducer', () => {
	const onPage3 = { ...initialNotificationsState, page: 3 };

	it( 'a new status or search starts again at page 1', () => {
		expect(
			notificationsReducer( onPage3, {
				type: 'status',
				status: 'failed',
			} )
		).toEqual( { status: 'failed', search: '', page: 1 } );
		expect(
			notificationsReducer( onPage3, {
				type: 'search',
				search: '  ntf_abc ',
			} )
		).toEqual( { status: 'all', search: 'ntf_abc', page: 1 } );
	} );

	it( 'keeps the page between 1 and the last page', () => {
		const page = ( n: number, totalPages: number ) =>
			notificationsReducer( onPage3, {
				type: 'page',
				page: n,
				totalPages,
			} ).page;
		expect( page( 4, 5 ) ).toBe( 4 );
		expect( page( 9, 5 ) ).toBe( 5 );
		expect( page( 0, 5 ) ).toBe( 1 );
		expect( page( 2.7, 5 ) ).toBe( 2 );
		// No rows at all: page 1 is still the page shown.
		expect( page( 2, 0 ) ).toBe( 1 );
	} );

	it( 'restart keeps the filters and goes back to page 1', () => {
		expect(
			notificationsReducer(
				{ status: 'sent', search: 'a@b.c', page: 4 },
				{ type: 'restart' }
			)
		).toEqual( { status: 'sent', search: 'a@b.c', page: 1 } );
	} );
} );

describe( 'the table’s query (listTableQuery) and its store key', () => {
	it( 'adds the period and trims the search', () => {
		expect(
			listTableQuery( { status: 'all', search: ' x ', page: 2 }, 90 )
		).toEqual( { status: 'all', search: 'x', page: 2, days: 90 } );
	} );

	it( 'the key differs for every argument and not for property order', () => {
		const base = { days: 30, status: 'all', search: '', page: 1 } as const;
		const keys = new Set( [
			notificationsKey( base ),
			notificationsKey( { ...base, days: 7 } ),
			notificationsKey( { ...base, status: 'failed' } ),
			notificationsKey( { ...base, search: 'a' } ),
			notificationsKey( { ...base, page: 2 } ),
		] );
		expect( keys.size ).toBe( 5 );
		expect(
			notificationsKey( { page: 1, search: '', status: 'all', days: 30 } )
		).toBe( notificationsKey( base ) );
	} );
} );

describe( 'labels', () => {
	it( 'every schema state has a label of its own, not its key', () => {
		expect( NOTIFICATION_STATES ).toEqual(
			notificationStates.constants.map( ( c ) => c.value )
		);
		const labels = NOTIFICATION_STATES.map( notificationStateLabel );
		expect( new Set( labels ).size ).toBe( labels.length );
		expect( notificationStateLabel( 'retry_queued' ) ).toBe(
			'Retry queued'
		);
		expect( notificationStateLabel( 'mystery' ) ).toBe( 'mystery' );
	} );

	it( 'triggers read as words; an unknown trigger stays as sent', () => {
		expect( triggerLabel( 'abandonment' ) ).toBe( 'Abandonment' );
		expect( triggerLabel( 'test' ) ).toBe( 'Test Mode trigger' );
		expect( triggerLabel( 'webhook' ) ).toBe( 'webhook' );
	} );
} );

describe( 'lifecycle', () => {
	const detail = (
		timestamps: Record< string, string | null >,
		restore: string | null = null
	) =>
		( {
			timestamps,
			restore_clicked_at: restore,
		} ) as unknown as NotificationDetail;

	it( 'orders the recorded moments by time, with the restore click, leaving out empty ones', () => {
		expect(
			lifecycle(
				detail(
					{
						sent: '2026-01-02T10:05:00+00:00',
						queued: '2026-01-01T09:00:00+00:00',
						failed: null,
						attempted: '2026-01-02T10:00:00+00:00',
					},
					'2026-01-03T08:00:00+00:00'
				)
			).map( ( e ) => e.event )
		).toEqual( [ 'queued', 'attempted', 'sent', 'restore_clicked' ] );
	} );

	it( 'equal moments keep the lifecycle order (attempted before sent)', () => {
		const at = '2026-01-02T10:00:00+00:00';
		expect(
			lifecycle( detail( { sent: at, attempted: at, queued: at } ) ).map(
				( e ) => e.event
			)
		).toEqual( [ 'queued', 'attempted', 'sent' ] );
	} );
} );

describe( 'deliverySummary', () => {
	const env = ( confidence: MailEnvironment[ 'confidence' ] ) =>
		( { confidence } ) as MailEnvironment;

	it( 'high reassures, medium and low ask for a test, none warns to install SMTP', () => {
		expect( deliverySummary( env( 'high' ) ).status ).toBe( 'success' );
		expect( deliverySummary( env( 'medium' ) ).status ).toBe( 'warning' );
		expect( deliverySummary( env( 'low' ) ).status ).toBe( 'warning' );
		const none = deliverySummary( env( 'none' ) );
		expect( none.status ).toBe( 'error' );
		expect( none.message ).toMatch( /SMTP plugin/ );
	} );
} );

describe( 'testEmailFailure', () => {
	it( 'prefixes the mailer’s error once', () => {
		expect( testEmailFailure( 'SMTP connect() failed.' ) ).toMatch(
			/^Failed to send test email: SMTP connect\(\) failed\. — check/
		);
		expect(
			testEmailFailure(
				'Failed to send test email: WordPress mail did not accept the message.'
			)
		).toMatch(
			/^Failed to send test email: WordPress mail did not accept the message\. — /
		);
	} );
} );
