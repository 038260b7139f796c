/**
 * Offers > Coupon History: the status of a CartBay-generated coupon and the four cards counting them.
 * The REST answer (`GET /coupons`), the PHP report that sorts coupons into these statuses and the admin's
 * labels all read this one list.
 */
import type { ConstantGroupDef } from './types';

/** A coupon's status, as the Coupon History lists it; each is also a card. */
export const couponStatuses = {
	className: 'CouponStatus',
	description:
		'Status of a CartBay-generated coupon in Offers > Coupon History (GET /coupons).',
	constants: [
		{
			name: 'ACTIVE',
			value: 'active',
			label: 'Active',
			description: 'Not used yet and not expired.',
		},
		{
			name: 'USED',
			value: 'used',
			label: 'Used',
			description: 'Used on an order at least once.',
		},
		{
			name: 'EXPIRED',
			value: 'expired',
			label: 'Expired',
			description: 'Not used and past its expiry.',
		},
	],
} as const satisfies ConstantGroupDef;

export type CouponStatusKey =
	( typeof couponStatuses.constants )[ number ][ 'value' ];

/** The Coupon History cards, in display order: every generated coupon, then one card a status. */
export const couponCards = [
	{
		key: 'generated',
		label: 'Generated',
		description: 'Every coupon CartBay generated.',
	},
	...couponStatuses.constants.map( ( status ) => ( {
		key: status.value,
		label: status.label,
		description: status.description,
	} ) ),
] as const;

export type CouponCardKey = 'generated' | CouponStatusKey;
