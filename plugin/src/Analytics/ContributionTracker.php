<?php
/**
 * Notices, as sessions are saved and deleted, what the analytics ledger has to catch up with.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use Automattic\WooCommerce\Utilities\OrderUtil;
use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;

defined( 'ABSPATH' ) || exit;

/**
 * Cheap by design: it runs inside the save of every session, capture requests included, and writes
 * nothing of its own.
 *
 * - `woocommerce_before_order_object_save` (fired inside WC_Data::save() on HPOS and posts storage alike):
 *   when a session's contribution differs from the one the ledger holds for it, `_cartbay_analytics_pending`
 *   is set on the order, saved by the same save. A key event (anything beyond the tracked count: abandoned,
 *   sent, restored, recovered, reverted…) also queues `cartbay_apply_analytics` once per request (unique in
 *   Action Scheduler); a new capture only waits for the hourly refresh or the next key event's apply.
 * - `woocommerce_before_delete_order` (both storages, `$order->delete( true )`: consent withdrawal, the HPOS
 *   orders screen) and, on posts storage, `before_delete_post` (the legacy orders screen deletes posts
 *   directly): the session's stored contribution is handed to a `cartbay_forget_analytics` job, which takes
 *   it out of the live layer. The deletion may run on a shopper request, so the ledger is not written here.
 *   Retention pruning retires its sessions itself (AnalyticsLedger::retire()) and clears the stored
 *   contribution first, so nothing is queued for them.
 * - Trash (`woocommerce_before_trash_order` on both storages, `wp_trash_post` on the legacy screen): a trashed
 *   session is out of the Sessions list, so it stops counting the same way; its stored contribution is
 *   cleared and the pending flag set (meta only), so restoring it (`woocommerce_untrash_order` on HPOS,
 *   `untrashed_post` on posts storage, each queuing the apply job) counts it again.
 */
final class ContributionTracker implements HookSubscriber {

	/**
	 * Whether this request already queued the apply job.
	 *
	 * @var bool
	 */
	private static $queued = false;

	/**
	 * Order ids whose deletion this request already handled (posts storage fires both delete hooks).
	 *
	 * @var array<int, true>
	 */
	private static $deleted = array();

	/**
	 * Order ids whose trashing this request already handled (posts storage fires both trash hooks).
	 *
	 * @var array<int, true>
	 */
	private static $trashed = array();

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_before_order_object_save' => array( 10, 1 ),
			'woocommerce_before_delete_order'      => array( 10, 2 ),
			'before_delete_post'                   => array( 10, 2 ),
			'woocommerce_before_trash_order'       => array( 10, 2 ),
			'wp_trash_post'                        => array( 10, 1 ),
			'untrashed_post'                       => array( 10, 1 ),
			'woocommerce_untrash_order'            => array( 10, 1 ),
		);
	}

	/**
	 * `woocommerce_before_order_object_save`: flags a session whose contribution changed.
	 *
	 * @param mixed $order Order being saved.
	 */
	public static function handle_woocommerce_before_order_object_save( $order ): void {
		if ( ! self::is_session( $order ) ) {
			return;
		}
		if ( null === $order->get_date_created() ) {
			// What the data store would set a moment later: the contribution's day is the session's own.
			$order->set_date_created( time() );
		}
		$stored  = SessionContribution::stored( $order );
		$current = SessionContribution::of( $order );
		if ( SessionContribution::same( $stored, $current ) ) {
			// Back to what the ledger holds (a change undone before it was applied): nothing to apply.
			if ( '' !== (string) $order->get_meta( MetaKeys::ANALYTICS_PENDING ) ) {
				$order->delete_meta_data( MetaKeys::ANALYTICS_PENDING );
			}
			return;
		}
		if ( '' === (string) $order->get_meta( MetaKeys::ANALYTICS_PENDING ) ) {
			$order->update_meta_data( MetaKeys::ANALYTICS_PENDING, '1' );
		}
		if ( SessionContribution::is_key_change( $stored, $current ) ) {
			self::queue_apply();
		}
	}

	/**
	 * `woocommerce_before_delete_order`: a session is about to be deleted for good.
	 *
	 * @param int   $order_id Order id.
	 * @param mixed $order    Order.
	 */
	public static function handle_woocommerce_before_delete_order( $order_id, $order = null ): void {
		$order_id = absint( $order_id );
		if ( isset( self::$deleted[ $order_id ] ) ) {
			return;
		}
		self::$deleted[ $order_id ] = true;
		if ( self::is_cartbay_order( $order ) ) {
			self::forget( $order_id, $order );
		}
	}

	/**
	 * `before_delete_post`: on posts storage, an order post deleted without WooCommerce CRUD.
	 *
	 * @param int   $post_id Post id.
	 * @param mixed $post    Post.
	 */
	public static function handle_before_delete_post( $post_id, $post = null ): void {
		$post_id = absint( $post_id );
		if ( ! $post instanceof \WP_Post || 'shop_order' !== $post->post_type || isset( self::$deleted[ $post_id ] ) || OrderUtil::custom_orders_table_usage_is_enabled() ) {
			return;
		}
		self::$deleted[ $post_id ] = true;
		$order                     = wc_get_order( $post_id );
		if ( self::is_cartbay_order( $order ) ) {
			self::forget( $post_id, $order );
		}
	}

	/**
	 * `woocommerce_before_trash_order`: a session is about to be trashed.
	 *
	 * @param int   $order_id Order id.
	 * @param mixed $order    Order.
	 */
	public static function handle_woocommerce_before_trash_order( $order_id, $order = null ): void {
		$order_id = absint( $order_id );
		if ( isset( self::$trashed[ $order_id ] ) ) {
			return;
		}
		self::$trashed[ $order_id ] = true;
		if ( self::is_cartbay_order( $order ) ) {
			self::trash( $order_id, $order );
		}
	}

	/**
	 * `wp_trash_post`: on posts storage, an order post trashed without WooCommerce CRUD.
	 *
	 * @param int $post_id Post id.
	 */
	public static function handle_wp_trash_post( $post_id ): void {
		$post_id = absint( $post_id );
		if ( isset( self::$trashed[ $post_id ] ) || ! self::is_legacy_order_post( $post_id ) ) {
			return;
		}
		self::$trashed[ $post_id ] = true;
		$order                     = wc_get_order( $post_id );
		if ( self::is_cartbay_order( $order ) ) {
			self::trash( $post_id, $order );
		}
	}

	/**
	 * `untrashed_post`: on posts storage, a trashed session is back; its pending flag is applied now.
	 *
	 * @param int $post_id Post id.
	 */
	public static function handle_untrashed_post( $post_id ): void {
		$post_id = absint( $post_id );
		if ( self::is_legacy_order_post( $post_id ) && self::is_cartbay_order( wc_get_order( $post_id ) ) ) {
			self::queue_apply();
		}
	}

	/**
	 * `woocommerce_untrash_order` (HPOS): a trashed session is back; its pending flag is applied now.
	 *
	 * @param int $order_id Order id.
	 */
	public static function handle_woocommerce_untrash_order( $order_id ): void {
		if ( self::is_cartbay_order( wc_get_order( absint( $order_id ) ) ) ) {
			self::queue_apply();
		}
	}

	/**
	 * A trashed session stops counting: its stored contribution leaves the ledger and the session is
	 * flagged, so it is applied again if it comes back.
	 *
	 * @param int       $order_id Order id.
	 * @param \WC_Order $order    Session.
	 */
	private static function trash( int $order_id, \WC_Order $order ): void {
		if ( null === SessionContribution::stored( $order ) ) {
			return;
		}
		self::forget( $order_id, $order );
		$order->delete_meta_data( MetaKeys::ANALYTICS_CONTRIBUTION );
		$order->update_meta_data( MetaKeys::ANALYTICS_PENDING, '1' );
		AnalyticsLedger::save_session_meta( $order );
	}

	/**
	 * Whether a post is an order post on posts storage (with HPOS, orders change through CRUD only).
	 *
	 * @param int $post_id Post id.
	 * @return bool
	 */
	private static function is_legacy_order_post( int $post_id ): bool {
		return 'shop_order' === get_post_type( $post_id ) && ! OrderUtil::custom_orders_table_usage_is_enabled();
	}

	/**
	 * Queues the subtraction of a deleted session's stored contribution.
	 *
	 * @param int       $order_id Order id.
	 * @param \WC_Order $order    Session.
	 */
	private static function forget( int $order_id, \WC_Order $order ): void {
		$stored = SessionContribution::stored( $order );
		if ( null === $stored || ! self::scheduler_ready() ) {
			return;
		}
		as_enqueue_async_action( ScheduledJobs::FORGET_ANALYTICS, array( $order_id, $stored['day'], (string) wp_json_encode( $stored['counters'] ) ), ScheduledJobs::GROUP );
	}

	/**
	 * Queues the apply job, once per request (and never twice in Action Scheduler).
	 */
	private static function queue_apply(): void {
		if ( self::$queued || ! self::scheduler_ready() ) {
			return;
		}
		self::$queued = true;
		as_enqueue_async_action( ScheduledJobs::APPLY_ANALYTICS, array(), ScheduledJobs::GROUP, true );
	}

	/**
	 * Whether Action Scheduler can take actions now (a save before it is initialized waits for the hourly
	 * refresh instead).
	 *
	 * @return bool
	 */
	private static function scheduler_ready(): bool {
		return class_exists( \ActionScheduler::class ) && \ActionScheduler::is_initialized();
	}

	/**
	 * Whether an order is a CartBay session in a session status (what the ledger counts).
	 *
	 * @param mixed $order Anything.
	 * @return bool
	 * @phpstan-assert-if-true \WC_Order $order
	 */
	private static function is_session( $order ): bool {
		return self::is_cartbay_order( $order ) && OrderStatuses::is( $order, ...array_values( OrderStatuses::by_key() ) );
	}

	/**
	 * Whether an order was created by CartBay, whatever its status (a trashed session still counts until
	 * it is deleted).
	 *
	 * @param mixed $order Anything.
	 * @return bool
	 * @phpstan-assert-if-true \WC_Order $order
	 */
	private static function is_cartbay_order( $order ): bool {
		return $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via();
	}
}
