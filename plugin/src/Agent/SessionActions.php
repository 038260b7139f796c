<?php
/**
 * The agent session actions, each with its preconditions.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\EmailRegistry;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Generated\CancelReasons;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\NotificationStates;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;
use WPAnchorBay\CartBay\Reports\SessionRow;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Runs `mark_abandoned_now`, `cancel_pending_emails`, `send_email_step_now`, `expire_session` and
 * `delete_session` on one CartBay session (found by its session id among CartBay's statuses, created by
 * CartBay: never another order). A precondition that does not hold refuses the action with
 * `cartbay_agent_action_refused` and a reason (AgentSchema::refusal_message()); nothing changes then.
 * Who may run which action is decided before (PermissionService).
 */
final class SessionActions {

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Abandonment.
	 *
	 * @var AbandonmentScheduler
	 */
	private $abandonment;

	/**
	 * Recovery emails.
	 *
	 * @var EmailSequenceService
	 */
	private $emails;

	/**
	 * Suppression list.
	 *
	 * @var SuppressionList
	 */
	private $suppressions;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository    $sessions     Sessions.
	 * @param AbandonmentScheduler $abandonment  Abandonment.
	 * @param EmailSequenceService $emails       Recovery emails.
	 * @param SuppressionList      $suppressions Suppression list.
	 */
	public function __construct( SessionRepository $sessions, AbandonmentScheduler $abandonment, EmailSequenceService $emails, SuppressionList $suppressions ) {
		$this->sessions     = $sessions;
		$this->abandonment  = $abandonment;
		$this->emails       = $emails;
		$this->suppressions = $suppressions;
	}

	/**
	 * The CartBay session with this id, or null.
	 *
	 * @param string $session_id Session id.
	 * @return \WC_Order|null
	 */
	public function find( string $session_id ): ?\WC_Order {
		$order = 1 === preg_match( '/^[A-Za-z0-9]{32}$/', $session_id ) ? $this->sessions->find( $session_id ) : null;
		return $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ? $order : null;
	}

	/**
	 * Runs an action.
	 *
	 * @param \WC_Order            $order     Session order.
	 * @param string               $action    Action (AgentSchema::SESSION_ACTIONS key).
	 * @param array<string, mixed> $input     Input (`step`, `resend`).
	 * @param Principal            $principal Who runs it (named in the session's event).
	 * @return array<string, mixed>|\WP_Error What it did.
	 */
	public function run( \WC_Order $order, string $action, array $input, Principal $principal ) {
		switch ( $action ) {
			case 'mark_abandoned_now':
				$result = $this->mark_abandoned_now( $order );
				break;
			case 'cancel_pending_emails':
				$result = $this->cancel_pending_emails( $order );
				break;
			case 'send_email_step_now':
				// The Abilities API validates without coercing: "false" must stay false.
				$result = $this->send_email_step_now( $order, (int) ( $input['step'] ?? 0 ), rest_sanitize_boolean( $input['resend'] ?? false ) );
				break;
			case 'expire_session':
				$result = $this->expire_session( $order );
				break;
			case 'delete_session':
				$result = $this->delete_session( $order );
				break;
			default:
				$result = self::refused( 'step_unknown' );
		}
		if ( ! is_wp_error( $result ) && 'delete_session' !== $action ) {
			$fresh = $this->find( (string) $order->get_meta( MetaKeys::SESSION_ID ) );
			if ( $fresh instanceof \WC_Order ) {
				$this->sessions->add_event(
					$fresh,
					SessionEvents::AGENT_ACTION,
					array(
						'action'    => $action,
						'principal' => $principal->label(),
					)
				);
				$this->sessions->save( $fresh );
				$result['status'] = SessionRow::status_key( $fresh );
			}
		}
		return $result;
	}

	/**
	 * A captured session becomes abandoned now (its recovery emails are queued).
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function mark_abandoned_now( \WC_Order $order ) {
		if ( ! $this->abandonment->abandon_now( $order ) ) {
			return self::refused( 'not_captured' );
		}
		return array( 'abandoned' => true );
	}

	/**
	 * Cancels the session's pending notifications and their send jobs, while none is being sent (idempotent:
	 * none left is fine). The abandonment check of a captured session stays: cancelling emails is not
	 * stopping the session.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function cancel_pending_emails( \WC_Order $order ) {
		$canceled = 0;
		$done     = $this->emails->while_not_sending(
			(string) $order->get_meta( MetaKeys::SESSION_ID ),
			function ( \WC_Order $fresh ) use ( &$canceled ) {
				$this->sessions->cancel_send_jobs( (string) $fresh->get_meta( MetaKeys::SESSION_ID ) );
				$canceled = NotificationLog::cancel_pending( $fresh, CancelReasons::AGENT );
				$this->sessions->save( $fresh );
			}
		);
		return $done ? array( 'canceled' => $canceled ) : self::refused( 'busy' );
	}

	/**
	 * Sends one step now: only to an abandoned, unrecovered, unsuppressed session that carries the sequence,
	 * an enabled step, not already sent unless `resend`.
	 *
	 * @param \WC_Order $order  Session order.
	 * @param int       $step   Step number.
	 * @param bool      $resend Send a step that was sent before.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function send_email_step_now( \WC_Order $order, int $step, bool $resend ) {
		$email = EmailRegistry::for_step( $step );
		$sent  = NotificationLog::is_sent( NotificationLog::for_step( $order, $step ) );
		$why   = '';
		// Checked here for a clear reason; send_now() checks again under the step's lock.
		if ( absint( $order->get_meta( MetaKeys::RECOVERED_ORDER_ID ) ) > 0 || OrderStatuses::is( $order, OrderStatuses::RECOVERED ) ) {
			$why = 'recovered';
		} elseif ( ! OrderStatuses::is( $order, OrderStatuses::ABANDONED ) ) {
			$why = 'not_abandoned';
		} elseif ( $this->suppressions->is_suppressed( (string) $order->get_meta( MetaKeys::EMAIL ) ) ) {
			$why = 'suppressed';
		} elseif ( '' !== (string) $order->get_meta( MetaKeys::SUPERSEDED_BY ) ) {
			$why = 'superseded';
		} elseif ( null === $email ) {
			$why = 'step_unknown';
		} elseif ( ! $email->is_enabled() ) {
			$why = 'step_disabled';
		} elseif ( $sent && ! $resend ) {
			$why = 'step_already_sent';
		}
		if ( '' !== $why ) {
			return self::refused( $why, array( 'step' => $step ) );
		}
		$outcome = $this->emails->send_now( (string) $order->get_meta( MetaKeys::SESSION_ID ), $step, $resend );
		if ( '' === $outcome ) {
			return array(
				'sent' => true,
				'step' => $step,
			);
		}
		$reasons = array(
			'busy'                          => 'busy',
			'gone'                          => 'busy',
			'already_sent'                  => 'step_already_sent',
			NotificationStates::FAILED      => 'send_failed',
			CancelReasons::SENDING_DISABLED => 'sending_disabled',
			CancelReasons::SUPPRESSED       => 'suppressed',
			CancelReasons::SUPERSEDED       => 'superseded',
			CancelReasons::EMAIL_DISABLED   => 'step_disabled',
		);
		return self::refused( $reasons[ $outcome ] ?? 'not_abandoned', array( 'step' => $step ) );
	}

	/**
	 * Expires a session that is not recovered: its pending emails are canceled, its jobs dropped, and its
	 * restore links stop working (restore serves abandoned sessions only; unsubscribe keeps working).
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function expire_session( \WC_Order $order ) {
		if ( OrderStatuses::is( $order, OrderStatuses::EXPIRED ) ) {
			return self::refused( 'already_expired' );
		}
		if ( OrderStatuses::is( $order, OrderStatuses::RECOVERED ) ) {
			return self::refused( 'recovered' );
		}
		$done = $this->emails->while_not_sending(
			(string) $order->get_meta( MetaKeys::SESSION_ID ),
			function ( \WC_Order $fresh ) {
				$this->emails->stop( $fresh, CancelReasons::SESSION_STATUS_PREFIX . substr( OrderStatuses::EXPIRED, 3 ) );
				$this->sessions->add_event( $fresh, SessionEvents::EXPIRED );
				$fresh->set_status( OrderStatuses::EXPIRED );
				$this->sessions->save( $fresh );
			}
		);
		return $done ? array( 'expired' => true ) : self::refused( 'busy' );
	}

	/**
	 * Deletes the session the way retention does (analytics keep what it counted).
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function delete_session( \WC_Order $order ) {
		$deleted = false;
		$this->emails->while_not_sending(
			(string) $order->get_meta( MetaKeys::SESSION_ID ),
			function ( \WC_Order $fresh ) use ( &$deleted ) {
				$deleted = $this->sessions->delete_session( $fresh );
			}
		);
		return $deleted ? array( 'deleted' => true ) : self::refused( 'busy' );
	}

	/**
	 * A refusal.
	 *
	 * @param string               $reason Reason key.
	 * @param array<string, mixed> $data   Details.
	 * @return \WP_Error
	 */
	private static function refused( string $reason, array $data = array() ): \WP_Error {
		return PermissionService::error(
			'action_refused',
			array(
				'reason' => $reason,
				'detail' => AgentSchema::refusal_message( $reason ),
			) + $data
		);
	}
}
