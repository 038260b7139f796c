/**
 * The license contract reaches PHP unchanged: key format, statuses with labels, caches, timeouts, Dev Mode
 * hosts and license-server routes come from plugin/schema/license.ts, never from a second literal in PHP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitLicenseSchema } from '../emitters/license';
import {
	licenseDevDomains,
	licenseKeyFormat,
	licenseServerRoutes,
	licenseStatuses,
	licenseTiming,
	plugin,
	transients,
} from '../../plugin/schema';
import { phpFiles } from '../php-index';

const root = join( __dirname, '../..' );

describe( 'LicenseSchema', () => {
	const php = emitLicenseSchema().content;

	it.each( [
		[ 'KEY_PREFIX', `'${ licenseKeyFormat.prefix }'` ],
		[ 'KEY_PATTERN', `'${ licenseKeyFormat.pattern }'` ],
		[ 'KEY_VISIBLE_TAIL', String( licenseKeyFormat.visibleTail ) ],
		[ 'VALID_CACHE_HOURS', String( licenseTiming.validCacheHours ) ],
		[ 'UPDATE_CACHE_HOURS', String( licenseTiming.updateCacheHours ) ],
		[
			'REQUEST_TIMEOUT_SECONDS',
			String( licenseTiming.requestTimeoutSeconds ),
		],
		[ 'PRODUCT_SLUG', `'${ plugin.slug }'` ],
		[ 'ROUTE_UPDATE_CHECK', `'${ licenseServerRoutes.updateCheckPath }'` ],
	] )( '%s = %s', ( name, value ) => {
		expect( php ).toContain( `public const ${ name } = ${ value };` );
	} );

	it( 'every status has a constant and a translated label', () => {
		for ( const status of licenseStatuses ) {
			expect( php ).toContain(
				`public const STATUS_${ status.key.toUpperCase() } = '${ status.key }';`
			);
			expect( php ).toMatch(
				new RegExp(
					`self::STATUS_${ status.key.toUpperCase() }\\s+=> _x\\( '${ status.label }', 'License status', 'cartbay' \\),`
				)
			);
		}
	} );

	it( 'every Dev Mode host is emitted', () => {
		for ( const host of [
			...licenseDevDomains.hosts,
			...licenseDevDomains.suffixes,
			...licenseDevDomains.prefixes,
			...licenseDevDomains.infixes,
		] ) {
			expect( php ).toContain( `\t\t'${ host }',\n` );
		}
	} );

	it( 'the key pattern matches the documented format and its own length', () => {
		const pattern = new RegExp( licenseKeyFormat.pattern );
		expect( pattern.test( 'WPAB-7QX2M9KD4L1Z-R8T5W3N6A4C1' ) ).toBe( true );
		expect( 'WPAB-7QX2M9KD4L1Z-R8T5W3N6A4C1' ).toHaveLength(
			licenseKeyFormat.length
		);
		expect( pattern.test( 'WPAB-7QX2M9KD4L1Z-R8T5W3N6A4C' ) ).toBe( false );
	} );

	it( 'a license request is shorter than a shopper would wait, and the status cache is the documented 12 hours', () => {
		expect( licenseTiming.requestTimeoutSeconds ).toBeLessThanOrEqual( 10 );
		expect( licenseTiming.validCacheHours ).toBe( 12 );
		expect( transients.constants.map( ( c ) => c.value ) ).toContain(
			'cartbay_license_valid'
		);
	} );

	it( 'the hand-written runtime never repeats these values as literals', () => {
		const sources = phpFiles( join( root, 'plugin/src' ) )
			.map( ( f ) => readFileSync( f, 'utf8' ) )
			.join( '\n' );
		expect( sources ).not.toContain( `'${ licenseKeyFormat.prefix }` );
		expect( sources ).not.toContain(
			`'${ licenseServerRoutes.updateCheckPath }'`
		);
		for ( const name of [
			'cartbay_license_data',
			'cartbay_license_valid',
			'cartbay_update_info',
			'cartbay_license_server_url',
			'cartbay_license_dev_domain_bypass',
		] ) {
			expect( sources ).not.toContain( `'${ name }'` );
		}
		expect( sources ).not.toMatch( /'timeout'\s*=>\s*\d/ );
	} );
} );
