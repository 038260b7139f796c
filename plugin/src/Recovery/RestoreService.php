<?php
/**
 * Restore links: `?cartbay_restore={token}` rebuilds an abandoned cart and lands on checkout.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Data\WcSession;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\QueryArgs;
use WPAnchorBay\CartBay\Generated\RateLimitBuckets;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Security\LinkSigner;
use WPAnchorBay\CartBay\Security\RateLimiter;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * A restore link is a bearer credential for one thing only: putting that session's products back into the
 * cart of whoever opens it. It never logs anyone in and never reveals the session's email in the page: the
 * email goes into the checkout form, where the shopper sees their own address.
 *
 * A forged, expired or spent link (the session is no longer abandoned) changes nothing: a friendly notice,
 * a redirect to the cart, and a log line without the token or the email.
 *
 * Links are signed (Security/LinkSigner): a token whose MAC verifies was issued here and is never rate
 * limited, so shoppers behind one proxy or CDN address cannot lock each other out. Any other token (older
 * unsigned links, forged ones) is counted by the `restore` rate limit unless it turns out valid; a full
 * window answers 429 before any lookup. Only GET restores: HEAD (link checkers, previews) changes nothing.
 */
final class RestoreService implements HookSubscriber {

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Rate limiter of public endpoints.
	 *
	 * @var RateLimiter
	 */
	private $limiter;

	/**
	 * Cart rebuilding.
	 *
	 * @var CartRestorer
	 */
	private $restorer;

	/**
	 * Constructor.
	 *
	 * @param SessionRepository $sessions Sessions.
	 * @param RateLimiter       $limiter  Rate limiter.
	 * @param CartRestorer      $restorer Cart rebuilding.
	 */
	public function __construct( SessionRepository $sessions, RateLimiter $limiter, CartRestorer $restorer ) {
		$this->sessions = $sessions;
		$this->limiter  = $limiter;
		$this->restorer = $restorer;
	}

	/**
	 * The hooks this service handles: the link handler only on a request that carries a restore link (the
	 * service is built for nothing else), and the checkout email prefill (static: nothing is built). The
	 * restore ends at the thank-you page (RestoredCheckout).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		$hooks = array(
			'woocommerce_checkout_get_value' => array( 10, 2 ),
		);
		if ( LinkRequest::present( QueryArgs::RESTORE ) ) {
			// Early on template_redirect: before WooCommerce's own redirects of cart and checkout pages.
			$hooks['template_redirect'] = array( 5, 1 );
		}
		return $hooks;
	}

	/**
	 * Handles a restore link, if this request is one. Ends the request with a redirect.
	 */
	public function handle_template_redirect(): void {
		if ( ! LinkRequest::present( QueryArgs::RESTORE ) ) {
			return;
		}
		$token  = LinkRequest::token( QueryArgs::RESTORE );
		$method = LinkRequest::method();
		LinkRequest::send_private_headers();

		if ( 'GET' !== $method ) {
			// HEAD (link checkers, previews) and anything else: no cart rebuilt, no click counted, no event.
			status_header( 'HEAD' === $method ? 200 : 405 );
			if ( 'HEAD' !== $method ) {
				header( 'Allow: GET, HEAD' );
			}
			exit;
		}

		// A signed token was issued here: never limited. Anything else reserves a slot before any lookup,
		// so guessing tokens costs the guesser, not the database (and not the guesser's neighbours).
		$counted = ! LinkSigner::is_restore_token( $token );
		if ( $counted ) {
			$reserved = $this->limiter->reserve( RateLimitBuckets::RESTORE );
			if ( true !== $reserved ) {
				$this->refuse_rate_limited( $reserved );
				return;
			}
		}
		if ( ! WC()->cart instanceof \WC_Cart ) {
			$this->refuse( 'no_cart', null );
			return;
		}
		if ( $counted && LinkSigner::has_signed_shape( $token ) ) {
			// Shaped like a signed token but its MAC is wrong: forged or tampered, refused without a lookup.
			$this->refuse( 'forged', null );
			return;
		}

		$hash    = TokenHelper::is_well_formed( $token ) ? TokenHelper::hash( $token ) : '';
		$session = $this->sessions->find_by_token_hash( MetaKeys::TOKEN_HASH, $hash );
		$grant   = null === $session ? null : RecoveryLinks::restore_grant( $session, $hash );
		if ( null === $session || null === $grant ) {
			$this->refuse( 'unknown_token', $session );
			return;
		}
		if ( $grant['expires_at'] <= time() ) {
			$this->refuse( 'expired', $session );
			return;
		}
		// Recovered, expired or suppressed: the link is spent, whatever its expiry says.
		if ( ! OrderStatuses::is( $session, OrderStatuses::ABANDONED ) ) {
			$this->refuse( 'not_abandoned', $session );
			return;
		}
		if ( $counted ) {
			// An older unsigned link that is valid: it does not count against its address.
			$this->limiter->release( RateLimitBuckets::RESTORE );
		}
		$this->restore( $session, $hash, $grant['notification_id'] );
	}

	/**
	 * `woocommerce_checkout_get_value`, classic checkout: the restored email fills an empty billing email
	 * field (before CheckoutEmailPrefill, priority 20).
	 *
	 * @param mixed  $value Value so far (null: WooCommerce decides).
	 * @param string $input Field name.
	 * @return mixed
	 */
	public static function handle_woocommerce_checkout_get_value( $value, $input ) {
		if ( null !== $value || 'billing_email' !== $input ) {
			return $value;
		}
		$email = RestoredCheckout::email();
		if ( '' === $email ) {
			return $value;
		}
		// A signed-in shopper's own address wins; a guest's field shows the address the cart was saved under.
		if ( is_user_logged_in() ) {
			$customer = new \WC_Customer( get_current_user_id() );
			return '' === $customer->get_billing_email() ? $email : $value;
		}
		return $email;
	}

	/**
	 * Rebuilds the cart of a valid link, records what happened, and redirects to checkout.
	 *
	 * @param \WC_Order $session         Abandoned session.
	 * @param string    $hash            Hash of the presented token.
	 * @param string    $notification_id Notification whose email carried the link ('' for none).
	 */
	private function restore( \WC_Order $session, string $hash, string $notification_id ): void {
		$session_id = (string) $session->get_meta( MetaKeys::SESSION_ID );
		$email      = (string) $session->get_meta( MetaKeys::EMAIL );
		$this->sessions->add_event( $session, SessionEvents::RESTORE_CLICKED, array( 'notification_id' => $notification_id ) );
		if ( '' !== $notification_id ) {
			NotificationLog::annotate( $session, $notification_id, array( 'restore_clicked_at' => time() ) );
		}
		$this->sessions->add_event( $session, SessionEvents::CART_RESTORE_STARTED );

		$plan = $this->restorer->plan( $session->get_meta( MetaKeys::CART_SNAPSHOT ) );
		if ( array() === $plan['lines'] ) {
			// Nothing to put back: the shopper's current cart stays as it is.
			$this->sessions->add_event( $session, SessionEvents::CART_RESTORE_FAILED, $this->event_data( 0, $plan['problems'] ) );
			$this->sessions->save( $session );
			LinkRequest::log( 'restore.failed_nothing_available', $session );
			wc_add_notice( __( 'Sorry, the products in your saved cart are no longer available. Your current cart has not been changed.', 'cartbay' ), 'error' );
			$this->redirect( $this->fallback_url() );
			return;
		}

		$result   = $this->restorer->rebuild( WC()->cart, $plan['lines'] );
		$problems = array_merge( $plan['problems'], $result['problems'] );
		if ( 0 === $result['added'] ) {
			$this->sessions->add_event( $session, SessionEvents::CART_RESTORE_FAILED, $this->event_data( 0, $problems ) );
			$this->sessions->save( $session );
			LinkRequest::log( 'restore.failed_cart_refused', $session );
			wc_add_notice( __( 'Sorry, the products in your saved cart are no longer available.', 'cartbay' ), 'error' );
			$this->redirect( $this->fallback_url() );
			return;
		}

		RestoredCheckout::remember( $session_id, $hash, $email );
		$this->prefill_customer( $email );
		$this->apply_coupon( (string) $session->get_meta( MetaKeys::COUPON_CODE ) );
		WC()->cart->calculate_totals();

		$this->sessions->add_event(
			$session,
			array() === $problems ? SessionEvents::CART_RESTORED : SessionEvents::CART_RESTORE_PARTIAL,
			$this->event_data( $result['added'], $problems )
		);
		$this->sessions->save( $session );

		if ( array() === $problems ) {
			wc_add_notice( __( 'Welcome back! Your cart has been restored.', 'cartbay' ), 'success' );
		} else {
			$this->notify_partial( $problems );
		}
		$this->redirect( wc_get_checkout_url() );
	}

	/**
	 * One notice listing what could not be restored as it was.
	 *
	 * @param array<int, array{product_id: int, name: string, reason: string}> $problems Problems.
	 */
	private function notify_partial( array $problems ): void {
		$by_reason = array();
		foreach ( $problems as $problem ) {
			$by_reason[ $problem['reason'] ][] = '' !== $problem['name'] ? $problem['name'] : __( 'a product', 'cartbay' );
		}
		$sentences = array( __( 'Your cart has been restored, with some changes:', 'cartbay' ) );
		foreach ( $by_reason as $reason => $names ) {
			$list = esc_html( wc_format_list_of_items( array_unique( $names ) ) );
			switch ( $reason ) {
				case CartRestorer::OUT_OF_STOCK:
					/* translators: %s: product names */
					$sentences[] = sprintf( __( '%s is out of stock and was not added.', 'cartbay' ), $list );
					break;
				case CartRestorer::REDUCED:
					/* translators: %s: product names */
					$sentences[] = sprintf( __( 'Only part of the saved quantity of %s is in stock.', 'cartbay' ), $list );
					break;
				case CartRestorer::REPRICED:
					/* translators: %s: product names */
					$sentences[] = sprintf( __( 'The price of %s has changed since you saved your cart.', 'cartbay' ), $list );
					break;
				default:
					/* translators: %s: product names */
					$sentences[] = sprintf( __( '%s is no longer available and was not added.', 'cartbay' ), $list );
			}
		}
		wc_add_notice( implode( ' ', $sentences ), 'notice' );
	}

	/**
	 * A guest's checkout (classic and Block Checkout alike) starts with the session's email. A signed-in
	 * shopper's account is never changed by a link.
	 *
	 * @param string $email Captured email.
	 */
	private function prefill_customer( string $email ): void {
		$customer = WC()->customer;
		if ( '' === $email || ! $customer instanceof \WC_Customer || 0 !== $customer->get_id() ) {
			return;
		}
		$customer->set_billing_email( $email );
		$customer->save();
	}

	/**
	 * Applies the session's recovery coupon when WooCommerce (and CouponGuard) accept it now; quietly
	 * skips an expired, used or refused one.
	 *
	 * @param string $code Coupon code ('' for none).
	 */
	private function apply_coupon( string $code ): void {
		if ( '' === $code || WC()->cart->has_discount( $code ) || ! wc_get_coupon_id_by_code( $code ) ) {
			return;
		}
		$valid = ( new \WC_Discounts( WC()->cart ) )->is_coupon_valid( new \WC_Coupon( $code ) );
		if ( true === $valid ) {
			WC()->cart->apply_coupon( $code );
		}
	}

	/**
	 * Event context: counts and product ids with reasons, never names or emails.
	 *
	 * @param int   $added    Lines added.
	 * @param array $problems Problems.
	 * @return array<string, mixed>
	 */
	private function event_data( int $added, array $problems ): array {
		return array(
			'added'    => $added,
			'problems' => array_map(
				static fn ( $p ) => array(
					'product_id' => $p['product_id'],
					'reason'     => $p['reason'],
				),
				$problems
			),
		);
	}

	/**
	 * Refuses a link: nothing changes, the shopper gets a notice, the log gets the reason.
	 *
	 * @param string         $reason  Machine reason for the log.
	 * @param \WC_Order|null $session Session the token named, if any (logged by order id).
	 * @param string         $message Shopper notice (default: the link is not valid any more).
	 */
	private function refuse( string $reason, ?\WC_Order $session, string $message = '' ): void {
		LinkRequest::log( 'restore.refused', $session, array( 'reason' => $reason ) );
		// A first-time visitor needs a session cookie, or the notice is gone before the next page.
		if ( null !== WcSession::for_writing() ) {
			wc_add_notice( '' !== $message ? $message : __( 'This cart link has expired or is no longer valid. Your current cart has not been changed.', 'cartbay' ), 'notice' );
		}
		$this->redirect( $this->fallback_url() );
	}

	/**
	 * Refuses a request whose address has used up its window of failed links: 429 with Retry-After and a
	 * small page, before any lookup.
	 *
	 * @param \WP_Error $error The limiter's refusal.
	 */
	private function refuse_rate_limited( \WP_Error $error ): void {
		LinkRequest::log( 'restore.refused', null, array( 'reason' => 'rate_limited' ) );
		header( 'Retry-After: ' . LinkRequest::retry_after( $error ) );
		$title = __( 'Too many attempts', 'cartbay' );
		wp_die(
			'<h1>' . esc_html( $title ) . '</h1><p>' . esc_html__( 'Too many attempts to open a saved cart. Please wait a few minutes and try again.', 'cartbay' ) . '</p><p><a href="' . esc_url( $this->fallback_url() ) . '">' . esc_html__( 'Continue to the store', 'cartbay' ) . '</a></p>',
			esc_html( $title ),
			array( 'response' => 429 )
		);
	}

	/**
	 * Where a refused or failed restore lands: the cart page, else the shop, else home.
	 *
	 * @return string
	 */
	private function fallback_url(): string {
		foreach ( array( 'cart', 'shop' ) as $page ) {
			$url = wc_get_page_permalink( $page );
			if ( is_string( $url ) && '' !== $url ) {
				return $url;
			}
		}
		return home_url( '/' );
	}

	/**
	 * Redirects and ends the request (the WooCommerce session is saved on shutdown).
	 *
	 * @param string $url Target on this site.
	 */
	private function redirect( string $url ): void {
		wp_safe_redirect( $url );
		exit;
	}
}
