<?php
/**
 * Coexistence with WooCommerce's own abandoned-cart recovery email.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps one shopper from getting recovery mail from both CartBay and WooCommerce.
 *
 * WooCommerce 11.0 shipped an experimental `customer_abandoned_cart_recovery` email, sent by the Action
 * Scheduler hook below two hours after an unpaid checkout order, and asks recovery plugins to stand it down
 * through a filter that carries no order. CartBay answers that filter only while WooCommerce is sending for
 * one order, and only when CartBay handles that shopper: the order's billing email has a CartBay session that
 * is captured, abandoned or recovered, or is on CartBay's suppression list (an unsubscribe holds for both).
 * Any other time (scheduling, a shop manager's manual send) it leaves WooCommerce's decision alone.
 * WooCommerce 11.1 removed the feature; where neither hook fires, nothing here runs.
 */
final class CoreRecoveryEmailGuard implements HookSubscriber {

	/**
	 * WooCommerce's Action Scheduler hook that sends its recovery email (receives the order id).
	 */
	private const SEND_HOOK = 'woocommerce_send_abandoned_cart_recovery_notification';

	/**
	 * Sessions in these statuses mean CartBay is (or was successfully) recovering the shopper's cart.
	 */
	private const HANDLING_STATUSES = array( OrderStatuses::CAPTURED, OrderStatuses::ABANDONED, OrderStatuses::RECOVERED );

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Suppression list.
	 *
	 * @var SuppressionList
	 */
	private $suppression;

	/**
	 * Whether the send in progress is held back (null: no send in progress).
	 *
	 * @var bool|null
	 */
	private $holding = null;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions    Sessions.
	 * @param SuppressionList   $suppression Suppression list.
	 */
	public function __construct( SessionRepository $sessions, SuppressionList $suppression ) {
		$this->sessions    = $sessions;
		$this->suppression = $suppression;
	}

	/**
	 * The hooks this service handles: the send hook before WooCommerce's own handler (priority 10), and
	 * WooCommerce's suppress filter.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			self::SEND_HOOK                                => array( 5, 1 ),
			'woocommerce_abandoned_cart_recovery_suppress' => array( 10, 1 ),
		);
	}

	/**
	 * The suppress filter is only CartBay's business during a send (nothing is built otherwise).
	 *
	 * @return bool
	 */
	public static function should_handle_woocommerce_abandoned_cart_recovery_suppress(): bool {
		return doing_action( self::SEND_HOOK );
	}

	/**
	 * Before WooCommerce sends its recovery email for an order: decides whether CartBay handles the shopper.
	 *
	 * @param mixed $order_id WooCommerce order id.
	 */
	public function handle_woocommerce_send_abandoned_cart_recovery_notification( $order_id ): void {
		$order         = is_numeric( $order_id ) ? wc_get_order( (int) $order_id ) : false;
		$this->holding = false;
		if ( ! $order instanceof \WC_Order || CARTBAY_CREATED_VIA === $order->get_created_via() ) {
			return;
		}
		$email   = (string) $order->get_billing_email();
		$session = '' === $email ? null : ( $this->sessions->find_by_email( $email, self::HANDLING_STATUSES, 1 )[0] ?? null );
		$handled = null !== $session || ( '' !== $email && $this->suppression->is_suppressed( $email ) );

		/**
		 * Filters whether WooCommerce's own abandoned-cart recovery email stands down for an unpaid order.
		 *
		 * @param bool      $handled True when CartBay handles this shopper's cart (a live or recovered session, or a suppressed email).
		 * @param \WC_Order $order   The unpaid order WooCommerce would email about.
		 */
		$this->holding = (bool) apply_filters( Hooks::CORE_RECOVERY_EMAIL_SUPPRESSED, $handled, $order );
		if ( $this->holding && $session instanceof \WC_Order ) {
			// The session timeline says why the shopper got no email from WooCommerce.
			$this->sessions->add_event( $session, SessionEvents::CORE_RECOVERY_EMAIL_SUPPRESSED, array( 'order_id' => $order->get_id() ) );
			$this->sessions->save( $session );
		}
	}

	/**
	 * WooCommerce's suppress filter, during a send: true when CartBay holds this send back.
	 *
	 * @param mixed $suppress WooCommerce's value so far.
	 * @return bool
	 */
	public function handle_woocommerce_abandoned_cart_recovery_suppress( $suppress ): bool {
		return (bool) $suppress || true === $this->holding;
	}
}
