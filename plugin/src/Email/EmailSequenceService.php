<?php
/**
 * Sending one recovery email step, behind the send guards.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Email;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Sends a step only while it is still wanted: the session exists, is still abandoned, and the step has not
 * been sent before.
 */
final class EmailSequenceService {

	/**
	 * How long a restore link works. Long enough to outlive the last step's coupon window.
	 */
	private const RESTORE_TOKEN_DAYS = 30;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionRepository $sessions ) {
		$this->sessions = $sessions;
	}

	/**
	 * Handler of `cartbay_send_recovery_email`.
	 *
	 * @param string $session_id CartBay session id.
	 * @param int    $step_index 1-based step number.
	 * @return bool Whether WordPress accepted the email.
	 */
	public function send_step( string $session_id, int $step_index ): bool {
		$order = $this->sessions->find( $session_id );
		if ( ! $order instanceof \WC_Order ) {
			return false;
		}
		if ( 'wc-' . $order->get_status() !== OrderStatuses::ABANDONED || $this->step_sent( $order, $step_index ) ) {
			return false;
		}
		$email = EmailClasses::for_step( $step_index );
		if ( ! $email instanceof AbstractCartBayRecoveryEmail ) {
			return false;
		}

		$sent = $email->trigger(
			array(
				'email'           => (string) $order->get_meta( MetaKeys::EMAIL ),
				'restore_url'     => $this->issue_link( $order, 'restore' ),
				'unsubscribe_url' => $this->issue_link( $order, 'unsubscribe' ),
				'coupon_code'     => (string) $order->get_meta( MetaKeys::COUPON_CODE ),
				'coupon_expiry'   => $this->coupon_expiry( $order ),
			)
		);
		$this->sessions->add_event(
			$order,
			$sent ? SessionEvents::EMAIL_SENT : SessionEvents::EMAIL_FAILED,
			array( 'step' => $step_index )
		);
		$this->sessions->save( $order );
		return $sent;
	}

	/**
	 * Whether a step was already sent to this session.
	 *
	 * @param \WC_Order $order      Session order.
	 * @param int       $step_index Step number.
	 */
	private function step_sent( \WC_Order $order, int $step_index ): bool {
		foreach ( SessionRepository::list_meta( $order, MetaKeys::EVENTS ) as $event ) {
			if ( is_array( $event ) && SessionEvents::EMAIL_SENT === ( $event['event'] ?? '' ) && $step_index === (int) ( $event['data']['step'] ?? 0 ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A fresh link with an opaque token; only the token's hash is stored on the session.
	 *
	 * @param \WC_Order $order Session order.
	 * @param string    $kind  `restore` or `unsubscribe`.
	 */
	private function issue_link( \WC_Order $order, string $kind ): string {
		$token = TokenHelper::generate();
		$hash  = TokenHelper::hash( $token );
		if ( 'restore' === $kind ) {
			$expires         = time() + self::RESTORE_TOKEN_DAYS * DAY_IN_SECONDS;
			$hashes          = SessionRepository::list_meta( $order, MetaKeys::TOKEN_HASHES );
			$hashes[ $hash ] = $expires;
			$order->update_meta_data( MetaKeys::TOKEN_HASHES, $hashes );
			$order->update_meta_data( MetaKeys::TOKEN_HASH, $hash );
			$order->update_meta_data( MetaKeys::TOKEN_EXPIRES_AT, $expires );
			return add_query_arg( QueryArgs::RESTORE, rawurlencode( $token ), home_url( '/' ) );
		}
		$order->update_meta_data( MetaKeys::UNSUB_TOKEN_HASH, $hash );
		return add_query_arg( QueryArgs::UNSUBSCRIBE, rawurlencode( $token ), home_url( '/' ) );
	}

	/**
	 * The session coupon's expiry as a localized date, or an empty string.
	 *
	 * @param \WC_Order $order Session order.
	 */
	private function coupon_expiry( \WC_Order $order ): string {
		$expires = (int) $order->get_meta( MetaKeys::COUPON_EXPIRES_AT );
		return $expires > 0 ? date_i18n( wc_date_format(), $expires ) : '';
	}
}
