<?php
/**
 * Capture: turns a consented checkout into a recovery session, keeps it current, or withdraws it.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\CancelReasons;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Logging\Logger;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;
use WPAnchorBay\CartBay\Recovery\RecoverySequence;
use WPAnchorBay\CartBay\Recovery\RestoredCheckout;
use WPAnchorBay\CartBay\Security\TokenHelper;
use WPAnchorBay\CartBay\Settings\SettingsRepository;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * One shopper, one recovery session per cart, and only the browser that owns a session changes it:
 * - the browser that created a session (or whose cart a restore link rebuilt from it) updates it, whatever
 *   its email or cart becomes, and may withdraw it;
 * - a browser that owns none and sends an email and cart that match a live session of another browser
 *   (same email, same products) makes no second session. At most that session's activity is merged (a
 *   captured one is not marked abandoned while the shopper is still at a checkout); its id, email, cart,
 *   consent record, status and emails are never touched or handed out;
 * - a materially different cart makes a new session, unless the email already has
 *   RecoverySchema::MAX_LIVE_SESSIONS_PER_EMAIL live sessions: then nothing is stored.
 * Whenever nothing is stored (suppressed email, another browser's session, the per-email limit), the
 * browser gets a decoy id, kept in its WooCommerce session like a real one, with the same answer as any
 * capture: a response never tells whether an email or a session is known.
 */
final class CaptureService {

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
	 * Abandonment checks.
	 *
	 * @var AbandonmentScheduler
	 */
	private $abandonment;

	/**
	 * Suppressed emails.
	 *
	 * @var SuppressionList
	 */
	private $suppressions;

	/**
	 * The recovery sequence (stopped when a shopper comes back to checkout).
	 *
	 * @var RecoverySequence
	 */
	private $sequence;

	/**
	 * The session this browser owns.
	 *
	 * @var BrowserSession
	 */
	private $browser;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository   $settings     Settings.
	 * @param SessionRepository    $sessions     Sessions.
	 * @param AbandonmentScheduler $abandonment  Abandonment checks.
	 * @param SuppressionList      $suppressions Suppressed emails.
	 * @param RecoverySequence     $sequence     Recovery sequence.
	 * @param BrowserSession       $browser      The session this browser owns.
	 */
	public function __construct( SettingsRepository $settings, SessionRepository $sessions, AbandonmentScheduler $abandonment, SuppressionList $suppressions, RecoverySequence $sequence, BrowserSession $browser ) {
		$this->settings     = $settings;
		$this->sessions     = $sessions;
		$this->abandonment  = $abandonment;
		$this->suppressions = $suppressions;
		$this->sequence     = $sequence;
		$this->browser      = $browser;
	}

	/**
	 * Captures, updates or withdraws.
	 *
	 * @param array{email?: string, consent: bool, source: string, session_id?: string, cart?: array} $input Validated input.
	 * @return string|null|\WP_Error The session id the browser should keep, null when it should forget it.
	 */
	public function capture( array $input ) {
		$session_id = (string) ( $input['session_id'] ?? '' );
		if ( ! $this->settings->get( SettingsKeys::CAPTURE_ENABLED ) ) {
			return null;
		}
		// An id is honoured only from the browser session it was given to: a forged or another shopper's id
		// changes nothing. The browser forgets it and captures afresh.
		if ( '' !== $session_id && ! BrowserSession::owns( $session_id ) ) {
			return new \WP_Error( 'cartbay_unknown_session', __( 'This checkout session is not recognized.', 'cartbay' ), array( 'status' => 403 ) );
		}
		if ( ! $input['consent'] ) {
			$this->withdraw();
			return null;
		}

		$email = sanitize_email( (string) ( $input['email'] ?? '' ) );
		if ( '' === $email || ! is_email( $email ) ) {
			return new \WP_Error( 'cartbay_invalid_email', __( 'A valid email address is required to save the cart.', 'cartbay' ), array( 'status' => 400 ) );
		}

		$snapshot = $this->snapshot( $input );
		if ( is_wp_error( $snapshot ) ) {
			return $snapshot;
		}

		$email_hash = TokenHelper::email_hash( $email );
		$owned      = $this->browser->live_session();
		if ( null !== $owned ) {
			return $this->capture_owned( $owned, $input, $email, $email_hash, $snapshot );
		}
		return $this->capture_unowned( $input, $email, $email_hash, $snapshot );
	}

	/**
	 * The browser's own session: updated with this email and cart. Moving it to another email is checked
	 * like a new session of that email (suppression, the per-email limit); refused, only its activity counts.
	 *
	 * @param \WC_Order $order      Owned live session.
	 * @param array     $input      Validated input.
	 * @param string    $email      Sanitized email.
	 * @param string    $email_hash Email hash.
	 * @param array     $snapshot   Cart snapshot.
	 * @return string Session id.
	 */
	private function capture_owned( \WC_Order $order, array $input, string $email, string $email_hash, array $snapshot ): string {
		if ( $order->get_meta( MetaKeys::EMAIL_HASH ) === $email_hash ) {
			return $this->update( $order, $input, $email, $email_hash, $snapshot );
		}
		$lock = self::lock_name( $email_hash );
		if ( ! JobLock::acquire( $lock, CaptureSchema::EMAIL_LOCK_STALE_SECONDS ) ) {
			return $this->touch( $order, $email );
		}
		try {
			if ( $this->suppressions->is_suppressed( $email ) || count( $this->live_sessions( $email ) ) >= RecoverySchema::MAX_LIVE_SESSIONS_PER_EMAIL ) {
				// Nothing of this email is stored, and the answer (this session's id) is the one it always gets.
				return $this->touch( $order, $email );
			}
			return $this->update( $order, $input, $email, $email_hash, $snapshot );
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * A browser that owns no live session: a new session, or nothing stored (and a decoy id).
	 *
	 * @param array  $input      Validated input.
	 * @param string $email      Sanitized email.
	 * @param string $email_hash Email hash.
	 * @param array  $snapshot   Cart snapshot.
	 * @return string Session id, or a decoy.
	 */
	private function capture_unowned( array $input, string $email, string $email_hash, array $snapshot ): string {
		if ( $this->suppressions->is_suppressed( $email ) ) {
			return $this->decoy( $email );
		}
		// One request at a time per email, so parallel captures cannot pass the per-email limit together.
		$lock = self::lock_name( $email_hash );
		if ( ! JobLock::acquire( $lock, CaptureSchema::EMAIL_LOCK_STALE_SECONDS ) ) {
			return $this->decoy( $email );
		}
		try {
			$live        = $this->live_sessions( $email );
			$fingerprint = CartSnapshot::fingerprint( $snapshot );
			foreach ( $live as $session ) {
				if ( $session->get_meta( MetaKeys::CART_FINGERPRINT ) === $fingerprint ) {
					// The same shopper on another device, or someone who knows their email and products: no
					// second session, and nothing of this one changes hands.
					$this->merge_activity( $session );
					return $this->decoy( $email );
				}
			}
			if ( count( $live ) >= RecoverySchema::MAX_LIVE_SESSIONS_PER_EMAIL ) {
				return $this->decoy( $email );
			}
			$order = $this->sessions->create();
			// A browser that was answered with a decoy keeps seeing that id: its first session takes it.
			$decoy = BrowserSession::decoy_handle();
			if ( '' !== $decoy && null === $this->sessions->find( $decoy ) ) {
				$order->update_meta_data( MetaKeys::SESSION_ID, $decoy );
			}
			return $this->update( $order, $input, $email, $email_hash, $snapshot, true );
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * Writes a capture onto a session this browser owns (or creates), saves it, and hands its id to the
	 * browser.
	 *
	 * @param \WC_Order $order      Session (unsaved when new).
	 * @param array     $input      Validated input.
	 * @param string    $email      Sanitized email.
	 * @param string    $email_hash Email hash.
	 * @param array     $snapshot   Cart snapshot.
	 * @param bool      $is_new     Whether the session is being created.
	 * @return string Session id.
	 */
	private function update( \WC_Order $order, array $input, string $email, string $email_hash, array $snapshot, bool $is_new = false ): string {
		$id = (string) $order->get_meta( MetaKeys::SESSION_ID );
		// A checkout rebuilt by this session's restore link is the recovery under way: the session stays
		// abandoned (its order will be attributed to it), only its activity and cart are updated.
		$restored    = ! $is_new && RestoredCheckout::session_id() === $id;
		$reactivated = ! $is_new && ! $restored && OrderStatuses::is( $order, OrderStatuses::ABANDONED );
		$changed     = $is_new || $reactivated
			|| $order->get_meta( MetaKeys::EMAIL_HASH ) !== $email_hash
			|| CartSnapshot::differs( $order, $snapshot );

		$now = time();
		$order->update_meta_data( MetaKeys::LAST_ACTIVITY_AT, (string) $now );
		if ( $changed ) {
			$this->apply( $order, $input, $email, $email_hash, $snapshot, $now, $is_new );
		}
		if ( $reactivated ) {
			// Back at checkout after abandonment: the sequence stops and the session is live again.
			$order->set_status( OrderStatuses::CAPTURED );
			$this->sequence->stop( $order, CancelReasons::REACTIVATED );
		}
		if ( $is_new || $reactivated ) {
			$this->sessions->save( $order );
			// Updates need no scheduling: the pending check re-arms itself at the new boundary when it runs.
			$this->abandonment->arm( $id, $now, $is_new );
		} elseif ( array() !== $order->get_changes() ) {
			// A new cart total moved the order's own total (a property, not meta): a full save.
			$this->sessions->save( $order );
		} else {
			// Any other update of a live session changes only CartBay meta: no full order save.
			$order->save_meta_data();
		}
		BrowserSession::remember( $id, $order->get_id(), $email );
		return $id;
	}

	/**
	 * The owner was active, but nothing of what it sent is stored: only the activity of its session.
	 *
	 * @param \WC_Order $order Owned session.
	 * @param string    $email Email the browser sent (kept for its checkout prefill only).
	 * @return string Session id.
	 */
	private function touch( \WC_Order $order, string $email ): string {
		$order->update_meta_data( MetaKeys::LAST_ACTIVITY_AT, (string) time() );
		$order->save_meta_data();
		$id = (string) $order->get_meta( MetaKeys::SESSION_ID );
		BrowserSession::remember( $id, $order->get_id(), $email );
		return $id;
	}

	/**
	 * Another browser's session with this email and cart: a captured one is kept from being marked
	 * abandoned while a shopper is at a checkout with it; an abandoned one is left exactly as it is (a
	 * stranger must never reactivate it and cancel its emails).
	 *
	 * @param \WC_Order $session Session this browser does not own.
	 */
	private function merge_activity( \WC_Order $session ): void {
		if ( ! OrderStatuses::is( $session, OrderStatuses::CAPTURED ) ) {
			return;
		}
		$session->update_meta_data( MetaKeys::LAST_ACTIVITY_AT, (string) time() );
		$session->save_meta_data();
	}

	/**
	 * Stores nothing and answers like a capture: the browser's decoy (one per browser session, so repeated
	 * captures see one stable id, as they would for a real session), kept in its WooCommerce session.
	 *
	 * @param string $email Email the browser sent (kept for its checkout prefill only).
	 * @return string Decoy id.
	 */
	private function decoy( string $email ): string {
		$id = BrowserSession::decoy_handle();
		if ( '' === $id ) {
			$id = wp_generate_password( CaptureSchema::SESSION_ID_LENGTH, false, false );
		}
		BrowserSession::remember( $id, 0, $email );
		return $id;
	}

	/**
	 * Live sessions of an email, newest first, as many as the per-email limit (enough to find a match among
	 * them and to know whether the limit is reached).
	 *
	 * @param string $email Email.
	 * @return \WC_Order[]
	 */
	private function live_sessions( string $email ): array {
		return $this->sessions->find_by_email( $email, $this->sessions->active_statuses(), RecoverySchema::MAX_LIVE_SESSIONS_PER_EMAIL );
	}

	/**
	 * Name of the per-email capture lock.
	 *
	 * @param string $email_hash Email hash.
	 * @return string
	 */
	private static function lock_name( string $email_hash ): string {
		return 'capture_email_' . $email_hash;
	}

	/**
	 * The cart to store: the shopper's real WooCommerce cart, else the re-validated client cart.
	 *
	 * @param array $input Validated input.
	 * @return array|\WP_Error
	 */
	private function snapshot( array $input ) {
		$snapshot = CartSnapshot::from_session();
		if ( null === $snapshot && isset( $input['cart'] ) && is_array( $input['cart'] ) ) {
			$snapshot = CartSnapshot::from_client( $input['cart'] );
		}
		if ( null === $snapshot ) {
			return new \WP_Error( 'cartbay_empty_cart', __( 'There is no cart to save.', 'cartbay' ), array( 'status' => 400 ) );
		}
		return $snapshot;
	}

	/**
	 * Writes email, consent and cart onto the session.
	 *
	 * @param \WC_Order $order      Session.
	 * @param array     $input      Validated input.
	 * @param string    $email      Sanitized email.
	 * @param string    $email_hash Email hash.
	 * @param array     $snapshot   Cart snapshot.
	 * @param int       $now        Current time.
	 * @param bool      $is_new     Whether the session was just created.
	 */
	private function apply( \WC_Order $order, array $input, string $email, string $email_hash, array $snapshot, int $now, bool $is_new ): void {
		if ( $is_new ) {
			$order->set_currency( $snapshot['currency'] );
		}
		$order->update_meta_data( MetaKeys::EMAIL, $email );
		$order->update_meta_data( MetaKeys::EMAIL_HASH, $email_hash );
		$order->update_meta_data( MetaKeys::SOURCE, 'block' === $input['source'] ? 'block' : 'classic' );
		CartSnapshot::store( $order, $snapshot );
		if ( $is_new ) {
			$order->update_meta_data( MetaKeys::CONSENT, true );
			$order->update_meta_data( MetaKeys::CONSENT_TEXT, (string) $this->settings->get( SettingsKeys::CONSENT_TEXT ) );
			$order->update_meta_data( MetaKeys::CONSENT_AT, $now );
			$order->update_meta_data( MetaKeys::CAPTURED_AT, $now );
		}
		$this->sessions->add_event( $order, $is_new ? SessionEvents::CAPTURED : SessionEvents::UPDATED, array( 'source' => $input['source'] ) );
	}

	/**
	 * Consent withdrawn: every live session this browser owns (the one capture handed it, the one its cart
	 * was restored from) and their pending work are deleted, and the browser forgets its handle. Another
	 * browser's session is never reachable here.
	 */
	private function withdraw(): void {
		foreach ( $this->browser->live_sessions() as $owned ) {
			$id = (string) $owned->get_meta( MetaKeys::SESSION_ID );
			$this->sessions->cancel_jobs( $id );
			$order_id = (int) $owned->get_id();
			if ( $owned->delete( true ) ) {
				Logger::info( 'capture.withdrawn', array( 'order_id' => $order_id ) );
			}
			if ( RestoredCheckout::session_id() === $id ) {
				RestoredCheckout::forget();
			}
		}
		BrowserSession::forget();
	}
}
