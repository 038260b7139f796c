// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import {
	campaign,
	defaultCampaign,
	normalizeCampaign,
} from '../../../plugin/schema';
import {
	adjustedSteps,
	campaignPayload,
	formatDelay,
	formatMinutes,
	toCampaignDraft,
} from '../sequence';

describe( 'formatDelay / formatMinutes', () => {
	it.each< [ string, string, string ] >( [
		[ 'one minute', formatDelay( 1, 'minutes' ), '1 minute' ],
		[ 'hours', formatDelay( 24, 'hours' ), '24 hours' ],
		[ 'one day', formatDelay( 1, 'days' ), '1 day' ],
		[ 'a quarter hour', formatMinutes( 15 ), '15 minutes' ],
		[ 'whole days', formatMinutes( 2 * 24 * 60 ), '2 days' ],
		[ 'whole hours', formatMinutes( 3 * 60 ), '3 hours' ],
		[ 'not a whole hour', formatMinutes( 90 ), '90 minutes' ],
	] )( '%s', ( _name, got, want ) => {
		expect( got ).toBe( want );
	} );
} );

describe( 'campaign drafts', () => {
	const saved = defaultCampaign();
	const first = saved.steps[ 0 ]!;

	it( 'round-trips the saved sequence', () => {
		const draft = toCampaignDraft( saved );
		expect( draft.steps[ 0 ]?.delay_value ).toBe(
			String( first.delay_value )
		);
		expect( campaignPayload( draft ) ).toEqual( saved );
		expect( adjustedSteps( draft, saved ) ).toEqual( [] );
	} );

	// What the form holds for step 1 (value as typed, unit), and the steps the server then reports as adjusted.
	it.each< [ string, string, ( typeof first )[ 'delay_unit' ], number[] ] >( [
		[
			'a typed value that is kept',
			String( first.delay_value ),
			first.delay_unit,
			[],
		],
		[
			'a typed value below the minimum delay',
			String( campaign.minDelayMinutes - 1 ),
			'minutes',
			[ 0 ],
		],
		[ 'a value that is not a number', 'soon', first.delay_unit, [ 0 ] ],
	] )( '%s', ( _name, typed, unit, want ) => {
		const draft = toCampaignDraft( saved );
		const edited = {
			...draft,
			steps: draft.steps.map( ( step, i ) =>
				i === 0
					? { ...step, delay_value: typed, delay_unit: unit }
					: step
			),
		};
		// The server's answer to that PATCH: the shared normalizer (tests/contract checks the PHP side agrees).
		const normalized = normalizeCampaign(
			campaignPayload( edited ),
			saved
		);
		expect( adjustedSteps( edited, normalized ) ).toEqual( want );
	} );
} );
