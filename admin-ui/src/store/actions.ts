/**
 * Actions of the `cartbay/admin` store.
 */
/** Internal dependencies */
import { toApiError, updateResource } from './api';
import type {
	Action,
	ApiError,
	ReportKind,
	Reports,
	ResourceName,
	Resources,
	SaveResult,
	ThunkArgs,
} from './types';

export function receiveResource< K extends ResourceName >(
	resource: K,
	value: Resources[ K ]
): Action {
	return { type: 'RECEIVE_RESOURCE', resource, value } as Action;
}

export function saveResourceStart( resource: ResourceName ): Action {
	return { type: 'SAVE_RESOURCE_START', resource };
}

export function resourceRequestFailed(
	resource: ResourceName,
	error: ApiError
): Action {
	return { type: 'RESOURCE_REQUEST_FAILED', resource, error };
}

/**
 * A report answer for one query key (report-keys.ts).
 * @param report Report kind.
 * @param key    Query key.
 * @param value  The answer.
 */
export function receiveReport< K extends ReportKind >(
	report: K,
	key: string,
	value: Reports[ K ]
): Action {
	return { type: 'RECEIVE_REPORT', report, key, value } as Action;
}

export function reportRequestFailed(
	report: ReportKind,
	key: string,
	error: ApiError
): Action {
	return { type: 'REPORT_REQUEST_FAILED', report, key, error };
}

function saveResource< K extends ResourceName >(
	resource: K,
	edits: Record< string, unknown >
) {
	return async ( {
		dispatch,
	}: ThunkArgs ): Promise< SaveResult< Resources[ K ] > > => {
		dispatch( saveResourceStart( resource ) );
		try {
			const value = await updateResource( resource, edits );
			dispatch( receiveResource( resource, value ) );
			return { ok: true, value };
		} catch ( caught ) {
			const error = toApiError( caught );
			dispatch( resourceRequestFailed( resource, error ) );
			return { ok: false, error };
		}
	};
}

/**
 * Save some settings. Resolves to the normalized settings the server saved (values may be clamped),
 * or to the error; either way the store is updated.
 *
 * @param edits Changed fields only, as typed (the server normalizes them).
 */
export function saveSettings( edits: Record< string, unknown > ) {
	return saveResource( 'settings', edits );
}

/**
 * Save the recovery sequence. The server converts delays to minutes, clamps them and keeps the steps in
 * order, so the saved steps may differ from the ones sent.
 *
 * @param edits `{ enabled?, steps? }` as typed.
 */
export function saveCampaign( edits: Record< string, unknown > ) {
	return saveResource( 'campaign', edits );
}
