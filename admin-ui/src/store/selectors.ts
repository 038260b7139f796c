/**
 * Selectors of the `cartbay/admin` store.
 */
/** Internal dependencies */
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
	AnalyticsReport,
	ApiError,
	CouponDetail,
	CouponsPage,
	LogsPage,
	LogsQuery,
	MailEnvironment,
	NotificationDetail,
	NotificationsPage,
	NotificationsQuery,
	ReportKind,
	ResourceName,
	Resources,
	SessionDetail,
	SessionsPage,
	SessionsQuery,
	State,
} from './types';

/**
 * The normalized settings from the server; undefined until loaded (the resolver loads them).
 * @param state Store state.
 */
export function getSettings(
	state: State
): Resources[ 'settings' ] | undefined {
	return state.settings.value;
}

/**
 * The normalized recovery sequence from the server; undefined until loaded (the resolver loads it).
 * @param state Store state.
 */
export function getCampaign(
	state: State
): Resources[ 'campaign' ] | undefined {
	return state.campaign.value;
}

export function isSaving( state: State, resource: ResourceName ): boolean {
	return state[ resource ].isSaving;
}

/**
 * The error of the resource's last failed load or save.
 * @param state    Store state.
 * @param resource Resource whose last request is asked about.
 */
export function getRequestError(
	state: State,
	resource: ResourceName
): ApiError | undefined {
	return state[ resource ].error;
}

/**
 * The analytics of a period; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param days  Reporting period.
 */
export function getAnalytics(
	state: State,
	days: number
): AnalyticsReport | undefined {
	return state.reports.analytics[ analyticsKey( days ) ]?.value;
}

/**
 * One Sessions list page with its totals; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param query List arguments.
 */
export function getSessionsPage(
	state: State,
	query: SessionsQuery
): SessionsPage | undefined {
	return state.reports.sessions[ sessionsKey( query ) ]?.value;
}

/**
 * One session in full; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param id    Session id.
 */
export function getSessionDetail(
	state: State,
	id: string
): SessionDetail | undefined {
	return state.reports.session[ sessionKey( id ) ]?.value;
}

/**
 * One Coupon History page with its cards and totals; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param page  1-based page.
 */
export function getCouponsPage(
	state: State,
	page: number
): CouponsPage | undefined {
	return state.reports.coupons[ couponsKey( page ) ]?.value;
}

/**
 * One CartBay coupon in full; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param id    Coupon post id.
 */
export function getCouponDetail(
	state: State,
	id: number
): CouponDetail | undefined {
	return state.reports.coupon[ couponKey( id ) ]?.value;
}

/**
 * One Logs page with its totals; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param query Logs arguments.
 */
export function getLogsPage(
	state: State,
	query: LogsQuery
): LogsPage | undefined {
	return state.reports.logs[ logsKey( query ) ]?.value;
}

/**
 * One Notifications list page with its totals; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param query List arguments.
 */
export function getNotificationsPage(
	state: State,
	query: NotificationsQuery
): NotificationsPage | undefined {
	return state.reports.notifications[ notificationsKey( query ) ]?.value;
}

/**
 * One notification with its lifecycle; undefined until loaded (the resolver loads it).
 * @param state Store state.
 * @param id    Notification id.
 */
export function getNotificationDetail(
	state: State,
	id: string
): NotificationDetail | undefined {
	return state.reports.notification[ notificationKey( id ) ]?.value;
}

/**
 * The Email Delivery Test's mail environment; undefined until loaded (the resolver loads it).
 * @param state Store state.
 */
export function getMailEnvironment(
	state: State
): MailEnvironment | undefined {
	return state.reports.mailEnvironment[ MAIL_ENVIRONMENT_KEY ]?.value;
}

/**
 * The error of a report's last failed load for one query key (report-keys.ts).
 * @param state  Store state.
 * @param report Report kind.
 * @param key    Query key.
 */
export function getReportError(
	state: State,
	report: ReportKind,
	key: string
): ApiError | undefined {
	return state.reports[ report ][ key ]?.error;
}
