// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { defaultCampaign, defaultSettings } from '../../../../plugin/schema';
import { initialState } from '../reducer';
import {
	getCampaign,
	getRequestError,
	getSettings,
	isSaving,
} from '../selectors';
import type { State } from '../types';

const settings = defaultSettings();
const campaign = defaultCampaign();
const failure = { code: 'rest_cartbay_invalid', message: 'Nope.', status: 400 };

const loaded: State = {
	settings: { value: settings, isSaving: true },
	campaign: { value: campaign, isSaving: false, error: failure },
	reports: initialState.reports,
};

const cases: [
	string,
	{ state: State; select: ( state: State ) => unknown; want: unknown },
][] = [
	[
		'settings before loading',
		{ state: initialState, select: getSettings, want: undefined },
	],
	[
		'settings once loaded',
		{ state: loaded, select: getSettings, want: settings },
	],
	[
		'campaign before loading',
		{ state: initialState, select: getCampaign, want: undefined },
	],
	[
		'campaign once loaded',
		{ state: loaded, select: getCampaign, want: campaign },
	],
	[
		'saving settings',
		{
			state: loaded,
			select: ( state ) => isSaving( state, 'settings' ),
			want: true,
		},
	],
	[
		'not saving the campaign',
		{
			state: loaded,
			select: ( state ) => isSaving( state, 'campaign' ),
			want: false,
		},
	],
	[
		'no settings error',
		{
			state: loaded,
			select: ( state ) => getRequestError( state, 'settings' ),
			want: undefined,
		},
	],
	[
		'the campaign error',
		{
			state: loaded,
			select: ( state ) => getRequestError( state, 'campaign' ),
			want: failure,
		},
	],
];

describe( 'selectors', () => {
	it.each( cases )( '%s', ( _name, { state, select, want } ) => {
		expect( select( state ) ).toEqual( want );
	} );
} );
