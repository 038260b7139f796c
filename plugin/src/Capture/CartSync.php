<?php
/**
 * Keeps a captured session's cart in step with the shopper's WooCommerce cart, without a capture request.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Classic checkout forgets a typed email between page loads, so a shopper who goes back to the shop and
 * changes the cart sends no capture, and a restore link would rebuild the old cart. Instead, whenever the
 * WooCommerce cart of a browser that owns a live session changes (an item added, removed, its quantity
 * changed or a removal undone, a coupon applied or removed), the session's snapshot, totals, fingerprint,
 * hash, item count and last activity follow, once the cart totals are calculated.
 *
 * Only the cart is synced: status, email, consent and emails are left to capture. An emptied cart leaves the
 * last snapshot as it was (there is nothing to restore from an empty one). A cart rebuilt by a restore link
 * is left to the restore itself. Untracked shoppers pay one in-memory read of their WooCommerce session per
 * cart change and nothing else.
 */
final class CartSync implements HookSubscriber {

	/**
	 * Whether the cart of a tracked browser changed since the last sync in this request. Static: the cart
	 * hooks note it without building the service (most shoppers are not tracked).
	 *
	 * @var bool
	 */
	private static $pending = false;

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * The session this browser owns.
	 *
	 * @var BrowserSession
	 */
	private $browser;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings.
	 * @param SessionRepository  $sessions Sessions.
	 * @param BrowserSession     $browser  The session this browser owns.
	 */
	public function __construct( SettingsRepository $settings, SessionRepository $sessions, BrowserSession $browser ) {
		$this->settings = $settings;
		$this->sessions = $sessions;
		$this->browser  = $browser;
	}

	/**
	 * The hooks this service handles: the cart changes that alter what a snapshot holds (before
	 * WooCommerce's own calculate_totals() on these hooks, priority 20; handled statically), the totals
	 * calculation that follows them (after WooCommerce has stored the cart in its session, priority 1000),
	 * and a last chance at shutdown for a change no totals calculation followed (rare).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_add_to_cart'                     => array( 5, 0 ),
			'woocommerce_cart_item_removed'               => array( 5, 0 ),
			'woocommerce_cart_item_restored'              => array( 5, 0 ),
			'woocommerce_after_cart_item_quantity_update' => array( 5, 0 ),
			'woocommerce_applied_coupon'                  => array( 5, 0 ),
			'woocommerce_removed_coupon'                  => array( 5, 0 ),
			'woocommerce_after_calculate_totals'          => array( 1010, 0 ),
			'shutdown'                                    => array( 5, 0 ),
		);
	}

	/**
	 * `woocommerce_add_to_cart`.
	 */
	public static function handle_woocommerce_add_to_cart(): void {
		self::note_change();
	}

	/**
	 * `woocommerce_cart_item_removed`.
	 */
	public static function handle_woocommerce_cart_item_removed(): void {
		self::note_change();
	}

	/**
	 * `woocommerce_cart_item_restored` (a removal undone).
	 */
	public static function handle_woocommerce_cart_item_restored(): void {
		self::note_change();
	}

	/**
	 * `woocommerce_after_cart_item_quantity_update`.
	 */
	public static function handle_woocommerce_after_cart_item_quantity_update(): void {
		self::note_change();
	}

	/**
	 * `woocommerce_applied_coupon`.
	 */
	public static function handle_woocommerce_applied_coupon(): void {
		self::note_change();
	}

	/**
	 * `woocommerce_removed_coupon`.
	 */
	public static function handle_woocommerce_removed_coupon(): void {
		self::note_change();
	}

	/**
	 * Notes a cart change when this browser is tracked (a cart a restore link is rebuilding is left to the
	 * restore itself).
	 */
	private static function note_change(): void {
		if ( self::$pending || ! BrowserSession::is_tracking() ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only tells a restore-link request apart.
		if ( isset( $_GET[ QueryArgs::RESTORE ] ) ) {
			return;
		}
		self::$pending = true;
	}

	/**
	 * Whether `woocommerce_after_calculate_totals` has a noted change to sync (the service is built only then).
	 *
	 * @return bool
	 */
	public static function should_handle_woocommerce_after_calculate_totals(): bool {
		return self::$pending;
	}

	/**
	 * `woocommerce_after_calculate_totals`: syncs a noted change with fresh totals.
	 */
	public function handle_woocommerce_after_calculate_totals(): void {
		if ( self::$pending ) {
			$this->sync();
		}
	}

	/**
	 * Whether `shutdown` has a noted change left to sync (the service is built only then).
	 *
	 * @return bool
	 */
	public static function should_handle_shutdown(): bool {
		return self::$pending;
	}

	/**
	 * `shutdown`: syncs a change that no totals calculation followed.
	 */
	public function handle_shutdown(): void {
		if ( self::$pending ) {
			$this->sync();
		}
	}

	/**
	 * Writes the cart onto the session this browser owns.
	 */
	private function sync(): void {
		self::$pending = false;
		if ( ! $this->settings->get( SettingsKeys::CAPTURE_ENABLED ) ) {
			return;
		}
		$order = $this->browser->live_session();
		if ( null === $order ) {
			return;
		}
		$snapshot = CartSnapshot::from_session();
		if ( null === $snapshot ) {
			return;
		}
		$order->update_meta_data( MetaKeys::LAST_ACTIVITY_AT, (string) time() );
		if ( CartSnapshot::differs( $order, $snapshot ) ) {
			CartSnapshot::store( $order, $snapshot );
			$this->sessions->add_event( $order, SessionEvents::UPDATED, array( 'source' => 'cart' ) );
		}
		// As a capture update: meta only unless the order's own total followed a new cart total; the pending
		// abandonment check re-arms itself at the new boundary.
		if ( array() !== $order->get_changes() ) {
			$this->sessions->save( $order );
		} else {
			$order->save_meta_data();
		}
	}
}
