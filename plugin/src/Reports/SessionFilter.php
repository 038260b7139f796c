<?php
/**
 * What the Sessions list (and its CSV exports) is asked for: period, status, search and sort.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Analytics\ReportPeriod;
use WPAnchorBay\CartBay\Generated\OrderStatuses;

defined( 'ABSPATH' ) || exit;

/**
 * The list's filters, read once from the request the route validated, so the list and its two exports
 * select the same sessions in the same order.
 *
 * Status `all` means every CartBay session of the period, expired included: the analytics cards count every
 * session created in the period whatever its status, and the cards must equal sums over the listed rows.
 */
final class SessionFilter {

	/**
	 * The status filter choice that selects every status.
	 */
	public const ALL = 'all';

	/**
	 * The period.
	 *
	 * @var ReportPeriod
	 */
	private $period;

	/**
	 * Status filter: ALL or a status key.
	 *
	 * @var string
	 */
	private $status;

	/**
	 * Search text, trimmed ('' for none).
	 *
	 * @var string
	 */
	private $search;

	/**
	 * Sort.
	 *
	 * @var SessionSort
	 */
	private $sort;

	/**
	 * Constructor.
	 *
	 * @param ReportPeriod $period Period.
	 * @param string       $status ALL or a status key (an unknown key means ALL).
	 * @param string       $search Search text.
	 * @param SessionSort  $sort   Sort.
	 */
	public function __construct( ReportPeriod $period, string $status, string $search, SessionSort $sort ) {
		$this->period = $period;
		$this->status = isset( OrderStatuses::by_key()[ $status ] ) ? $status : self::ALL;
		$this->search = trim( $search );
		$this->sort   = $sort;
	}

	/**
	 * The filters of a request to `/sessions` or `/exports/{kind}` (arguments validated by the route; the
	 * period is normalized here: any unsupported value is the default period).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return self
	 */
	public static function from_request( \WP_REST_Request $request ): self {
		$order = $request->get_param( 'order' );
		return new self(
			new ReportPeriod( ReportPeriod::normalize_days( $request->get_param( 'days' ) ) ),
			is_string( $request->get_param( 'status' ) ) ? $request->get_param( 'status' ) : self::ALL,
			is_string( $request->get_param( 'search' ) ) ? $request->get_param( 'search' ) : '',
			new SessionSort(
				is_string( $request->get_param( 'orderby' ) ) ? $request->get_param( 'orderby' ) : SessionSort::CREATED,
				! is_string( $order ) || 'asc' !== strtolower( $order )
			)
		);
	}

	/**
	 * The period.
	 *
	 * @return ReportPeriod
	 */
	public function period(): ReportPeriod {
		return $this->period;
	}

	/**
	 * The status filter choice (ALL or a status key).
	 *
	 * @return string
	 */
	public function status(): string {
		return $this->status;
	}

	/**
	 * The order statuses (wc- slugs) the filter selects: every CartBay status for ALL.
	 *
	 * @return string[]
	 */
	public function statuses(): array {
		$statuses = OrderStatuses::by_key();
		return self::ALL === $this->status ? array_values( $statuses ) : array( $statuses[ $this->status ] );
	}

	/**
	 * The search text ('' for none).
	 *
	 * @return string
	 */
	public function search(): string {
		return $this->search;
	}

	/**
	 * The sort.
	 *
	 * @return SessionSort
	 */
	public function sort(): SessionSort {
		return $this->sort;
	}

	/**
	 * What a log line may say about the filters: never the search text (it may be an email address).
	 *
	 * @return array<string, mixed>
	 */
	public function describe(): array {
		return array(
			'days'    => $this->period->days(),
			'status'  => $this->status,
			'orderby' => $this->sort->column(),
			'order'   => $this->sort->descending() ? 'desc' : 'asc',
			'search'  => '' !== $this->search,
		);
	}
}
