/**
 * Cross-language contract: every vector states its expected result, and the TypeScript normalizer
 * (plugin/schema/normalize.ts) and the generated PHP normalizer must each return exactly that.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	defaultCampaign,
	defaultSettings,
	normalizeCampaign,
	normalizeSettings,
	settingsOption,
	type CampaignSettings,
	type Settings,
} from '../../../plugin/schema';
import { phpUnavailableReason, runPhpJson } from '../../php-runtime';
import { loadVectors, type Vector, VECTORS_FILE } from '../vectors';

const vectors = loadVectors();

function typescriptResult( vector: Vector ): Settings | CampaignSettings {
	if ( vector.kind === 'settings' ) {
		return normalizeSettings(
			vector.input,
			normalizeSettings( vector.base ?? {}, defaultSettings() )
		);
	}
	return normalizeCampaign(
		vector.input,
		normalizeCampaign( vector.base ?? {}, defaultCampaign() )
	);
}

/**
 * Numbers by value (PHP's 10.0 and 10 are the same setting), keys in order.
 * @param value
 */
const asJson = ( value: unknown ): unknown =>
	JSON.parse( JSON.stringify( value ) );

const skipReason = phpUnavailableReason();

describe( 'settings vectors', () => {
	it( 'cover out-of-range, wrong-type and misordered input, each under its own name', () => {
		expect( vectors.length ).toBeGreaterThanOrEqual( 60 );
		expect( vectors.some( ( v ) => v.name.includes( 'misordered' ) ) ).toBe(
			true
		);
		expect(
			vectors.some(
				( v ) =>
					v.name.includes( 'wrong type' ) ||
					v.name.includes( 'wrong-type' )
			)
		).toBe( true );
		expect(
			new Set( vectors.map( ( v ) => `${ v.kind }: ${ v.name }` ) ).size
		).toBe( vectors.length );
	} );

	it( 'each state a complete expected option', () => {
		const settingsKeys = settingsOption.fields.map( ( f ) => f.key );
		for ( const vector of vectors ) {
			if ( vector.kind === 'settings' ) {
				expect( Object.keys( vector.expected ), vector.name ).toEqual(
					settingsKeys
				);
			} else {
				expect( Object.keys( vector.expected ), vector.name ).toEqual( [
					'enabled',
					'steps',
				] );
				expect( vector.expected.steps, vector.name ).toHaveLength(
					defaultCampaign().steps.length
				);
			}
		}
	} );

	it( 'expect every integer and number inside its declared range', () => {
		for ( const vector of vectors.filter(
			( v ) => v.kind === 'settings'
		) ) {
			for ( const field of settingsOption.fields ) {
				if ( field.type === 'integer' || field.type === 'number' ) {
					const value = vector.expected[ field.key ] as number;
					expect(
						value,
						`${ vector.name }: ${ field.key }`
					).toBeGreaterThanOrEqual( field.minimum );
					expect(
						value,
						`${ vector.name }: ${ field.key }`
					).toBeLessThanOrEqual( field.maximum );
				}
			}
		}
	} );
} );

describe( 'the TypeScript normalizer returns each expected result', () => {
	it.each( vectors.map( ( v ) => [ v.kind, v.name, v ] as const ) )(
		'%s: %s',
		( _kind, _name, vector ) => {
			expect( asJson( typescriptResult( vector ) ) ).toEqual(
				vector.expected
			);
		}
	);
} );

describe.skipIf( skipReason !== null )(
	`the PHP normalizer returns each expected result${ skipReason ? ` (skipped: ${ skipReason })` : '' }`,
	() => {
		const run = runPhpJson( [
			join( __dirname, '..', 'normalize-vectors.php' ),
			VECTORS_FILE,
		] );
		const phpResults = run.results;

		it( 'the PHP side ran cleanly', () => {
			expect( run.stderr ).toBe( '' );
			expect( run.status ).toBe( 0 );
			expect( phpResults ).toHaveLength( vectors.length );
		} );

		it.each( vectors.map( ( v, i ) => [ v.kind, v.name, i ] as const ) )(
			'%s: %s',
			( _kind, _name, index ) => {
				expect( asJson( phpResults[ index ] ) ).toEqual(
					vectors[ index ]!.expected
				);
			}
		);
	}
);
