/**
 * The License & Updates panel's state: the stored license, loaded once, and the three actions (check,
 * activate, remove), each answering the new state or the server's error.
 */
/** WordPress dependencies */
import { useCallback, useEffect, useState } from '@wordpress/element';

/** Internal dependencies */
import type { LicenseState } from '../../license';
import { toApiError } from '../../store/api';
import {
	activateLicense,
	fetchLicense,
	removeLicense,
} from '../../store/license-api';
import type { ApiError } from '../../store/types';

export type LicenseAction = 'check' | 'activate' | 'remove';

export type LicenseResult =
	| { readonly ok: true; readonly license: LicenseState }
	| { readonly ok: false; readonly error: ApiError };

export interface LicenseControls {
	/** The stored license, once loaded. */
	readonly license: LicenseState | undefined;
	/** Why loading failed, if it did. */
	readonly loadError: ApiError | undefined;
	/** The action running, if any. */
	readonly busy: LicenseAction | null;
	readonly reload: () => void;
	readonly run: (
		action: LicenseAction,
		key?: string
	) => Promise< LicenseResult >;
}

/**
 * @param enabled Whether this screen shows the panel (no request otherwise).
 */
export function useLicense( enabled: boolean ): LicenseControls {
	const [ license, setLicense ] = useState< LicenseState >();
	const [ loadError, setLoadError ] = useState< ApiError >();
	const [ busy, setBusy ] = useState< LicenseAction | null >( null );
	const [ attempt, setAttempt ] = useState( 0 );

	useEffect( () => {
		if ( ! enabled ) {
			return;
		}
		let current = true;
		setLoadError( undefined );
		fetchLicense().then(
			( state ) => {
				if ( current ) {
					setLicense( state );
				}
			},
			( error: unknown ) => {
				if ( current ) {
					setLoadError( toApiError( error ) );
				}
			}
		);
		return () => {
			current = false;
		};
	}, [ enabled, attempt ] );

	const run = useCallback(
		async ( action: LicenseAction, key = '' ): Promise< LicenseResult > => {
			setBusy( action );
			try {
				let state: LicenseState;
				if ( action === 'activate' ) {
					state = await activateLicense( key );
				} else if ( action === 'remove' ) {
					state = await removeLicense();
				} else {
					state = await fetchLicense( true );
				}
				setLicense( state );
				return { ok: true, license: state };
			} catch ( error ) {
				return { ok: false, error: toApiError( error ) };
			} finally {
				setBusy( null );
			}
		},
		[]
	);

	const reload = useCallback( () => setAttempt( ( n ) => n + 1 ), [] );

	return { license, loadError, busy, reload, run };
}
