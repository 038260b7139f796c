/**
 * The page a paged list shows while the next one loads: the last page that arrived stays on screen, marked
 * busy, rather than a spinner flashing in its place at every page, sort or filter change. Shared by the
 * Sessions, Notifications, Coupon History and Logs lists.
 */
/** WordPress dependencies */
import { useRef } from '@wordpress/element';

export interface LastPage< Page > {
	/** The page asked for once it is there, until then the last one that arrived (none before the first). */
	readonly shown: Page | undefined;
	/** Whether the page asked for is not there (yet): what is shown, if anything, is an older page. */
	readonly isBusy: boolean;
}

/**
 * The page to show, and whether it is an older one.
 * @param page The page asked for as the store has it: undefined while it loads (or when it failed).
 */
export function useLastPage< Page >(
	page: Page | undefined
): LastPage< Page > {
	const last = useRef< Page | undefined >( undefined );
	if ( page !== undefined ) {
		last.current = page;
	}
	return { shown: page ?? last.current, isBusy: page === undefined };
}
