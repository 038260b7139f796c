/**
 * REST calls behind the store: GET and PATCH of the settings and campaign routes.
 */
/** WordPress dependencies */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { getBootData } from '../boot';
import type { RoutePath } from '../schema';
import type { ApiError, ResourceName, Resources } from './types';

/** The schema route of each resource (type-checked against the declared paths). */
const RESOURCE_ROUTES: { readonly [ K in ResourceName ]: RoutePath } = {
	settings: '/settings',
	campaign: '/campaign',
};

export function resourcePath( resource: ResourceName ): string {
	return `/${ getBootData().restNamespace }${ RESOURCE_ROUTES[ resource ] }`;
}

export function fetchResource< K extends ResourceName >(
	resource: K
): Promise< Resources[ K ] > {
	return apiFetch< Resources[ K ] >( { path: resourcePath( resource ) } );
}

/**
 * PATCH the changed fields; the server merges, normalizes, saves and returns the whole normalized object.
 * @param resource Resource to update.
 * @param data     Changed values only.
 */
export function updateResource< K extends ResourceName >(
	resource: K,
	data: Record< string, unknown >
): Promise< Resources[ K ] > {
	return apiFetch< Resources[ K ] >( {
		path: resourcePath( resource ),
		method: 'PATCH',
		data,
	} );
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

/**
 * An api-fetch rejection (WP_Error JSON, or api-fetch's own fetch_error/invalid_json) as an ApiError.
 * @param error What the request threw.
 */
export function toApiError( error: unknown ): ApiError {
	if (
		isRecord( error ) &&
		typeof error.message === 'string' &&
		error.message !== ''
	) {
		const status =
			isRecord( error.data ) && typeof error.data.status === 'number'
				? error.data.status
				: undefined;
		return {
			code: typeof error.code === 'string' ? error.code : 'unknown_error',
			message: error.message,
			...( status === undefined ? {} : { status } ),
		};
	}
	return {
		code: 'unknown_error',
		message: __( 'The request failed. Please try again.', 'cartbay' ),
	};
}
