/**
 * REST calls of the setup wizard: its completion and the delivery test email.
 */
/** WordPress dependencies */
import apiFetch from '@wordpress/api-fetch';

/** Internal dependencies */
import { reportPath } from './api';

/** Marks the wizard complete (finished or skipped): the first-run redirect never happens again. */
export function completeWizard(): Promise< unknown > {
	return apiFetch( { path: reportPath( '/wizard' ), method: 'POST' } );
}

/**
 * Sends the basic delivery test email; the answer says whether WordPress accepted it.
 * @param email Recipient ('' for the signed-in user's address).
 */
export async function sendDeliveryTest( email: string ): Promise< boolean > {
	const answer = await apiFetch< { sent?: unknown } >( {
		path: reportPath( '/test/email' ),
		method: 'POST',
		data:
			email.trim() === ''
				? { step: 0 }
				: { email: email.trim(), step: 0 },
	} );
	return answer.sent === true;
}
