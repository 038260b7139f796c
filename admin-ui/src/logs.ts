/**
 * The Logs section's own state (level, source, event prefix, search, page), the pure rules that change it
 * (a new filter starts again at page 1; a page stays within the pages there are), the GET /logs arguments
 * it stands for, and an entry as the text the Copy button puts on the clipboard.
 */
/** Internal dependencies */
import { clampPage, type PageAction } from './list-table';
import { logLimits, plugin } from './schema';
import type { LogLevelFilter, LogSourceFilter } from './schema';
import type { LogEntry, LogsQuery } from './store/types';

export type LogsAction =
	| { readonly type: 'level'; readonly level: LogLevelFilter }
	| { readonly type: 'source'; readonly source: LogSourceFilter }
	| {
			readonly type: 'text';
			readonly event: string;
			readonly search: string;
	  }
	| PageAction;

export const initialLogsQuery: LogsQuery = {
	level: 'all',
	source: 'all',
	event: '',
	search: '',
	page: 1,
};

/**
 * An event prefix as GET /logs accepts it: lower case, only `a-z 0-9 _ .`, at most the schema's length.
 * @param value What the owner typed.
 */
export function cleanEventPrefix( value: string ): string {
	return value
		.trim()
		.toLowerCase()
		.replace( /[^a-z0-9_.]/g, '' )
		.slice( 0, logLimits.maxFilterLength );
}

/**
 * Search text as GET /logs accepts it: trimmed, at most the schema's length.
 * @param value What the owner typed.
 */
export function cleanSearch( value: string ): string {
	return value.trim().slice( 0, logLimits.maxFilterLength );
}

export function logsReducer( state: LogsQuery, action: LogsAction ): LogsQuery {
	switch ( action.type ) {
		case 'level':
			return { ...state, level: action.level, page: 1 };
		case 'source':
			return { ...state, source: action.source, page: 1 };
		case 'text':
			return {
				...state,
				event: cleanEventPrefix( action.event ),
				search: cleanSearch( action.search ),
				page: 1,
			};
		case 'page':
			return {
				...state,
				page: clampPage( action.page, action.totalPages ),
			};
	}
}

/**
 * The GET /logs query arguments of a state (defaults and empty filters left out).
 * @param query Logs state.
 */
export function logsArgs(
	query: LogsQuery
): Record< string, string | number > {
	const args: Record< string, string | number > = {};
	if ( query.level !== 'all' ) {
		args.level = query.level;
	}
	if ( query.source !== 'all' ) {
		args.source = query.source;
	}
	if ( query.event !== '' ) {
		args.event = query.event;
	}
	if ( query.search !== '' ) {
		args.search = query.search;
	}
	args.page = query.page;
	return args;
}

/**
 * An entry as plain text for a support ticket: time, level, event, then its context as indented JSON.
 * @param entry Log entry of GET /logs.
 */
export function logEntryText( entry: LogEntry ): string {
	return `${ entry.time } ${ entry.level.toUpperCase() } ${
		entry.event
	}\n${ JSON.stringify( entry.context ?? {}, null, 2 ) }`;
}

/**
 * A key for an entry of one page (entries have no id): its place on the page, time and event.
 * @param entry Log entry.
 * @param index Place on the page.
 */
export function logEntryKey( entry: LogEntry, index: number ): string {
	return `${ index }|${ entry.time }|${ entry.event }`;
}

/**
 * Whether any filter is set (the empty table then says how to widen it).
 * @param query Logs state.
 */
export function isFiltered( query: LogsQuery ): boolean {
	return (
		query.level !== 'all' ||
		query.source !== 'all' ||
		query.event !== '' ||
		query.search !== ''
	);
}

/**
 * WooCommerce > Status > Logs filtered to CartBay's logger source (WooCommerce's log viewer reads the
 * `source` argument), relative to wp-admin like the page it is opened from.
 */
export function wooCommerceLogsUrl(): string {
	return `admin.php?page=wc-status&tab=logs&source=${ encodeURIComponent(
		plugin.logSource
	) }`;
}
