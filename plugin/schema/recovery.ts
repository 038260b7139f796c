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
	/** Sessions one retention batch deletes at most. */
	pruneBatch: 200,
	/**
	 * Seconds one retention run keeps deleting batches before it hands the rest of a backlog to an immediate
	 * continuation (`cartbay_prune_sessions_continue`), like the scanner.
	 */
	pruneTimeBudgetSeconds: 20,
	/** When the analytics ledger is busy, the continuation retries this many seconds later. */
	pruneBusyRetrySeconds: 300,
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
