/**
 * Selectors of the `cartbay/admin` store.
 */
/** Internal dependencies */
import type { ApiError, ResourceName, Resources, State } from './types';

/**
 * The normalized settings from the server; undefined until loaded (the resolver loads them).
 * @param state Store state.
 */
export function getSettings(
	state: State
): Resources[ 'settings' ] | undefined {
	return state.settings.value;
}

/**
 * The normalized recovery sequence from the server; undefined until loaded (the resolver loads it).
 * @param state Store state.
 */
export function getCampaign(
	state: State
): Resources[ 'campaign' ] | undefined {
	return state.campaign.value;
}

export function isSaving( state: State, resource: ResourceName ): boolean {
	return state[ resource ].isSaving;
}

/**
 * The error of the resource's last failed load or save.
 * @param state    Store state.
 * @param resource Resource whose last request is asked about.
 */
export function getRequestError(
	state: State,
	resource: ResourceName
): ApiError | undefined {
	return state[ resource ].error;
}
