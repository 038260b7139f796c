import { describe, expect, it } from 'vitest';

import {
	couponStatusLabel,
	discountSummary,
	discountText,
	percentageWarning,
	percentCap,
	usageText,
} from '../offers';
import { normalizeSettings, settingsOption } from '../schema';

const LOCALE = 'en-US';
const defaults = normalizeSettings( {} );

describe( 'discountSummary', () => {
	it( 'words the schema defaults (a $10 fixed-cart coupon, 7 days) as the spec’s example', () => {
		expect( discountSummary( defaults, 'USD', LOCALE ) ).toBe(
			'Recovery emails with coupons enabled will include a $10.00 off discount coupon. Expires 7 days after generation.'
		);
	} );

	it( 'follows each field: a percentage, its amount and a one-day expiry', () => {
		expect(
			discountSummary(
				{
					coupon_type: 'percent',
					coupon_amount: 15,
					coupon_expiry_days: 1,
				},
				'USD',
				LOCALE
			)
		).toBe(
			'Recovery emails with coupons enabled will include a 15% off discount coupon. Expires 1 day after generation.'
		);
	} );

	it( 'says a zero amount gives no discount and what to do', () => {
		expect(
			discountSummary( { ...defaults, coupon_amount: 0 }, 'EUR', LOCALE )
		).toContain( 'no discount: enter an amount above 0' );
	} );

	it( 'shows what the server would save: a typed 150% previews as the schema’s cap', () => {
		const preview = normalizeSettings(
			{ coupon_type: 'percent', coupon_amount: 150 },
			defaults
		);
		expect( discountSummary( preview, 'USD', LOCALE ) ).toContain(
			`a ${ percentCap() }% off discount coupon`
		);
	} );
} );

describe( 'discountText', () => {
	it.each( [
		[ 'percent', 12.5, 'USD', '12.5% off' ],
		[ 'fixed_cart', 5, 'EUR', '€5.00 off' ],
		[ 'fixed_cart', 5, '', '5.00 off' ],
	] )( '%s %s %s', ( type, amount, currency, want ) => {
		expect( discountText( type, amount, currency, LOCALE ) ).toBe( want );
	} );
} );

describe( 'percentageWarning', () => {
	it( 'is the schema’s 100% cap rule', () => {
		const rule = settingsOption.rules.find(
			( r ) => r.field === 'coupon_amount'
		);
		expect( percentCap() ).toBe( rule?.maximum );
	} );

	it( 'is absent for a fixed-cart coupon, whatever the amount', () => {
		expect(
			percentageWarning( {
				coupon_type: 'fixed_cart',
				coupon_amount: 500,
			} )
		).toBeNull();
	} );

	it( 'warns for any percentage coupon that it discounts the full cart total', () => {
		const warning = percentageWarning( {
			coupon_type: 'percent',
			coupon_amount: 10,
		} );
		expect( warning?.status ).toBe( 'warning' );
		expect( warning?.message ).toContain( 'full cart total' );
	} );

	it( 'is an error at the cap: the whole cart is free', () => {
		const warning = percentageWarning( {
			coupon_type: 'percent',
			coupon_amount: percentCap() ?? 100,
		} );
		expect( warning?.status ).toBe( 'error' );
		expect( warning?.message ).toMatch(
			new RegExp(
				`^At ${ percentCap() }% the coupon makes the whole cart free\\.`
			)
		);
		expect(
			percentageWarning( {
				coupon_type: 'percent',
				coupon_amount: ( percentCap() ?? 100 ) - 1,
			} )?.status
		).toBe( 'warning' );
	} );
} );

describe( 'Coupon History texts', () => {
	it.each( [
		[ 'active', 'Active' ],
		[ 'used', 'Used' ],
		[ 'expired', 'Expired' ],
		[ 'other', 'other' ],
	] )( 'status %s', ( status, want ) => {
		expect( couponStatusLabel( status ) ).toBe( want );
	} );

	it.each( [
		[ 0, 1, '0 of 1 use' ],
		[ 1, 2, '1 of 2 uses' ],
		[ 3, 0, 'Used 3 times' ],
	] )( 'usage %d of %d', ( count, limit, want ) => {
		expect( usageText( count, limit ) ).toBe( want );
	} );
} );
