import { describe, expect, it } from 'vitest';

import { emailSteps } from '../../../plugin/schema';
import {
	emailSettingsUrl,
	readTestTrigger,
	templateEmails,
} from '../templates';

describe( 'emailSettingsUrl', () => {
	it( 'opens the email’s WooCommerce section: its class name in lower case', () => {
		expect( emailSettingsUrl( 'CartBay_Email_Recovery_1' ) ).toBe(
			'admin.php?page=wc-settings&tab=email&section=cartbay_email_recovery_1'
		);
	} );
} );

describe( 'templateEmails', () => {
	const campaign = {
		enabled: true,
		steps: [
			{
				delay_value: 1,
				delay_unit: 'hours' as const,
				coupon_enabled: false,
			},
			{
				delay_value: 2,
				delay_unit: 'days' as const,
				coupon_enabled: false,
			},
			{
				delay_value: 5,
				delay_unit: 'days' as const,
				coupon_enabled: true,
			},
		],
	};

	it( 'lists every schema email in step order with its subject and campaign step', () => {
		const rows = templateEmails(
			emailSteps,
			{ cartbay_email_recovery_2: ' Hello {site_title} ' },
			campaign
		);
		expect( rows.map( ( r ) => r.step ) ).toEqual( [ 1, 2, 3 ] );
		expect( rows.map( ( r ) => r.subject ) ).toEqual( [
			undefined,
			'Hello {site_title}',
			undefined,
		] );
		expect( rows[ 2 ]!.sequence ).toEqual( campaign.steps[ 2 ] );
		expect( rows[ 0 ]!.className ).toBe( 'CartBay_Email_Recovery_1' );
	} );

	it( 'has no subject or step before they are known', () => {
		const rows = templateEmails(
			emailSteps,
			{ cartbay_email_recovery_1: '' },
			undefined
		);
		expect(
			rows.every(
				( r ) => r.subject === undefined && r.sequence === undefined
			)
		).toBe( true );
	} );
} );

describe( 'readTestTrigger', () => {
	it( 'reads the trigger’s answer', () => {
		expect(
			readTestTrigger( {
				session_id: 'abc',
				notification_id: 4,
				scheduled_at: '2026-12-07T10:00:30+00:00',
			} )
		).toEqual( {
			session_id: 'abc',
			scheduled_at: '2026-12-07T10:00:30+00:00',
		} );
	} );

	it( 'refuses anything else', () => {
		expect( readTestTrigger( null ) ).toBeNull();
		expect( readTestTrigger( '<html>' ) ).toBeNull();
		expect(
			readTestTrigger( { session_id: 'abc', scheduled_at: '' } )
		).toBeNull();
	} );
} );
