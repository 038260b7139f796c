<?php
/**
 * Tools > Erase Personal Data: removes what CartBay holds about an email.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Privacy;

use WPAnchorBay\CartBay\Analytics\AnalyticsLedger;
use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Suppression\SuppressionList;

defined( 'ABSPATH' ) || exit;

/**
 * Deletes an email's sessions (their pending jobs with them; their figures stay in the analytics ledger,
 * which holds no personal data), deletes its unused CartBay coupons and takes the email off the used ones
 * (the order that used a coupon keeps its record). The unsubscribe record is kept and reported: it is a
 * one-way hash whose only use is to never email that address again.
 */
final class PersonalDataEraser implements HookSubscriber {

	/**
	 * Finder.
	 *
	 * @var PersonalDataSessions
	 */
	private $finder;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Suppression list.
	 *
	 * @var SuppressionList
	 */
	private $suppression;

	/**
	 * Constructor.
	 *
	 * @param PersonalDataSessions $finder      Finder.
	 * @param SessionRepository    $sessions    Sessions.
	 * @param SuppressionList      $suppression Suppression list.
	 */
	public function __construct( PersonalDataSessions $finder, SessionRepository $sessions, SuppressionList $suppression ) {
		$this->finder      = $finder;
		$this->sessions    = $sessions;
		$this->suppression = $suppression;
	}

	/**
	 * The hooks this service handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'wp_privacy_personal_data_erasers' => array( 10, 1 ),
		);
	}

	/**
	 * Registers the eraser (statically: the service is built only when WordPress runs it).
	 *
	 * @param mixed $erasers Registered erasers.
	 * @return mixed
	 */
	public static function handle_wp_privacy_personal_data_erasers( $erasers ) {
		if ( ! is_array( $erasers ) ) {
			return $erasers;
		}
		$erasers['cartbay'] = array(
			'eraser_friendly_name' => __( 'CartBay cart recovery', 'cartbay' ),
			'callback'             => static fn ( $email ) => \WPAnchorBay\CartBay\Core\Plugin::instance()->service( self::class )->erase( (string) $email ),
		);
		return $erasers;
	}

	/**
	 * Erases one batch; WordPress calls again until done. Always the first page: what was erased is gone.
	 *
	 * @param string $email Email address.
	 * @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool}
	 */
	public function erase( string $email ): array {
		$email  = sanitize_email( $email );
		$result = array(
			'items_removed'  => false,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
		if ( '' === $email ) {
			return $result;
		}
		$sessions = $this->finder->sessions( $email, 1 );
		$deleted  = AnalyticsLedger::retire(
			$sessions,
			function ( \WC_Order $order ): bool {
				$this->sessions->cancel_jobs( (string) $order->get_meta( MetaKeys::SESSION_ID ) );
				return (bool) $order->delete( true );
			}
		);
		if ( $deleted < count( $sessions ) ) {
			// The analytics ledger was busy: WordPress asks again, and the rest goes then.
			$result['done'] = false;
		}
		$coupons = $this->finder->coupons( $email, 1 );
		foreach ( $coupons as $coupon ) {
			$this->erase_coupon( $coupon );
		}
		$result['items_removed'] = $deleted > 0 || array() !== $coupons;
		$result['done']          = $result['done'] && count( $sessions ) < PersonalDataSessions::PAGE && count( $coupons ) < PersonalDataSessions::PAGE;
		if ( $result['done'] && $this->suppression->is_suppressed( $email ) ) {
			$result['items_retained'] = true;
			$result['messages'][]     = __( 'CartBay kept the unsubscribe record of this address (a one-way hash) so it is never emailed cart reminders again.', 'cartbay' );
		}
		return $result;
	}

	/**
	 * Deletes an unused CartBay coupon; takes the email off a used one (its use stays on the order).
	 *
	 * @param \WC_Coupon $coupon Coupon.
	 */
	private function erase_coupon( \WC_Coupon $coupon ): void {
		if ( $coupon->get_usage_count() < 1 ) {
			$coupon->delete( true );
			return;
		}
		$coupon->set_email_restrictions( array() );
		$coupon->set_used_by( array() );
		$coupon->delete_meta_data( MetaKeys::EMAIL );
		$coupon->delete_meta_data( MetaKeys::EMAIL_HASH );
		$coupon->save();
	}
}
