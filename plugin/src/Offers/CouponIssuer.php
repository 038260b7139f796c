<?php
/**
 * Recovery coupons: one single-use, individual-use WooCommerce coupon per session, bound to its email.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Offers;

use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Makes (or finds again) the session's coupon from the Offers settings before a coupon step is sent.
 */
final class CouponIssuer {

	/**
	 * Characters of the random code part: no 0/O or 1/I look-alikes, so a code can be typed from print.
	 */
	private const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings.
	 */
	public function __construct( SettingsRepository $settings ) {
		$this->settings = $settings;
	}

	/**
	 * The session's live coupon, made now if it has none (or only a used or expired one).
	 *
	 * Sets `_cartbay_coupon_code` and `_cartbay_coupon_expires_at` on the session in memory: the caller saves.
	 *
	 * @param \WC_Order $session Session order.
	 * @return \WC_Coupon|null Null when the offer is empty (amount 0) or the session has no email.
	 */
	public function ensure( \WC_Order $session ): ?\WC_Coupon {
		$existing = $this->live_coupon( (string) $session->get_meta( MetaKeys::COUPON_CODE ) );
		if ( $existing ) {
			return $existing;
		}
		$email  = (string) $session->get_meta( MetaKeys::EMAIL );
		$type   = (string) $this->settings->get( 'coupon_type' );
		$amount = (float) $this->settings->get( 'coupon_amount' );
		if ( '' === $email || $amount <= 0 ) {
			return null;
		}
		if ( 'percent' === $type ) {
			$amount = min( $amount, 100.0 ); // WooCommerce cannot take off more than the whole cart.
		}
		$days    = (int) $this->settings->get( 'coupon_expiry_days' );
		$expires = time() + $days * DAY_IN_SECONDS;

		$code   = $this->unique_code();
		$coupon = new \WC_Coupon();
		$coupon->set_code( $code );
		$coupon->set_discount_type( $type );
		$coupon->set_amount( $amount );
		$coupon->set_individual_use( true );
		$coupon->set_usage_limit( 1 );
		$coupon->set_usage_limit_per_user( 1 );
		$coupon->set_email_restrictions( array( $email ) );
		$coupon->set_date_expires( $expires );
		$coupon->set_description( __( 'CartBay recovery coupon (generated for one abandoned cart).', 'cartbay' ) );
		$coupon->update_meta_data( MetaKeys::SESSION_ID, (string) $session->get_meta( MetaKeys::SESSION_ID ) );
		$coupon->update_meta_data( MetaKeys::EMAIL, $email );
		$coupon->update_meta_data( MetaKeys::COUPON_GENERATED, 'yes' );
		$coupon->update_meta_data( MetaKeys::COUPON_OFFER_NOTE, sprintf( '%s %s, %d days', $type, wc_format_decimal( $amount ), $days ) );
		$coupon->save();

		// WooCommerce keeps codes lower-cased (and matches them case-insensitively); shoppers see the capitals.
		$session->update_meta_data( MetaKeys::COUPON_CODE, $code );
		$session->update_meta_data( MetaKeys::COUPON_EXPIRES_AT, $expires );
		return $coupon;
	}

	/**
	 * A CartBay coupon by code that can still be used.
	 *
	 * @param string $code Coupon code.
	 */
	private function live_coupon( string $code ): ?\WC_Coupon {
		if ( '' === $code || ! wc_get_coupon_id_by_code( wc_format_coupon_code( $code ) ) ) {
			return null;
		}
		$coupon  = new \WC_Coupon( $code );
		$expires = $coupon->get_date_expires();
		$used_up = $coupon->get_usage_limit() > 0 && $coupon->get_usage_count() >= $coupon->get_usage_limit();
		if ( 'yes' !== $coupon->get_meta( MetaKeys::COUPON_GENERATED ) || $used_up || ( $expires && $expires->getTimestamp() <= time() ) ) {
			return null;
		}
		return $coupon;
	}

	/**
	 * A coupon code no other coupon has: prefix + random characters.
	 */
	private function unique_code(): string {
		$last = strlen( self::CODE_ALPHABET ) - 1;
		do {
			$code = RecoverySchema::COUPON_CODE_PREFIX;
			for ( $i = 0; $i < RecoverySchema::COUPON_CODE_RANDOM_LENGTH; $i++ ) {
				$code .= self::CODE_ALPHABET[ random_int( 0, $last ) ];
			}
		} while ( wc_get_coupon_id_by_code( wc_format_coupon_code( $code ) ) );
		return $code;
	}
}
