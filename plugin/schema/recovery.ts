import { notificationRetry } from './notifications';
import { phpGroup } from './php-values';
import type { PhpValueClassDef } from './types';

/**
 * Recovery contract: link lifetimes, coupon shape and the limits of the background work.
 *
 * Emitted as `RecoverySchema` (codegen/emitters/recovery.ts); the runtime never repeats these numbers.
 */
export const recoveryLinks = {
	/** How long a restore link works after its email was sent: outlives the default coupon window. */
	restoreTokenDays: 30,
	/** How long the mail hooks and delivery integrations can resolve a notification id to its session. */
	notificationContextDays: 7,
} as const;

export const recoveryCoupons = {
	/** Every generated coupon code starts with this (the spec's `CARTBAY-`). */
	codePrefix: 'CARTBAY-',
	/** Random characters after the prefix. */
	codeRandomLength: 10,
	/** The characters they are drawn from: capitals and digits without the look-alikes I, O, 0 and 1. */
	codeAlphabet: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789',
} as const;

export const recoveryWork = {
	/** Sessions one scanner query loads at a time. */
	scanBatch: 100,
	/**
	 * Seconds one scanner run works before it hands the rest to an immediate continuation: short enough for
	 * hosts that stop a WP-Cron request after 30 seconds.
	 */
	scanTimeBudgetSeconds: 20,
	/** A job lock (scanner, one email step) older than this is from a crashed run and may be taken over. */
	lockStaleSeconds: 600,
	/** A paid order's attribution lock (payment callback vs thank-you page) is ignored after this many seconds. */
	attributionLockSeconds: 60,
	/**
	 * Seconds a cancellation or refund waits for a concurrent attribution of the same order to finish, so the
	 * revert is not lost; short, because it runs inside the request that changed the order.
	 */
	attributionLockWaitSeconds: 3,
	/** Most abandoned sessions of one email the billing-email fallback looks at. */
	emailFallbackCandidates: 10,
	/** The Test Mode trigger schedules email 1 this many seconds out. */
	testTriggerDelaySeconds: 30,
	/** Sessions one retention run deletes at most. */
	pruneBatch: 200,
	/** Most other sessions of the same email an unsubscribe stops along with the one whose link was used. */
	unsubscribeSiblingLimit: 50,
} as const;

/**
 * Limits per recipient (email hash): one inbox never gets more than one recovery sequence at a time, however
 * many carts its address is captured with.
 */
export const recipientLimits = {
	/**
	 * Most live (captured or abandoned) sessions one email hash may have. A capture that would make (or move an
	 * owned session into) another one stores nothing for that email and answers like any capture.
	 */
	maxLiveSessionsPerEmail: 3,
	/**
	 * Recovery sequences in flight per email hash: a newer abandonment supersedes the older session's unsent
	 * steps (canceled with reason `superseded`).
	 */
	sequencesInFlightPerEmail: 1,
	/** CartBay coupons one email hash may be issued within one coupon-expiry period. */
	couponsPerEmailPerExpiry: 1,
} as const;

/** Honest attribution: what counts as recovered, what only as influenced. */
export const attribution = {
	/** Session id, restore token or CartBay coupon matched a paid order: the recovery CartBay made. */
	recovered: 'recovered',
	/** Only the billing email matched, within the window: reported apart, never in recovered revenue. */
	influenced: 'influenced',
	/** The email-hash fallback counts only for orders paid this many days after abandonment at most. */
	influencedWindowDays: 7,
} as const;

/** `RecoverySchema`: the numbers and names the recovery runtime (sequence, links, coupons, scanner) works with. */
export const recoverySchemaClass: PhpValueClassDef = {
	className: 'RecoverySchema',
	summary: 'RecoverySchema: link lifetimes, coupon shape, retry policy and background work limits.',
	classDoc: 'Numbers and names the recovery runtime (sequence, links, coupons, scanner) works with.',
	sources: ['plugin/schema/recovery.ts', 'plugin/schema/notifications.ts'],
	groups: [
		phpGroup(recoveryLinks, {
			restoreTokenDays: 'Days a restore link works after its email was sent.',
			notificationContextDays: 'Days a notification id resolves to its session for mail hooks and delivery integrations.',
		}),
		phpGroup(recoveryCoupons, {
			codePrefix: { name: 'COUPON_CODE_PREFIX', description: 'Prefix of every generated recovery coupon code.' },
			codeRandomLength: { name: 'COUPON_CODE_RANDOM_LENGTH', description: 'Random characters after the coupon code prefix.' },
			codeAlphabet: { name: 'COUPON_CODE_ALPHABET', description: 'Characters the random part is drawn from (no look-alikes).' },
		}),
		phpGroup(notificationRetry, {
			maxAttempts: { name: 'MAX_SEND_ATTEMPTS', description: 'Send attempts of one email before it is failed for good.' },
			retryDelayMinutesPerAttempt: 'A failed send is retried this many minutes × attempts so far later.',
		}),
		phpGroup(recoveryWork, {
			scanBatch: 'Sessions one abandonment scanner query loads at a time.',
			scanTimeBudgetSeconds: 'Seconds one scanner run works before handing the rest to an immediate continuation.',
			lockStaleSeconds: 'Age after which a job lock is considered left by a crashed run.',
			attributionLockSeconds: "Age after which an order's attribution lock counts as left by a crashed request.",
			attributionLockWaitSeconds: 'Seconds a cancellation or refund waits for a concurrent attribution of the same order.',
			emailFallbackCandidates: 'Most abandoned sessions of one email the billing-email fallback looks at.',
			testTriggerDelaySeconds: 'Delay of the email the Test Mode trigger schedules.',
			pruneBatch: 'Sessions one retention run deletes at most.',
			unsubscribeSiblingLimit: 'Most other sessions of the same email an unsubscribe stops along with the one whose link was used.',
		}),
		phpGroup(recipientLimits, {
			maxLiveSessionsPerEmail: 'Most live sessions one email hash may have; a capture that would make another stores nothing (same answer).',
			sequencesInFlightPerEmail: 'Recovery sequences in flight per email hash: a newer abandonment supersedes older unsent steps.',
			couponsPerEmailPerExpiry: 'CartBay coupons one email hash may be issued within one coupon-expiry period.',
		}),
		phpGroup(attribution, {
			recovered: { name: 'ATTRIBUTION_RECOVERED', description: 'Attribution of a paid order matched by session id, restore token or CartBay coupon.' },
			influenced: { name: 'ATTRIBUTION_INFLUENCED', description: 'Attribution of a paid order matched by billing email only: never counted as recovered.' },
			influencedWindowDays: 'Days after abandonment within which the billing-email fallback counts (as influenced).',
		}),
	],
};
