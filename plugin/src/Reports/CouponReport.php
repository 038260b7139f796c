<?php
/**
 * Coupon History: the CartBay-generated coupons, their cards, rows and details.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\CouponStatus;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Offers\RecoveryCoupon;

defined( 'ABSPATH' ) || exit;

/**
 * Only coupons CartBay generated (`_cartbay_generated`) are ever read here: a store's own coupon is not
 * found, by id or in the list.
 *
 * The cards: generated = every CartBay coupon; used = used at least once; expired = unused and past its
 * expiry; active = the rest (unused, not expired). Coupons are posts (WooCommerce keeps no coupon table), so
 * they are counted with WP_Query, every count a plain conjunction of indexed meta conditions.
 */
final class CouponReport {

	/**
	 * Characters of a code left readable at its end.
	 */
	private const VISIBLE_TAIL = 4;

	/**
	 * Sessions (a coupon's details show its session's events).
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
	 * The four cards.
	 *
	 * @return array{generated: int, active: int, used: int, expired: int}
	 */
	public function cards(): array {
		$now       = time();
		$past      = array(
			'key'     => 'date_expires',
			'value'   => array( 1, $now - 1 ),
			'compare' => 'BETWEEN',
			'type'    => 'NUMERIC',
		);
		$used      = array(
			'key'     => 'usage_count',
			'value'   => 1,
			'compare' => '>=',
			'type'    => 'NUMERIC',
		);
		$generated = $this->count( array() );
		$used_n    = $this->count( array( $used ) );
		$expired   = max( 0, $this->count( array( $past ) ) - $this->count( array( $used, $past ) ) );
		return array(
			'generated'           => $generated,
			CouponStatus::ACTIVE  => max( 0, $generated - $used_n - $expired ),
			CouponStatus::USED    => $used_n,
			CouponStatus::EXPIRED => $expired,
		);
	}

	/**
	 * One page of coupons, newest first, and how many there are.
	 *
	 * @param int $offset Rows before the page.
	 * @param int $limit  Rows of the page.
	 * @return array{rows: array<int, array<string, mixed>>, total: int}
	 */
	public function page( int $offset, int $limit ): array {
		$query = new \WP_Query( $this->query_args( array(), $offset, $limit ) );
		$rows  = array();
		foreach ( $query->posts as $id ) {
			$coupon = new \WC_Coupon( (int) $id );
			if ( $coupon->get_id() > 0 ) {
				$rows[] = self::summary( $coupon );
			}
		}
		return array(
			'rows'  => $rows,
			'total' => (int) $query->found_posts,
		);
	}

	/**
	 * A CartBay coupon by id, or null for any other id (a store's own coupon, a post that is not a coupon).
	 *
	 * @param int $id Coupon post id.
	 * @return \WC_Coupon|null
	 */
	public function find( int $id ): ?\WC_Coupon {
		if ( $id <= 0 || 'shop_coupon' !== get_post_type( $id ) ) {
			return null;
		}
		$coupon = new \WC_Coupon( $id );
		return $coupon->get_id() === $id && RecoveryCoupon::is_cartbay_coupon( $coupon ) ? $coupon : null;
	}

	/**
	 * A coupon in full: its row with the full code, the email it was generated for, its email restrictions,
	 * its session, the restore click, the order the session recovered (or influenced) and the session's
	 * events.
	 *
	 * @param \WC_Coupon $coupon CartBay coupon.
	 * @return array<string, mixed>
	 */
	public function detail( \WC_Coupon $coupon ): array {
		$session_id = (string) $coupon->get_meta( MetaKeys::SESSION_ID );
		$session    = '' !== $session_id ? $this->sessions->find( $session_id ) : null;
		// A pruned session's used coupon keeps the order link on itself (Data\RetiredSessionCoupons).
		$linked  = $session ? absint( $session->get_meta( MetaKeys::RECOVERED_ORDER_ID ) ) : absint( $coupon->get_meta( MetaKeys::RECOVERED_ORDER_ID ) );
		$clicked = $session ? SessionDetail::restore_clicked_at( $session ) : 0;
		return array_merge(
			self::summary( $coupon ),
			array(
				'code'               => self::full_code( $coupon ),
				'generated_email'    => (string) $coupon->get_meta( MetaKeys::EMAIL ),
				'email_restrictions' => array_values( array_map( 'strval', (array) $coupon->get_email_restrictions() ) ),
				'offer_note'         => (string) $coupon->get_meta( MetaKeys::COUPON_OFFER_NOTE ),
				'individual_use'     => (bool) $coupon->get_individual_use(),
				'session'            => $session ? array(
					'session_id' => $session_id,
					'order_id'   => $session->get_id(),
					'status'     => SessionRow::status_key( $session ),
					'email'      => (string) $session->get_meta( MetaKeys::EMAIL ),
				) : null,
				'restore_clicked_at' => IsoTime::from( $clicked ),
				'recovered_order'    => $linked > 0 ? LinkedOrder::summary( $linked ) : null,
				'attribution'        => $session && '' !== (string) $session->get_meta( MetaKeys::ATTRIBUTION ) ? (string) $session->get_meta( MetaKeys::ATTRIBUTION ) : null,
				'events'             => $session ? SessionDetail::events( $session ) : array(),
			)
		);
	}

	/**
	 * The row of a coupon: masked code, session, discount, usage, expiry and status.
	 *
	 * @param \WC_Coupon $coupon Coupon.
	 * @return array<string, mixed>
	 */
	public static function summary( \WC_Coupon $coupon ): array {
		$created = $coupon->get_date_created();
		return array(
			'coupon_id'     => $coupon->get_id(),
			'code'          => self::mask( self::full_code( $coupon ) ),
			'session_id'    => (string) $coupon->get_meta( MetaKeys::SESSION_ID ),
			'discount_type' => (string) $coupon->get_discount_type(),
			'amount'        => (float) $coupon->get_amount(),
			'usage_count'   => (int) $coupon->get_usage_count(),
			'usage_limit'   => (int) $coupon->get_usage_limit(),
			'expires_at'    => IsoTime::from( $coupon->get_date_expires() ),
			'created_at'    => IsoTime::from( $created ),
			'status'        => self::status( $coupon ),
		);
	}

	/**
	 * The code as CartBay issued it (WooCommerce keeps codes lower-cased; CartBay's are capitals).
	 *
	 * @param \WC_Coupon $coupon Coupon.
	 * @return string
	 */
	public static function full_code( \WC_Coupon $coupon ): string {
		return strtoupper( (string) $coupon->get_code() );
	}

	/**
	 * A code with everything but the CartBay prefix and its last characters hidden: `CARTBAY-******7K2Q`.
	 *
	 * @param string $code Full code.
	 * @return string
	 */
	public static function mask( string $code ): string {
		$prefix = str_starts_with( $code, RecoverySchema::COUPON_CODE_PREFIX ) ? RecoverySchema::COUPON_CODE_PREFIX : '';
		$rest   = substr( $code, strlen( $prefix ) );
		$hidden = max( 0, strlen( $rest ) - self::VISIBLE_TAIL );
		return $prefix . str_repeat( '*', $hidden ) . substr( $rest, $hidden );
	}

	/**
	 * The coupon's status (plugin/schema/coupons.ts): used, expired or active.
	 *
	 * @param \WC_Coupon $coupon Coupon.
	 * @return string
	 */
	public static function status( \WC_Coupon $coupon ): string {
		if ( $coupon->get_usage_count() >= 1 ) {
			return CouponStatus::USED;
		}
		$expires = $coupon->get_date_expires();
		return $expires && $expires->getTimestamp() < time() ? CouponStatus::EXPIRED : CouponStatus::ACTIVE;
	}

	/**
	 * CartBay coupons matching more meta conditions.
	 *
	 * @param array $conditions Meta-query clauses (all must match).
	 * @return int
	 */
	private function count( array $conditions ): int {
		$query = new \WP_Query( $this->query_args( $conditions, 0, 1 ) );
		return (int) $query->found_posts;
	}

	/**
	 * WP_Query arguments selecting CartBay coupons (ids, newest first).
	 *
	 * @param array $conditions More meta-query clauses (all must match).
	 * @param int   $offset     Rows to skip.
	 * @param int   $limit      Rows to read.
	 * @return array<string, mixed>
	 */
	private function query_args( array $conditions, int $offset, int $limit ): array {
		return array(
			'post_type'              => 'shop_coupon',
			'post_status'            => 'any',
			'fields'                 => 'ids',
			'posts_per_page'         => max( 1, $limit ),
			'offset'                 => max( 0, $offset ),
			'orderby'                => array(
				'date' => 'DESC',
				'ID'   => 'DESC',
			),
			'ignore_sticky_posts'    => true,
			'suppress_filters'       => true,
			'update_post_term_cache' => false,
			// phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- keyed lookups on the coupons' own meta.
			'meta_query'             => array_merge(
				array(
					array(
						'key'   => MetaKeys::COUPON_GENERATED,
						'value' => 'yes',
					),
				),
				$conditions
			),
		);
	}
}
