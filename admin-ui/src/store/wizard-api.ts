/**
 * REST call of the setup wizard: its completion (the Email Delivery step uses the Notifications section's
 * delivery test).
 */
/** WordPress dependencies */
import apiFetch from '@wordpress/api-fetch';

/** Internal dependencies */
import { reportPath } from './api';

/** Marks the wizard complete (finished or skipped): the first-run redirect never happens again. */
export function completeWizard(): Promise< unknown > {
	return apiFetch( { path: reportPath( '/wizard' ), method: 'POST' } );
}
