// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { reportPeriodChoices, reportPeriods } from '../schema';
import { locationUrl, normalizePeriod, readLocation } from '../navigation';

describe( 'navigation', () => {
	it( 'reads a supported period and falls back to the default otherwise', () => {
		for ( const days of reportPeriodChoices ) {
			expect( normalizePeriod( String( days ) ) ).toBe( days );
		}
		for ( const bad of [ null, '', '14', '7.5', 'abc', '-30', '1e2' ] ) {
			expect( normalizePeriod( bad ) ).toBe( reportPeriods.defaultDays );
		}
	} );

	it( 'reads section and period from the query string', () => {
		expect(
			readLocation( '?page=cartbay&section=overview&period=90' )
		).toEqual( {
			section: 'overview',
			period: 90,
		} );
		expect( readLocation( '?page=cartbay' ) ).toEqual( {
			section: undefined,
			period: reportPeriods.defaultDays,
		} );
	} );

	it( 'writes a location into the URL, keeping other arguments and leaving the default period out', () => {
		const base =
			'https://shop.test/wp-admin/admin.php?page=cartbay&period=7';
		expect(
			locationUrl( base, { section: 'notifications', period: 7 } )
		).toBe(
			'https://shop.test/wp-admin/admin.php?page=cartbay&period=7&section=notifications'
		);
		expect(
			locationUrl( base, {
				section: 'overview',
				period: reportPeriods.defaultDays,
			} )
		).toBe(
			'https://shop.test/wp-admin/admin.php?page=cartbay&section=overview'
		);
		expect(
			readLocation(
				new URL( locationUrl( base, { section: 'logs', period: 90 } ) )
					.search
			)
		).toEqual( { section: 'logs', period: 90 } );
	} );
} );
