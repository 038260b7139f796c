<?php
/**
 * REST handlers of Coupon History.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Reports\CouponReport;
use WPAnchorBay\CartBay\Reports\Paging;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/coupons` and `GET cartbay/v1/coupons/{id}` (manage_woocommerce): CartBay-generated
 * coupons only.
 */
final class CouponsController {

	/**
	 * Coupon History.
	 *
	 * @var CouponReport
	 */
	private $coupons;

	/**
	 * Constructor.
	 *
	 * @param CouponReport $coupons Coupon History.
	 */
	public function __construct( CouponReport $coupons ) {
		$this->coupons = $coupons;
	}

	/**
	 * GET /coupons: the cards and one page of coupons, newest first, codes masked; X-WP-Total and
	 * X-WP-TotalPages count the coupons.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function list_coupons( \WP_REST_Request $request ) {
		$paging = Paging::from_request( $request );
		$page   = $this->coupons->page( $paging->offset(), $paging->limit() );
		return $paging->response(
			array(
				'cards'   => $this->coupons->cards(),
				'coupons' => $page['rows'],
			),
			$page['total']
		);
	}

	/**
	 * GET /coupons/{id}: one CartBay coupon in full.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error 404 `cartbay_coupon_not_found` for any other id (a store's own
	 *                                     coupon included).
	 */
	public function get_coupon( \WP_REST_Request $request ) {
		$id     = $request->get_param( 'id' );
		$coupon = is_numeric( $id ) ? $this->coupons->find( absint( $id ) ) : null;
		if ( null === $coupon ) {
			return new \WP_Error( 'cartbay_coupon_not_found', __( 'No CartBay coupon has this id.', 'cartbay' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( $this->coupons->detail( $coupon ) );
	}
}
