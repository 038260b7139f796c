/**
 * License & Updates rules: what the license routes answer, the key the owner typed, and how each status
 * reads (label, meaning and tone from the schema's status list).
 */
/** Internal dependencies */
import { licenseKeyFormat, licenseStatuses } from './schema';

/** The answer of every license route (`/license/status`, `/license/activate`, `/license/deactivate`). */
export interface LicenseState {
	readonly status: string;
	/** The status, translated by the server. */
	readonly label: string;
	/** The stored key, masked; null when none is stored. */
	readonly key: string | null;
	readonly expiresAt: string | null;
	readonly plan: string | null;
	readonly checkedAt: string | null;
	/** What the last activation or check said, when it said something. */
	readonly message: string | null;
}

/** How a status is shown: a notice tone. */
export type LicenseTone = 'success' | 'info' | 'warning' | 'error';

const TONES: Readonly< Record< string, LicenseTone > > = {
	active: 'success',
	dev_mode: 'info',
	inactive: 'warning',
	server_error: 'warning',
	expired: 'error',
	invalid: 'error',
};

function text( value: unknown ): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * A license route's answer as the panel reads it (unknown or missing fields read as none).
 * @param answer Parsed JSON.
 */
export function readLicense( answer: unknown ): LicenseState {
	const data =
		typeof answer === 'object' && answer !== null
			? ( answer as Record< string, unknown > )
			: {};
	const status = text( data.status ) ?? 'inactive';
	return {
		status,
		label: text( data.label ) ?? status,
		key: text( data.key ),
		expiresAt: text( data.expires_at ),
		plan: text( data.plan ),
		checkedAt: text( data.checked_at ),
		message: text( data.message ),
	};
}

/**
 * The key as CartBay checks it: surrounding space removed, upper case (the server does the same).
 * @param input What the owner typed or pasted.
 */
export function normalizeLicenseKey( input: string ): string {
	return input.trim().toUpperCase();
}

/**
 * Whether a typed key has the WPAnchorBay shape (`WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX`), so a typo is caught
 * before a request is made.
 * @param input What the owner typed.
 */
export function isWellFormedLicenseKey( input: string ): boolean {
	return new RegExp( licenseKeyFormat.pattern ).test(
		normalizeLicenseKey( input )
	);
}

/**
 * The schema's meaning of a status (untranslated; the UI passes it through schemaText), or null for a
 * status the schema does not list.
 * @param status Status key.
 */
export function licenseStatusMeaning( status: string ): string | null {
	return (
		licenseStatuses.find( ( entry ) => entry.key === status )
			?.description ?? null
	);
}

/**
 * The tone a status is shown in: active is fine, Dev Mode informative, no key or an unreachable server a
 * warning (recovery keeps running), expired or invalid an error.
 * @param status Status key.
 */
export function licenseTone( status: string ): LicenseTone {
	return TONES[ status ] ?? 'warning';
}
