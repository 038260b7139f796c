import type { OrderStatusDef } from './types';

/** WooCommerce stores `wc-` + slug in a 20-character column (posts and HPOS alike). */
export const ORDER_STATUS_MAX_LENGTH = 20;

/**
 * The lifecycle statuses of a CartBay recovery session (a WooCommerce order with created_via=cartbay).
 */
export const orderStatuses = [
	{
		key: 'captured',
		slug: 'cartbay-captured',
		label: 'Captured',
		description:
			'Shopper consented and the cart was captured; still inside the abandonment timeout.',
	},
	{
		key: 'abandoned',
		slug: 'cartbay-abandoned',
		label: 'Abandoned',
		description:
			'The cart passed the inactivity timeout and is eligible for recovery emails.',
	},
	{
		key: 'recovered',
		slug: 'cartbay-recovered',
		label: 'Recovered',
		description:
			'A later WooCommerce order matched this abandoned session.',
	},
	{
		key: 'expired',
		slug: 'cartbay-expired',
		label: 'Expired',
		description: 'The session passed retention or was expired.',
	},
	{
		key: 'suppressed',
		// The docs' `wc-cartbay-suppressed` is 21 characters and would be cut by WooCommerce's status column.
		slug: 'cartbay-suppress',
		specSlug: 'cartbay-suppressed',
		label: 'Suppressed',
		description:
			'The shopper unsubscribed or the email is excluded from recovery messaging.',
	},
] as const satisfies readonly OrderStatusDef[];

export type SessionStatusKey = ( typeof orderStatuses )[ number ][ 'key' ];

/** Status slug (without `wc-`) by key. */
export const statusSlug = Object.fromEntries(
	orderStatuses.map( ( s ) => [ s.key, s.slug ] )
) as Record< SessionStatusKey, string >;
