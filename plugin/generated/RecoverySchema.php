<?php
/**
 * RecoverySchema: link lifetimes, coupon shape, retry policy and background work limits.
 *
 * Generated from plugin/schema/recovery.ts, plugin/schema/notifications.ts by codegen/emitters/recovery.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Numbers and names the recovery runtime (sequence, links, coupons, scanner) works with.
 */
final class RecoverySchema {

	/**
	 * Days a restore link works after its email was sent.
	 */
	public const RESTORE_TOKEN_DAYS = 30;

	/**
	 * Days a notification id resolves to its session for mail hooks and delivery integrations.
	 */
	public const NOTIFICATION_CONTEXT_DAYS = 7;

	/**
	 * Prefix of every generated recovery coupon code.
	 */
	public const COUPON_CODE_PREFIX = 'CARTBAY-';

	/**
	 * Random characters after the coupon code prefix.
	 */
	public const COUPON_CODE_RANDOM_LENGTH = 10;

	/**
	 * Characters the random part is drawn from (no look-alikes).
	 */
	public const COUPON_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

	/**
	 * Send attempts of one email before it is failed for good.
	 */
	public const MAX_SEND_ATTEMPTS = 3;

	/**
	 * A failed send is retried this many minutes × attempts so far later.
	 */
	public const RETRY_DELAY_MINUTES_PER_ATTEMPT = 15;

	/**
	 * Prefix of every notification record id.
	 */
	public const NOTIFICATION_ID_PREFIX = 'ntf_';

	/**
	 * Lowercase letters and digits after the notification id prefix.
	 */
	public const NOTIFICATION_ID_RANDOM_LENGTH = 16;

	/**
	 * Mail header naming the notification record of a recovery email (read by the mail hooks).
	 */
	public const NOTIFICATION_HEADER = 'X-CartBay-Notification';

	/**
	 * Sessions one abandonment scanner query loads at a time.
	 */
	public const SCAN_BATCH = 100;

	/**
	 * Seconds one scanner run works before handing the rest to an immediate continuation.
	 */
	public const SCAN_TIME_BUDGET_SECONDS = 20;

	/**
	 * Age after which a job lock is considered left by a crashed run.
	 */
	public const LOCK_STALE_SECONDS = 600;

	/**
	 * Age after which an order's attribution lock counts as left by a crashed request.
	 */
	public const ATTRIBUTION_LOCK_SECONDS = 60;

	/**
	 * Seconds a cancellation or refund waits for a concurrent attribution of the same order.
	 */
	public const ATTRIBUTION_LOCK_WAIT_SECONDS = 3;

	/**
	 * Most abandoned sessions of one email the billing-email fallback looks at.
	 */
	public const EMAIL_FALLBACK_CANDIDATES = 10;

	/**
	 * Delay of the email the Test Mode trigger schedules.
	 */
	public const TEST_TRIGGER_DELAY_SECONDS = 30;

	/**
	 * Sessions one retention batch deletes at most.
	 */
	public const PRUNE_BATCH = 200;

	/**
	 * Seconds one retention run deletes batches before handing the rest to an immediate continuation.
	 */
	public const PRUNE_TIME_BUDGET_SECONDS = 20;

	/**
	 * Seconds a retention continuation waits when the analytics ledger is busy.
	 */
	public const PRUNE_BUSY_RETRY_SECONDS = 300;

	/**
	 * Most other sessions of the same email an unsubscribe stops along with the one whose link was used.
	 */
	public const UNSUBSCRIBE_SIBLING_LIMIT = 50;

	/**
	 * Most live sessions one email hash may have; a capture that would make another stores nothing (same answer).
	 */
	public const MAX_LIVE_SESSIONS_PER_EMAIL = 3;

	/**
	 * Recovery sequences in flight per email hash: a newer abandonment supersedes older unsent steps.
	 */
	public const SEQUENCES_IN_FLIGHT_PER_EMAIL = 1;

	/**
	 * CartBay coupons one email hash may be issued within one coupon-expiry period.
	 */
	public const COUPONS_PER_EMAIL_PER_EXPIRY = 1;

	/**
	 * Attribution of a paid order matched by session id, restore token or CartBay coupon.
	 */
	public const ATTRIBUTION_RECOVERED = 'recovered';

	/**
	 * Attribution of a paid order matched by billing email only: never counted as recovered.
	 */
	public const ATTRIBUTION_INFLUENCED = 'influenced';

	/**
	 * Days after abandonment within which the billing-email fallback counts (as influenced).
	 */
	public const INFLUENCED_WINDOW_DAYS = 7;
}
