<?php
/**
 * REST handlers of the analytics routes.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Analytics\AnalyticsService;
use WPAnchorBay\CartBay\Analytics\LedgerRebuild;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/analytics?days=`, `GET|POST cartbay/v1/analytics/rebuild` (manage_woocommerce, checked by
 * the generated route permission callbacks).
 */
final class AnalyticsController {

	/**
	 * The analytics service.
	 *
	 * @var AnalyticsService
	 */
	private $analytics;

	/**
	 * The ledger rebuild.
	 *
	 * @var LedgerRebuild
	 */
	private $rebuild;

	/**
	 * Constructor.
	 *
	 * @param AnalyticsService $analytics The analytics service.
	 * @param LedgerRebuild    $rebuild   The ledger rebuild.
	 */
	public function __construct( AnalyticsService $analytics, LedgerRebuild $rebuild ) {
		$this->analytics = $analytics;
		$this->rebuild   = $rebuild;
	}

	/**
	 * GET /analytics: the cached report of 7, 30 or 90 days (anything else: 30).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_analytics( \WP_REST_Request $request ) {
		return rest_ensure_response( $this->analytics->report( $request->get_param( 'days' ) ) );
	}

	/**
	 * GET /analytics/rebuild: progress of the running or last rebuild.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_rebuild( \WP_REST_Request $request ) {
		unset( $request );
		return rest_ensure_response( $this->rebuild->progress() );
	}

	/**
	 * POST /analytics/rebuild: starts a rebuild (or reports the running one); it works in the background.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function start_rebuild( \WP_REST_Request $request ) {
		unset( $request );
		$response = rest_ensure_response( $this->rebuild->start() );
		$response->set_status( 202 );
		return $response;
	}
}
