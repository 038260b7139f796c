/**
 * REST calls of the License & Updates panel. The key goes to CartBay's own routes only; the server talks
 * to the license server (never the browser).
 */
/** WordPress dependencies */
import apiFetch from '@wordpress/api-fetch';

/** Internal dependencies */
import { readLicense, type LicenseState } from '../license';
import { reportPath } from './api';

/**
 * The stored license state; `check` asks the license server again first (Check Current License).
 * @param check Whether to check with the license server now.
 */
export async function fetchLicense( check = false ): Promise< LicenseState > {
	return readLicense(
		await apiFetch( {
			path: reportPath(
				'/license/status',
				check ? { refresh: 'true' } : {}
			),
		} )
	);
}

/**
 * Activates a key for this site and answers the new state.
 * @param key The key as typed (the server trims and upper-cases it).
 */
export async function activateLicense( key: string ): Promise< LicenseState > {
	return readLicense(
		await apiFetch( {
			path: reportPath( '/license/activate' ),
			method: 'POST',
			data: { license_key: key },
		} )
	);
}

/** Removes the stored key from this site (recovery keeps running). */
export async function removeLicense(): Promise< LicenseState > {
	return readLicense(
		await apiFetch( {
			path: reportPath( '/license/deactivate' ),
			method: 'POST',
		} )
	);
}
