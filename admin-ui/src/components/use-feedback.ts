/**
 * Local notice list of a screen: replaced on each save, dismissible one by one.
 */
/** WordPress dependencies */
import { useCallback, useState } from '@wordpress/element';

/** Internal dependencies */
import type { FeedbackNotice } from '../types';

let nextId = 0;

export function useFeedback() {
	const [ notices, setNotices ] = useState< readonly FeedbackNotice[] >( [] );
	const show = useCallback(
		( next: readonly Omit< FeedbackNotice, 'id' >[] ) => {
			setNotices(
				next.map( ( notice ) => ( {
					...notice,
					id: `cartbay-notice-${ ++nextId }`,
				} ) )
			);
		},
		[]
	);
	const dismiss = useCallback( ( id: string ) => {
		setNotices( ( current ) =>
			current.filter( ( notice ) => notice.id !== id )
		);
	}, [] );
	return { notices, show, dismiss };
}
