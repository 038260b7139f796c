/**
 * Boot data printed by AdminScreens.php (`window.cartbayAdmin`) before the admin script.
 */
/** Internal dependencies */
import { plugin } from './schema';

export interface BootData {
	/** Which screen the page shows: the app, or the setup wizard. */
	readonly view: 'app' | 'wizard';
	/** The setup wizard's page. */
	readonly wizardUrl?: string;
	/** CartBay's admin screen (WooCommerce > CartBay, else the Cart settings tab). */
	readonly screenUrl?: string;
	/** REST namespace of the CartBay routes (`cartbay/v1`). */
	readonly restNamespace: string;
	/** Id of the element the admin app mounts into; absent when the page has no CartBay screen. */
	readonly rootId?: string;
	/** The site's REST root (`rest_url()`), for links the browser opens itself (CSV exports). */
	readonly restUrl?: string;
	/** A `wp_rest` nonce, so such links are signed in as the admin (cookie authentication). */
	readonly restNonce?: string;
	/** Each recovery email's subject saved in WooCommerce's email settings ("Default" when none), by email id. */
	readonly emailSubjects?: Readonly< Record< string, string > >;
	/** Whether the user may open or close the AI agent gates (false when the page did not say). */
	readonly canManageAgentAccess: boolean;
	/** The store currency (ISO 4217), for discounts worded in money before any coupon exists. */
	readonly currency?: string;
}

declare global {
	interface Window {
		cartbayAdmin?: Partial< BootData >;
	}
}

/** The boot data, with the schema's REST namespace when the page did not print one (tests, other pages). */
export function getBootData(): BootData {
	const data =
		typeof window === 'undefined' ? undefined : window.cartbayAdmin;
	return {
		view: data?.view === 'wizard' ? 'wizard' : 'app',
		...( typeof data?.wizardUrl === 'string'
			? { wizardUrl: data.wizardUrl }
			: {} ),
		...( typeof data?.screenUrl === 'string'
			? { screenUrl: data.screenUrl }
			: {} ),
		restNamespace:
			typeof data?.restNamespace === 'string'
				? data.restNamespace
				: plugin.restNamespace,
		...( typeof data?.rootId === 'string' ? { rootId: data.rootId } : {} ),
		...( typeof data?.restUrl === 'string'
			? { restUrl: data.restUrl }
			: {} ),
		...( typeof data?.restNonce === 'string'
			? { restNonce: data.restNonce }
			: {} ),
		...( typeof data?.emailSubjects === 'object' &&
		data.emailSubjects !== null
			? { emailSubjects: textRecord( data.emailSubjects ) }
			: {} ),
		canManageAgentAccess: data?.canManageAgentAccess === true,
		...( typeof data?.currency === 'string'
			? { currency: data.currency }
			: {} ),
	};
}

/**
 * The string entries of a boot data object (anything else is left out).
 * @param value Object from the page.
 */
function textRecord( value: object ): Record< string, string > {
	return Object.fromEntries(
		Object.entries( value ).filter(
			( entry ): entry is [ string, string ] =>
				typeof entry[ 1 ] === 'string'
		)
	);
}
