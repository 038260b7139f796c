<?php
/**
 * Unsubscribe links: `?cartbay_unsubscribe={token}` (GET, from the email body) and the RFC 8058 one-click
 * POST to the same URL (from the mail client's List-Unsubscribe button).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Api\RateLimiter;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Opting out always works and is idempotent: the email gets one suppression record, every live session of
 * that email is suppressed and its pending recovery work canceled. A second click changes nothing and shows
 * the same confirmation; an unknown token changes nothing and says so kindly.
 */
final class UnsubscribeService {

	/**
	 * Most other live sessions of the same email suppressed along with the clicked one.
	 */
	private const SIBLING_LIMIT = 50;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * The recovery sequence (to stop it).
	 *
	 * @var EmailSequenceService
	 */
	private $sequence;

	/**
	 * Suppressed emails.
	 *
	 * @var SuppressionList
	 */
	private $suppressions;

	/**
	 * Rate limiter of public endpoints.
	 *
	 * @var RateLimiter
	 */
	private $limiter;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository    $sessions     Sessions.
	 * @param EmailSequenceService $sequence     Recovery sequence.
	 * @param SuppressionList      $suppressions Suppressed emails.
	 * @param RateLimiter          $limiter      Rate limiter.
	 */
	public function __construct( SessionRepository $sessions, EmailSequenceService $sequence, SuppressionList $suppressions, RateLimiter $limiter ) {
		$this->sessions     = $sessions;
		$this->sequence     = $sequence;
		$this->suppressions = $suppressions;
		$this->limiter      = $limiter;
	}

	/**
	 * Whether this request is an unsubscribe link (checked on every `init` before the service is built).
	 */
	public static function requested(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a link from an email: the token is the credential.
		return isset( $_GET[ QueryArgs::UNSUBSCRIBE ] );
	}

	/**
	 * Handles an unsubscribe request, if this is one (on `init`, priority 20: after the suppression post
	 * type and the order statuses are registered). Ends the request.
	 */
	public function handle_init(): void {
		if ( ! self::requested() ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitized just below.
		$raw      = wp_unslash( $_GET[ QueryArgs::UNSUBSCRIBE ] );
		$token    = is_string( $raw ) ? sanitize_text_field( $raw ) : '';
		$method   = isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : 'GET';
		$one_post = 'POST' === $method;
		nocache_headers();

		if ( true !== $this->limiter->check( 'unsubscribe' ) ) {
			$this->log( 'Unsubscribe refused (rate_limited)', null );
			$this->finish( $one_post, 429, __( 'Too many requests', 'cartbay' ), __( 'Too many unsubscribe attempts. Please wait a few minutes and try the link again.', 'cartbay' ) );
			return;
		}

		$hash    = TokenHelper::is_well_formed( $token ) ? TokenHelper::hash( $token ) : '';
		$session = $this->sessions->find_by_token_hash( MetaKeys::UNSUB_TOKEN_HASH, $hash );
		$email   = null === $session ? '' : $this->email_of( $session );
		if ( null === $session || '' === $email ) {
			$this->log( 'Unsubscribe refused (unknown_token)', $session );
			$this->finish( $one_post, 404, __( 'Link not recognized', 'cartbay' ), __( 'This unsubscribe link is not valid. If you keep receiving cart reminders, reply to one of them and we will remove you.', 'cartbay' ) );
			return;
		}

		$this->unsubscribe( $session, $email );
		$this->finish( $one_post, 200, __( 'You are unsubscribed', 'cartbay' ), __( 'You will not receive any more reminders about your saved cart.', 'cartbay' ) );
	}

	/**
	 * Suppresses the email and every live session of it.
	 *
	 * @param \WC_Order $session Session the link was issued for.
	 * @param string    $email   Its email.
	 */
	private function unsubscribe( \WC_Order $session, string $email ): void {
		$this->suppressions->suppress( $email );
		$this->suppress_session( $session );
		$siblings = $this->sessions->find_by_email( $email, $this->sessions->active_statuses(), self::SIBLING_LIMIT );
		foreach ( $siblings as $sibling ) {
			if ( $sibling->get_id() !== $session->get_id() ) {
				$this->suppress_session( $sibling );
			}
		}
		$this->log( 'Unsubscribed', $session );
	}

	/**
	 * A live session becomes suppressed and its sequence stops; a closed one (recovered, expired) keeps its
	 * status, its history being analytics, but anything still pending is canceled all the same.
	 *
	 * @param \WC_Order $session Session.
	 */
	private function suppress_session( \WC_Order $session ): void {
		$status = 'wc-' . $session->get_status();
		if ( in_array( $status, $this->sessions->active_statuses(), true ) ) {
			$session->set_status( OrderStatuses::SUPPRESSED );
		}
		if ( ! $this->has_event( $session, SessionEvents::UNSUBSCRIBED ) ) {
			$this->sessions->add_event( $session, SessionEvents::UNSUBSCRIBED );
		}
		$this->sequence->stop( $session, 'unsubscribed' );
		$this->sessions->save( $session );
	}

	/**
	 * Whether a session's event log already holds an event.
	 *
	 * @param \WC_Order $session Session.
	 * @param string    $event   Event name.
	 */
	private function has_event( \WC_Order $session, string $event ): bool {
		foreach ( SessionRepository::list_meta( $session, MetaKeys::EVENTS ) as $entry ) {
			if ( is_array( $entry ) && ( $entry['event'] ?? '' ) === $event ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The captured email of a session (the billing email when the meta is missing).
	 *
	 * @param \WC_Order $session Session.
	 */
	private function email_of( \WC_Order $session ): string {
		$email = (string) $session->get_meta( MetaKeys::EMAIL );
		return '' !== $email ? $email : (string) $session->get_billing_email();
	}

	/**
	 * Ends the request: a one-click POST gets a bare status (mail clients show nothing), a click a small page.
	 *
	 * @param bool   $one_click Whether this is the RFC 8058 POST.
	 * @param int    $status    HTTP status.
	 * @param string $title     Page title.
	 * @param string $message   Page message.
	 */
	private function finish( bool $one_click, int $status, string $title, string $message ): void {
		if ( $one_click ) {
			status_header( $status );
			header( 'Content-Type: text/plain; charset=utf-8' );
			echo esc_html( $message );
			exit;
		}
		wp_die(
			'<h1>' . esc_html( $title ) . '</h1><p>' . esc_html( $message ) . '</p><p><a href="' . esc_url( home_url( '/' ) ) . '">' . esc_html__( 'Continue to the store', 'cartbay' ) . '</a></p>',
			esc_html( $title ),
			array( 'response' => $status )
		);
	}

	/**
	 * Logs to WooCommerce's logger (source `cartbay`): never a token or an email.
	 *
	 * @param string         $message Message.
	 * @param \WC_Order|null $session Session, if known.
	 */
	private function log( string $message, ?\WC_Order $session ): void {
		if ( ! function_exists( 'wc_get_logger' ) ) {
			return;
		}
		$suffix = null === $session ? '' : sprintf( ' (session order #%d)', $session->get_id() );
		wc_get_logger()->info( $message . $suffix . '.', array( 'source' => 'cartbay' ) );
	}
}
