<?php
/**
 * REST handler of the hidden Logs section.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Generated\LogSchema;
use WPAnchorBay\CartBay\Logging\LogQuery;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/logs` (manage_woocommerce): the sanitized CartBay log entries, newest first.
 */
final class LogsController {

	/**
	 * GET /logs: one page of entries filtered by level, source, event prefix and text, with X-WP-Total and
	 * X-WP-TotalPages. A page past the end is an empty page.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function list_logs( \WP_REST_Request $request ) {
		$page     = max( 1, absint( $request->get_param( 'page' ) ) );
		$per_page = absint( $request->get_param( 'per_page' ) );
		$per_page = min( LogSchema::MAX_PAGE_SIZE, max( 1, 0 === $per_page ? LogSchema::PAGE_SIZE : $per_page ) );
		$query    = new LogQuery(
			self::text( $request, 'level' ),
			self::text( $request, 'source' ),
			self::text( $request, 'event' ),
			self::text( $request, 'search' )
		);
		$result   = $query->page( ( $page - 1 ) * $per_page, $per_page );
		$response = rest_ensure_response( $result['entries'] );
		$response->header( 'X-WP-Total', (string) $result['total'] );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $result['total'] / $per_page ) );
		return $response;
	}

	/**
	 * A string parameter ('' when missing or not a string).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @param string           $name    Parameter.
	 * @return string
	 */
	private static function text( \WP_REST_Request $request, string $name ): string {
		$value = $request->get_param( $name );
		return is_string( $value ) ? $value : '';
	}
}
