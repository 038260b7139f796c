/**
 * The Sessions table's own state (status filter, search, sort, page) and the pure rules that change it:
 * a new sort starts again at page 1 and sorting the sorted column turns its direction; the status filter,
 * search and page follow the rules every list table shares (list-table.ts).
 */
/** Internal dependencies */
import { listTableReducer, type ListTableAction } from './list-table';
import { sessionList } from './schema';
import type { SessionListOrderby, SessionStatusFilter } from './schema';
import type { SessionsQuery } from './store/types';

export type TableState = Omit< SessionsQuery, 'days' >;

export type TableAction =
	| { readonly type: 'sort'; readonly column: SessionListOrderby }
	| ListTableAction< SessionStatusFilter >;

export const initialTableState: TableState = {
	status: 'all',
	search: '',
	orderby: sessionList.defaultOrderby,
	order: 'desc',
	page: 1,
};

/**
 * The direction a column sorts in when it is first chosen: the session id reads A→Z, every other
 * column (money, moments, counts) biggest or newest first.
 * @param column Sort column.
 */
export function firstOrder( column: SessionListOrderby ): 'asc' | 'desc' {
	return column === 'session' ? 'asc' : 'desc';
}

export function tableReducer(
	state: TableState,
	action: TableAction
): TableState {
	switch ( action.type ) {
		case 'sort': {
			const flipped = state.order === 'asc' ? 'desc' : 'asc';
			return {
				...state,
				orderby: action.column,
				order:
					state.orderby === action.column
						? flipped
						: firstOrder( action.column ),
				page: 1,
			};
		}
		default:
			return listTableReducer( state, action );
	}
}

/**
 * The `aria-sort` of a column header: only the sorted column has a direction.
 * @param state  Table state.
 * @param column Column of the header.
 */
export function ariaSort(
	state: TableState,
	column: SessionListOrderby
): 'ascending' | 'descending' | 'none' {
	if ( state.orderby !== column ) {
		return 'none';
	}
	return state.order === 'asc' ? 'ascending' : 'descending';
}
