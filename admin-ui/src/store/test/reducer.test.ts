// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { defaultCampaign, defaultSettings } from '../../../../plugin/schema';
import reducer, { initialState } from '../reducer';
import type { Action, State } from '../types';

const settings = defaultSettings();
const campaign = defaultCampaign();
const failure = {
	code: 'rest_forbidden',
	message: 'Sorry, you are not allowed to do that.',
	status: 403,
};

const cases: [ string, { state: State; action: Action; want: State } ][] = [
	[
		'receiving settings stores them and ends a save',
		{
			state: {
				...initialState,
				settings: { isSaving: true, error: failure },
			},
			action: {
				type: 'RECEIVE_RESOURCE',
				resource: 'settings',
				value: settings,
			},
			want: {
				...initialState,
				settings: { value: settings, isSaving: false },
			},
		},
	],
	[
		'receiving the campaign leaves the settings alone',
		{
			state: {
				...initialState,
				settings: { value: settings, isSaving: false },
			},
			action: {
				type: 'RECEIVE_RESOURCE',
				resource: 'campaign',
				value: campaign,
			},
			want: {
				settings: { value: settings, isSaving: false },
				campaign: { value: campaign, isSaving: false },
				reports: initialState.reports,
			},
		},
	],
	[
		'starting a save keeps the value and clears the last error',
		{
			state: {
				...initialState,
				campaign: { value: campaign, isSaving: false, error: failure },
			},
			action: { type: 'SAVE_RESOURCE_START', resource: 'campaign' },
			want: {
				...initialState,
				campaign: { value: campaign, isSaving: true },
			},
		},
	],
	[
		'a failed request keeps the value and records the error',
		{
			state: {
				...initialState,
				settings: { value: settings, isSaving: true },
			},
			action: {
				type: 'RESOURCE_REQUEST_FAILED',
				resource: 'settings',
				error: failure,
			},
			want: {
				...initialState,
				settings: { value: settings, isSaving: false, error: failure },
			},
		},
	],
];

describe( 'reducer', () => {
	it( 'starts empty', () => {
		expect(
			reducer( undefined, { type: '@@INIT' } as unknown as Action )
		).toEqual( initialState );
	} );

	it.each( cases )( '%s', ( _name, { state, action, want } ) => {
		const before = structuredClone( state );
		expect( reducer( state, action ) ).toEqual( want );
		expect( state ).toEqual( before );
	} );
} );
