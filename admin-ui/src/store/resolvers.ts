/**
 * Resolvers of the `cartbay/admin` store: load each resource the first time it is selected.
 */
/** Internal dependencies */
import {
	receiveReport,
	receiveResource,
	reportRequestFailed,
	resourceRequestFailed,
} from './actions';
import {
	fetchAnalytics,
	fetchCouponDetail,
	fetchCouponsPage,
	fetchLogsPage,
	fetchMailEnvironment,
	fetchNotificationDetail,
	fetchNotificationsPage,
	fetchResource,
	fetchSessionDetail,
	fetchSessionsPage,
	toApiError,
} from './api';
import {
	analyticsKey,
	couponKey,
	couponsKey,
	logsKey,
	MAIL_ENVIRONMENT_KEY,
	notificationKey,
	notificationsKey,
	sessionKey,
	sessionsKey,
} from './report-keys';
import type {
	LogsQuery,
	NotificationsQuery,
	ReportKind,
	Reports,
	ResourceName,
	SessionsQuery,
	ThunkArgs,
} from './types';

function loadResource( resource: ResourceName ) {
	return async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch(
				receiveResource( resource, await fetchResource( resource ) )
			);
		} catch ( error ) {
			dispatch( resourceRequestFailed( resource, toApiError( error ) ) );
		}
	};
}

export function getSettings() {
	return loadResource( 'settings' );
}

export function getCampaign() {
	return loadResource( 'campaign' );
}

function loadReport< K extends ReportKind >(
	report: K,
	key: string,
	load: () => Promise< Reports[ K ] >
) {
	return async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( receiveReport( report, key, await load() ) );
		} catch ( error ) {
			dispatch( reportRequestFailed( report, key, toApiError( error ) ) );
		}
	};
}

export function getAnalytics( days: number ) {
	return loadReport( 'analytics', analyticsKey( days ), () =>
		fetchAnalytics( days )
	);
}

export function getSessionsPage( query: SessionsQuery ) {
	return loadReport( 'sessions', sessionsKey( query ), () =>
		fetchSessionsPage( query )
	);
}

export function getSessionDetail( id: string ) {
	return loadReport( 'session', sessionKey( id ), () =>
		fetchSessionDetail( id )
	);
}

export function getCouponsPage( page: number ) {
	return loadReport( 'coupons', couponsKey( page ), () =>
		fetchCouponsPage( page )
	);
}

export function getCouponDetail( id: number ) {
	return loadReport( 'coupon', couponKey( id ), () =>
		fetchCouponDetail( id )
	);
}

export function getLogsPage( query: LogsQuery ) {
	return loadReport( 'logs', logsKey( query ), () => fetchLogsPage( query ) );
}

export function getNotificationsPage( query: NotificationsQuery ) {
	return loadReport( 'notifications', notificationsKey( query ), () =>
		fetchNotificationsPage( query )
	);
}

export function getNotificationDetail( id: string ) {
	return loadReport( 'notification', notificationKey( id ), () =>
		fetchNotificationDetail( id )
	);
}

export function getMailEnvironment() {
	return loadReport(
		'mailEnvironment',
		MAIL_ENVIRONMENT_KEY,
		fetchMailEnvironment
	);
}
