import type { ConstantGroupDef } from './types';

/** Placeholders resolved in recovery email subject, heading, preheader, body and button text. */
export const placeholders = {
	className: 'Placeholders',
	description: 'Placeholders the recovery emails resolve.',
	constants: [
		{
			name: 'SITE_TITLE',
			value: '{site_title}',
			description: 'Store/site title.',
		},
		{
			name: 'SITE_NAME',
			value: '{site_name}',
			description: 'Store/site title alias.',
		},
		{
			name: 'STORE_NAME',
			value: '{store_name}',
			description: 'Store/site title alias.',
		},
		{
			name: 'CUSTOMER_EMAIL',
			value: '{customer_email}',
			description: 'Captured customer email address.',
		},
		{
			name: 'RESTORE_URL',
			value: '{restore_url}',
			description: 'Secure cart restore link.',
		},
		{
			name: 'COUPON_CODE',
			value: '{coupon_code}',
			description: 'Coupon code, on coupon-enabled steps only.',
		},
		{
			name: 'COUPON_EXPIRY',
			value: '{coupon_expiry}',
			description: 'Coupon expiry date, on coupon-enabled steps only.',
		},
		{
			name: 'UNSUBSCRIBE_URL',
			value: '{unsubscribe_url}',
			description: 'One-click unsubscribe link.',
		},
	],
} as const satisfies ConstantGroupDef;
