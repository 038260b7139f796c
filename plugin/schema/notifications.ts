import type { ConstantGroupDef } from './types';

/** Lifecycle states of a notification record (one per scheduled recovery email). */
export const notificationStates = {
	className: 'NotificationStates',
	description: 'Lifecycle states of a recovery email notification record.',
	constants: [
		{ name: 'QUEUED', value: 'queued', description: 'Waiting for its send job.' },
		{ name: 'ATTEMPTED', value: 'attempted', description: 'A send attempt began.' },
		{ name: 'SENT', value: 'sent', description: 'WordPress accepted the message.' },
		{ name: 'DELIVERED', value: 'delivered', description: 'A provider integration confirmed delivery.' },
		{ name: 'FAILED', value: 'failed', description: 'The send failed after the allowed attempts.' },
		{ name: 'RETRY_QUEUED', value: 'retry_queued', description: 'A failed attempt will be retried.' },
		{ name: 'CANCELED', value: 'canceled', description: 'No longer needed: recovered, unsubscribed, withdrawn or expired.' },
	],
} as const satisfies ConstantGroupDef;

export type NotificationState = (typeof notificationStates.constants)[number]['value'];

/** Failed sends are retried until this many attempts, `retryDelayMinutesPerAttempt × attempts` apart. */
export const notificationRetry = {
	maxAttempts: 3,
	retryDelayMinutesPerAttempt: 15,
} as const;
