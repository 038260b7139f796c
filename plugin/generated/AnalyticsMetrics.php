<?php
/**
 * AnalyticsMetrics: Keys of the analytics metrics (the `metrics` object of GET /analytics), each with its one definition.
 *
 * Generated from plugin/schema/analytics.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Keys of the analytics metrics (the `metrics` object of GET /analytics), each with its one definition.
 */
final class AnalyticsMetrics {

	/**
	 * Tracked Carts: Sessions captured in the period (consent given, valid email).
	 */
	public const TRACKED_CARTS = 'tracked_carts';

	/**
	 * Abandoned Carts: Tracked carts of the period that passed the abandonment timeout (a session that was ever abandoned counts, whatever its status now).
	 */
	public const ABANDONED_CARTS = 'abandoned_carts';

	/**
	 * Recovered Carts: Tracked carts of the period whose paid order is attributed to them as recovered (session id, restore token or CartBay coupon) and not reverted. Influenced orders never count here.
	 */
	public const RECOVERED_CARTS = 'recovered_carts';

	/**
	 * Link-Restored and Purchased: Recovered carts whose restore link was clicked before the order was attributed.
	 */
	public const LINK_RESTORED_PURCHASES = 'link_restored_purchases';

	/**
	 * Abandoned Cart Value: Sum of the cart totals of the abandoned carts (potential, not lost, revenue).
	 */
	public const ABANDONED_VALUE = 'abandoned_value';

	/**
	 * Recovered Revenue: Sum of the paid totals, less refunds, of the recovered carts’ orders. A fully refunded, cancelled or failed order is reverted and adds nothing.
	 */
	public const RECOVERED_REVENUE = 'recovered_revenue';

	/**
	 * Recovery Rate: Recovered carts ÷ abandoned carts of the same period, in percent (0 when nothing was abandoned).
	 */
	public const RECOVERY_RATE = 'recovery_rate';

	/**
	 * Restore Clicks: Restore-link clicks recorded on the period’s sessions (every click counts, valid or not for the cart).
	 */
	public const RESTORE_CLICKS = 'restore_clicks';

	/**
	 * Click-to-Recovery Rate: Link-restored purchases ÷ restore clicks, in percent (0 without clicks).
	 */
	public const CLICK_TO_RECOVERY_RATE = 'click_to_recovery_rate';

	/**
	 * Failed Restores: Restore attempts on the period’s sessions that rebuilt nothing (expired link, unavailable products, invalid snapshot).
	 */
	public const FAILED_RESTORES = 'failed_restores';

	/**
	 * Influenced Orders: Tracked carts of the period whose shopper paid an order matched by billing email only, within the influence window: reported apart, never recovered.
	 */
	public const INFLUENCED_ORDERS = 'influenced_orders';

	/**
	 * Influenced Revenue: Sum of the paid totals, less refunds, of the influenced orders; never part of recovered revenue.
	 */
	public const INFLUENCED_REVENUE = 'influenced_revenue';

	/**
	 * Emails Sent: Recovery emails of the period’s sessions accepted by WordPress mail (sent) or confirmed by a provider (delivered).
	 */
	public const EMAILS_SENT = 'emails_sent';

	/**
	 * Emails Failed: Recovery emails of the period’s sessions that ended failed after the allowed attempts.
	 */
	public const EMAILS_FAILED = 'emails_failed';

	/**
	 * Acceptance Rate: Emails sent ÷ emails with at least one send attempt, for the period’s sessions, in percent (0 without attempts).
	 */
	public const ACCEPTANCE_RATE = 'acceptance_rate';

	/**
	 * Pending Queue: Recovery emails waiting to send now (queued, attempted or retry queued), whatever the period: a current figure.
	 */
	public const PENDING_QUEUE = 'pending_queue';

	/**
	 * Best Email Step: The step whose emails led to the most recovered revenue in the period (a recovery belongs to the step whose link was clicked last, else the last step sent before it); ties go to more recoveries, then the earlier step; none without recoveries.
	 */
	public const BEST_STEP = 'best_step';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::TRACKED_CARTS,
			self::ABANDONED_CARTS,
			self::RECOVERED_CARTS,
			self::LINK_RESTORED_PURCHASES,
			self::ABANDONED_VALUE,
			self::RECOVERED_REVENUE,
			self::RECOVERY_RATE,
			self::RESTORE_CLICKS,
			self::CLICK_TO_RECOVERY_RATE,
			self::FAILED_RESTORES,
			self::INFLUENCED_ORDERS,
			self::INFLUENCED_REVENUE,
			self::EMAILS_SENT,
			self::EMAILS_FAILED,
			self::ACCEPTANCE_RATE,
			self::PENDING_QUEUE,
			self::BEST_STEP,
		);
	}
}
