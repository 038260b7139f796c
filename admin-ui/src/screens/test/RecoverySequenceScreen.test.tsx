// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
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

import {
	campaign,
	defaultCampaign,
	delayMinutes,
	normalizeCampaign,
} from '../../../../plugin/schema';
import { formatDelay } from '../../sequence';
import { clearUnsavedDrafts } from '../../components/unsaved-drafts';
import { store } from '../../store';
import RecoverySequenceScreen from '../RecoverySequenceScreen';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const mockedFetch = vi.mocked( apiFetch );

interface Request {
	method?: string;
	data?: Record< string, unknown >;
}

describe( 'RecoverySequenceScreen', () => {
	afterEach( () => {
		clearUnsavedDrafts();
		cleanup();
		mockedFetch.mockReset();
	} );

	it( 'saves the steps and shows the order the server kept', async () => {
		let sent: Record< string, unknown > | undefined;
		mockedFetch.mockImplementation( async ( request: Request ) => {
			if ( request.method === 'PATCH' ) {
				sent = request.data;
				// The server runs the same sequence rules (tests/contract checks both sides agree).
				return normalizeCampaign( request.data, defaultCampaign() );
			}
			return defaultCampaign();
		} );
		const registry = createRegistry();
		registry.register( store );
		render(
			<RegistryProvider value={ registry }>
				<RecoverySequenceScreen />
			</RegistryProvider>
		);

		const defaults = defaultCampaign();
		const [ first, second ] = defaults.steps;
		const email2 = within(
			( await screen.findByText( 'Email 2' ) ).closest( 'fieldset' )!
		);
		const delay = email2.getByLabelText(
			'Delay after abandonment'
		) as HTMLInputElement;
		const unit = email2.getByLabelText( 'Unit' ) as HTMLSelectElement;
		expect( [ delay.value, unit.value ] ).toEqual( [
			String( second!.delay_value ),
			second!.delay_unit,
		] );

		// Email 2 set before Email 1: the server moves it to the minimum gap after Email 1.
		const typed = { delay_value: 10, delay_unit: 'minutes' } as const;
		expect( delayMinutes( typed ) ).toBeLessThan( delayMinutes( first! ) );
		const sentSteps = defaults.steps.map( ( step, i ) =>
			i === 1 ? { ...step, ...typed } : step
		);
		const kept = normalizeCampaign( { steps: sentSteps }, defaults )
			.steps[ 1 ]!;
		expect( delayMinutes( kept ) ).toBe(
			delayMinutes( first! ) + campaign.minGapMinutes
		);
		fireEvent.change( unit, { target: { value: typed.delay_unit } } );
		fireEvent.change( delay, {
			target: { value: String( typed.delay_value ) },
		} );
		expect(
			email2.getByText(
				`Will be saved as: ${ formatDelay( kept.delay_value, kept.delay_unit ) }`
			)
		).toBeTruthy();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save changes' } )
		);

		await waitFor( () =>
			expect( [ delay.value, unit.value ] ).toEqual( [
				String( kept.delay_value ),
				kept.delay_unit,
			] )
		);
		expect( sent ).toEqual( {
			enabled: defaults.enabled,
			steps: sentSteps,
		} );
		const notice = document.querySelector( '.cartbay-notices' );
		expect( notice?.textContent ).toContain( 'Some delays were adjusted' );
		expect( notice?.querySelector( 'li' )?.textContent ).toBe(
			`Email 2: ${ formatDelay( kept.delay_value, kept.delay_unit ) }`
		);
	} );
} );
