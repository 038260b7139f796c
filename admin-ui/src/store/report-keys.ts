/**
 * The key each report answer is kept under: one per query, so every period, filter, sort and page the
 * owner has seen stays cached while the page is open, and going back to it shows it at once.
 */
/** Internal dependencies */
import type { SessionsQuery } from './types';

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
