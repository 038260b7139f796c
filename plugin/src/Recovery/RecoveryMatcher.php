<?php
/**
 * Attributes paid orders to abandoned sessions: the recovery in "recovered revenue".
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\CancelReasons;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Offers\RecoveryCoupon;

defined( 'ABSPATH' ) || exit;

/**
 * An order counts only once it is paid: when WooCommerce fires `woocommerce_payment_complete` for it (a
 * gateway took the money), or when it reaches completed (how cash on delivery, cheque and bank transfer
 * orders become paid: the shop marks them completed). A processing or on-hold order that never went
 * through payment complete is only placed: it stops the session's reminders and counts for nothing yet.
 *
 * The abandoned session a paid order belongs to is found by the strongest signal the order carries: its
 * CartBay session id, then its restore token hash, then a CartBay coupon on it; any of these means CartBay
 * brought the shopper back, and the session is `recovered` with the order's revenue. The billing email hash
 * alone proves no link: it counts only for an order paid within RecoverySchema::INFLUENCED_WINDOW_DAYS after
 * the session was abandoned (and not before), and only as `influenced`, its revenue kept apart from
 * recovered revenue and the session closed (expired), never recovered. Revenue is the order total less what
 * was refunded. Never a session completed before abandonment.
 *
 * One exception to "abandoned": the session this order's checkout was restored from, when a capture on
 * that restored checkout made it live again (captured) while the order was being placed. It was abandoned,
 * its link brought the shopper back, and this order is its recovery.
 *
 * Idempotent however many hooks fire: the order is marked with the session it was attributed to (and not
 * looked at again until AttributionReverter clears that mark), and an attributed session is no longer
 * abandoned. Locks on the order and on the session (JobLock) keep concurrent requests (a gateway callback
 * and the thank-you page, two orders of one email) from attributing twice. WooCommerce CRUD only, so HPOS
 * and posts storage alike.
 */
final class RecoveryMatcher implements HookSubscriber {

	/**
	 * Lock name prefix of an order's attribution (shared with AttributionReverter).
	 */
	public const ORDER_LOCK = 'attribute|';

	/**
	 * Lock name prefix of a session's attribution (shared with AttributionReverter).
	 */
	public const SESSION_LOCK = 'attribute-session|';

	/**
	 * Methods whose match proves CartBay brought the shopper back: recovered. The email hash only influenced.
	 */
	private const RECOVERED_METHODS = array( 'session_id', 'restore_token', 'coupon' );

	/**
	 * Statuses a session found by a signal that links it to the order (id, token, coupon) may have; eligible()
	 * decides. The email fallback looks at abandoned sessions only.
	 */
	private const LINKED_STATUSES = array( OrderStatuses::ABANDONED, OrderStatuses::CAPTURED );

	/**
	 * Order statuses (without wc-) that undo a payment: such an order is never attributed.
	 */
	private const VOID_STATUSES = array( 'cancelled', 'failed', 'refunded' );

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * The recovery sequence (stopped on recovery).
	 *
	 * @var RecoverySequence
	 */
	private $sequence;

	/**
	 * Ids of orders whose payment_complete() runs in this request: their move to processing is the payment
	 * itself, attributed by the `woocommerce_payment_complete` that follows, not a mere placement.
	 *
	 * @var array<int, true>
	 */
	private $paying = array();

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 * @param RecoverySequence  $sequence Recovery sequence.
	 */
	public function __construct( SessionRepository $sessions, RecoverySequence $sequence ) {
		$this->sessions = $sessions;
		$this->sequence = $sequence;
	}

	/**
	 * The hooks this service handles. Attribution counts paid orders only: payment complete, or completed
	 * (cash on delivery, cheque, bank transfer). Processing or on-hold without payment complete is a placed
	 * order: it only stops reminders.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_pre_payment_complete'    => array( 10, 1 ),
			'woocommerce_payment_complete'        => array( 10, 1 ),
			'woocommerce_order_status_completed'  => array( 10, 2 ),
			'woocommerce_order_status_processing' => array( 10, 2 ),
			'woocommerce_order_status_on-hold'    => array( 10, 2 ),
		);
	}

	/**
	 * Action `woocommerce_pre_payment_complete`: WooCommerce is about to mark the order paid.
	 *
	 * @param int $order_id Order id.
	 */
	public function handle_woocommerce_pre_payment_complete( $order_id ): void {
		$this->paying[ absint( $order_id ) ] = true;
	}

	/**
	 * Action `woocommerce_payment_complete`: the order is paid.
	 *
	 * @param int $order_id Order id.
	 */
	public function handle_woocommerce_payment_complete( $order_id ): void {
		$order_id = absint( $order_id );
		unset( $this->paying[ $order_id ] );
		$this->attribute( wc_get_order( $order_id ) );
	}

	/**
	 * Action `woocommerce_order_status_completed`: a completed order is paid, whatever its payment method.
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_woocommerce_order_status_completed( $order_id, $order = null ): void {
		$this->attribute( $order instanceof \WC_Order ? $order : wc_get_order( absint( $order_id ) ) );
	}

	/**
	 * Action `woocommerce_order_status_processing`: placed, and paid only if payment complete says so.
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_woocommerce_order_status_processing( $order_id, $order = null ): void {
		$this->placed( $order instanceof \WC_Order ? $order : wc_get_order( absint( $order_id ) ) );
	}

	/**
	 * Action `woocommerce_order_status_on-hold`: placed, awaiting payment (cheque, bank transfer).
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_woocommerce_order_status_on_hold( $order_id, $order = null ): void {
		$this->placed( $order instanceof \WC_Order ? $order : wc_get_order( absint( $order_id ) ) );
	}

	/**
	 * Attributes a paid order to the abandoned session it recovers or influenced, if any.
	 *
	 * @param mixed $order Paid order (anything else is ignored).
	 * @return \WC_Order|null The session attributed now, or null.
	 */
	public function attribute( $order ): ?\WC_Order {
		if ( ! $this->is_shop_order( $order ) || $this->already_attributed( $order ) ) {
			return null;
		}
		$lock = self::ORDER_LOCK . $order->get_id();
		if ( ! JobLock::acquire( $lock, RecoverySchema::ATTRIBUTION_LOCK_SECONDS ) ) {
			return null;
		}
		try {
			// Another request may have attributed the order between the check above and the lock.
			$order->read_meta_data( true );
			if ( $this->already_attributed( $order ) || self::is_void( $order ) ) {
				return null;
			}
			$match = $this->match( $order, self::paid_at( $order ) );
			if ( null === $match ) {
				return null;
			}
			return $this->record( $match[0], $order, $match[1] ) ? $match[0] : null;
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * What an attributed order is worth: its total less what was refunded, never below zero.
	 *
	 * @param \WC_Order $order Order.
	 * @return string
	 */
	public static function net_revenue( \WC_Order $order ): string {
		$net = (float) $order->get_total() - (float) $order->get_total_refunded();
		return wc_format_decimal( max( 0.0, $net ), wc_get_price_decimals() );
	}

	/**
	 * A placed order that is not paid (cash on delivery, cheque, bank transfer): the session it matches gets
	 * no more reminders, but stays abandoned and unattributed until the order is paid.
	 *
	 * @param mixed $order Order.
	 */
	private function placed( $order ): void {
		if ( ! $this->is_shop_order( $order ) || isset( $this->paying[ $order->get_id() ] ) || $this->already_attributed( $order ) ) {
			return;
		}
		$placed = $order->get_date_paid() ?? $order->get_date_created();
		$match  = $this->match( $order, $placed ? $placed->getTimestamp() : time() );
		if ( null === $match || ! $this->has_pending_sends( $match[0] ) ) {
			return;
		}
		$this->sequence->stop( $match[0], CancelReasons::ORDER_PLACED );
		$this->sessions->save( $match[0] );
	}

	/**
	 * The session an order recovers (or influenced) and how it was found, by priority.
	 *
	 * @param \WC_Order $order   Order.
	 * @param int       $paid_at When the order was paid (placed, for an unpaid one), Unix time.
	 * @return array{0: \WC_Order, 1: string}|null
	 */
	private function match( \WC_Order $order, int $paid_at ): ?array {
		$candidates = array(
			'session_id'    => function () use ( $order ) {
				return $this->sessions->find( (string) $order->get_meta( MetaKeys::SESSION_ID ), self::LINKED_STATUSES );
			},
			'restore_token' => function () use ( $order ) {
				return $this->sessions->find_by_token_hash( MetaKeys::TOKEN_HASH, (string) $order->get_meta( MetaKeys::RESTORE_TOKEN_HASH ), self::LINKED_STATUSES );
			},
			'coupon'        => function () use ( $order ) {
				return $this->by_coupon( $order );
			},
			'email_hash'    => function () use ( $order, $paid_at ) {
				return $this->by_email( $order, $paid_at );
			},
		);
		foreach ( $candidates as $method => $find ) {
			$session = $find();
			if ( $session instanceof \WC_Order && $this->eligible( $session, $order ) ) {
				return array( $session, $method );
			}
		}
		return null;
	}

	/**
	 * The abandoned session of a CartBay coupon used on the order.
	 *
	 * @param \WC_Order $order Order.
	 * @return \WC_Order|null
	 */
	private function by_coupon( \WC_Order $order ): ?\WC_Order {
		foreach ( $order->get_coupon_codes() as $code ) {
			if ( ! wc_get_coupon_id_by_code( $code ) ) {
				continue;
			}
			$coupon = new \WC_Coupon( $code );
			if ( ! RecoveryCoupon::is_cartbay_coupon( $coupon ) ) {
				continue;
			}
			$session = $this->sessions->find( (string) $coupon->get_meta( MetaKeys::SESSION_ID ), self::LINKED_STATUSES );
			if ( $session instanceof \WC_Order && $this->eligible( $session, $order ) ) {
				return $session;
			}
		}
		return null;
	}

	/**
	 * The newest eligible abandoned session with the order's billing email, abandoned before the order was
	 * paid and at most RecoverySchema::INFLUENCED_WINDOW_DAYS before.
	 *
	 * @param \WC_Order $order   Order.
	 * @param int       $paid_at When the order was paid, Unix time.
	 * @return \WC_Order|null
	 */
	private function by_email( \WC_Order $order, int $paid_at ): ?\WC_Order {
		$email = (string) $order->get_billing_email();
		if ( '' === $email ) {
			return null;
		}
		$window   = RecoverySchema::INFLUENCED_WINDOW_DAYS * DAY_IN_SECONDS;
		$sessions = $this->sessions->find_by_email( $email, array( OrderStatuses::ABANDONED ), RecoverySchema::EMAIL_FALLBACK_CANDIDATES );
		foreach ( $sessions as $session ) {
			$abandoned_at = (int) $session->get_meta( MetaKeys::ABANDONED_AT );
			// An address alone proves no link: only a purchase soon after this abandonment may have followed it.
			if ( $abandoned_at > 0 && $abandoned_at <= $paid_at && $paid_at - $abandoned_at <= $window && $this->eligible( $session, $order ) ) {
				return $session;
			}
		}
		return null;
	}

	/**
	 * Whether a session may be attributed to this order: a CartBay session never completed before
	 * abandonment, abandoned, or captured again by the checkout restored from it. (Order timestamps are not
	 * compared here: Block Checkout reuses a draft order created when the shopper first opened the checkout,
	 * possibly before the abandonment it now recovers.)
	 *
	 * @param \WC_Order $session Candidate session.
	 * @param \WC_Order $order   Order.
	 * @return bool
	 */
	private function eligible( \WC_Order $session, \WC_Order $order ): bool {
		if ( CARTBAY_CREATED_VIA !== $session->get_created_via() || '' !== (string) $session->get_meta( MetaKeys::COMPLETED_BEFORE_ABANDONMENT ) ) {
			return false;
		}
		if ( OrderStatuses::is( $session, OrderStatuses::ABANDONED ) ) {
			return true;
		}
		$restored = (string) $order->get_meta( MetaKeys::RESTORED_SESSION_ID );
		return OrderStatuses::is( $session, OrderStatuses::CAPTURED )
			&& (int) $session->get_meta( MetaKeys::ABANDONED_AT ) > 0
			&& '' !== $restored
			&& hash_equals( $restored, (string) $session->get_meta( MetaKeys::SESSION_ID ) );
	}

	/**
	 * Records the attribution on the session (recovered or influenced) and marks the order attributed.
	 *
	 * @param \WC_Order $session Matched session.
	 * @param \WC_Order $order   Paid order.
	 * @param string    $method  How it matched: session_id, restore_token, coupon or email_hash.
	 * @return bool Whether the session was still free to attribute.
	 */
	private function record( \WC_Order $session, \WC_Order $order, string $method ): bool {
		$session_id = (string) $session->get_meta( MetaKeys::SESSION_ID );
		$lock       = self::SESSION_LOCK . $session_id;
		if ( ! JobLock::acquire( $lock, RecoverySchema::ATTRIBUTION_LOCK_SECONDS ) ) {
			return false;
		}
		try {
			// Read again under the lock: another order may have taken the session meanwhile (its status is
			// part of the query, so a session attributed elsewhere is not found).
			$session = $this->sessions->find( $session_id, self::LINKED_STATUSES );
			if ( ! $session instanceof \WC_Order || ! $this->eligible( $session, $order ) ) {
				return false;
			}
			$recovered = in_array( $method, self::RECOVERED_METHODS, true );
			$revenue   = self::net_revenue( $order );
			$session->update_meta_data( MetaKeys::RECOVERED_ORDER_ID, $order->get_id() );
			$session->update_meta_data( MetaKeys::RECOVERY_METHOD, $method );
			$session->delete_meta_data( MetaKeys::REVERTED_AT );
			$context = array(
				'order_id' => $order->get_id(),
				'method'   => $method,
				'revenue'  => $revenue,
			);
			if ( $recovered ) {
				$session->set_status( OrderStatuses::RECOVERED );
				$session->update_meta_data( MetaKeys::ATTRIBUTION, RecoverySchema::ATTRIBUTION_RECOVERED );
				$session->update_meta_data( MetaKeys::RECOVERED_AT, time() );
				$session->update_meta_data( MetaKeys::RECOVERED_REVENUE, $revenue );
				$session->delete_meta_data( MetaKeys::INFLUENCED_REVENUE );
				$this->sessions->add_event( $session, SessionEvents::RECOVERED, $context );
				$this->sequence->stop( $session, CancelReasons::RECOVERED );
				$notification_id = $this->restore_notification( $session, $order );
				if ( '' !== $notification_id ) {
					NotificationLog::annotate( $session, $notification_id, array( 'recovered_order_id' => $order->get_id() ) );
				}
			} else {
				// Closed (no more reminders, no second match), but never the recovered status.
				$session->set_status( OrderStatuses::EXPIRED );
				$session->update_meta_data( MetaKeys::ATTRIBUTION, RecoverySchema::ATTRIBUTION_INFLUENCED );
				$session->update_meta_data( MetaKeys::INFLUENCED_REVENUE, $revenue );
				$session->delete_meta_data( MetaKeys::RECOVERED_REVENUE );
				$session->delete_meta_data( MetaKeys::RECOVERED_AT );
				$this->sessions->add_event( $session, SessionEvents::INFLUENCED, $context );
				$this->sequence->stop( $session, CancelReasons::INFLUENCED );
			}
			$this->sessions->save( $session );

			$order->update_meta_data( MetaKeys::ATTRIBUTED_SESSION_ID, $session_id );
			$order->save();
			return true;
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * The notification whose restore link led to the order: the one that carried the order's token, else the
	 * latest one whose link was clicked.
	 *
	 * @param \WC_Order $session Session.
	 * @param \WC_Order $order   Paid order.
	 * @return string
	 */
	private function restore_notification( \WC_Order $session, \WC_Order $order ): string {
		$hash  = (string) $order->get_meta( MetaKeys::RESTORE_TOKEN_HASH );
		$grant = '' === $hash ? null : RecoveryLinks::restore_grant( $session, $hash );
		if ( null !== $grant && '' !== $grant['notification_id'] ) {
			return $grant['notification_id'];
		}
		$latest  = '';
		$clicked = 0;
		foreach ( NotificationLog::all( $session ) as $id => $record ) {
			$at = is_array( $record ) ? (int) ( $record['restore_clicked_at'] ?? 0 ) : 0;
			if ( $at > $clicked ) {
				$latest  = (string) $id;
				$clicked = $at;
			}
		}
		return $latest;
	}

	/**
	 * When the order was paid: WooCommerce's paid date (set by payment complete, or when the order first
	 * reached processing or completed), else its completion, else now.
	 *
	 * @param \WC_Order $order Paid order.
	 * @return int
	 */
	private static function paid_at( \WC_Order $order ): int {
		$paid = $order->get_date_paid() ?? $order->get_date_completed();
		return $paid ? $paid->getTimestamp() : time();
	}

	/**
	 * Whether the order's payment was undone: cancelled, failed, refunded, or refunded down to nothing.
	 *
	 * @param \WC_Order $order Order.
	 * @return bool
	 */
	private static function is_void( \WC_Order $order ): bool {
		if ( $order->has_status( self::VOID_STATUSES ) ) {
			return true;
		}
		return (float) $order->get_total() > 0 && (float) self::net_revenue( $order ) <= 0;
	}

	/**
	 * Whether the session still has a recovery email waiting.
	 *
	 * @param \WC_Order $session Session.
	 * @return bool
	 */
	private function has_pending_sends( \WC_Order $session ): bool {
		foreach ( NotificationLog::all( $session ) as $record ) {
			if ( NotificationLog::is_pending( is_array( $record ) ? $record : null ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether this is a real shop order (not a refund, not a CartBay session).
	 *
	 * @param mixed $order Anything.
	 * @return bool
	 * @phpstan-assert-if-true \WC_Order $order
	 */
	private function is_shop_order( $order ): bool {
		return $order instanceof \WC_Order && CARTBAY_CREATED_VIA !== $order->get_created_via();
	}

	/**
	 * Whether the order is attributed to a session now.
	 *
	 * @param \WC_Order $order Order.
	 * @return bool
	 */
	private function already_attributed( \WC_Order $order ): bool {
		return '' !== (string) $order->get_meta( MetaKeys::ATTRIBUTED_SESSION_ID );
	}
}
