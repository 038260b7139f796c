<?php
/**
 * Capture: turns a consented checkout into a recovery session, keeps it current, or withdraws it.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Recovery\RestoredCheckout;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\WcSessionKeys;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;
use WPAnchorBay\CartBay\Recovery\SuppressionList;
use WPAnchorBay\CartBay\Security\TokenHelper;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * One shopper, one recovery session per cart: the same browser session always updates its session; a new
 * browser session with the same email and cart reuses the active one; a materially different cart makes a
 * new one.
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
	 * @var EmailSequenceService
	 */
	private $sequence;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository   $settings     Settings.
	 * @param SessionRepository    $sessions     Sessions.
	 * @param AbandonmentScheduler $abandonment  Abandonment checks.
	 * @param SuppressionList      $suppressions Suppressed emails.
	 * @param EmailSequenceService $sequence     Recovery sequence.
	 */
	public function __construct( SettingsRepository $settings, SessionRepository $sessions, AbandonmentScheduler $abandonment, SuppressionList $suppressions, EmailSequenceService $sequence ) {
		$this->settings     = $settings;
		$this->sessions     = $sessions;
		$this->abandonment  = $abandonment;
		$this->suppressions = $suppressions;
		$this->sequence     = $sequence;
	}

	/**
	 * Captures, updates or withdraws.
	 *
	 * @param array{email?: string, consent: bool, source: string, session_id?: string, cart?: array} $input Validated input.
	 * @return string|null|\WP_Error The session id the browser should keep, null when it should forget it.
	 */
	public function capture( array $input ) {
		$session_id = (string) ( $input['session_id'] ?? '' );
		if ( ! $this->settings->get( 'capture_enabled' ) ) {
			return null;
		}
		// A session id is honoured only from the browser session it was given to: a forged or another
		// shopper's id changes nothing. The browser forgets it and captures afresh.
		if ( '' !== $session_id && ! $this->owns( $session_id ) ) {
			return new \WP_Error( 'cartbay_unknown_session', __( 'This checkout session is not recognized.', 'cartbay' ), array( 'status' => 403 ) );
		}
		if ( ! $input['consent'] ) {
			$this->withdraw( $session_id );
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

		$email_hash  = TokenHelper::email_hash( $email );
		$fingerprint = CartSnapshot::fingerprint( $snapshot );
		$order       = ( '' !== $session_id ? $this->owned_session( $session_id ) : null )
			?? $this->sessions->find_active_by_cart( $email_hash, $fingerprint );
		$is_new      = null === $order;

		// Checked whenever the email is new to the session (one already holding it passed this check). Same
		// answer as a capture, so the response never tells whether an email is suppressed.
		if ( ( $is_new || $order->get_meta( MetaKeys::EMAIL_HASH ) !== $email_hash ) && $this->suppressions->is_suppressed( $email ) ) {
			return wp_generate_password( CaptureSchema::SESSION_ID_LENGTH, false, false );
		}

		$order = $order ?? $this->sessions->create();
		// A checkout rebuilt by this session's restore link is the recovery under way: the session stays
		// abandoned (its order will be attributed to it), only its activity and cart are updated.
		$restored    = ! $is_new && RestoredCheckout::session_id() === (string) $order->get_meta( MetaKeys::SESSION_ID );
		$reactivated = ! $is_new && ! $restored && 'wc-' . $order->get_status() === OrderStatuses::ABANDONED;
		$changed     = $is_new || $reactivated
			|| $order->get_meta( MetaKeys::EMAIL_HASH ) !== $email_hash
			|| $order->get_meta( MetaKeys::CART_HASH ) !== CartSnapshot::hash( $snapshot );

		$now = time();
		$order->update_meta_data( MetaKeys::LAST_ACTIVITY_AT, (string) $now );
		if ( $changed ) {
			$this->apply( $order, $input, $email, $email_hash, $fingerprint, $snapshot, $now, $is_new );
		}
		if ( $reactivated ) {
			// Back at checkout after abandonment: the sequence stops and the session is live again.
			$order->set_status( OrderStatuses::CAPTURED );
			$this->sequence->stop( $order, 'reactivated' );
		}
		if ( $is_new || $reactivated ) {
			$this->sessions->save( $order );
		} else {
			// An update of a live session changes only CartBay meta: no full order save.
			$order->save_meta_data();
		}

		$id = (string) $order->get_meta( MetaKeys::SESSION_ID );
		if ( $is_new || $reactivated ) {
			// Updates need no scheduling: the pending check re-arms itself at the new boundary when it runs.
			$this->abandonment->arm( $id, $now, $is_new );
		}
		if ( WC()->session ) {
			// Ownership of the id must outlive this request, so a cookie-less shopper gets a session cookie.
			if ( ! WC()->session->has_session() ) {
				WC()->session->set_customer_session_cookie( true );
			}
			WC()->session->set( WcSessionKeys::SESSION_ID, $id );
			WC()->session->set( WcSessionKeys::SESSION_ORDER_ID, $order->get_id() );
		}
		return $id;
	}

	/**
	 * Whether this browser's WooCommerce session was given this CartBay session id.
	 *
	 * @param string $session_id CartBay session id from the browser.
	 */
	private function owns( string $session_id ): bool {
		return WC()->session && hash_equals( (string) WC()->session->get( WcSessionKeys::SESSION_ID ), $session_id );
	}

	/**
	 * The active session this browser owns: straight from the order id kept in its WooCommerce session,
	 * without a meta query, falling back to a lookup by session id.
	 *
	 * @param string $session_id CartBay session id the browser owns.
	 */
	private function owned_session( string $session_id ): ?\WC_Order {
		$order = wc_get_order( (int) WC()->session->get( WcSessionKeys::SESSION_ORDER_ID ) );
		if ( $order instanceof \WC_Order
			&& CARTBAY_CREATED_VIA === $order->get_created_via()
			&& $order->get_meta( MetaKeys::SESSION_ID ) === $session_id
			&& in_array( 'wc-' . $order->get_status(), $this->sessions->active_statuses(), true ) ) {
			return $order;
		}
		return $this->sessions->find( $session_id, $this->sessions->active_statuses() );
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
	 * @param \WC_Order $order       Session.
	 * @param array     $input       Validated input.
	 * @param string    $email       Sanitized email.
	 * @param string    $email_hash  Email hash.
	 * @param string    $fingerprint Cart fingerprint.
	 * @param array     $snapshot    Cart snapshot.
	 * @param int       $now         Current time.
	 * @param bool      $is_new      Whether the session was just created.
	 */
	private function apply( \WC_Order $order, array $input, string $email, string $email_hash, string $fingerprint, array $snapshot, int $now, bool $is_new ): void {
		if ( $is_new ) {
			$order->set_currency( $snapshot['currency'] );
		}
		$order->update_meta_data( MetaKeys::EMAIL, $email );
		$order->update_meta_data( MetaKeys::EMAIL_HASH, $email_hash );
		$order->update_meta_data( MetaKeys::SOURCE, 'block' === $input['source'] ? 'block' : 'classic' );
		$order->update_meta_data( MetaKeys::CART_SNAPSHOT, $snapshot );
		$order->update_meta_data( MetaKeys::CART_HASH, CartSnapshot::hash( $snapshot ) );
		$order->update_meta_data( MetaKeys::CART_FINGERPRINT, $fingerprint );
		// Stored as the strings the database gives back, so an unchanged value is not written again.
		$order->update_meta_data( MetaKeys::CART_TOTAL, wc_format_decimal( $snapshot['total'] ) );
		$order->update_meta_data( MetaKeys::CURRENCY, $snapshot['currency'] );
		$order->update_meta_data( MetaKeys::CART_ITEM_COUNT, (string) $snapshot['item_count'] );
		if ( $is_new ) {
			$order->update_meta_data( MetaKeys::CONSENT, true );
			$order->update_meta_data( MetaKeys::CONSENT_TEXT, (string) $this->settings->get( 'consent_text' ) );
			$order->update_meta_data( MetaKeys::CONSENT_AT, $now );
			$order->update_meta_data( MetaKeys::CAPTURED_AT, $now );
		}
		$this->sessions->add_event( $order, $is_new ? SessionEvents::CAPTURED : SessionEvents::UPDATED, array( 'source' => $input['source'] ) );
	}

	/**
	 * Consent withdrawn: the active session and its pending work are deleted.
	 *
	 * @param string $session_id CartBay session id from the browser.
	 */
	private function withdraw( string $session_id ): void {
		if ( '' === $session_id ) {
			return;
		}
		$order = $this->sessions->find( $session_id, $this->sessions->active_statuses() );
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$this->sessions->cancel_jobs( $session_id );
		$order->delete( true );
		WC()->session->set( WcSessionKeys::SESSION_ID, null );
		WC()->session->set( WcSessionKeys::SESSION_ORDER_ID, null );
	}
}
