/**
 * Reducer of the `cartbay/admin` store.
 */
/** Internal dependencies */
import type { Action, ResourceName, ResourceState, State } from './types';

export const initialState: State = {
	settings: { isSaving: false },
	campaign: { isSaving: false },
};

/**
 * Replace one resource's state; `change` gets the current one.
 * @param state    Current state.
 * @param resource Resource changed.
 * @param change   New values for that resource.
 */
function patch(
	state: State,
	resource: ResourceName,
	change: ( current: ResourceState< unknown > ) => ResourceState< unknown >
): State {
	return { ...state, [ resource ]: change( state[ resource ] ) };
}

export default function reducer(
	state: State = initialState,
	action: Action
): State {
	switch ( action.type ) {
		case 'RECEIVE_RESOURCE':
			return patch( state, action.resource, () => ( {
				value: action.value,
				isSaving: false,
			} ) );
		case 'SAVE_RESOURCE_START':
			return patch(
				state,
				action.resource,
				( { error: _error, ...current } ) => ( {
					...current,
					isSaving: true,
				} )
			);
		case 'RESOURCE_REQUEST_FAILED':
			return patch( state, action.resource, ( current ) => ( {
				...current,
				isSaving: false,
				error: action.error,
			} ) );
		default:
			return state;
	}
}
