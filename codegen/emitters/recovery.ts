/**
 * Recovery contract (plugin/schema/recovery.ts, notifications.ts) → `RecoverySchema`: link lifetimes,
 * coupon shape, retry policy and the bounds of the background work.
 */
import { attribution, notificationRetry, recipientLimits, recoveryCoupons, recoveryLinks, recoveryWork } from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { emitValueClass, type ValueConstant } from './value-class';

const values: readonly ValueConstant[] = [
	{ name: 'RESTORE_TOKEN_DAYS', value: recoveryLinks.restoreTokenDays, description: 'Days a restore link works after its email was sent.' },
	{ name: 'NOTIFICATION_CONTEXT_DAYS', value: recoveryLinks.notificationContextDays, description: 'Days a notification id resolves to its session for mail hooks and delivery integrations.' },
	{ name: 'COUPON_CODE_PREFIX', value: recoveryCoupons.codePrefix, description: 'Prefix of every generated recovery coupon code.' },
	{ name: 'COUPON_CODE_RANDOM_LENGTH', value: recoveryCoupons.codeRandomLength, description: 'Random characters after the coupon code prefix.' },
	{ name: 'MAX_SEND_ATTEMPTS', value: notificationRetry.maxAttempts, description: 'Send attempts of one email before it is failed for good.' },
	{ name: 'RETRY_DELAY_MINUTES_PER_ATTEMPT', value: notificationRetry.retryDelayMinutesPerAttempt, description: 'A failed send is retried this many minutes × attempts so far later.' },
	{ name: 'SCAN_BATCH', value: recoveryWork.scanBatch, description: 'Sessions one abandonment scanner query loads at a time.' },
	{ name: 'SCAN_TIME_BUDGET_SECONDS', value: recoveryWork.scanTimeBudgetSeconds, description: 'Seconds one scanner run works before handing the rest to an immediate continuation.' },
	{ name: 'LOCK_STALE_SECONDS', value: recoveryWork.lockStaleSeconds, description: 'Age after which a job lock is considered left by a crashed run.' },
	{ name: 'ATTRIBUTION_LOCK_SECONDS', value: recoveryWork.attributionLockSeconds, description: 'Age after which an order\'s attribution lock counts as left by a crashed request.' },
	{ name: 'ATTRIBUTION_LOCK_WAIT_SECONDS', value: recoveryWork.attributionLockWaitSeconds, description: 'Seconds a cancellation or refund waits for a concurrent attribution of the same order.' },
	{ name: 'EMAIL_FALLBACK_CANDIDATES', value: recoveryWork.emailFallbackCandidates, description: 'Most abandoned sessions of one email the billing-email fallback looks at.' },
	{ name: 'TEST_TRIGGER_DELAY_SECONDS', value: recoveryWork.testTriggerDelaySeconds, description: 'Delay of the email the Test Mode trigger schedules.' },
	{ name: 'MAX_LIVE_SESSIONS_PER_EMAIL', value: recipientLimits.maxLiveSessionsPerEmail, description: 'Most live sessions one email hash may have; a capture that would make another stores nothing (same answer).' },
	{ name: 'SEQUENCES_IN_FLIGHT_PER_EMAIL', value: recipientLimits.sequencesInFlightPerEmail, description: 'Recovery sequences in flight per email hash: a newer abandonment supersedes older unsent steps.' },
	{ name: 'COUPONS_PER_EMAIL_PER_EXPIRY', value: recipientLimits.couponsPerEmailPerExpiry, description: 'CartBay coupons one email hash may be issued within one coupon-expiry period.' },
	{ name: 'ATTRIBUTION_RECOVERED', value: attribution.recovered, description: 'Attribution of a paid order matched by session id, restore token or CartBay coupon.' },
	{ name: 'ATTRIBUTION_INFLUENCED', value: attribution.influenced, description: 'Attribution of a paid order matched by billing email only: never counted as recovered.' },
	{ name: 'INFLUENCED_WINDOW_DAYS', value: attribution.influencedWindowDays, description: 'Days after abandonment within which the billing-email fallback counts (as influenced).' },
	{ name: 'SUPERSEDED_REASON', value: attribution.supersededReason, description: 'Cancel reason of unsent steps a newer session of the same email took over.' },
	{ name: 'ORDER_PLACED_REASON', value: attribution.orderPlacedReason, description: 'Cancel reason of pending steps when the shopper placed an order that is not paid yet.' },
];

export function emitRecoverySchema(): GeneratedFile {
	return emitValueClass({
		className: 'RecoverySchema',
		summary: 'RecoverySchema: link lifetimes, coupon shape, retry policy and background work limits.',
		classDoc: 'Numbers and names the recovery runtime (sequence, links, coupons, scanner) works with.',
		sources: ['plugin/schema/recovery.ts', 'plugin/schema/notifications.ts'],
		emitter: 'codegen/emitters/recovery.ts',
		values,
	});
}
