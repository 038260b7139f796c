import { describe, expect, it } from 'vitest';

import { settingsOption } from '../../schema';
import {
	CONSENT_TIMING_FIELDS,
	stepAfter,
	WIZARD_STEPS,
	wizardStepTitle,
} from '../steps';

describe( 'setup wizard steps', () => {
	it( 'are the five steps of the docs, each with a title', () => {
		expect( WIZARD_STEPS.map( wizardStepTitle ) ).toEqual( [
			'Welcome',
			'License',
			'Consent & Timing',
			'Email Delivery',
			'Launch',
		] );
	} );

	it( 'Continue and Back move one step and stop at the ends', () => {
		expect( stepAfter( 'welcome', 1 ) ).toBe( 'license' );
		expect( stepAfter( 'launch', -1 ) ).toBe( 'email-delivery' );
		expect( stepAfter( 'welcome', -1 ) ).toBe( 'welcome' );
		expect( stepAfter( 'launch', 1 ) ).toBe( 'launch' );
	} );

	it( 'the Consent & Timing fields exist in the schema', () => {
		const keys = settingsOption.fields.map( ( field ) => field.key );
		for ( const key of CONSENT_TIMING_FIELDS ) {
			expect( keys ).toContain( key );
		}
	} );
} );
