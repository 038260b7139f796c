/**
 * The unsaved-changes warning: while a form holds edits that are not saved, leaving or reloading the page
 * makes the browser ask first (its own `beforeunload` dialog; browsers show their own wording).
 */
/** WordPress dependencies */
import { useEffect } from '@wordpress/element';

/**
 * @param dirty Whether the form holds unsaved edits.
 */
export function useUnsavedChangesWarning( dirty: boolean ): void {
	useEffect( () => {
		if ( ! dirty ) {
			return;
		}
		const ask = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Older browsers need a return value to show the dialog.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', ask );
		return () => window.removeEventListener( 'beforeunload', ask );
	}, [ dirty ] );
}
