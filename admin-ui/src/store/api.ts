/**
 * REST calls behind the store: GET and PATCH of the settings and campaign routes, and the reporting
 * routes (analytics, the Sessions list with its totals headers, one session).
 */
/** WordPress dependencies */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { getBootData } from '../boot';
import { logsArgs } from '../logs';
import type { RoutePath } from '../schema';
import type {
	AnalyticsReport,
	ApiError,
	CouponDetail,
	CouponRow,
	CouponsPage,
	LogEntry,
	LogsPage,
	LogsQuery,
	MailEnvironment,
	NotificationDetail,
	NotificationRow,
	NotificationsPage,
	NotificationsQuery,
	ResourceName,
	Resources,
	SessionDetail,
	SessionRow,
	SessionsPage,
	SessionsQuery,
} from './types';

/** The schema route of each resource (type-checked against the declared paths). */
const RESOURCE_ROUTES: { readonly [ K in ResourceName ]: RoutePath } = {
	settings: '/settings',
	campaign: '/campaign',
};

export function resourcePath( resource: ResourceName ): string {
	return `/${ getBootData().restNamespace }${ RESOURCE_ROUTES[ resource ] }`;
}

export function fetchResource< K extends ResourceName >(
	resource: K
): Promise< Resources[ K ] > {
	return apiFetch< Resources[ K ] >( { path: resourcePath( resource ) } );
}

/**
 * PATCH the changed fields; the server merges, normalizes, saves and returns the whole normalized object.
 * @param resource Resource to update.
 * @param data     Changed values only.
 */
export function updateResource< K extends ResourceName >(
	resource: K,
	data: Record< string, unknown >
): Promise< Resources[ K ] > {
	return apiFetch< Resources[ K ] >( {
		path: resourcePath( resource ),
		method: 'PATCH',
		data,
	} );
}

/**
 * A reporting route's path with its query arguments.
 * @param route Schema route path.
 * @param args  Query arguments (empty ones are left out).
 */
export function reportPath(
	route:
		| RoutePath
		| `/sessions/${ string }`
		| `/coupons/${ string }`
		| `/notifications/${ string }`,
	args: Record< string, string | number > = {}
): string {
	const params = new URLSearchParams();
	for ( const [ name, value ] of Object.entries( args ) ) {
		if ( value !== '' ) {
			params.set( name, String( value ) );
		}
	}
	const query = params.toString();
	return `/${ getBootData().restNamespace }${ route }${
		query === '' ? '' : `?${ query }`
	}`;
}

/**
 * The Sessions list's filters as query arguments (the list's and the exports' shared arguments).
 * @param query Sessions list arguments.
 */
export function sessionFilterArgs(
	query: SessionsQuery
): Record< string, string | number > {
	return {
		days: query.days,
		status: query.status,
		search: query.search.trim(),
		orderby: query.orderby,
		order: query.order,
	};
}

export function fetchAnalytics( days: number ): Promise< AnalyticsReport > {
	return apiFetch< AnalyticsReport >( {
		path: reportPath( '/analytics', { days } ),
	} );
}

/**
 * A header's whole number, or the fallback when it is missing or not a number.
 * @param headers  Response headers.
 * @param name     Header name.
 * @param fallback Value without the header.
 */
function headerCount(
	headers: Headers,
	name: string,
	fallback: number
): number {
	const value = Number.parseInt( headers.get( name ) ?? '', 10 );
	return Number.isFinite( value ) && value >= 0 ? value : fallback;
}

/**
 * A GET whose answer is kept with its X-WP-Total and X-WP-TotalPages headers (`parse: false` gives the
 * Response). A page without the headers counts its own rows.
 * @param path   Request path with its query.
 * @param rowsOf The rows of the parsed body.
 */
async function fetchWithTotals< T, R >(
	path: string,
	rowsOf: ( body: T ) => readonly R[]
): Promise< { body: T; total: number; totalPages: number } > {
	let response: Response;
	try {
		response = await apiFetch< Response, false >( { path, parse: false } );
	} catch ( caught ) {
		// Unparsed, a failed request rejects with the Response itself: read its WP_Error JSON.
		if ( caught instanceof Response ) {
			throw await caught.json().catch( () => caught );
		}
		throw caught;
	}
	const body = ( await response.json() ) as T;
	const rows = rowsOf( body );
	return {
		body,
		total: headerCount( response.headers, 'X-WP-Total', rows.length ),
		totalPages: headerCount(
			response.headers,
			'X-WP-TotalPages',
			rows.length > 0 ? 1 : 0
		),
	};
}

/**
 * One page of the Sessions list, with how many rows and pages the filters match.
 * @param query Sessions list arguments.
 */
export async function fetchSessionsPage(
	query: SessionsQuery
): Promise< SessionsPage > {
	const { body, total, totalPages } = await fetchWithTotals<
		SessionRow[],
		SessionRow
	>(
		reportPath( '/sessions', {
			...sessionFilterArgs( query ),
			page: query.page,
		} ),
		( rows ) => rows
	);
	return { rows: body, total, totalPages };
}

/**
 * One page of Coupon History: the four cards and the coupons (codes masked), newest first.
 * @param page 1-based page.
 */
export async function fetchCouponsPage( page: number ): Promise< CouponsPage > {
	const { body, total, totalPages } = await fetchWithTotals<
		{ cards: CouponsPage[ 'cards' ]; coupons: CouponRow[] },
		CouponRow
	>( reportPath( '/coupons', { page } ), ( answer ) => answer.coupons );
	return { cards: body.cards, rows: body.coupons, total, totalPages };
}

export function fetchCouponDetail( id: number ): Promise< CouponDetail > {
	return apiFetch< CouponDetail >( {
		path: reportPath( `/coupons/${ id }` ),
	} );
}

/**
 * One page of the Notifications list with its totals.
 * @param query Notifications list arguments.
 */
export async function fetchNotificationsPage(
	query: NotificationsQuery
): Promise< NotificationsPage > {
	const { body, total, totalPages } = await fetchWithTotals<
		NotificationRow[],
		NotificationRow
	>(
		reportPath( '/notifications', {
			days: query.days,
			status: query.status,
			search: query.search.trim(),
			page: query.page,
		} ),
		( rows ) => rows
	);
	return { rows: body, total, totalPages };
}

export function fetchNotificationDetail(
	id: string
): Promise< NotificationDetail > {
	return apiFetch< NotificationDetail >( {
		path: reportPath( `/notifications/${ encodeURIComponent( id ) }` ),
	} );
}

export function fetchMailEnvironment(): Promise< MailEnvironment > {
	return apiFetch< MailEnvironment >( {
		path: reportPath( '/mail-environment' ),
	} );
}

/**
 * One page of the CartBay log, newest first, with how many entries and pages the filters match.
 * @param query Logs arguments.
 */
export async function fetchLogsPage( query: LogsQuery ): Promise< LogsPage > {
	const { body, total, totalPages } = await fetchWithTotals<
		LogEntry[],
		LogEntry
	>( reportPath( '/logs', logsArgs( query ) ), ( rows ) => rows );
	return { rows: body, total, totalPages };
}

/**
 * The Email Delivery Test: a basic test email (step 0) through wp_mail() to `email`.
 * Rejects with the WP_Error JSON (the mailer's error) when WordPress did not accept it.
 * @param email Recipient.
 */
export function sendTestEmail(
	email: string
): Promise< { sent: boolean; step: number } > {
	return apiFetch( {
		path: reportPath( '/test/email' ),
		method: 'POST',
		data: { email: email.trim(), step: 0 },
	} );
}

export function fetchSessionDetail( id: string ): Promise< SessionDetail > {
	return apiFetch< SessionDetail >( {
		path: reportPath( `/sessions/${ encodeURIComponent( id ) }` ),
	} );
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

/**
 * An api-fetch rejection (WP_Error JSON, or api-fetch's own fetch_error/invalid_json) as an ApiError.
 * @param error What the request threw.
 */
export function toApiError( error: unknown ): ApiError {
	if (
		isRecord( error ) &&
		typeof error.message === 'string' &&
		error.message !== ''
	) {
		const status =
			isRecord( error.data ) && typeof error.data.status === 'number'
				? error.data.status
				: undefined;
		return {
			code: typeof error.code === 'string' ? error.code : 'unknown_error',
			message: error.message,
			...( status === undefined ? {} : { status } ),
		};
	}
	return {
		code: 'unknown_error',
		message: __( 'The request failed. Please try again.', 'cartbay' ),
	};
}

/** Test Mode's Trigger Test Flow: a test session whose email 1 goes to the signed-in admin shortly. */
export function triggerTestFlow(): Promise< unknown > {
	return apiFetch( { path: reportPath( '/test/trigger' ), method: 'POST' } );
}
