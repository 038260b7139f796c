// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	cleanup,
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

import { store } from '../../store';
import NotificationsScreen from '../NotificationsScreen';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
const mockedFetch = vi.mocked( apiFetch );

const analytics = {
	days: 30,
	from: '2026-11-08',
	to: '2026-12-07',
	metrics: {
		pending_queue: 4,
		emails_sent: 11,
		emails_failed: 2,
		acceptance_rate: 84.6,
		best_step: 2,
	},
	notifications: { queued: 3, sent: 11, failed: 2, retry_queued: 1 },
	series: [],
	statuses: {},
	currency: 'USD',
	generated_at: '2026-12-07T10:00:00+00:00',
};

const row = ( n: number, status: string ) => ( {
	notification_id: `ntf_${ String( n ).padStart( 16, '0' ) }`,
	session_id: `S${ n }`,
	status,
	recipient: `shopper${ n }@example.test`,
	step: 1,
	email_type: 'cartbay_email_recovery_1',
	trigger: 'abandonment',
	scheduled_at: '2026-12-06T10:00:00+00:00',
	attempts: 1,
	last_error: '',
} );

let environment: () => unknown;
let sendAnswer: () => unknown;
let requests: { path: string; method: string; data?: unknown }[] = [];

beforeEach( () => {
	window.history.replaceState(
		null,
		'',
		'/wp-admin/admin.php?page=cartbay&section=notifications'
	);
	environment = () => ( {
		confidence: 'medium',
		service: 'cartbay_store_capture_mail',
		detections: [
			{
				confidence: 'medium',
				name: 'cartbay_store_capture_mail',
				source: 'hook',
				detail: 'pre_wp_mail',
			},
		],
		loggers: [],
		from_email: 'orders@shop.example',
		from_name: 'Shop & Co',
		recipient: 'admin@shop.example',
	} );
	sendAnswer = () => ( { sent: true, step: 0 } );
	requests = [];
	mockedFetch.mockImplementation(
		async ( options: {
			path?: string;
			method?: string;
			data?: unknown;
		} ) => {
			const path = options.path ?? '';
			requests.push( {
				path,
				method: options.method ?? 'GET',
				data: options.data,
			} );
			if ( path.includes( '/analytics' ) ) {
				return analytics;
			}
			if ( path.includes( '/notifications?' ) ) {
				const failed = path.includes( 'status=failed' );
				const rows = failed
					? [ row( 2, 'failed' ) ]
					: [ row( 1, 'sent' ), row( 2, 'failed' ) ];
				return new Response( JSON.stringify( rows ), {
					headers: {
						'X-WP-Total': String( rows.length ),
						'X-WP-TotalPages': '1',
					},
				} );
			}
			if ( path.endsWith( '/mail-environment' ) ) {
				return environment();
			}
			if ( path.endsWith( '/test/email' ) ) {
				return sendAnswer();
			}
			throw new Error( `unexpected ${ path }` );
		}
	);
} );

afterEach( () => {
	cleanup();
	mockedFetch.mockReset();
} );

function renderScreen() {
	const registry = createRegistry();
	registry.register( store );
	return render(
		<RegistryProvider value={ registry }>
			<NotificationsScreen />
		</RegistryProvider>
	);
}

const deliveryRegion = () =>
	screen.getByRole( 'region', { name: 'Email Delivery Test' } );

describe( 'NotificationsScreen', () => {
	it( 'shows the analytics figures as they are, and the counts by status behind More', async () => {
		renderScreen();
		const cards = await screen.findByRole( 'list', {
			name: 'Recovery email figures',
		} );
		const card = ( label: string ) =>
			within( cards ).getByRole( 'listitem', { name: label } );
		expect(
			within( card( 'Pending Queue' ) ).getByText( '4' )
		).toBeTruthy();
		expect(
			within( card( 'Emails Sent' ) ).getByText( '11' )
		).toBeTruthy();
		expect(
			within( card( 'Best Email Step' ) ).getByText( 'Email 2' )
		).toBeTruthy();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Show counts by status' } )
		);
		const dialog = await screen.findByRole( 'dialog' );
		const retry = within( dialog )
			.getByText( 'Retry queued' )
			.closest( 'li' )!;
		expect( within( retry ).getByText( '1' ) ).toBeTruthy();
		const canceled = within( dialog )
			.getByText( 'Canceled' )
			.closest( 'li' )!;
		expect( within( canceled ).getByText( '0' ) ).toBeTruthy();
	} );

	it( 'lists the notifications and asks the server again for a status', async () => {
		renderScreen();
		await screen.findByText( 'shopper1@example.test' );
		expect(
			screen.getByText( '2 notifications · page 1 of 1' )
		).toBeTruthy();
		fireEvent.change(
			within(
				screen.getByRole( 'region', {
					name: 'Recovery email notifications',
				} )
			).getByLabelText( 'Status' ),
			{ target: { value: 'failed' } }
		);
		await waitFor( () =>
			expect( screen.queryByText( 'shopper1@example.test' ) ).toBeNull()
		);
		expect(
			requests.some(
				( r ) =>
					r.path.includes( '/notifications?' ) &&
					r.path.includes( 'status=failed' ) &&
					r.path.includes( 'days=30' )
			)
		).toBe( true );
	} );

	it( 'Email Delivery Test: a medium finding warns, the sender is shown, and a test is sent to the typed address', async () => {
		renderScreen();
		const region = deliveryRegion();
		await within( region ).findByText( 'orders@shop.example' );
		expect( within( region ).getByText( 'Shop & Co' ) ).toBeTruthy();
		expect(
			within( region ).getByText( 'Medium confidence' )
		).toBeTruthy();
		const input = within( region ).getByLabelText(
			'Send the test email to'
		) as HTMLInputElement;
		expect( input.value ).toBe( 'admin@shop.example' );
		fireEvent.change( input, { target: { value: 'me@shop.example' } } );
		fireEvent.click(
			within( region ).getByRole( 'button', { name: 'Send Test Email' } )
		);
		await within( region ).findByText(
			/accepted by WordPress mail for me@shop\.example/
		);
		expect(
			requests.find( ( r ) => r.path.endsWith( '/test/email' ) )
		).toMatchObject( {
			method: 'POST',
			data: { email: 'me@shop.example', step: 0 },
		} );
	} );

	it( 'shows the mailer’s error when the test is refused, and no service as an error to act on', async () => {
		environment = () => ( {
			confidence: 'none',
			service: null,
			detections: [],
			loggers: [],
			from_email: 'wordpress@shop.example',
			from_name: 'WordPress',
			recipient: 'admin@shop.example',
		} );
		sendAnswer = () => {
			throw {
				code: 'cartbay_test_email_failed',
				message: 'SMTP Error: Could not authenticate.',
				data: { status: 502 },
			};
		};
		renderScreen();
		const region = deliveryRegion();
		await within( region ).findByText(
			/No SMTP or transactional email service was detected/
		);
		expect( within( region ).queryByText( 'Delivery service' ) ).toBeNull();
		fireEvent.click(
			within( region ).getByRole( 'button', { name: 'Send Test Email' } )
		);
		await within( region ).findByText(
			/Failed to send test email: SMTP Error: Could not authenticate\./
		);
	} );

	it( 'a detection that cannot load says so and can be tried again', async () => {
		let calls = 0;
		environment = () => {
			calls++;
			if ( calls === 1 ) {
				throw { code: 'rest_forbidden', message: 'Sorry, no.' };
			}
			return {
				confidence: 'high',
				service: 'WP Mail SMTP',
				detections: [],
				loggers: [ { name: 'WP Mail Logging', plugin: 'x/x.php' } ],
				from_email: 'a@b.example',
				from_name: 'A',
				recipient: '',
			};
		};
		renderScreen();
		const region = deliveryRegion();
		await within( region ).findByText( /Sorry, no\./ );
		fireEvent.click(
			within( region ).getByRole( 'button', { name: 'Try again' } )
		);
		await within( region ).findByText( 'WP Mail SMTP' );
		expect( within( region ).getByText( 'WP Mail Logging' ) ).toBeTruthy();
	} );
} );
