<?php
/**
 * The page a list request asks for, and the paged answer with WordPress's total headers.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Generated\AnalyticsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * `page` (from 1) and `per_page` (AnalyticsSchema::PAGE_SIZE by default, at most MAX_PAGE_SIZE), as the
 * routes validated them; answers carry `X-WP-Total` and `X-WP-TotalPages` like WordPress's own collections.
 * A page past the end is an empty page, not an error.
 */
final class Paging {

	/**
	 * Page number, from 1.
	 *
	 * @var int
	 */
	private $page;

	/**
	 * Rows per page.
	 *
	 * @var int
	 */
	private $per_page;

	/**
	 * Constructor.
	 *
	 * @param int $page     Page number (below 1 means 1).
	 * @param int $per_page Rows per page (clamped to 1 … AnalyticsSchema::MAX_PAGE_SIZE).
	 */
	public function __construct( int $page, int $per_page ) {
		$this->page     = max( 1, $page );
		$this->per_page = min( AnalyticsSchema::MAX_PAGE_SIZE, max( 1, $per_page ) );
	}

	/**
	 * The page a request asks for.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return self
	 */
	public static function from_request( \WP_REST_Request $request ): self {
		$page     = $request->get_param( 'page' );
		$per_page = $request->get_param( 'per_page' );
		return new self(
			is_numeric( $page ) ? (int) $page : 1,
			is_numeric( $per_page ) ? (int) $per_page : AnalyticsSchema::PAGE_SIZE
		);
	}

	/**
	 * Rows before the page.
	 *
	 * @return int
	 */
	public function offset(): int {
		return ( $this->page - 1 ) * $this->per_page;
	}

	/**
	 * Rows per page.
	 *
	 * @return int
	 */
	public function limit(): int {
		return $this->per_page;
	}

	/**
	 * The answer: the data with the totals headers.
	 *
	 * @param mixed $data  Response data.
	 * @param int   $total Rows matching the request.
	 * @return \WP_REST_Response
	 */
	public function response( $data, int $total ): \WP_REST_Response {
		$response = new \WP_REST_Response( $data, 200 );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $total / $this->per_page ) );
		return $response;
	}
}
