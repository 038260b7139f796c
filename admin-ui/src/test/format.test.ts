import { describe, expect, it } from 'vitest';

import { formatMetric, formatMoment, formatMoney } from '../format';
import type { MetricFormat } from '../schema';

describe( 'formatMetric', () => {
	it.each<
		[
			string,
			{
				value: number | null | undefined;
				format: MetricFormat;
				want: string;
			},
		]
	>( [
		[ 'count', { value: 1234, format: 'count', want: '1,234' } ],
		[ 'count of zero', { value: 0, format: 'count', want: '0' } ],
		[
			'missing count reads 0',
			{ value: undefined, format: 'count', want: '0' },
		],
		[
			'money in the currency',
			{ value: 1002.5, format: 'money', want: '$1,002.50' },
		],
		[
			'percent with one decimal',
			{ value: 12.5, format: 'percent', want: '12.5%' },
		],
		[ 'whole percent', { value: 100, format: 'percent', want: '100%' } ],
		[ 'percent of nothing', { value: 0, format: 'percent', want: '0%' } ],
		[ 'best step', { value: 2, format: 'step', want: 'Email 2' } ],
		[ 'no best step', { value: null, format: 'step', want: 'None yet' } ],
	] )( '%s', ( _name, { value, format, want } ) => {
		expect( formatMetric( value, format, 'USD', 'en-US' ) ).toBe( want );
	} );

	it( 'money uses the answer’s currency', () => {
		expect( formatMetric( 10, 'money', 'EUR', 'de-DE' ) ).toMatch(
			/^10,00\s€$/
		);
	} );
} );

describe( 'formatMoney', () => {
	it( 'an unknown currency code falls back to a plain amount', () => {
		expect( formatMoney( 3.5, 'not-a-code', 'en-US' ) ).toBe( '3.50' );
		expect( formatMoney( 3.5, '', 'en-US' ) ).toBe( '3.50' );
	} );
} );

describe( 'formatMoment', () => {
	it.each( [ [ null ], [ undefined ], [ '' ] ] )( '%s is a dash', ( iso ) => {
		expect( formatMoment( iso, 'en-US' ) ).toBe( '—' );
	} );

	it( 'an ISO moment is a local date and time', () => {
		expect( formatMoment( '2025-01-31T09:30:00+00:00', 'en-US' ) ).toMatch(
			/Jan 31, 2025/
		);
	} );

	it( 'an unreadable moment is shown as it came', () => {
		expect( formatMoment( 'soon', 'en-US' ) ).toBe( 'soon' );
	} );
} );
