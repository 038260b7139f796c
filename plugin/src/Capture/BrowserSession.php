<?php
/**
 * What a shopper's WooCommerce session says about CartBay: the session this browser owns.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Data\WcSession;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\WcSessionKeys;
use WPAnchorBay\CartBay\Recovery\RestoredCheckout;

defined( 'ABSPATH' ) || exit;

/**
 * Ownership of a CartBay session lives in the WooCommerce session of the browser that created it (its
 * handle: the id and order id capture handed out) or that a restore link rebuilt a cart from
 * (RestoredCheckout). Only that browser may change or withdraw the session.
 *
 * A browser can also hold a decoy handle: an id capture answered with while storing nothing under it (a
 * suppressed email, another browser's session, the per-email limit). A decoy has no order id, is never a
 * session, and becomes the id of the first session this browser does create, so the answers a browser
 * sees never tell a decoy from a real session.
 */
final class BrowserSession {

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
	 * Whether this browser holds any CartBay id (a handle or a restored session). In-memory reads of the
	 * loaded WooCommerce session only: this is the bail-out for untracked shoppers.
	 *
	 * @return bool
	 */
	public static function is_tracking(): bool {
		return '' !== self::handle() || '' !== RestoredCheckout::session_id();
	}

	/**
	 * The id capture last handed to this browser (a session's or a decoy), or ''.
	 *
	 * @return string
	 */
	public static function handle(): string {
		return WcSession::text( WcSessionKeys::SESSION_ID );
	}

	/**
	 * Whether an id the browser presents is its own: its handle or the session its cart was restored from.
	 *
	 * @param string $session_id Id sent by the browser.
	 * @return bool
	 */
	public static function owns( string $session_id ): bool {
		if ( '' === $session_id ) {
			return false;
		}
		foreach ( array( self::handle(), RestoredCheckout::session_id() ) as $own ) {
			if ( '' !== $own && hash_equals( $own, $session_id ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The handle when it is a decoy (no session behind it), which the next session this browser creates
	 * takes as its id; '' otherwise.
	 *
	 * @return string
	 */
	public static function decoy_handle(): string {
		return self::order_id() > 0 ? '' : self::handle();
	}

	/**
	 * The handle when it names a real session (set with its order id): what an order placed by this
	 * browser may carry for attribution; '' for none or a decoy.
	 *
	 * @return string
	 */
	public static function session_handle(): string {
		return self::order_id() > 0 ? self::handle() : '';
	}

	/**
	 * The email this browser last sent to capture, or ''.
	 *
	 * @return string
	 */
	public static function captured_email(): string {
		return WcSession::text( WcSessionKeys::CAPTURED_EMAIL );
	}

	/**
	 * The live (captured or abandoned) session this browser owns: the session its cart was restored from
	 * first (a recovery under way), then the one capture handed it.
	 *
	 * @return \WC_Order|null
	 */
	public function live_session(): ?\WC_Order {
		return $this->live_sessions()[0] ?? null;
	}

	/**
	 * Every live session this browser owns, in that order (at most two: restored and handed).
	 *
	 * @return \WC_Order[]
	 */
	public function live_sessions(): array {
		$owned    = array();
		$restored = RestoredCheckout::session_id();
		$handled  = $this->handled_session();
		if ( '' !== $restored ) {
			// Once capture has run on the restored checkout, the handle names it too: no meta query then.
			$order = null !== $handled && self::handle() === $restored ? $handled : $this->sessions->find( $restored, $this->sessions->active_statuses() );
			if ( null !== $order ) {
				$owned[ $order->get_id() ] = $order;
			}
		}
		if ( null !== $handled ) {
			$owned[ $handled->get_id() ] = $handled;
		}
		return array_values( $owned );
	}

	/**
	 * The session behind the handle, straight from the order id kept beside it (no meta query). A decoy
	 * has no order id.
	 *
	 * @return \WC_Order|null
	 */
	private function handled_session(): ?\WC_Order {
		$order_id = self::order_id();
		if ( $order_id <= 0 || '' === self::handle() ) {
			return null;
		}
		$order = wc_get_order( $order_id );
		return $order instanceof \WC_Order
			&& CARTBAY_CREATED_VIA === $order->get_created_via()
			&& (string) $order->get_meta( MetaKeys::SESSION_ID ) === self::handle()
			&& OrderStatuses::is( $order, ...$this->sessions->active_statuses() )
			? $order : null;
	}

	/**
	 * Keeps a handle in this browser's WooCommerce session, with the email it was captured with.
	 *
	 * @param string $session_id Session id, or a decoy.
	 * @param int    $order_id   Order id of the session; 0 for a decoy.
	 * @param string $email      Email the browser sent.
	 */
	public static function remember( string $session_id, int $order_id, string $email ): void {
		// Ownership must outlive this request, so a cookie-less shopper gets a session cookie.
		$session = WcSession::for_writing();
		if ( null === $session ) {
			return;
		}
		$session->set( WcSessionKeys::SESSION_ID, $session_id );
		$session->set( WcSessionKeys::SESSION_ORDER_ID, $order_id > 0 ? $order_id : null );
		$session->set( WcSessionKeys::CAPTURED_EMAIL, '' !== $email ? $email : null );
	}

	/**
	 * Forgets the handle and the captured email (consent withdrawn, order placed).
	 */
	public static function forget(): void {
		$session = WcSession::current();
		if ( null === $session ) {
			return;
		}
		foreach ( array( WcSessionKeys::SESSION_ID, WcSessionKeys::SESSION_ORDER_ID, WcSessionKeys::CAPTURED_EMAIL ) as $key ) {
			if ( null !== $session->get( $key ) ) {
				$session->set( $key, null );
			}
		}
	}

	/**
	 * Order id kept beside the handle, 0 for none.
	 *
	 * @return int
	 */
	private static function order_id(): int {
		$session = WcSession::current();
		return null === $session ? 0 : absint( $session->get( WcSessionKeys::SESSION_ORDER_ID ) );
	}
}
