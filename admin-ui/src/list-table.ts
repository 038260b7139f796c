/**
 * The state a list table of the reporting period keeps (Sessions, Notifications): its status filter, search
 * and page, and the pure rules that change them, written once so that the tables page and filter alike:
 * a new status or search starts again at page 1, a page stays within the pages there are, and `restart`
 * (a new period) goes back to page 1 keeping the filters. A table with more state (the Sessions sort) keeps
 * its own actions and hands these on.
 */

/** A list table's status filter, search and page; a table may keep more (the sort). */
export interface ListTableState< Status extends string = string > {
	readonly status: Status;
	/** Empty: no search. */
	readonly search: string;
	/** 1-based. */
	readonly page: number;
}

/** The page before or after the one shown, kept within the pages there are (clampPage). */
export interface PageAction {
	readonly type: 'page';
	readonly page: number;
	readonly totalPages: number;
}

/** A new reporting period: page 1 again, the filters kept. */
export interface RestartAction {
	readonly type: 'restart';
}

export type ListTableAction< Status extends string = string > =
	| { readonly type: 'status'; readonly status: Status }
	| { readonly type: 'search'; readonly search: string }
	| PageAction
	| RestartAction;

/**
 * A page asked for, within the pages there are: whole, at least 1, at most the last page (page 1 when
 * there are no pages at all, which still shows the empty table).
 * @param page       Page asked for.
 * @param totalPages How many pages there are.
 */
export function clampPage( page: number, totalPages: number ): number {
	return Math.min(
		Math.max( 1, Math.trunc( page ) ),
		Math.max( 1, totalPages )
	);
}

/**
 * The rules of a list table's status filter, search and page; what else its state holds stays as it is.
 * @param state  Table state.
 * @param action What changed.
 */
export function listTableReducer< State extends ListTableState >(
	state: State,
	action: ListTableAction< State[ 'status' ] >
): State {
	switch ( action.type ) {
		case 'status':
			return { ...state, status: action.status, page: 1 };
		case 'search':
			return { ...state, search: action.search.trim(), page: 1 };
		case 'page':
			return {
				...state,
				page: clampPage( action.page, action.totalPages ),
			};
		case 'restart':
			return { ...state, page: 1 };
	}
}

/**
 * The list arguments of a table in a reporting period: its state, the search trimmed, and the period.
 * @param state Table state.
 * @param days  Reporting period.
 */
export function listTableQuery< State extends ListTableState >(
	state: State,
	days: number
): State & { readonly days: number } {
	return { ...state, search: state.search.trim(), days };
}
