import { describe, expect, it } from 'vitest';

import {
	isWellFormedLicenseKey,
	licenseStatusMeaning,
	licenseTone,
	normalizeLicenseKey,
	readLicense,
} from '../license';
import { licenseStatuses } from '../schema';

describe( 'license rules', () => {
	it( 'reads a license answer, empty or missing fields as none', () => {
		expect(
			readLicense( {
				status: 'active',
				label: 'Active',
				key: 'WPAB-************-********A4C1',
				expires_at: '2027-01-01T00:00:00Z',
				plan: 'Pro',
				checked_at: '',
				message: null,
			} )
		).toEqual( {
			status: 'active',
			label: 'Active',
			key: 'WPAB-************-********A4C1',
			expiresAt: '2027-01-01T00:00:00Z',
			plan: 'Pro',
			checkedAt: null,
			message: null,
		} );
		expect( readLicense( null ) ).toMatchObject( {
			status: 'inactive',
			key: null,
		} );
	} );

	it( 'accepts a key with surrounding space and lower case, refuses other shapes', () => {
		expect( normalizeLicenseKey( '  wpab-abc ' ) ).toBe( 'WPAB-ABC' );
		expect(
			isWellFormedLicenseKey( ' wpab-abcdef123456-ABCDEF123456 ' )
		).toBe( true );
		for ( const bad of [
			'',
			'WPAB-ABCDEF123456',
			'WPAB-ABCDEF12345-ABCDEF123456',
			'XPAB-ABCDEF123456-ABCDEF123456',
			'WPAB-ABCDEF123456-ABCDEF12345!',
			'WPAB-ABCDEF123456-ABCDEF123456-X',
		] ) {
			expect( isWellFormedLicenseKey( bad ), bad ).toBe( false );
		}
	} );

	it( 'every schema status has a meaning and a tone; only expired and invalid are errors', () => {
		for ( const { key, description } of licenseStatuses ) {
			expect( licenseStatusMeaning( key ) ).toBe( description );
		}
		expect(
			licenseStatuses
				.filter( ( s ) => licenseTone( s.key ) === 'error' )
				.map( ( s ) => s.key )
		).toEqual( [ 'expired', 'invalid' ] );
		expect( licenseTone( 'active' ) ).toBe( 'success' );
		expect( licenseStatusMeaning( 'unknown' ) ).toBeNull();
		expect( licenseTone( 'unknown' ) ).toBe( 'warning' );
	} );
} );
