<?php
/**
 * The three-email recovery sequence: scheduling at abandonment, guarded sends, retries and stopping.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Email;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\CancelReasons;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\NotificationStates;
use WPAnchorBay\CartBay\Generated\NotificationTriggers;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Generated\StepTiming;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Logging\Logger;
use WPAnchorBay\CartBay\Notifications\MailOutcome;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Offers\CouponIssuer;
use WPAnchorBay\CartBay\Recovery\RecoveryLinks;
use WPAnchorBay\CartBay\Recovery\RecoverySequence;
use WPAnchorBay\CartBay\Settings\SettingsRepository;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Sends each step exactly once, at its time, and only while it is still wanted: the session exists, is
 * still abandoned, no newer session of its email has superseded it, its email is not suppressed, sending
 * is on, and the step has not been sent.
 */
final class EmailSequenceService implements RecoverySequence {

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Suppressed emails.
	 *
	 * @var SuppressionList
	 */
	private $suppressions;

	/**
	 * Recovery coupons.
	 *
	 * @var CouponIssuer
	 */
	private $coupons;

	/**
	 * Mail outcome tracking.
	 *
	 * @var MailOutcome
	 */
	private $outcomes;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository  $sessions     Sessions.
	 * @param SettingsRepository $settings     Settings.
	 * @param SuppressionList    $suppressions Suppressed emails.
	 * @param CouponIssuer       $coupons      Recovery coupons.
	 * @param MailOutcome        $outcomes     Mail outcome tracking.
	 */
	public function __construct( SessionRepository $sessions, SettingsRepository $settings, SuppressionList $suppressions, CouponIssuer $coupons, MailOutcome $outcomes ) {
		$this->sessions     = $sessions;
		$this->settings     = $settings;
		$this->suppressions = $suppressions;
		$this->coupons      = $coupons;
		$this->outcomes     = $outcomes;
	}

	/**
	 * Seconds after abandonment of each step, in step order (Test Mode divides the delays).
	 *
	 * @return array<int, int> Step number → seconds.
	 */
	public function step_offsets(): array {
		return StepTiming::send_offsets( $this->settings->get_campaign()[ SettingsKeys::CAMPAIGN_STEPS ], (bool) $this->settings->get( SettingsKeys::TEST_MODE ) );
	}

	/**
	 * Schedules the sequence of a session that just became abandoned: one job and one queued notification
	 * per step not yet sent or queued. Does nothing when sending is off. Changes the session
	 * in memory: the caller saves, then calls supersede_older() (see there).
	 *
	 * A session an older sequence had superseded takes the sequence back: its abandonment is now the newest.
	 *
	 * @param \WC_Order $order Session order (abandoned).
	 * @return int Steps scheduled.
	 */
	public function start( \WC_Order $order ): int {
		if ( ! $this->settings->get_campaign()[ SettingsKeys::CAMPAIGN_ENABLED ] ) {
			return 0;
		}
		$session_id   = (string) $order->get_meta( MetaKeys::SESSION_ID );
		$abandoned_at = (int) $order->get_meta( MetaKeys::ABANDONED_AT );
		$abandoned_at = $abandoned_at > 0 ? $abandoned_at : time();
		$scheduled    = 0;
		$order->delete_meta_data( MetaKeys::SUPERSEDED_BY );
		foreach ( $this->step_offsets() as $step => $offset ) {
			// A step already sent (before the shopper came back) or already queued is not queued again.
			$record = NotificationLog::for_step( $order, $step );
			if ( null === EmailRegistry::for_step( $step ) || NotificationLog::is_sent( $record ) || NotificationLog::is_pending( $record ) ) {
				continue;
			}
			// No pending record means no pending job for the step: no need to ask Action Scheduler first.
			$this->schedule( $order, $session_id, $step, $abandoned_at + $offset, NotificationTriggers::ABANDONMENT, false );
			++$scheduled;
		}
		return $scheduled;
	}

	/**
	 * Keeps at most RecoverySchema::SEQUENCES_IN_FLIGHT_PER_EMAIL recovery sequences in flight per email
	 * hash: of the abandoned sessions of this session's email that have pending sends (only abandoned ones
	 * can send), the newest abandonments keep them and every other one is superseded (unsent steps canceled with reason `superseded`, send jobs
	 * unscheduled, `_cartbay_superseded_by`, event `superseded`). Steps already sent stay sent, and a
	 * superseded session stays abandoned, so the links of the emails it already sent keep working.
	 *
	 * "Newest" is the latest abandonment, then the latest activity, then the later session: a total order,
	 * so two runners abandoning two sessions of one email at the same moment pick the same winner. Called
	 * after the session was saved, so each of those runners also sees the other's session.
	 *
	 * @param \WC_Order $order Session that just became abandoned (saved).
	 * @return int Sessions superseded.
	 */
	public function supersede_older( \WC_Order $order ): int {
		$email_hash = (string) $order->get_meta( MetaKeys::EMAIL_HASH );
		if ( '' === $email_hash || ! $this->has_pending( $order ) ) {
			return 0; // No sequence of its own in flight: nothing to take over.
		}
		$in_flight = array( $order );
		foreach ( $this->sessions->find_unsuperseded_by_email_hash( $email_hash, (int) $order->get_id() ) as $other ) {
			if ( $this->has_pending( $other ) ) {
				$in_flight[] = $other;
			}
		}
		if ( count( $in_flight ) <= RecoverySchema::SEQUENCES_IN_FLIGHT_PER_EMAIL ) {
			return 0;
		}
		usort( $in_flight, static fn ( \WC_Order $a, \WC_Order $b ) => self::recency( $b ) <=> self::recency( $a ) );
		$kept   = array_slice( $in_flight, 0, RecoverySchema::SEQUENCES_IN_FLIGHT_PER_EMAIL );
		$winner = in_array( $order, $kept, true ) ? $order : $kept[0];
		$by     = (string) $winner->get_meta( MetaKeys::SESSION_ID );
		$losers = array_slice( $in_flight, RecoverySchema::SEQUENCES_IN_FLIGHT_PER_EMAIL );
		foreach ( $losers as $loser ) {
			$this->supersede( $loser, $by );
		}
		return count( $losers );
	}

	/**
	 * How recent a session's abandonment is, as a sortable key.
	 *
	 * @param \WC_Order $order Session order.
	 * @return int[] Abandoned at, last activity at, order id.
	 */
	private static function recency( \WC_Order $order ): array {
		return array( (int) $order->get_meta( MetaKeys::ABANDONED_AT ), (int) $order->get_meta( MetaKeys::LAST_ACTIVITY_AT ), (int) $order->get_id() );
	}

	/**
	 * Whether a session has a notification that still expects work.
	 *
	 * @param \WC_Order $order Session order.
	 * @return bool
	 */
	private function has_pending( \WC_Order $order ): bool {
		foreach ( NotificationLog::all( $order ) as $record ) {
			if ( is_array( $record ) && NotificationLog::is_pending( $record ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Supersedes one session's sequence: under each pending step's send lock, so no send of that step runs
	 * meanwhile, its unsent steps are canceled and its send jobs unscheduled. A step whose send is running
	 * right now is left to finish (it is sent or fails as usual); the send guard refuses anything after it.
	 *
	 * @param \WC_Order $order Session order to supersede.
	 * @param string    $by    Session id of the newer session.
	 */
	private function supersede( \WC_Order $order, string $by ): void {
		$session_id = (string) $order->get_meta( MetaKeys::SESSION_ID );
		$locks      = array();
		foreach ( NotificationLog::all( $order ) as $record ) {
			$step = is_array( $record ) ? (int) ( $record['step'] ?? 0 ) : 0;
			if ( $step > 0 && ! isset( $locks[ $step ] ) && NotificationLog::is_pending( $record ) && JobLock::acquire( self::step_lock( $session_id, $step ) ) ) {
				$locks[ $step ] = self::step_lock( $session_id, $step );
			}
		}
		try {
			// Read again under the locks: a send that finished since the lookup keeps its outcome.
			$order->read_meta_data( true );
			$canceled = array();
			foreach ( NotificationLog::all( $order ) as $id => $record ) {
				$step = is_array( $record ) ? (int) ( $record['step'] ?? 0 ) : 0;
				if ( isset( $locks[ $step ] ) && NotificationLog::is_pending( $record ) ) {
					NotificationLog::transition( $order, (string) $id, NotificationStates::CANCELED, array( 'cancel_reason' => CancelReasons::SUPERSEDED ) );
					$canceled[] = $step;
				}
			}
			$order->update_meta_data( MetaKeys::SUPERSEDED_BY, $by );
			$this->sessions->add_event(
				$order,
				SessionEvents::SUPERSEDED,
				array(
					'by'    => $by,
					'steps' => $canceled,
				)
			);
			// Meta only: the status is not this change's business (another request may be recovering the session).
			$order->save_meta_data();
			$this->sessions->cancel_send_jobs( $session_id );
		} finally {
			foreach ( $locks as $lock ) {
				JobLock::release( $lock );
			}
		}
	}

	/**
	 * Name of the lock one step's send holds.
	 *
	 * @param string $session_id CartBay session id.
	 * @param int    $step       Step number.
	 * @return string
	 */
	private static function step_lock( string $session_id, int $step ): string {
		return 'send|' . $session_id . '|' . $step;
	}

	/**
	 * Queues one step: its notification record and its job (never a second pending job for the step).
	 *
	 * @param \WC_Order $order      Session order.
	 * @param string    $session_id CartBay session id.
	 * @param int       $step       Step number.
	 * @param int       $at         Due time (Unix). Overdue jobs run as soon as the queue runs.
	 * @param string    $trigger    A NotificationTriggers value.
	 * @param bool      $check      Whether to look for a pending job first (false when the caller knows there is none).
	 * @return string Notification id.
	 */
	public function schedule( \WC_Order $order, string $session_id, int $step, int $at, string $trigger, bool $check = true ): string {
		$id   = NotificationLog::queue( $order, $step, $at, $trigger );
		$args = array( $session_id, $step );
		if ( ! $check || ! as_has_scheduled_action( ScheduledJobs::SEND_RECOVERY_EMAIL, $args, ScheduledJobs::GROUP ) ) {
			as_schedule_single_action( $at, ScheduledJobs::SEND_RECOVERY_EMAIL, $args, ScheduledJobs::GROUP );
		}
		return $id;
	}

	/**
	 * Handler of `cartbay_send_recovery_email`: one guarded send attempt of one step.
	 *
	 * @param string $session_id CartBay session id.
	 * @param int    $step_index Step number, from 1.
	 * @return bool Whether WordPress accepted the email.
	 */
	public function send_step( string $session_id, int $step_index ): bool {
		$lock = self::step_lock( $session_id, $step_index );
		if ( ! JobLock::acquire( $lock ) ) {
			return false;
		}
		try {
			return $this->send_locked( $session_id, $step_index );
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * The send, under the step's lock.
	 *
	 * @param string $session_id CartBay session id.
	 * @param int    $step       Step number.
	 * @return bool
	 */
	private function send_locked( string $session_id, int $step ): bool {
		$order = $this->sessions->find( $session_id );
		$email = EmailRegistry::for_step( $step );
		if ( ! $order instanceof \WC_Order || ! $email instanceof AbstractCartBayRecoveryEmail ) {
			return false;
		}
		// A pending record first: a step sent once and sent again by an agent retries the new record.
		$record = NotificationLog::pending_for_step( $order, $step ) ?? NotificationLog::for_step( $order, $step );
		if ( NotificationLog::is_sent( $record ) || ( null !== $record && ! NotificationLog::is_pending( $record ) ) ) {
			return false; // Sent, failed for good or canceled: this job has nothing left to do.
		}
		if ( null === $record ) {
			$id     = NotificationLog::queue( $order, $step, time(), NotificationTriggers::ABANDONMENT );
			$record = NotificationLog::get( $order, $id );
		}
		return '' === $this->deliver( $order, $email, $step, (array) $record );
	}

	/**
	 * Sends one step now, outside its schedule (the agent action `send_email_step_now`). Under the step's
	 * send lock and on the session read again: a step sent meanwhile is not sent again unless `$resend`, and
	 * a session the send guard refuses (not abandoned, superseded, suppressed, sending off, email disabled)
	 * is answered with the reason and left exactly as it was. Otherwise the step's queued job is dropped and
	 * its pending notification sent now; without one (not queued yet, or sent before and sent again on
	 * purpose) a new notification with trigger `agent` is. A failure is retried like any other.
	 *
	 * @param string $session_id CartBay session id.
	 * @param int    $step       Step number.
	 * @param bool   $resend     Send a step that was sent before.
	 * @return string '' when WordPress accepted the email; otherwise why not: a CancelReasons value,
	 *                `already_sent`, `gone` (no such session now), `failed` (retried later) or `busy` (the step
	 *                is being sent right now).
	 */
	public function send_now( string $session_id, int $step, bool $resend ): string {
		$email = EmailRegistry::for_step( $step );
		if ( ! $email instanceof AbstractCartBayRecoveryEmail ) {
			return CancelReasons::EMAIL_DISABLED;
		}
		$lock = self::step_lock( $session_id, $step );
		if ( ! JobLock::acquire( $lock ) ) {
			return 'busy';
		}
		try {
			$order = $this->sessions->find( $session_id );
			if ( ! $order instanceof \WC_Order ) {
				return 'gone';
			}
			if ( ! $resend && NotificationLog::is_sent( NotificationLog::for_step( $order, $step ) ) ) {
				return 'already_sent';
			}
			$refusal = $this->refusal( $order, $email, NotificationTriggers::AGENT );
			if ( '' !== $refusal ) {
				return $refusal;
			}
			as_unschedule_all_actions( ScheduledJobs::SEND_RECOVERY_EMAIL, array( $session_id, $step ), ScheduledJobs::GROUP );
			$record = NotificationLog::pending_for_step( $order, $step );
			if ( null === $record ) {
				$record = NotificationLog::get( $order, NotificationLog::queue( $order, $step, time(), NotificationTriggers::AGENT ) );
			}
			return $this->deliver( $order, $email, $step, (array) $record );
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * Runs a change on a session while none of its steps is being sent: every step's send lock is taken
	 * first and the session read again under them, so a send that finished meanwhile keeps its outcome and
	 * none starts during the change (the agent actions that cancel, expire or delete).
	 *
	 * @param string   $session_id CartBay session id.
	 * @param callable $change     Receives the session order read under the locks.
	 * @return bool False when a send is running (nothing was changed) or the session is gone.
	 */
	public function while_not_sending( string $session_id, callable $change ): bool {
		$locks = array();
		foreach ( array_keys( EmailClasses::by_step() ) as $step ) {
			$lock = self::step_lock( $session_id, (int) $step );
			if ( ! JobLock::acquire( $lock ) ) {
				array_map( array( JobLock::class, 'release' ), $locks );
				return false;
			}
			$locks[] = $lock;
		}
		try {
			$order = $this->sessions->find( $session_id );
			if ( ! $order instanceof \WC_Order ) {
				return false;
			}
			$change( $order );
			return true;
		} finally {
			array_map( array( JobLock::class, 'release' ), $locks );
		}
	}

	/**
	 * One guarded attempt of one pending notification: refused (and canceled) when the session may not be
	 * sent to, else sent with fresh links and the step's coupon; a failure is retried or failed for good.
	 *
	 * @param \WC_Order                    $order  Session order.
	 * @param AbstractCartBayRecoveryEmail $email  The step's email.
	 * @param int                          $step   Step number.
	 * @param array<string, mixed>         $record The pending notification.
	 * @return string '' when sent; the cancel reason of a refusal; `failed` when the mailer failed.
	 */
	private function deliver( \WC_Order $order, AbstractCartBayRecoveryEmail $email, int $step, array $record ): string {
		$id         = (string) ( $record['id'] ?? '' );
		$session_id = (string) $order->get_meta( MetaKeys::SESSION_ID );
		$refusal    = $this->refusal( $order, $email, (string) ( $record['trigger'] ?? '' ) );
		if ( '' !== $refusal ) {
			NotificationLog::transition( $order, $id, NotificationStates::CANCELED, array( 'cancel_reason' => $refusal ) );
			$this->sessions->save( $order );
			return $refusal;
		}

		$attempts = (int) ( $record['attempts'] ?? 0 ) + 1;
		NotificationLog::transition( $order, $id, NotificationStates::ATTEMPTED, array( 'attempts' => $attempts ) );
		$context = $this->context( $order, $step, $id );
		// Links and coupon are stored before the message leaves, so every link in it works.
		$this->sessions->save( $order );

		$this->outcomes->begin( $id, $session_id, $step );
		$accepted = $email->trigger( $context );
		$outcome  = $this->outcomes->end() ?? array(
			'status' => $accepted ? NotificationStates::SENT : NotificationStates::FAILED,
			'error'  => $accepted ? '' : __( 'WordPress mail did not accept the message.', 'cartbay' ),
		);

		if ( NotificationStates::FAILED !== $outcome['status'] ) {
			NotificationLog::transition( $order, $id, $outcome['status'] );
			$this->sessions->add_event(
				$order,
				SessionEvents::EMAIL_SENT,
				array(
					'step'            => $step,
					'notification_id' => $id,
				)
			);
			$this->sessions->save( $order );
			return '';
		}
		$this->handle_failure( $order, $id, $step, $attempts, $outcome['error'] );
		$this->sessions->save( $order );
		return NotificationStates::FAILED;
	}

	/**
	 * Why a step must not be sent now ('' when it may be).
	 *
	 * @param \WC_Order                    $order   Session order.
	 * @param AbstractCartBayRecoveryEmail $email   The step's email.
	 * @param string                       $trigger What scheduled the step.
	 * @return string
	 */
	private function refusal( \WC_Order $order, AbstractCartBayRecoveryEmail $email, string $trigger ): string {
		if ( ! OrderStatuses::is( $order, OrderStatuses::ABANDONED ) ) {
			return CancelReasons::SESSION_STATUS_PREFIX . $order->get_status();
		}
		if ( '' !== (string) $order->get_meta( MetaKeys::SUPERSEDED_BY ) ) {
			return CancelReasons::SUPERSEDED; // A newer session of the same email has the sequence (a job left behind).
		}
		if ( $this->suppressions->is_suppressed( (string) $order->get_meta( MetaKeys::EMAIL ) ) ) {
			return CancelReasons::SUPPRESSED;
		}
		if ( NotificationTriggers::TEST !== $trigger && ! $this->settings->get_campaign()[ SettingsKeys::CAMPAIGN_ENABLED ] ) {
			return CancelReasons::SENDING_DISABLED;
		}
		if ( ! $email->is_enabled() ) {
			return CancelReasons::EMAIL_DISABLED;
		}
		return '';
	}

	/**
	 * What the email needs: recipient, fresh links, and the coupon on coupon steps.
	 *
	 * @param \WC_Order $order Session order.
	 * @param int       $step  Step number.
	 * @param string    $id    Notification id.
	 * @return array<string, string>
	 */
	private function context( \WC_Order $order, int $step, string $id ): array {
		$coupon_code   = '';
		$coupon_expiry = '';
		if ( $this->step_has_coupon( $step ) ) {
			$coupon = $this->coupons->ensure( $order );
			if ( $coupon ) {
				$coupon_code   = (string) $order->get_meta( MetaKeys::COUPON_CODE );
				$expires       = $coupon->get_date_expires();
				$coupon_expiry = $expires ? wc_format_datetime( $expires ) : '';
			}
		}
		return array(
			'email'           => (string) $order->get_meta( MetaKeys::EMAIL ),
			'restore_url'     => RecoveryLinks::issue_restore( $order, $id ),
			'unsubscribe_url' => RecoveryLinks::issue_unsubscribe( $order ),
			'coupon_code'     => $coupon_code,
			'coupon_expiry'   => $coupon_expiry,
			'notification_id' => $id,
		);
	}

	/**
	 * Whether a step includes the recovery coupon.
	 *
	 * @param int $step Step number.
	 * @return bool
	 */
	public function step_has_coupon( int $step ): bool {
		return ! empty( StepTiming::of_step( $this->settings->get_campaign()[ SettingsKeys::CAMPAIGN_STEPS ], $step )[ SettingsKeys::STEP_COUPON_ENABLED ] );
	}

	/**
	 * A failed attempt: retried `RETRY_DELAY_MINUTES_PER_ATTEMPT × attempts` minutes later, or failed for
	 * good after MAX_SEND_ATTEMPTS. The last error is kept.
	 *
	 * @param \WC_Order $order    Session order.
	 * @param string    $id       Notification id.
	 * @param int       $step     Step number.
	 * @param int       $attempts Attempts so far.
	 * @param string    $error    Error message (emails redacted).
	 */
	private function handle_failure( \WC_Order $order, string $id, int $step, int $attempts, string $error ): void {
		$this->sessions->add_event(
			$order,
			SessionEvents::EMAIL_FAILED,
			array(
				'step'            => $step,
				'notification_id' => $id,
				'attempt'         => $attempts,
			)
		);
		$context = array(
			'order_id'        => (int) $order->get_id(),
			'step'            => $step,
			'notification_id' => $id,
			'attempt'         => $attempts,
			'error'           => $error,
		);
		if ( $attempts >= RecoverySchema::MAX_SEND_ATTEMPTS ) {
			NotificationLog::transition( $order, $id, NotificationStates::FAILED, array( 'last_error' => $error ) );
			Logger::error( 'email.failed_final', $context );
			return;
		}
		$retry_at = time() + RecoverySchema::RETRY_DELAY_MINUTES_PER_ATTEMPT * $attempts * MINUTE_IN_SECONDS;
		Logger::info( 'email.retry_queued', $context + array( 'retry_at' => gmdate( 'Y-m-d\TH:i:s\Z', $retry_at ) ) );
		NotificationLog::transition(
			$order,
			$id,
			NotificationStates::RETRY_QUEUED,
			array(
				'last_error'   => $error,
				'scheduled_at' => $retry_at,
			)
		);
		// This job is the running one, so the retry is scheduled directly (a pending check would see it).
		as_schedule_single_action( $retry_at, ScheduledJobs::SEND_RECOVERY_EMAIL, array( (string) $order->get_meta( MetaKeys::SESSION_ID ), $step ), ScheduledJobs::GROUP );
	}

	/**
	 * Stops the sequence of a session: cancels its pending jobs and its pending notifications. Used on
	 * recovery, unsubscribe, consent withdrawal and expiry. Changes the session in memory: the caller saves.
	 *
	 * @param \WC_Order $order  Session order.
	 * @param string    $reason Why (kept on each canceled notification).
	 */
	public function stop( \WC_Order $order, string $reason ): void {
		$this->sessions->cancel_jobs( (string) $order->get_meta( MetaKeys::SESSION_ID ) );
		NotificationLog::cancel_pending( $order, $reason );
	}
}
