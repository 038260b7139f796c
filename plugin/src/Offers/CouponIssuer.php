<?php
/**
 * Recovery coupons: one single-use, individual-use WooCommerce coupon per session, bound to its email, and
 * at most RecoverySchema::COUPONS_PER_EMAIL_PER_EXPIRY per email within one coupon-expiry period.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Offers;

use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Security\TokenHelper;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Makes (or finds again) the session's coupon from the Offers settings before a coupon step is sent.
 */
final class CouponIssuer {

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
	 * One inbox gets at most COUPONS_PER_EMAIL_PER_EXPIRY CartBay coupons per coupon-expiry period, however
	 * many carts its address left: when that many were already issued to the email hash within the last
	 * `coupon_expiry_days`, the session gets none (its email goes out without a coupon line).
	 *
	 * The coupon covers the cart this email restores (`_cartbay_coupon_items`, from the session's snapshot
	 * now); a coupon kept from an earlier email is moved to the snapshot of this one.
	 *
	 * Sets `_cartbay_coupon_code` and `_cartbay_coupon_expires_at` on the session in memory: the caller saves.
	 *
	 * @param \WC_Order $session Session order.
	 * @return \WC_Coupon|null Null when the offer is empty (amount 0), the session has no email, or the
	 *                         email already had its coupons for the period.
	 */
	public function ensure( \WC_Order $session ): ?\WC_Coupon {
		$existing = $this->live_coupon( (string) $session->get_meta( MetaKeys::COUPON_CODE ) );
		if ( $existing ) {
			// The session may have come back with another cart since: the coupon follows the cart this email restores.
			$items = RecoveryCoupon::snapshot_quantities( $session->get_meta( MetaKeys::CART_SNAPSHOT ) );
			if ( $existing->get_meta( MetaKeys::COUPON_ITEMS ) !== $items ) {
				$existing->update_meta_data( MetaKeys::COUPON_ITEMS, $items );
				$existing->save();
			}
			return $existing;
		}
		$email  = (string) $session->get_meta( MetaKeys::EMAIL );
		$type   = (string) $this->settings->get( SettingsKeys::COUPON_TYPE );
		$amount = (float) $this->settings->get( SettingsKeys::COUPON_AMOUNT );
		if ( '' === $email || $amount <= 0 ) {
			return null;
		}
		if ( 'percent' === $type ) {
			$amount = min( $amount, 100.0 ); // WooCommerce cannot take off more than the whole cart.
		}
		$days       = (int) $this->settings->get( SettingsKeys::COUPON_EXPIRY_DAYS );
		$email_hash = (string) $session->get_meta( MetaKeys::EMAIL_HASH );
		$email_hash = '' !== $email_hash ? $email_hash : TokenHelper::email_hash( $email );

		// Count and create under one lock per email, so two sends to one inbox cannot both pass the count.
		$lock = 'coupon|' . $email_hash;
		if ( ! JobLock::acquire( $lock ) ) {
			return null; // Another send is issuing this inbox's coupon right now: this one goes without.
		}
		try {
			if ( $this->issued_within( $email_hash, $email, $days ) >= RecoverySchema::COUPONS_PER_EMAIL_PER_EXPIRY ) {
				return null;
			}
			return $this->create( $session, $email, $email_hash, $type, $amount, $days );
		} finally {
			JobLock::release( $lock );
		}
	}

	/**
	 * CartBay coupons issued to an email within the last `$days` days (counted up to the limit).
	 *
	 * @param string $email_hash SHA-256 of the normalized email.
	 * @param string $email      The email as captured (coupons made before the hash was stored carry only it).
	 * @param int    $days       The coupon-expiry period.
	 * @return int
	 */
	private function issued_within( string $email_hash, string $email, int $days ): int {
		$query = new \WP_Query(
			array(
				'post_type'              => 'shop_coupon',
				'post_status'            => 'any',
				'posts_per_page'         => RecoverySchema::COUPONS_PER_EMAIL_PER_EXPIRY,
				'fields'                 => 'ids',
				'no_found_rows'          => true,
				'ignore_sticky_posts'    => true,
				'suppress_filters'       => true,
				'update_post_meta_cache' => false,
				'update_post_term_cache' => false,
				'date_query'             => array(
					array(
						'column'    => 'post_date_gmt',
						'after'     => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ),
						'inclusive' => true,
					),
				),
				// phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- keyed lookups, at most one coupon step per send.
				'meta_query'             => array(
					'relation' => 'AND',
					array(
						'key'   => MetaKeys::COUPON_GENERATED,
						'value' => 'yes',
					),
					array(
						'relation' => 'OR',
						array(
							'key'   => MetaKeys::EMAIL_HASH,
							'value' => $email_hash,
						),
						array(
							'key'   => MetaKeys::EMAIL,
							'value' => $email,
						),
					),
				),
			)
		);
		return count( $query->posts );
	}

	/**
	 * Makes the session's coupon from the Offers settings and records it on the session (in memory).
	 *
	 * @param \WC_Order $session    Session order.
	 * @param string    $email      Captured email (the coupon's only allowed email).
	 * @param string    $email_hash SHA-256 of the normalized email (kept on the coupon for the per-email limit).
	 * @param string    $type       WooCommerce discount type.
	 * @param float     $amount     Discount amount.
	 * @param int       $days       Days until it expires.
	 * @return \WC_Coupon
	 */
	private function create( \WC_Order $session, string $email, string $email_hash, string $type, float $amount, int $days ): \WC_Coupon {
		$expires = time() + $days * DAY_IN_SECONDS;
		$code    = $this->unique_code();
		$coupon  = new \WC_Coupon();
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
		$coupon->update_meta_data( MetaKeys::EMAIL_HASH, $email_hash );
		$coupon->update_meta_data( MetaKeys::COUPON_ITEMS, RecoveryCoupon::snapshot_quantities( $session->get_meta( MetaKeys::CART_SNAPSHOT ) ) );
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
	 * @return \WC_Coupon|null
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
	 *
	 * @return string
	 */
	private function unique_code(): string {
		$last = strlen( RecoverySchema::COUPON_CODE_ALPHABET ) - 1;
		do {
			$code = RecoverySchema::COUPON_CODE_PREFIX;
			for ( $i = 0; $i < RecoverySchema::COUPON_CODE_RANDOM_LENGTH; $i++ ) {
				$code .= RecoverySchema::COUPON_CODE_ALPHABET[ random_int( 0, $last ) ];
			}
		} while ( wc_get_coupon_id_by_code( wc_format_coupon_code( $code ) ) );
		return $code;
	}
}
