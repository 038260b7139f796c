<?php
/**
 * OrderStatuses: the WooCommerce order statuses of CartBay recovery sessions.
 *
 * Registered unconditionally, so a session order never drops out of lists or falls back to pending.
 * Slugs carry the wc- prefix and fit WooCommerce's 20-character status column.
 *
 * Generated from plugin/schema/statuses.ts by codegen/emitters/order-statuses.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * CartBay session statuses.
 */
final class OrderStatuses {

	/**
	 * Captured: Shopper consented and the cart was captured; still inside the abandonment timeout.
	 */
	public const CAPTURED = 'wc-cartbay-captured';

	/**
	 * Abandoned: The cart passed the inactivity timeout and is eligible for recovery emails.
	 */
	public const ABANDONED = 'wc-cartbay-abandoned';

	/**
	 * Recovered: A later WooCommerce order matched this abandoned session.
	 */
	public const RECOVERED = 'wc-cartbay-recovered';

	/**
	 * Expired: The session passed retention or was expired.
	 */
	public const EXPIRED = 'wc-cartbay-expired';

	/**
	 * Suppressed: The shopper unsubscribed or the email is excluded from recovery messaging.
	 */
	public const SUPPRESSED = 'wc-cartbay-suppress';

	/**
	 * Hooks the statuses into WooCommerce. Call once, before `init`.
	 */
	public static function register(): void {
		add_filter( 'woocommerce_register_shop_order_post_statuses', array( self::class, 'handle_register_shop_order_post_statuses' ) );
		add_filter( 'wc_order_statuses', array( self::class, 'handle_wc_order_statuses' ) );
	}

	/**
	 * Whether an order has one of the given statuses.
	 *
	 * WooCommerce returns statuses without the wc- prefix these constants carry; this is the one place that
	 * bridges the two.
	 *
	 * @param \WC_Order|null $order       Order (null is never a match).
	 * @param string         ...$statuses Status constants of this class.
	 * @return bool
	 */
	public static function is( $order, string ...$statuses ): bool {
		return $order instanceof \WC_Order && in_array( 'wc-' . $order->get_status(), $statuses, true );
	}

	/**
	 * Status slugs (with the wc- prefix) keyed by their short key.
	 *
	 * @return array<string, string>
	 */
	public static function by_key(): array {
		return array(
			'captured'   => self::CAPTURED,
			'abandoned'  => self::ABANDONED,
			'recovered'  => self::RECOVERED,
			'expired'    => self::EXPIRED,
			'suppressed' => self::SUPPRESSED,
		);
	}

	/**
	 * Translated labels keyed by status slug.
	 *
	 * @return array<string, string>
	 */
	public static function labels(): array {
		return array(
			self::CAPTURED   => _x( 'Captured', 'Order status', 'cartbay' ),
			self::ABANDONED  => _x( 'Abandoned', 'Order status', 'cartbay' ),
			self::RECOVERED  => _x( 'Recovered', 'Order status', 'cartbay' ),
			self::EXPIRED    => _x( 'Expired', 'Order status', 'cartbay' ),
			self::SUPPRESSED => _x( 'Suppressed', 'Order status', 'cartbay' ),
		);
	}

	/**
	 * Adds the CartBay statuses to the post statuses WooCommerce registers.
	 *
	 * Hidden from the "All" orders list: sessions are not orders a shop manager fulfils.
	 *
	 * @param array $statuses Post status arguments keyed by status slug.
	 * @return array
	 */
	public static function handle_register_shop_order_post_statuses( $statuses ) {
		if ( ! is_array( $statuses ) ) {
			return $statuses;
		}
		$statuses[ self::CAPTURED ] = array(
			'label'                     => _x( 'Captured', 'Order status', 'cartbay' ),
			'public'                    => false,
			'exclude_from_search'       => true,
			'show_in_admin_all_list'    => false,
			'show_in_admin_status_list' => true,
			/* translators: %s: number of sessions. */
			'label_count'               => _n_noop( 'Captured <span class="count">(%s)</span>', 'Captured <span class="count">(%s)</span>', 'cartbay' ),
		);

		$statuses[ self::ABANDONED ] = array(
			'label'                     => _x( 'Abandoned', 'Order status', 'cartbay' ),
			'public'                    => false,
			'exclude_from_search'       => true,
			'show_in_admin_all_list'    => false,
			'show_in_admin_status_list' => true,
			/* translators: %s: number of sessions. */
			'label_count'               => _n_noop( 'Abandoned <span class="count">(%s)</span>', 'Abandoned <span class="count">(%s)</span>', 'cartbay' ),
		);

		$statuses[ self::RECOVERED ] = array(
			'label'                     => _x( 'Recovered', 'Order status', 'cartbay' ),
			'public'                    => false,
			'exclude_from_search'       => true,
			'show_in_admin_all_list'    => false,
			'show_in_admin_status_list' => true,
			/* translators: %s: number of sessions. */
			'label_count'               => _n_noop( 'Recovered <span class="count">(%s)</span>', 'Recovered <span class="count">(%s)</span>', 'cartbay' ),
		);

		$statuses[ self::EXPIRED ] = array(
			'label'                     => _x( 'Expired', 'Order status', 'cartbay' ),
			'public'                    => false,
			'exclude_from_search'       => true,
			'show_in_admin_all_list'    => false,
			'show_in_admin_status_list' => true,
			/* translators: %s: number of sessions. */
			'label_count'               => _n_noop( 'Expired <span class="count">(%s)</span>', 'Expired <span class="count">(%s)</span>', 'cartbay' ),
		);

		$statuses[ self::SUPPRESSED ] = array(
			'label'                     => _x( 'Suppressed', 'Order status', 'cartbay' ),
			'public'                    => false,
			'exclude_from_search'       => true,
			'show_in_admin_all_list'    => false,
			'show_in_admin_status_list' => true,
			/* translators: %s: number of sessions. */
			'label_count'               => _n_noop( 'Suppressed <span class="count">(%s)</span>', 'Suppressed <span class="count">(%s)</span>', 'cartbay' ),
		);
		return $statuses;
	}

	/**
	 * Adds the CartBay statuses to WooCommerce's order status list.
	 *
	 * @param array $statuses Labels keyed by status slug.
	 * @return array
	 */
	public static function handle_wc_order_statuses( $statuses ) {
		if ( ! is_array( $statuses ) ) {
			return $statuses;
		}
		return array_merge( $statuses, self::labels() );
	}
}
