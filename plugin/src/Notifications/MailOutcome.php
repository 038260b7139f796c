<?php
/**
 * Follows a recovery email through WordPress mail: `wp_mail_succeeded` / `wp_mail_failed` → its notification.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Notifications;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\NotificationStates;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * Each recovery email carries an `X-CartBay-Notification` header. The mail hooks read it and resolve the
 * notification through the `cartbay_notification_ctx_{id}` transient.
 *
 * While CartBay itself is sending (the usual case), the outcome is handed back to the sender, which owns
 * the session object and saves once. Outcomes reported later (mail plugins that queue and report back, or
 * `cartbay_mark_notification_delivered` from a provider integration) load the session and save it here.
 */
final class MailOutcome implements HookSubscriber {

	/**
	 * Header naming the notification of a recovery email.
	 */
	public const HEADER = RecoverySchema::NOTIFICATION_HEADER;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Notification being sent by this request, if any.
	 *
	 * @var string
	 */
	private $current = '';

	/**
	 * Outcome the mail hooks reported for the current notification.
	 *
	 * @var array{status: string, error: string}|null
	 */
	private $outcome = null;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionRepository $sessions ) {
		$this->sessions = $sessions;
	}

	/**
	 * The hooks this service handles: it is built only when a mail hook fires.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'wp_mail_succeeded'                => array( 10, 1 ),
			'wp_mail_failed'                   => array( 10, 1 ),
			Hooks::MARK_NOTIFICATION_DELIVERED => array( 10, 1 ),
		);
	}

	/**
	 * Starts following a send: stores the context the hooks resolve the notification with.
	 *
	 * @param string $notification_id Notification id.
	 * @param string $session_id      CartBay session id.
	 * @param int    $step            Step number.
	 */
	public function begin( string $notification_id, string $session_id, int $step ): void {
		set_transient(
			Transients::NOTIFICATION_CONTEXT_PREFIX . $notification_id,
			array(
				'session_id'      => $session_id,
				'notification_id' => $notification_id,
				'step'            => $step,
			),
			RecoverySchema::NOTIFICATION_CONTEXT_DAYS * DAY_IN_SECONDS
		);
		$this->current = $notification_id;
		$this->outcome = null;
	}

	/**
	 * Stops following the current send and returns what the mail hooks reported (null: no hook fired).
	 *
	 * @return array{status: string, error: string}|null
	 */
	public function end(): ?array {
		$outcome       = $this->outcome;
		$this->current = '';
		$this->outcome = null;
		return $outcome;
	}

	/**
	 * `wp_mail_succeeded`.
	 *
	 * @param array $mail_data The wp_mail() arguments.
	 */
	public function handle_wp_mail_succeeded( $mail_data ): void {
		$this->record( self::notification_id( is_array( $mail_data ) ? $mail_data : array() ), NotificationStates::SENT, '' );
	}

	/**
	 * `wp_mail_failed`.
	 *
	 * @param \WP_Error $error The failure, with the wp_mail() arguments as data.
	 */
	public function handle_wp_mail_failed( $error ): void {
		if ( ! $error instanceof \WP_Error ) {
			return;
		}
		$data = $error->get_error_data();
		$this->record( self::notification_id( is_array( $data ) ? $data : array() ), NotificationStates::FAILED, $error->get_error_message() );
	}

	/**
	 * `cartbay_mark_notification_delivered`: a provider integration confirmed delivery.
	 *
	 * @param string $notification_id Notification id.
	 */
	public function handle_cartbay_mark_notification_delivered( $notification_id ): void {
		$this->record( is_string( $notification_id ) ? $notification_id : '', NotificationStates::DELIVERED, '' );
	}

	/**
	 * Hands the outcome to the running send, or writes it to the session.
	 *
	 * @param string $id     Notification id ('' when the mail is not a recovery email).
	 * @param string $status SENT, FAILED or DELIVERED.
	 * @param string $error  Error message of a failure.
	 */
	private function record( string $id, string $status, string $error ): void {
		if ( '' === $id ) {
			return;
		}
		$error = self::redact( $error );
		if ( $id === $this->current ) {
			$this->outcome = array(
				'status' => $status,
				'error'  => $error,
			);
			return;
		}
		$context = get_transient( Transients::NOTIFICATION_CONTEXT_PREFIX . $id );
		$order   = is_array( $context ) ? $this->sessions->find( (string) ( $context['session_id'] ?? '' ) ) : null;
		$record  = $order ? NotificationLog::get( $order, $id ) : null;
		if ( ! $order || ! $record || NotificationStates::CANCELED === ( $record['status'] ?? '' ) ) {
			return;
		}
		// A late "sent" must not overwrite a confirmed delivery.
		if ( NotificationStates::SENT === $status && NotificationStates::DELIVERED === ( $record['status'] ?? '' ) ) {
			return;
		}
		NotificationLog::transition( $order, $id, $status, '' === $error ? array() : array( 'last_error' => $error ) );
		$order->save();
	}

	/**
	 * The notification id in a message's headers, if it is a recovery email.
	 *
	 * @param array $mail_data The wp_mail() arguments.
	 * @return string
	 */
	private static function notification_id( array $mail_data ): string {
		$headers = $mail_data['headers'] ?? array();
		$lines   = is_array( $headers ) ? $headers : explode( "\n", str_replace( "\r\n", "\n", (string) $headers ) );
		foreach ( $lines as $line ) {
			if ( is_string( $line ) && 0 === stripos( $line, self::HEADER . ':' ) ) {
				$id = trim( substr( $line, strlen( self::HEADER ) + 1 ) );
				return NotificationLog::is_id( $id ) ? $id : '';
			}
		}
		return '';
	}

	/**
	 * An error message without email addresses (mailer errors often quote the recipient).
	 *
	 * @param string $message Error message.
	 * @return string
	 */
	public static function redact( string $message ): string {
		$message = (string) preg_replace( '/[^\s<>()"\',;:]+@[^\s<>()"\',;:]+/', '[email]', $message );
		return mb_substr( sanitize_text_field( $message ), 0, 500 );
	}
}
