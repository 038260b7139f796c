/**
 * The key each report answer is kept under: one per query, so every period, filter, sort and page the
 * owner has seen stays cached while the page is open, and going back to it shows it at once.
 */
/** Internal dependencies */
import type { LogsQuery, NotificationsQuery, SessionsQuery } from './types';

export function analyticsKey( days: number ): string {
	return String( days );
}

/**
 * Same key for the same arguments whatever the order of the object's properties.
 * @param query Sessions list arguments.
 */
export function sessionsKey( query: SessionsQuery ): string {
	return [
		query.days,
		query.status,
		query.orderby,
		query.order,
		query.page,
		query.search,
	].join( '|' );
}

export function sessionKey( id: string ): string {
	return id;
}

export function couponsKey( page: number ): string {
	return String( page );
}

export function couponKey( id: number ): string {
	return String( id );
}

/**
 * Same key for the same Logs arguments whatever the order of the object's properties.
 * @param query Logs arguments.
 */
export function logsKey( query: LogsQuery ): string {
	return [
		query.level,
		query.source,
		query.page,
		query.event,
		query.search,
	].join( '|' );
}

/**
 * Same key for the same Notifications list arguments.
 * @param query Notifications list arguments.
 */
export function notificationsKey( query: NotificationsQuery ): string {
	return [ query.days, query.status, query.page, query.search ].join( '|' );
}

export function notificationKey( id: string ): string {
	return id;
}

/** The mail environment has one answer (it does not depend on arguments). */
export const MAIL_ENVIRONMENT_KEY = 'current';
