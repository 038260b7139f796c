/**
 * Unsaved edits survive moving between sections, and leaving the page asks first.
 *
 * A form keeps its edits with `useUnsavedDraft()` instead of `useState()`: the draft is also kept outside the
 * component, so switching to another tab and back shows the edit again (WordPress's TabPanel unmounts the
 * tab it leaves). While any form holds an unsaved draft, leaving or reloading the page makes the browser ask
 * first (its own `beforeunload` dialog, in the browser's wording).
 */
/** WordPress dependencies */
import { useEffect, useState } from '@wordpress/element';

/** Unsaved drafts by form key. */
const drafts = new Map< string, unknown >();
let listening = false;

/** Whether any form holds an unsaved draft. */
export function hasUnsavedDrafts(): boolean {
	return drafts.size > 0;
}

/** Forgets every draft (tests; a fresh page has none anyway). */
export function clearUnsavedDrafts(): void {
	drafts.clear();
}

function askBeforeLeaving( event: BeforeUnloadEvent ): void {
	if ( ! hasUnsavedDrafts() ) {
		return;
	}
	event.preventDefault();
	// Older browsers need a return value to show the dialog.
	event.returnValue = '';
}

/**
 * A form's draft: like `useState( empty )`, but kept across unmounts until it is empty again (saved or
 * undone), and counted by the leave-the-page question.
 * @param key     The form's key (unique per form).
 * @param empty   The draft of an untouched form.
 * @param isEmpty Whether a draft holds no edit.
 */
export function useUnsavedDraft< T >(
	key: string,
	empty: T,
	isEmpty: ( draft: T ) => boolean
): [ T, ( next: T | ( ( current: T ) => T ) ) => void ] {
	const [ draft, setDraft ] = useState< T >( () =>
		drafts.has( key ) ? ( drafts.get( key ) as T ) : empty
	);
	useEffect( () => {
		if ( ! listening && typeof window !== 'undefined' ) {
			window.addEventListener( 'beforeunload', askBeforeLeaving );
			listening = true;
		}
	}, [] );
	useEffect( () => {
		if ( isEmpty( draft ) ) {
			drafts.delete( key );
		} else {
			drafts.set( key, draft );
		}
	}, [ key, draft, isEmpty ] );
	return [ draft, setDraft ];
}
