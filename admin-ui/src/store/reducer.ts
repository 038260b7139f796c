/**
 * Reducer of the `cartbay/admin` store.
 */
/** Internal dependencies */
import type {
	Action,
	ReportEntry,
	ReportKind,
	ResourceName,
	ResourceState,
	State,
} from './types';

export const initialState: State = {
	settings: { isSaving: false },
	campaign: { isSaving: false },
	reports: {
		analytics: {},
		sessions: {},
		session: {},
		coupons: {},
		coupon: {},
		logs: {},
		notifications: {},
		notification: {},
		mailEnvironment: {},
	},
};

/**
 * Set one report entry (value or error) under its query key.
 * @param state  Current state.
 * @param report Report kind.
 * @param key    Query key.
 * @param entry  New entry: the value, or the error (with the value shown before it).
 */
function setReport(
	state: State,
	report: ReportKind,
	key: string,
	entry: ReportEntry< unknown >
): State {
	return {
		...state,
		reports: {
			...state.reports,
			[ report ]: { ...state.reports[ report ], [ key ]: entry },
		},
	};
}

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
		case 'RECEIVE_REPORT':
			return setReport( state, action.report, action.key, {
				value: action.value,
			} );
		case 'REPORT_REQUEST_FAILED':
			// A failed reload keeps the answer shown before it.
			return setReport( state, action.report, action.key, {
				...state.reports[ action.report ][ action.key ],
				error: action.error,
			} );
		default:
			return state;
	}
}
