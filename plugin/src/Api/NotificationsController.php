<?php
/**
 * REST handlers of the Notifications list and a notification's details.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Analytics\ReportPeriod;
use WPAnchorBay\CartBay\Reports\NotificationQuery;
use WPAnchorBay\CartBay\Reports\NotificationRow;
use WPAnchorBay\CartBay\Reports\Paging;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/notifications` and `GET cartbay/v1/notifications/{id}` (manage_woocommerce).
 */
final class NotificationsController {

	/**
	 * Notification queries.
	 *
	 * @var NotificationQuery
	 */
	private $query;

	/**
	 * Constructor.
	 *
	 * @param NotificationQuery $query Notification queries.
	 */
	public function __construct( NotificationQuery $query ) {
		$this->query = $query;
	}

	/**
	 * GET /notifications: the records of the period's sessions, newest scheduled first, filtered by state and
	 * searched, one page with X-WP-Total and X-WP-TotalPages.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function list_notifications( \WP_REST_Request $request ) {
		$paging = Paging::from_request( $request );
		$state  = $request->get_param( 'status' );
		$search = $request->get_param( 'search' );
		$result = $this->query->page(
			new ReportPeriod( ReportPeriod::normalize_days( $request->get_param( 'days' ) ) ),
			is_string( $state ) ? $state : NotificationQuery::ALL,
			is_string( $search ) ? $search : '',
			$paging->offset(),
			$paging->limit()
		);
		return $paging->response( $result['rows'], $result['total'] );
	}

	/**
	 * GET /notifications/{id}: one record with its lifecycle.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error 404 `cartbay_notification_not_found` for an unknown id.
	 */
	public function get_notification( \WP_REST_Request $request ) {
		$id    = $request->get_param( 'id' );
		$found = is_string( $id ) ? $this->query->find( $id ) : null;
		if ( null === $found ) {
			return new \WP_Error( 'cartbay_notification_not_found', __( 'No recovery email notification has this id.', 'cartbay' ), array( 'status' => 404 ) );
		}
		return rest_ensure_response( NotificationRow::detail( $found['record'], $found['order'] ) );
	}
}
