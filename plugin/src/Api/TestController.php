<?php
/**
 * REST handlers of the test routes: the Test Mode trigger and the email delivery test / previews.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\AbstractCartBayRecoveryEmail;
use WPAnchorBay\CartBay\Email\EmailRegistry;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Email\RecoverySender;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\NotificationTriggers;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Notifications\MailOutcome;
use WPAnchorBay\CartBay\Security\TokenHelper;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * `POST cartbay/v1/test/trigger` and `POST cartbay/v1/test/email` (both need manage_woocommerce).
 */
final class TestController {

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
	 * Recovery sequence.
	 *
	 * @var EmailSequenceService
	 */
	private $sequence;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository   $settings Settings.
	 * @param SessionRepository    $sessions Sessions.
	 * @param EmailSequenceService $sequence Recovery sequence.
	 */
	public function __construct( SettingsRepository $settings, SessionRepository $sessions, EmailSequenceService $sequence ) {
		$this->settings = $settings;
		$this->sessions = $sessions;
		$this->sequence = $sequence;
	}

	/**
	 * POST /test/trigger: a dummy abandoned session (empty cart, marked as a test) with email 1 due in about
	 * 30 seconds, through the real job, guards and notification tracking.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function trigger( \WP_REST_Request $request ) {
		if ( ! $this->settings->get( SettingsKeys::TEST_MODE ) ) {
			return new \WP_Error( 'cartbay_test_mode_off', __( 'Turn on Test Mode in CartBay settings to use the test trigger.', 'cartbay' ), array( 'status' => 409 ) );
		}
		$email = $this->recipient( $request );
		if ( '' === $email ) {
			return $this->no_recipient();
		}
		$now   = time();
		$order = $this->sessions->create();
		$order->set_status( OrderStatuses::ABANDONED );
		$order->set_currency( get_woocommerce_currency() );
		$order->update_meta_data( MetaKeys::EMAIL, $email );
		$order->update_meta_data( MetaKeys::EMAIL_HASH, TokenHelper::email_hash( $email ) );
		$order->update_meta_data( MetaKeys::SOURCE, 'test' );
		$order->update_meta_data( MetaKeys::CART_SNAPSHOT, array( 'items' => array() ) );
		$order->update_meta_data( MetaKeys::CART_TOTAL, '0' );
		$order->update_meta_data( MetaKeys::CURRENCY, get_woocommerce_currency() );
		$order->update_meta_data( MetaKeys::CART_ITEM_COUNT, '0' );
		$order->update_meta_data( MetaKeys::CAPTURED_AT, $now );
		$order->update_meta_data( MetaKeys::LAST_ACTIVITY_AT, $now );
		$order->update_meta_data( MetaKeys::ABANDONED_AT, $now );
		$this->sessions->add_event( $order, SessionEvents::ABANDONED, array( 'test' => true ) );

		$session_id   = (string) $order->get_meta( MetaKeys::SESSION_ID );
		$scheduled_at = $now + RecoverySchema::TEST_TRIGGER_DELAY_SECONDS;
		$notification = $this->sequence->schedule( $order, $session_id, 1, $scheduled_at, NotificationTriggers::TEST );
		$this->sessions->save( $order );

		return new \WP_REST_Response(
			array(
				'session_id'      => $session_id,
				'notification_id' => $notification,
				'scheduled_at'    => gmdate( 'c', $scheduled_at ),
			),
			201
		);
	}

	/**
	 * POST /test/email: step 0 sends a plain delivery test through wp_mail() from the recovery emails'
	 * sender; steps 1–3 send a preview of that recovery email with sample links (no session, no live
	 * token, no coupon created).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function send_email( \WP_REST_Request $request ) {
		$email = $this->recipient( $request );
		if ( '' === $email ) {
			return $this->no_recipient();
		}
		$step  = (int) $request->get_param( 'step' );
		$error = '';
		$catch = static function ( $wp_error ) use ( &$error ) {
			if ( $wp_error instanceof \WP_Error ) {
				$error = MailOutcome::redact( $wp_error->get_error_message() );
			}
		};
		add_action( 'wp_mail_failed', $catch );
		if ( 0 === $step ) {
			$sent = $this->send_delivery_test( $email );
		} else {
			$sent = $this->send_preview( $step, $email );
		}
		remove_action( 'wp_mail_failed', $catch );

		if ( ! $sent ) {
			return new \WP_Error(
				'cartbay_test_email_failed',
				'' !== $error ? $error : __( 'Failed to send test email: WordPress mail did not accept the message.', 'cartbay' ),
				array( 'status' => 502 )
			);
		}
		return rest_ensure_response(
			array(
				'sent' => true,
				'step' => $step,
			)
		);
	}

	/**
	 * Sends the basic delivery test through wp_mail() with the sender recovery emails use: WooCommerce's
	 * From email and name, attached as WC_Email::send() attaches them, so an SMTP plugin's later callback
	 * still wins as it does for a real recovery email (and the Email Delivery Test shows that same sender).
	 *
	 * @param string $email Recipient.
	 * @return bool Whether wp_mail() accepted the message.
	 */
	private function send_delivery_test( string $email ): bool {
		return (bool) RecoverySender::around(
			EmailRegistry::for_step( 1 ),
			static fn () => wp_mail(
				$email,
				/* translators: %s: site title. */
				sprintf( __( 'CartBay test email from %s', 'cartbay' ), wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) ),
				__( 'This is a CartBay delivery test. If you can read it, WordPress can send recovery emails from this store.', 'cartbay' )
			)
		);
	}

	/**
	 * Sends a preview of one recovery step with sample values.
	 *
	 * @param int    $step  Step number.
	 * @param string $email Recipient.
	 * @return bool
	 */
	private function send_preview( int $step, string $email ): bool {
		$mail = EmailRegistry::for_step( $step );
		if ( ! $mail instanceof AbstractCartBayRecoveryEmail ) {
			return false;
		}
		$has_offer = $this->sequence->step_has_coupon( $step );
		return $mail->trigger(
			array(
				'email'           => $email,
				'restore_url'     => wc_get_checkout_url(),
				'unsubscribe_url' => home_url( '/' ),
				'coupon_code'     => $has_offer ? RecoverySchema::COUPON_CODE_PREFIX . 'PREVIEW' : '',
				'coupon_expiry'   => $has_offer ? date_i18n( wc_date_format(), time() + (int) $this->settings->get( SettingsKeys::COUPON_EXPIRY_DAYS ) * DAY_IN_SECONDS ) : '',
			),
			true
		);
	}

	/**
	 * The recipient: the `email` argument (validated by the route schema), else the current user's email.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return string
	 */
	private function recipient( \WP_REST_Request $request ): string {
		$email = sanitize_email( (string) $request->get_param( 'email' ) );
		if ( '' === $email ) {
			$email = (string) wp_get_current_user()->user_email;
		}
		return is_email( $email ) ? $email : '';
	}

	/**
	 * The error for a request without a usable recipient.
	 *
	 * @return \WP_Error
	 */
	private function no_recipient(): \WP_Error {
		return new \WP_Error( 'cartbay_test_no_recipient', __( 'Give an email address to send the test to.', 'cartbay' ), array( 'status' => 400 ) );
	}
}
