// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { resourcePath, toApiError } from '../api';

describe( 'resourcePath', () => {
	it.each( [
		[ 'settings', '/cartbay/v1/settings' ],
		[ 'campaign', '/cartbay/v1/campaign' ],
	] as const )( '%s', ( resource, want ) => {
		expect( resourcePath( resource ) ).toBe( want );
	} );
} );

describe( 'toApiError', () => {
	it.each< [ string, unknown, unknown ] >( [
		[
			'WP_Error JSON',
			{
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 403 },
			},
			{
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				status: 403,
			},
		],
		[
			"api-fetch's offline error (no status)",
			{ code: 'fetch_error', message: 'You are probably offline.' },
			{ code: 'fetch_error', message: 'You are probably offline.' },
		],
		[
			'anything else',
			new TypeError( '' ),
			{
				code: 'unknown_error',
				message: 'The request failed. Please try again.',
			},
		],
	] )( '%s', ( _name, given, want ) => {
		expect( toApiError( given ) ).toEqual( want );
	} );
} );
