/**
 * The Sessions table's own state (status filter, search, sort, page) and the pure rules that change it:
 * a new filter, search or sort starts again at page 1; sorting the sorted column turns its direction.
 */
/** Internal dependencies */
import { sessionList } from './schema';
import type { SessionListOrderby, SessionStatusFilter } from './schema';
import type { SessionsQuery } from './store/types';

export type TableState = Omit< SessionsQuery, 'days' >;

export type TableAction =
	| { readonly type: 'sort'; readonly column: SessionListOrderby }
	| { readonly type: 'status'; readonly status: SessionStatusFilter }
	| { readonly type: 'search'; readonly search: string }
	| {
			readonly type: 'page';
			readonly page: number;
			readonly totalPages: number;
	  }
	| { readonly type: 'restart' };

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
		case 'status':
			return { ...state, status: action.status, page: 1 };
		case 'search':
			return { ...state, search: action.search, page: 1 };
		case 'page':
			return {
				...state,
				page: Math.min(
					Math.max( 1, Math.trunc( action.page ) ),
					Math.max( 1, action.totalPages )
				),
			};
		case 'restart':
			return { ...state, page: 1 };
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

/**
 * The list arguments of the table in a period.
 * @param state Table state.
 * @param days  Reporting period.
 */
export function tableQuery( state: TableState, days: number ): SessionsQuery {
	return { ...state, search: state.search.trim(), days };
}
