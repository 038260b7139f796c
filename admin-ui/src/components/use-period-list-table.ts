/**
 * A list table of the reporting period (Sessions, Notifications): its own state, kept by its reducer, and
 * the list arguments of that state in the period shown. A new period starts the table again at page 1,
 * keeping its filters, from the very render that notices it: no request goes out for the old page number
 * in the new period.
 */
/** WordPress dependencies */
import { useMemo, useReducer, useState } from '@wordpress/element';

/** Internal dependencies */
import {
	listTableQuery,
	type ListTableState,
	type RestartAction,
} from '../list-table';

const RESTART: RestartAction = { type: 'restart' };

/**
 * The table's state, its dispatch, and its query in the period `days`.
 * @param reducer      The table's rules; `restart` must go back to page 1.
 * @param initialState The state before any change.
 * @param days         The reporting period shown.
 */
export function usePeriodListTable<
	State extends ListTableState,
	Action extends { readonly type: string },
>(
	reducer: ( state: State, action: Action | RestartAction ) => State,
	initialState: State,
	days: number
) {
	const [ state, dispatch ] = useReducer( reducer, initialState );
	// A new period starts again at the first page (derived state: compared while rendering).
	const [ shownDays, setShownDays ] = useState( days );
	if ( shownDays !== days ) {
		setShownDays( days );
		dispatch( RESTART );
	}
	const query = useMemo(
		() =>
			listTableQuery(
				// The render that notices a new period already asks for its first page.
				shownDays === days ? state : reducer( state, RESTART ),
				days
			),
		[ reducer, state, days, shownDays ]
	);
	return { state, dispatch, query };
}
