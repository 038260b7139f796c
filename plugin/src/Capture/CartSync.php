<?php
/**
 * Keeps a captured session's cart in step with the shopper's WooCommerce cart, without a capture request.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Data\SessionRepository;
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
final class CartSync {

	/**
	 * Cart hooks that change what a snapshot holds.
	 */
	private const CHANGE_HOOKS = array(
		'woocommerce_add_to_cart',
		'woocommerce_cart_item_removed',
		'woocommerce_cart_item_restored',
		'woocommerce_after_cart_item_quantity_update',
		'woocommerce_applied_coupon',
		'woocommerce_removed_coupon',
	);

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
	 * Whether the cart of a tracked browser changed since the last sync in this request.
	 *
	 * @var bool
	 */
	private $pending = false;

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
	 * Hooks the cart changes, the totals calculation that follows them, and a last chance at shutdown.
	 */
	public function register(): void {
		foreach ( self::CHANGE_HOOKS as $hook ) {
			// Before WooCommerce's own calculate_totals() on these hooks (priority 20).
			add_action( $hook, array( $this, 'handle_cart_change' ), 5, 0 );
		}
		// After WooCommerce has stored the cart in its session (priority 1000).
		add_action( 'woocommerce_after_calculate_totals', array( $this, 'handle_woocommerce_after_calculate_totals' ), 1010, 0 );
		// A change no totals calculation followed (rare) is still synced.
		add_action( 'shutdown', array( $this, 'handle_shutdown' ), 5, 0 );
	}

	/**
	 * Handler of every hook in CHANGE_HOOKS: notes the change when this browser is tracked.
	 */
	public function handle_cart_change(): void {
		if ( $this->pending || ! BrowserSession::is_tracking() ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only tells a restore-link request apart.
		if ( isset( $_GET[ QueryArgs::RESTORE ] ) ) {
			return;
		}
		$this->pending = true;
	}

	/**
	 * `woocommerce_after_calculate_totals`: syncs a noted change with fresh totals.
	 */
	public function handle_woocommerce_after_calculate_totals(): void {
		if ( $this->pending ) {
			$this->sync();
		}
	}

	/**
	 * `shutdown`: syncs a change that no totals calculation followed.
	 */
	public function handle_shutdown(): void {
		if ( $this->pending ) {
			$this->sync();
		}
	}

	/**
	 * Writes the cart onto the session this browser owns.
	 */
	private function sync(): void {
		$this->pending = false;
		if ( ! $this->settings->get( 'capture_enabled' ) ) {
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
		// Meta only, as a capture update: the pending abandonment check re-arms itself at the new boundary.
		$order->save_meta_data();
	}
}
