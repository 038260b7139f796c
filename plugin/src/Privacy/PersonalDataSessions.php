<?php
/**
 * The recovery sessions and coupons of one email, a page at a time, for the privacy tools.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Privacy;

use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Finds what CartBay holds about an email address: sessions by the email's hash (the indexed identity every
 * session carries), CartBay coupons by the email or its hash.
 */
final class PersonalDataSessions {

	/**
	 * Sessions or coupons one exporter or eraser page handles (WordPress calls again for the next page).
	 */
	public const PAGE = 20;

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
	 * One page of an email's sessions, oldest first.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1 (the eraser always asks for page 1: what it erased is gone).
	 * @return \WC_Order[]
	 */
	public function sessions( string $email, int $page ): array {
		$orders = wc_get_orders(
			array(
				'status'      => $this->sessions->statuses(),
				'created_via' => CARTBAY_CREATED_VIA,
				'limit'       => self::PAGE,
				'paged'       => max( 1, $page ),
				'orderby'     => 'ID',
				'order'       => 'ASC',
			) + OrderMetaQuery::args(
				array(
					array(
						'key'   => MetaKeys::EMAIL_HASH,
						'value' => TokenHelper::email_hash( $email ),
					),
				)
			)
		);
		return array_values( array_filter( $orders, static fn ( $order ) => $order instanceof \WC_Order ) );
	}

	/**
	 * One page of the CartBay coupons generated for an email, oldest first.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1.
	 * @return \WC_Coupon[]
	 */
	public function coupons( string $email, int $page ): array {
		$ids     = get_posts(
			array(
				'post_type'        => 'shop_coupon',
				'post_status'      => 'any',
				'posts_per_page'   => self::PAGE,
				'paged'            => max( 1, $page ),
				'orderby'          => 'ID',
				'order'            => 'ASC',
				'fields'           => 'ids',
				'suppress_filters' => true,
				// phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- keyed lookups, from the privacy tools only.
				'meta_query'       => array(
					'relation' => 'AND',
					array(
						'key'   => MetaKeys::COUPON_GENERATED,
						'value' => 'yes',
					),
					array(
						'relation' => 'OR',
						array(
							'key'   => MetaKeys::EMAIL_HASH,
							'value' => TokenHelper::email_hash( $email ),
						),
						array(
							'key'   => MetaKeys::EMAIL,
							'value' => $email,
						),
					),
				),
			)
		);
		$coupons = array();
		foreach ( $ids as $id ) {
			$coupon = new \WC_Coupon( (int) $id );
			if ( $coupon->get_id() ) {
				$coupons[] = $coupon;
			}
		}
		return $coupons;
	}
}
