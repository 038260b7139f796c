// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { defaultSettings, settingsOption } from '../../../plugin/schema';
import {
	adjustedFields,
	draftMatches,
	draftsToPayload,
	fieldsInSections,
	formatValue,
	type SettingsDrafts,
} from '../settings-fields';

const field = ( key: string ) =>
	settingsOption.fields.find( ( candidate ) => candidate.key === key )!;
/**
 * An integer field's declared range.
 * @param key
 */
const range = ( key: string ): { minimum: number; maximum: number } => {
	const found = field( key );
	if ( found.type !== 'integer' ) {
		throw new Error( `${ key } is not an integer field` );
	}
	return found;
};
const timeout = range( 'abandonment_timeout' );
const percentCap = settingsOption.rules.find(
	( rule ) => rule.field === 'coupon_amount' && rule.equals === 'percent'
)!.maximum;

describe( 'fieldsInSections', () => {
	it( 'keeps schema order and only the asked sections', () => {
		const declared = settingsOption.fields
			.filter( ( f ) => f.section === 'capture' || f.section === 'logs' )
			.map( ( f ) => f.key );
		expect(
			fieldsInSections( [ 'logs', 'capture' ] ).map( ( f ) => f.key )
		).toEqual( declared );
		expect( declared.length ).toBeGreaterThan( 0 );
	} );
} );

describe( 'draftsToPayload', () => {
	it.each< [ string, SettingsDrafts, Record< string, unknown > ] >( [
		[
			'numbers are parsed',
			{ abandonment_timeout: ' 45 ', coupon_amount: '12.5' },
			{ abandonment_timeout: 45, coupon_amount: 12.5 },
		],
		[
			'a non-number is sent as typed (the server keeps the saved value)',
			{ abandonment_timeout: '' },
			{ abandonment_timeout: '' },
		],
		[
			'booleans, text and options as they are',
			{
				capture_enabled: false,
				consent_text: 'Hi',
				coupon_type: 'percent',
			},
			{
				capture_enabled: false,
				consent_text: 'Hi',
				coupon_type: 'percent',
			},
		],
		[ 'untouched fields are not sent', {}, {} ],
	] )( '%s', ( _name, drafts, want ) => {
		expect( draftsToPayload( settingsOption.fields, drafts ) ).toEqual(
			want
		);
	} );
} );

describe( 'draftMatches', () => {
	it.each<
		[ string, string, boolean | string, boolean | number | string, boolean ]
	>( [
		[
			'same integer',
			'abandonment_timeout',
			String( timeout.minimum + 1 ),
			timeout.minimum + 1,
			true,
		],
		[
			'clamped integer',
			'abandonment_timeout',
			String( timeout.maximum + 1 ),
			timeout.maximum,
			false,
		],
		[
			'text with collapsed whitespace',
			'consent_text',
			'  Save   my cart ',
			'Save my cart',
			true,
		],
		[
			'text with tags stripped',
			'consent_text',
			'<b>Save</b>',
			'Save',
			false,
		],
		[ 'boolean', 'test_mode', true, true, true ],
	] )( '%s', ( _name, key, draft, value, want ) => {
		expect( draftMatches( field( key ), draft, value ) ).toBe( want );
	} );
} );

describe( 'adjustedFields', () => {
	const before = defaultSettings();
	it.each< [ string, SettingsDrafts, Record< string, unknown >, string[] ] >(
		[
			[
				'nothing adjusted',
				{ abandonment_timeout: String( timeout.minimum + 1 ) },
				{ abandonment_timeout: timeout.minimum + 1 },
				[],
			],
			[
				'a clamped draft',
				{ abandonment_timeout: String( timeout.minimum - 1 ) },
				{ abandonment_timeout: timeout.minimum },
				[ 'abandonment_timeout' ],
			],
			[
				'an untouched field within the new cap',
				{ coupon_type: 'percent' },
				{ coupon_type: 'percent' },
				[],
			],
		]
	)( '%s', ( _name, drafts, saved, want ) => {
		const normalized = { ...before, ...saved } as typeof before;
		expect(
			adjustedFields(
				settingsOption.fields,
				drafts,
				before,
				normalized
			).map( ( f ) => f.key )
		).toEqual( want );
	} );

	it( 'reports a cap applied to an untouched field', () => {
		const saved = { ...before, coupon_amount: percentCap + 50 };
		const normalized = {
			...saved,
			coupon_type: 'percent',
			coupon_amount: percentCap,
		};
		expect(
			adjustedFields(
				settingsOption.fields,
				{ coupon_type: 'percent' },
				saved,
				normalized
			).map( ( f ) => f.key )
		).toEqual( [ 'coupon_amount' ] );
	} );
} );

describe( 'formatValue', () => {
	it.each< [ string, string, boolean | number | string, string ] >( [
		[ 'boolean on', 'capture_enabled', true, 'On' ],
		[ 'boolean off', 'capture_enabled', false, 'Off' ],
		[
			'enum option label',
			'coupon_type',
			'fixed_cart',
			(
				field( 'coupon_type' ) as {
					options: readonly { value: string; label: string }[];
				}
			 ).options.find( ( o ) => o.value === 'fixed_cart' )!.label,
		],
		[ 'number', 'coupon_amount', 12.5, '12.5' ],
	] )( '%s', ( _name, key, value, want ) => {
		expect( formatValue( field( key ), value ) ).toBe( want );
	} );
} );
