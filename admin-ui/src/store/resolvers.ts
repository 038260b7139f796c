/**
 * Resolvers of the `cartbay/admin` store: load each resource the first time it is selected.
 */
/** Internal dependencies */
import { receiveResource, resourceRequestFailed } from './actions';
import { fetchResource, toApiError } from './api';
import type { ResourceName, ThunkArgs } from './types';

function loadResource( resource: ResourceName ) {
	return async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch(
				receiveResource( resource, await fetchResource( resource ) )
			);
		} catch ( error ) {
			dispatch( resourceRequestFailed( resource, toApiError( error ) ) );
		}
	};
}

export function getSettings() {
	return loadResource( 'settings' );
}

export function getCampaign() {
	return loadResource( 'campaign' );
}
