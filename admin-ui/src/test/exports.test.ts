// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';

import { exportUrl } from '../exports';
import type { SessionsQuery } from '../store/types';

const query: SessionsQuery = {
	days: 7,
	status: 'recovered',
	search: ' ann@example.test ',
	orderby: 'cart_total',
	order: 'asc',
	page: 3,
};

afterEach( () => {
	delete window.cartbayAdmin;
} );

describe( 'exportUrl', () => {
	it( 'pretty permalinks: the route under /wp-json/, the filters without the page, the nonce', () => {
		window.cartbayAdmin = {
			restNamespace: 'cartbay/v1',
			restUrl: 'https://shop.example/wp-json/',
			restNonce: 'n0nce',
		};
		const url = new URL( exportUrl( 'sessions', query ) );
		expect( url.origin + url.pathname ).toBe(
			'https://shop.example/wp-json/cartbay/v1/exports/sessions'
		);
		expect( Object.fromEntries( url.searchParams ) ).toEqual( {
			days: '7',
			status: 'recovered',
			search: 'ann@example.test',
			orderby: 'cart_total',
			order: 'asc',
			_wpnonce: 'n0nce',
		} );
	} );

	it( 'plain permalinks: the route in rest_route', () => {
		window.cartbayAdmin = {
			restNamespace: 'cartbay/v1',
			restUrl: 'https://shop.example/index.php?rest_route=/',
			restNonce: 'n0nce',
		};
		const url = new URL( exportUrl( 'emails', { ...query, search: '' } ) );
		expect( url.pathname ).toBe( '/index.php' );
		expect( url.searchParams.get( 'rest_route' ) ).toBe(
			'/cartbay/v1/exports/emails'
		);
		expect( url.searchParams.has( 'search' ) ).toBe( false );
		expect( url.searchParams.has( 'page' ) ).toBe( false );
	} );

	it( 'without boot data: the site’s /wp-json/ and no nonce', () => {
		const url = new URL( exportUrl( 'sessions', query ) );
		expect( url.pathname ).toBe( '/wp-json/cartbay/v1/exports/sessions' );
		expect( url.searchParams.has( '_wpnonce' ) ).toBe( false );
	} );
} );
