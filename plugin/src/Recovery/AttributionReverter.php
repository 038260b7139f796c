<?php
/**
 * Takes an attribution back when its order's money goes back: cancelled, failed or refunded orders.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Logging\Logger;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Recovered and influenced revenue follow the order after it was attributed:
 *
 * - cancelled, failed or fully refunded: the attribution is undone. The session loses its attribution,
 *   revenue, method and order id, records `_cartbay_reverted_at` and a `recovery_reverted` event, and goes
 *   back to abandoned (suppressed when its email unsubscribed meanwhile) without restarting its emails. The
 *   order forgets its session, so a later real payment attributes it again.
 * - partially refunded: the revenue becomes the order total less everything refunded (`revenue_adjusted`);
 *   a refund deleted in the order screen raises it again the same way.
 *
 * Hooks (WooCommerce 10.0.2): `woocommerce_order_status_cancelled`, `_failed` and `_refunded` fire on every
 * move to those statuses, whoever makes it (admin, gateway, REST, a full refund: wc_create_refund() moves
 * the order to refunded); `woocommerce_order_refunded` fires after every refund, full or partial, once the
 * refund is saved (`woocommerce_order_partially_refunded` fires earlier, for partial ones only, so it adds
 * nothing); `woocommerce_refund_deleted` fires when the order screen deletes a refund. Every handler
 * recomputes from the order as stored, so repeated hooks change nothing after the first. Each change holds
 * the order's attribution lock and then the session's (the ones RecoveryMatcher takes), waiting a moment
 * for a concurrent attribution rather than losing the revert. WooCommerce CRUD only.
 */
final class AttributionReverter implements HookSubscriber {

	/**
	 * Microseconds between two tries for a held lock.
	 */
	private const LOCK_RETRY_MICROSECONDS = 100000;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Unsubscribed emails.
	 *
	 * @var SuppressionList
	 */
	private $suppression;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions    Sessions.
	 * @param SuppressionList   $suppression Unsubscribed emails.
	 */
	public function __construct( SessionRepository $sessions, SuppressionList $suppression ) {
		$this->sessions    = $sessions;
		$this->suppression = $suppression;
	}

	/**
	 * The hooks this service handles (see the class comment).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_order_status_cancelled' => array( 10, 2 ),
			'woocommerce_order_status_failed'    => array( 10, 2 ),
			'woocommerce_order_status_refunded'  => array( 10, 2 ),
			'woocommerce_order_refunded'         => array( 10, 2 ),
			'woocommerce_refund_deleted'         => array( 10, 2 ),
		);
	}

	/**
	 * Action `woocommerce_order_status_cancelled`.
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_woocommerce_order_status_cancelled( $order_id, $order = null ): void {
		$this->revert( $this->order( $order_id, $order ), 'cancelled' );
	}

	/**
	 * Action `woocommerce_order_status_failed`.
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_woocommerce_order_status_failed( $order_id, $order = null ): void {
		$this->revert( $this->order( $order_id, $order ), 'failed' );
	}

	/**
	 * Action `woocommerce_order_status_refunded`.
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order.
	 */
	public function handle_woocommerce_order_status_refunded( $order_id, $order = null ): void {
		$this->revert( $this->order( $order_id, $order ), 'refunded' );
	}

	/**
	 * Action `woocommerce_order_refunded`: a refund (full or partial) was saved.
	 *
	 * @param int $order_id  Order id.
	 * @param int $refund_id Refund id.
	 */
	public function handle_woocommerce_order_refunded( $order_id, $refund_id = 0 ): void {
		unset( $refund_id );
		$this->adjust( $this->order( $order_id, null ) );
	}

	/**
	 * Action `woocommerce_refund_deleted`: a refund was deleted from the order screen.
	 *
	 * @param int $refund_id Refund id.
	 * @param int $order_id  Order id.
	 */
	public function handle_woocommerce_refund_deleted( $refund_id, $order_id = 0 ): void {
		unset( $refund_id );
		$this->adjust( $this->order( $order_id, null ) );
	}

	/**
	 * Undoes the order's attribution.
	 *
	 * @param \WC_Order|null $order  Order.
	 * @param string         $reason Why: cancelled, failed or refunded.
	 */
	private function revert( ?\WC_Order $order, string $reason ): void {
		$this->with_order_lock(
			$order,
			function ( \WC_Order $order, string $session_id ) use ( $reason ) {
				$this->undo( $order, $session_id, $reason );
			}
		);
	}

	/**
	 * Brings the attributed revenue down (or back up) to the order total less its refunds; a refund down
	 * to nothing undoes the attribution.
	 *
	 * @param \WC_Order|null $order Order.
	 */
	private function adjust( ?\WC_Order $order ): void {
		$this->with_order_lock(
			$order,
			function ( \WC_Order $order, string $session_id ) {
				$revenue = RecoveryMatcher::net_revenue( $order );
				if ( (float) $order->get_total() > 0 && (float) $revenue <= 0 ) {
					$this->undo( $order, $session_id, 'refunded' );
					return;
				}
				$this->with_session_lock(
					$session_id,
					function ( \WC_Order $session ) use ( $order, $revenue ) {
						if ( ! $this->attributed_to( $session, $order ) ) {
							return;
						}
						$key      = RecoverySchema::ATTRIBUTION_INFLUENCED === (string) $session->get_meta( MetaKeys::ATTRIBUTION ) ? MetaKeys::INFLUENCED_REVENUE : MetaKeys::RECOVERED_REVENUE;
						$previous = (string) $session->get_meta( $key );
						if ( $previous === $revenue ) {
							return;
						}
						$session->update_meta_data( $key, $revenue );
						$this->sessions->add_event(
							$session,
							SessionEvents::REVENUE_ADJUSTED,
							array(
								'order_id' => $order->get_id(),
								'from'     => $previous,
								'to'       => $revenue,
							)
						);
						$this->sessions->save( $session );
					}
				);
			}
		);
	}

	/**
	 * Takes the attribution off the session (when it still names this order) and off the order.
	 *
	 * @param \WC_Order $order      Order (its lock held).
	 * @param string    $session_id Session it is attributed to.
	 * @param string    $reason     Why: cancelled, failed or refunded.
	 */
	private function undo( \WC_Order $order, string $session_id, string $reason ): void {
		$this->with_session_lock(
			$session_id,
			function ( \WC_Order $session ) use ( $order, $reason ) {
				if ( ! $this->attributed_to( $session, $order ) ) {
					return;
				}
				$previous = (string) $session->get_meta( MetaKeys::ATTRIBUTION );
				$method   = (string) $session->get_meta( MetaKeys::RECOVERY_METHOD );
				foreach ( array( MetaKeys::ATTRIBUTION, MetaKeys::RECOVERED_AT, MetaKeys::RECOVERED_ORDER_ID, MetaKeys::RECOVERED_REVENUE, MetaKeys::INFLUENCED_REVENUE, MetaKeys::RECOVERY_METHOD ) as $key ) {
					$session->delete_meta_data( $key );
				}
				$session->update_meta_data( MetaKeys::REVERTED_AT, time() );
				$this->sessions->add_event(
					$session,
					SessionEvents::RECOVERY_REVERTED,
					array(
						'order_id'    => $order->get_id(),
						'attribution' => $previous,
						'method'      => $method,
						'reason'      => $reason,
					)
				);
				// Abandoned again, as before the order, but its stopped emails stay stopped (nothing is
				// rescheduled). An email unsubscribed meanwhile keeps its session suppressed.
				$suppressed = $this->suppression->is_hash_suppressed( (string) $session->get_meta( MetaKeys::EMAIL_HASH ) );
				$session->set_status( $suppressed ? OrderStatuses::SUPPRESSED : OrderStatuses::ABANDONED );
				$this->sessions->save( $session );
			}
		);
		// Whatever the session says, the order no longer counts: a later real payment attributes it anew.
		$order->delete_meta_data( MetaKeys::ATTRIBUTED_SESSION_ID );
		$order->save();
	}

	/**
	 * Runs a change of an attributed order under its attribution lock, with its meta read fresh.
	 *
	 * @param \WC_Order|null                    $order  Order.
	 * @param callable(\WC_Order, string): void $change Gets the order and the session id it is attributed to.
	 */
	private function with_order_lock( ?\WC_Order $order, callable $change ): void {
		// Most orders were never attributed: nothing to lock for them.
		if ( null === $order || '' === (string) $order->get_meta( MetaKeys::ATTRIBUTED_SESSION_ID ) ) {
			return;
		}
		$lock = RecoveryMatcher::ORDER_LOCK . $order->get_id();
		if ( ! $this->acquire( $lock ) ) {
			Logger::warning( 'attribution.locked', array( 'order_id' => (int) $order->get_id() ) );
			return;
		}
		try {
			$order->read_meta_data( true );
			$session_id = (string) $order->get_meta( MetaKeys::ATTRIBUTED_SESSION_ID );
			if ( '' !== $session_id ) {
				$change( $order, $session_id );
			}
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * Runs a change of a session under its attribution lock, on a fresh read of it.
	 *
	 * @param string                    $session_id Session id.
	 * @param callable(\WC_Order): void $change     Gets the session.
	 */
	private function with_session_lock( string $session_id, callable $change ): void {
		$lock = RecoveryMatcher::SESSION_LOCK . $session_id;
		if ( ! $this->acquire( $lock ) ) {
			Logger::warning( 'attribution.session_locked' );
			return;
		}
		try {
			$session = $this->sessions->find( $session_id );
			if ( $session instanceof \WC_Order ) {
				$session->read_meta_data( true );
				$change( $session );
			}
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * Takes a lock, waiting up to RecoverySchema::ATTRIBUTION_LOCK_WAIT_SECONDS for a concurrent holder.
	 *
	 * @param string $lock Lock name.
	 * @return bool
	 */
	private function acquire( string $lock ): bool {
		$deadline = microtime( true ) + RecoverySchema::ATTRIBUTION_LOCK_WAIT_SECONDS;
		while ( ! JobLock::acquire( $lock, RecoverySchema::ATTRIBUTION_LOCK_SECONDS ) ) {
			if ( microtime( true ) >= $deadline ) {
				return false;
			}
			usleep( self::LOCK_RETRY_MICROSECONDS );
		}
		return true;
	}

	/**
	 * Whether the session's current attribution is this order's.
	 *
	 * @param \WC_Order $session Session.
	 * @param \WC_Order $order   Order.
	 * @return bool
	 */
	private function attributed_to( \WC_Order $session, \WC_Order $order ): bool {
		return CARTBAY_CREATED_VIA === $session->get_created_via()
			&& '' !== (string) $session->get_meta( MetaKeys::ATTRIBUTION )
			&& (int) $session->get_meta( MetaKeys::RECOVERED_ORDER_ID ) === $order->get_id();
	}

	/**
	 * The order a hook names, when it is a real shop order (not a CartBay session, not a refund).
	 *
	 * @param int            $order_id Order id.
	 * @param \WC_Order|null $order    Order passed by the hook.
	 * @return \WC_Order|null
	 */
	private function order( $order_id, $order ): ?\WC_Order {
		$order = $order instanceof \WC_Order ? $order : wc_get_order( absint( $order_id ) );
		return $order instanceof \WC_Order && CARTBAY_CREATED_VIA !== $order->get_created_via() ? $order : null;
	}
}
