<?php
/**
 * Unsubscribe links: `?cartbay_unsubscribe={token}`. A GET shows a confirmation form whose button POSTs; the
 * RFC 8058 one-click POST (`List-Unsubscribe=One-Click`, from the mail client's button) unsubscribes at once.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\CancelReasons;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\RateLimitBuckets;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Security\LinkSigner;
use WPAnchorBay\CartBay\Security\RateLimiter;
use WPAnchorBay\CartBay\Security\TokenHelper;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Opting out always works and is idempotent: the email gets one suppression record (named by its hash),
 * every live session of that email is suppressed and its pending recovery work canceled.
 *
 * - Opening the link (GET) changes nothing: corporate link scanners open every link in a message. It shows
 *   a small confirmation form; its button POSTs back to the same URL. HEAD and other methods change nothing.
 * - The confirmation form carries no nonce, on purpose: the token in the URL is the credential (a nonce
 *   adds nothing against someone who has the link, and someone without it cannot build the request), and
 *   a logged-out nonce is the same for every visitor and expires within a day, so a page cache serving the
 *   form would break it.
 * - Links are signed (Security/LinkSigner) over the email hash: they verify without the session, keep
 *   working after it is pruned, and are never rate limited. Older per-session links
 *   (`_cartbay_unsub_token_hash`) keep working while their session exists; they and any token that fails
 *   its MAC are counted by the `unsubscribe` rate limit, which refuses a full window before any lookup.
 */
final class UnsubscribeService implements HookSubscriber {

	/**
	 * Rate-limit bucket of unsigned and forged tokens.
	 */
	private const BUCKET = RateLimitBuckets::UNSUBSCRIBE;

	/**
	 * RFC 8058 one-click body: `List-Unsubscribe=One-Click`.
	 */
	private const ONE_CLICK_FIELD = 'List-Unsubscribe';

	/**
	 * Value of the one-click field.
	 */
	private const ONE_CLICK_VALUE = 'One-Click';

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * The recovery sequence (to stop it).
	 *
	 * @var RecoverySequence
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
	 * @param SessionRepository $sessions     Sessions.
	 * @param RecoverySequence  $sequence     Recovery sequence.
	 * @param SuppressionList   $suppressions Suppressed emails.
	 * @param RateLimiter       $limiter      Rate limiter.
	 */
	public function __construct( SessionRepository $sessions, RecoverySequence $sequence, SuppressionList $suppressions, RateLimiter $limiter ) {
		$this->sessions     = $sessions;
		$this->sequence     = $sequence;
		$this->suppressions = $suppressions;
		$this->limiter      = $limiter;
	}

	/**
	 * The hooks this service handles: `init` only on a request that carries an unsubscribe link (the service
	 * and the sequence behind it are built for nothing else). Priority 20: after the suppression post type
	 * and the order statuses are registered.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return self::requested() ? array( 'init' => array( 20, 1 ) ) : array();
	}

	/**
	 * Whether this request is an unsubscribe link (fixed for the whole request).
	 *
	 * @return bool
	 */
	public static function requested(): bool {
		return LinkRequest::present( QueryArgs::UNSUBSCRIBE );
	}

	/**
	 * Handles an unsubscribe request, if this is one (on `init`, priority 20: after the suppression post
	 * type and the order statuses are registered). Ends the request.
	 */
	public function handle_init(): void {
		if ( ! self::requested() ) {
			return;
		}
		$token  = LinkRequest::token( QueryArgs::UNSUBSCRIBE );
		$method = LinkRequest::method();
		LinkRequest::send_private_headers();
		header( 'X-Robots-Tag: noindex, nofollow' );

		if ( 'HEAD' === $method ) {
			// Link checkers and previews: nothing is looked up, nothing changes.
			status_header( 200 );
			exit;
		}
		if ( 'GET' !== $method && 'POST' !== $method ) {
			status_header( 405 );
			header( 'Allow: GET, POST, HEAD' );
			exit;
		}
		$action = 'POST' === $method ? $this->posted_action() : 'show';

		$target = $this->resolve( $token );
		if ( is_wp_error( $target ) ) {
			$this->refuse( $target, 'one_click' === $action );
			return;
		}
		if ( 'show' === $action ) {
			$this->show_form( $token, $target['hash'] );
			return;
		}
		$this->unsubscribe( $target['hash'], $target['session'] );
		$this->finish( 'one_click' === $action, 200, __( 'You are unsubscribed', 'cartbay' ), __( 'You will not receive any more reminders about your saved cart.', 'cartbay' ) );
	}

	/**
	 * What a POST asks for: `one_click` (RFC 8058 body), `confirm` (the confirmation form), or `show` (neither:
	 * nothing changes, the form is shown).
	 *
	 * @return string
	 */
	private function posted_action(): string {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- the token in the URL is the credential (see the class comment).
		if ( isset( $_POST[ self::ONE_CLICK_FIELD ] ) && self::ONE_CLICK_VALUE === sanitize_text_field( wp_unslash( $_POST[ self::ONE_CLICK_FIELD ] ) ) ) {
			return 'one_click';
		}
		$confirmed = isset( $_POST[ QueryArgs::UNSUBSCRIBE_CONFIRM ] );
		// phpcs:enable WordPress.Security.NonceVerification.Missing
		return $confirmed ? 'confirm' : 'show';
	}

	/**
	 * The email a token names: a signed token by its MAC alone (never rate limited); any other token only
	 * while the IP's `unsubscribe` window has room, by its stored hash, counted unless it is found.
	 *
	 * @param string $token Token from the link.
	 * @return array{hash: string, session: \WC_Order|null}|\WP_Error
	 */
	private function resolve( string $token ) {
		$hash = LinkSigner::unsubscribe_email_hash( $token );
		if ( '' !== $hash ) {
			return array(
				'hash'    => $hash,
				'session' => null,
			);
		}
		// Older per-session links, and forged ones: a full window refuses before any lookup.
		$reserved = $this->limiter->reserve( self::BUCKET );
		if ( true !== $reserved ) {
			LinkRequest::log( 'unsubscribe.refused', null, array( 'reason' => 'rate_limited' ) );
			return $reserved;
		}
		$session = TokenHelper::is_well_formed( $token ) ? $this->sessions->find_by_token_hash( MetaKeys::UNSUB_TOKEN_HASH, TokenHelper::hash( $token ) ) : null;
		$email   = null === $session ? '' : $this->email_of( $session );
		if ( null === $session || '' === trim( $email ) ) {
			LinkRequest::log( 'unsubscribe.refused', $session, array( 'reason' => 'unknown_token' ) );
			return new \WP_Error( 'cartbay_unknown_unsubscribe_token', __( 'This unsubscribe link is not valid.', 'cartbay' ), array( 'status' => 404 ) );
		}
		// A real link: it does not count against the address it came from.
		$this->limiter->release( self::BUCKET );
		return array(
			'hash'    => TokenHelper::email_hash( $email ),
			'session' => $session,
		);
	}

	/**
	 * Suppresses the email and every live session of it (under a per-email lock, so a double submit or a
	 * retried one-click POST makes one record).
	 *
	 * @param string         $hash    SHA-256 of the normalized email.
	 * @param \WC_Order|null $session Session an older per-session link named, if any.
	 */
	private function unsubscribe( string $hash, ?\WC_Order $session ): void {
		$lock = 'unsubscribe_' . $hash;
		if ( ! JobLock::acquire( $lock, MINUTE_IN_SECONDS ) ) {
			// The same email is being unsubscribed by a parallel request right now.
			return;
		}
		try {
			$this->suppressions->suppress_hash( $hash );
			$done = array();
			if ( null !== $session ) {
				$this->suppress_session( $session );
				$done[ $session->get_id() ] = true;
			}
			foreach ( $this->live_sessions( $hash ) as $sibling ) {
				if ( ! isset( $done[ $sibling->get_id() ] ) ) {
					$this->suppress_session( $sibling );
					$done[ $sibling->get_id() ] = true;
				}
			}
			LinkRequest::log( 'unsubscribe.done', $session, array( 'sessions' => count( $done ) ), 'info' );
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * Live (captured or abandoned) sessions of an email hash, newest first.
	 *
	 * @param string $hash SHA-256 of the normalized email.
	 * @return \WC_Order[]
	 */
	private function live_sessions( string $hash ): array {
		$orders = wc_get_orders(
			array(
				'status'      => $this->sessions->active_statuses(),
				'created_via' => CARTBAY_CREATED_VIA,
				'limit'       => RecoverySchema::UNSUBSCRIBE_SIBLING_LIMIT,
			) + OrderMetaQuery::args(
				array(
					array(
						'key'   => MetaKeys::EMAIL_HASH,
						'value' => $hash,
					),
				)
			)
		);
		return array_values( array_filter( $orders, static fn ( $order ) => $order instanceof \WC_Order ) );
	}

	/**
	 * A live session becomes suppressed and its sequence stops; a closed one (recovered, expired) keeps its
	 * status, its history being analytics, but anything still pending is canceled all the same.
	 *
	 * @param \WC_Order $session Session.
	 */
	private function suppress_session( \WC_Order $session ): void {
		if ( OrderStatuses::is( $session, ...$this->sessions->active_statuses() ) ) {
			$session->set_status( OrderStatuses::SUPPRESSED );
		}
		if ( ! $this->has_event( $session, SessionEvents::UNSUBSCRIBED ) ) {
			$this->sessions->add_event( $session, SessionEvents::UNSUBSCRIBED );
		}
		$this->sequence->stop( $session, CancelReasons::UNSUBSCRIBED );
		$this->sessions->save( $session );
	}

	/**
	 * Whether a session's event log already holds an event.
	 *
	 * @param \WC_Order $session Session.
	 * @param string    $event   Event name.
	 * @return bool
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
	 * @return string
	 */
	private function email_of( \WC_Order $session ): string {
		$email = (string) $session->get_meta( MetaKeys::EMAIL );
		return '' !== $email ? $email : (string) $session->get_billing_email();
	}

	/**
	 * A GET (or a POST asking for nothing): the confirmation form, or the confirmation itself when the email
	 * is already unsubscribed. Changes nothing.
	 *
	 * @param string $token Token from the link (URL-safe characters only, checked by resolve()).
	 * @param string $hash  SHA-256 of the email it names.
	 */
	private function show_form( string $token, string $hash ): void {
		if ( $this->suppressions->is_hash_suppressed( $hash ) ) {
			$this->finish( false, 200, __( 'You are unsubscribed', 'cartbay' ), __( 'You will not receive any more reminders about your saved cart.', 'cartbay' ) );
			return;
		}
		$title = __( 'Unsubscribe from cart reminders?', 'cartbay' );
		$body  = '<h1>' . esc_html( $title ) . '</h1>'
			. '<p id="cartbay-unsubscribe-help">' . esc_html(
				sprintf(
					/* translators: %s: store name */
					__( 'Confirm to stop all reminder emails from %s about carts you left. Orders and other emails are not affected.', 'cartbay' ),
					wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES )
				)
			) . '</p>'
			. '<form method="post" action="' . esc_url( RecoveryLinks::unsubscribe_url( $token ) ) . '">'
			. '<input type="hidden" name="' . esc_attr( QueryArgs::UNSUBSCRIBE_CONFIRM ) . '" value="1" />'
			. '<p><button type="submit" class="button" aria-describedby="cartbay-unsubscribe-help">' . esc_html__( 'Unsubscribe', 'cartbay' ) . '</button></p>'
			. '</form>'
			. '<p><a href="' . esc_url( home_url( '/' ) ) . '">' . esc_html__( 'Keep my reminders and continue to the store', 'cartbay' ) . '</a></p>';
		wp_die( $body, esc_html( $title ), array( 'response' => 200 ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- every part is escaped above.
	}

	/**
	 * Ends a refused request: 429 with Retry-After for a full rate-limit window, 404 for an unknown link.
	 *
	 * @param \WP_Error $error     Why.
	 * @param bool      $one_click Whether this is the RFC 8058 POST.
	 */
	private function refuse( \WP_Error $error, bool $one_click ): void {
		if ( 'cartbay_rate_limited' === $error->get_error_code() ) {
			header( 'Retry-After: ' . LinkRequest::retry_after( $error ) );
			$this->finish( $one_click, 429, __( 'Too many requests', 'cartbay' ), __( 'Too many unsubscribe attempts. Please wait a few minutes and try the link again.', 'cartbay' ) );
			return;
		}
		$this->finish( $one_click, 404, __( 'Link not recognized', 'cartbay' ), __( 'This unsubscribe link is not valid. If you keep receiving cart reminders, reply to one of them and we will remove you.', 'cartbay' ) );
	}

	/**
	 * Ends the request: a one-click POST gets a bare status (mail clients show nothing), a person a small page.
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
}
