<?php
/**
 * Attributes paid orders to abandoned sessions: the recovery in "recovered revenue".
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Email\RecoveryLinks;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Offers\CouponGuard;

defined( 'ABSPATH' ) || exit;

/**
 * When a real order is paid (processing or completed), the abandoned session it recovers is found by the
 * strongest signal the order carries: its CartBay session id, then its restore token hash, then a CartBay
 * coupon on it, then its billing email hash. Only abandoned sessions count, never one completed before
 * abandonment; the email fallback, which links order and session by nothing but an address, also needs the
 * session to have been abandoned before the order was paid.
 *
 * One exception to "abandoned": the session this order's checkout was restored from, when a capture on
 * that restored checkout made it live again (captured) while the order was being placed. It was abandoned,
 * its link brought the shopper back, and this order is its recovery.
 *
 * Idempotent however many hooks fire: the order is marked with the session it was attributed to (and
 * never looked at again), and a recovered session is no longer abandoned. A short lock keeps two
 * concurrent requests (a gateway callback and the thank-you page) from attributing the same order twice.
 * WooCommerce CRUD only, so HPOS and legacy storage alike.
 */
final class RecoveryMatcher {

	/**
	 * Order statuses (without wc-) at which an order counts as bought.
	 */
	private const PAID_STATUSES = array( 'processing', 'completed' );

	/**
	 * Statuses a session found by a signal that links it to the order (id, token, coupon) may have; eligible()
	 * decides. The email fallback looks at abandoned sessions only.
	 */
	private const LINKED_STATUSES = array( OrderStatuses::ABANDONED, OrderStatuses::CAPTURED );

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * The recovery sequence (stopped on recovery).
	 *
	 * @var EmailSequenceService
	 */
	private $sequence;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository    $sessions Sessions.
	 * @param EmailSequenceService $sequence Recovery sequence.
	 */
	public function __construct( SessionRepository $sessions, EmailSequenceService $sequence ) {
		$this->sessions = $sessions;
		$this->sequence = $sequence;
	}

	/**
	 * Action `woocommerce_payment_complete`.
	 *
	 * @param int $order_id Order id.
	 */
	public function handle_payment_complete( $order_id ): void {
		$this->attribute( wc_get_order( absint( $order_id ) ) );
	}

	/**
	 * Action `woocommerce_order_status_changed`: only a move to processing or completed counts.
	 *
	 * @param int            $order_id Order id.
	 * @param string         $from     Previous status.
	 * @param string         $to       New status.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_order_status_changed( $order_id, $from, $to, $order = null ): void {
		unset( $from );
		if ( ! in_array( $to, self::PAID_STATUSES, true ) ) {
			return;
		}
		$this->attribute( $order instanceof \WC_Order ? $order : wc_get_order( absint( $order_id ) ) );
	}

	/**
	 * Attributes a paid order to the abandoned session it recovers, if any.
	 *
	 * @param mixed $order Order (anything else is ignored).
	 * @return \WC_Order|null The session marked recovered now, or null.
	 */
	public function attribute( $order ): ?\WC_Order {
		if ( ! $order instanceof \WC_Order || CARTBAY_CREATED_VIA === $order->get_created_via() || $this->already_attributed( $order ) ) {
			return null;
		}
		if ( ! JobLock::acquire( 'attribute|' . $order->get_id(), RecoverySchema::ATTRIBUTION_LOCK_SECONDS ) ) {
			return null;
		}
		try {
			$match = $this->match( $order );
			if ( null === $match ) {
				return null;
			}
			$this->record( $match[0], $order, $match[1] );
			return $match[0];
		} finally {
			JobLock::release( 'attribute|' . $order->get_id() );
		}
	}

	/**
	 * The session an order recovers and how it was found, by priority.
	 *
	 * @param \WC_Order $order Paid order.
	 * @return array{0: \WC_Order, 1: string}|null
	 */
	private function match( \WC_Order $order ): ?array {
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
			'email_hash'    => function () use ( $order ) {
				return $this->by_email( $order );
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
	 * @param \WC_Order $order Paid order.
	 */
	private function by_coupon( \WC_Order $order ): ?\WC_Order {
		foreach ( $order->get_coupon_codes() as $code ) {
			if ( ! wc_get_coupon_id_by_code( $code ) ) {
				continue;
			}
			$coupon = new \WC_Coupon( $code );
			if ( ! CouponGuard::is_cartbay_coupon( $coupon ) ) {
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
	 * The newest eligible abandoned session with the order's billing email.
	 *
	 * @param \WC_Order $order Paid order.
	 */
	private function by_email( \WC_Order $order ): ?\WC_Order {
		$email = (string) $order->get_billing_email();
		if ( '' === $email ) {
			return null;
		}
		$sessions = $this->sessions->find_by_email( $email, array( OrderStatuses::ABANDONED ), RecoverySchema::EMAIL_FALLBACK_CANDIDATES );
		$paid     = $order->get_date_paid() ?? $order->get_date_created();
		$paid_at  = $paid ? $paid->getTimestamp() : time();
		foreach ( $sessions as $session ) {
			// An address alone proves no link: the session must have been abandoned before this purchase.
			if ( $this->eligible( $session, $order ) && (int) $session->get_meta( MetaKeys::ABANDONED_AT ) <= $paid_at ) {
				return $session;
			}
		}
		return null;
	}

	/**
	 * Whether a session may be recovered by this order: a CartBay session never completed before
	 * abandonment, abandoned, or captured again by the checkout restored from it. (Order timestamps are not
	 * compared here: Block Checkout reuses a draft order created when the shopper first opened the checkout,
	 * possibly before the abandonment it now recovers.)
	 *
	 * @param \WC_Order $session Candidate session.
	 * @param \WC_Order $order   Paid order.
	 */
	private function eligible( \WC_Order $session, \WC_Order $order ): bool {
		if ( CARTBAY_CREATED_VIA !== $session->get_created_via() || '' !== (string) $session->get_meta( MetaKeys::COMPLETED_BEFORE_ABANDONMENT ) ) {
			return false;
		}
		$status = 'wc-' . $session->get_status();
		if ( OrderStatuses::ABANDONED === $status ) {
			return true;
		}
		$restored = (string) $order->get_meta( MetaKeys::RESTORED_SESSION_ID );
		return OrderStatuses::CAPTURED === $status
			&& (int) $session->get_meta( MetaKeys::ABANDONED_AT ) > 0
			&& '' !== $restored
			&& hash_equals( $restored, (string) $session->get_meta( MetaKeys::SESSION_ID ) );
	}

	/**
	 * Marks the session recovered by the order, and the order attributed.
	 *
	 * @param \WC_Order $session Abandoned session.
	 * @param \WC_Order $order   Paid order.
	 * @param string    $method  session_id, restore_token, coupon or email_hash.
	 */
	private function record( \WC_Order $session, \WC_Order $order, string $method ): void {
		$session->set_status( OrderStatuses::RECOVERED );
		$session->update_meta_data( MetaKeys::RECOVERED_AT, time() );
		$session->update_meta_data( MetaKeys::RECOVERED_ORDER_ID, $order->get_id() );
		$session->update_meta_data( MetaKeys::RECOVERED_REVENUE, wc_format_decimal( $order->get_total() ) );
		$session->update_meta_data( MetaKeys::RECOVERY_METHOD, $method );
		$this->sessions->add_event(
			$session,
			SessionEvents::RECOVERED,
			array(
				'order_id' => $order->get_id(),
				'method'   => $method,
			)
		);
		$this->sequence->stop( $session, 'recovered' );
		$notification_id = $this->restore_notification( $session, $order );
		if ( '' !== $notification_id ) {
			NotificationLog::annotate( $session, $notification_id, array( 'recovered_order_id' => $order->get_id() ) );
		}
		$this->sessions->save( $session );

		$order->update_meta_data( MetaKeys::ATTRIBUTED_SESSION_ID, (string) $session->get_meta( MetaKeys::SESSION_ID ) );
		$order->save();
	}

	/**
	 * The notification whose restore link led to the order: the one that carried the order's token, else the
	 * latest one whose link was clicked.
	 *
	 * @param \WC_Order $session Session.
	 * @param \WC_Order $order   Paid order.
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
	 * Whether the order was attributed before.
	 *
	 * @param \WC_Order $order Order.
	 */
	private function already_attributed( \WC_Order $order ): bool {
		return '' !== (string) $order->get_meta( MetaKeys::ATTRIBUTED_SESSION_ID );
	}
}
