<?php
/**
 * REST handlers of the Sessions list and the session details.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Reports\Paging;
use WPAnchorBay\CartBay\Reports\SessionDetail;
use WPAnchorBay\CartBay\Reports\SessionFilter;
use WPAnchorBay\CartBay\Reports\SessionQuery;
use WPAnchorBay\CartBay\Reports\SessionRow;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/sessions` and `GET cartbay/v1/sessions/{id}` (manage_woocommerce).
 */
final class SessionsController {

	/**
	 * Session queries.
	 *
	 * @var SessionQuery
	 */
	private $query;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Constructor.
	 *
	 * @param SessionQuery      $query    Session queries.
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionQuery $query, SessionRepository $sessions ) {
		$this->query    = $query;
		$this->sessions = $sessions;
	}

	/**
	 * GET /sessions: the sessions created in the period, filtered, searched and sorted, one page of rows,
	 * with X-WP-Total and X-WP-TotalPages.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function list_sessions( \WP_REST_Request $request ) {
		$paging = Paging::from_request( $request );
		$result = $this->query->page( SessionFilter::from_request( $request ), $paging->offset(), $paging->limit() );
		return $paging->response( array_map( array( SessionRow::class, 'of' ), $result['orders'] ), $result['total'] );
	}

	/**
	 * GET /sessions/{id}: one session in full.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error 404 `cartbay_session_not_found` for an unknown id.
	 */
	public function get_session( \WP_REST_Request $request ) {
		$id    = $request->get_param( 'id' );
		$order = is_string( $id ) ? $this->sessions->find( $id ) : null;
		if ( ! $order instanceof \WC_Order || CARTBAY_CREATED_VIA !== $order->get_created_via() ) {
			return new \WP_Error( 'cartbay_session_not_found', __( 'No recovery session has this id.', 'cartbay' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( SessionDetail::of( $order ) );
	}
}
