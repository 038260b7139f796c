<?php
/**
 * REST handler of the CSV exports of the Sessions list, and the stream that writes them.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Reports\CsvStreamResponse;
use WPAnchorBay\CartBay\Reports\CsvWriter;
use WPAnchorBay\CartBay\Reports\IsoTime;
use WPAnchorBay\CartBay\Reports\NotificationRow;
use WPAnchorBay\CartBay\Reports\SessionFilter;
use WPAnchorBay\CartBay\Reports\SessionQuery;
use WPAnchorBay\CartBay\Reports\SessionRow;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/exports/sessions` and `GET cartbay/v1/exports/emails` (manage_woocommerce): exactly the
 * rows the Sessions list shows for the same filters, in the same order, every page (`emails`: one row per
 * notification of those sessions, each session's in schedule order).
 *
 * The handler only answers a CsvStreamResponse; WordPress sends its headers, then `rest_pre_serve_request`
 * (handled here, statically) streams the rows to php://output, AnalyticsSchema::EXPORT_BATCH sessions at a
 * time, and tells WordPress the request is served. Each export is logged (WooCommerce logger, source
 * `cartbay`) with the user, the kind, the filters and the row count: never an email, never the search
 * text, only whether there was one.
 */
final class ExportController implements HookSubscriber {

	/**
	 * The export of the Sessions list's rows (plugin/schema/analytics.ts `exportKinds`).
	 */
	private const SESSIONS = 'sessions';

	/**
	 * The export of their notifications.
	 */
	private const EMAILS = 'emails';

	/**
	 * Session queries.
	 *
	 * @var SessionQuery
	 */
	private $query;

	/**
	 * Constructor.
	 *
	 * @param SessionQuery $query Session queries.
	 */
	public function __construct( SessionQuery $query ) {
		$this->query = $query;
	}

	/**
	 * The hooks this class handles (statically: nothing is built for other REST responses).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'rest_pre_serve_request' => array( 10, 3 ),
		);
	}

	/**
	 * Only an export response not yet served is streamed.
	 *
	 * @param mixed $served Whether the request is served already.
	 * @param mixed $result The response.
	 * @return bool
	 */
	public static function should_handle_rest_pre_serve_request( $served, $result = null ): bool {
		return ! $served && $result instanceof CsvStreamResponse;
	}

	/**
	 * Filter `rest_pre_serve_request`: streams an export's rows after WordPress sent its headers (a HEAD
	 * request gets the headers only).
	 *
	 * @param bool              $served  Whether the request is served already.
	 * @param \WP_HTTP_Response $result  The response.
	 * @param \WP_REST_Request  $request The request.
	 * @return bool
	 */
	public static function handle_rest_pre_serve_request( $served, $result, $request ) {
		if ( $served || ! $result instanceof CsvStreamResponse || ( $request instanceof \WP_REST_Request && 'HEAD' === $request->get_method() ) ) {
			return $served;
		}
		// Nothing buffered so far belongs in a CSV, and a buffer would hold every row: the rows go out as read.
		$levels = ob_get_level();
		for ( $i = 0; $i < $levels; $i++ ) {
			ob_end_clean();
		}
		wc_set_time_limit( 0 );
		$output = fopen( 'php://output', 'w' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- the response body, not a file.
		if ( false === $output ) {
			return $served;
		}
		$result->stream( $output );
		fclose( $output ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- the response body, not a file.
		return true;
	}

	/**
	 * GET /exports/{kind}: the CSV download of the list's rows (`sessions`) or of their emails (`emails`).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return CsvStreamResponse
	 */
	public function export( \WP_REST_Request $request ) {
		$kind   = self::EMAILS === $request->get_param( 'kind' ) ? self::EMAILS : self::SESSIONS;
		$filter = SessionFilter::from_request( $request );
		$user   = get_current_user_id();
		return new CsvStreamResponse(
			sprintf( 'cartbay-%s-%s.csv', $kind, wp_date( 'Y-m-d' ) ),
			function ( CsvWriter $csv ) use ( $kind, $filter ) {
				if ( self::EMAILS === $kind ) {
					$this->write_emails( $csv, $filter );
				} else {
					$this->write_sessions( $csv, $filter );
				}
			},
			static function ( int $rows ) use ( $kind, $filter, $user ) {
				self::log( $user, $kind, $filter, $rows );
			}
		);
	}

	/**
	 * Writes the Sessions list's rows.
	 *
	 * @param CsvWriter     $csv    CSV.
	 * @param SessionFilter $filter Filters and order.
	 */
	private function write_sessions( CsvWriter $csv, SessionFilter $filter ): void {
		$columns = self::session_columns();
		$csv->header( array_values( $columns ) );
		foreach ( $this->query->batches( $filter, AnalyticsSchema::EXPORT_BATCH ) as $orders ) {
			foreach ( $orders as $order ) {
				$row = SessionRow::of( $order );
				$csv->row( array_map( static fn ( $key ) => $row[ $key ], array_keys( $columns ) ) );
			}
			flush();
		}
	}

	/**
	 * Writes one row per notification of the Sessions list's sessions, in list order, each session's
	 * records by schedule.
	 *
	 * @param CsvWriter     $csv    CSV.
	 * @param SessionFilter $filter Filters and order.
	 */
	private function write_emails( CsvWriter $csv, SessionFilter $filter ): void {
		$columns = self::email_columns();
		$csv->header( array_values( $columns ) );
		foreach ( $this->query->batches( $filter, AnalyticsSchema::EXPORT_BATCH ) as $orders ) {
			foreach ( $orders as $order ) {
				$records = array_values( array_filter( NotificationLog::all( $order ), 'is_array' ) );
				usort( $records, static fn ( $a, $b ) => array( IsoTime::timestamp( $a['scheduled_at'] ?? 0 ), (int) ( $a['step'] ?? 0 ), (string) ( $a['id'] ?? '' ) ) <=> array( IsoTime::timestamp( $b['scheduled_at'] ?? 0 ), (int) ( $b['step'] ?? 0 ), (string) ( $b['id'] ?? '' ) ) );
				foreach ( $records as $record ) {
					$row = NotificationRow::of( $record, $order ) + array(
						'cancel_reason'      => (string) ( $record['cancel_reason'] ?? '' ),
						'restore_clicked_at' => IsoTime::from( $record['restore_clicked_at'] ?? 0 ),
					);
					$csv->row( array_map( static fn ( $key ) => $row[ $key ], array_keys( $columns ) ) );
				}
			}
			flush();
		}
	}

	/**
	 * Columns of the sessions export: row field => header label.
	 *
	 * @return array<string, string>
	 */
	private static function session_columns(): array {
		return array(
			'session_id'         => __( 'Session', 'cartbay' ),
			'order_id'           => __( 'Order', 'cartbay' ),
			'email'              => __( 'Email', 'cartbay' ),
			'status'             => __( 'Status', 'cartbay' ),
			'cart_total'         => __( 'Cart Total', 'cartbay' ),
			'currency'           => __( 'Currency', 'cartbay' ),
			'created_at'         => __( 'Created (UTC)', 'cartbay' ),
			'last_activity_at'   => __( 'Last Activity (UTC)', 'cartbay' ),
			'abandoned_at'       => __( 'Abandoned (UTC)', 'cartbay' ),
			'emails_sent'        => __( 'Emails Sent', 'cartbay' ),
			'attribution'        => __( 'Attribution', 'cartbay' ),
			'recovered_revenue'  => __( 'Recovered Revenue', 'cartbay' ),
			'influenced_revenue' => __( 'Influenced Revenue', 'cartbay' ),
			'recovered_order_id' => __( 'Recovered Order', 'cartbay' ),
		);
	}

	/**
	 * Columns of the emails export: row field => header label.
	 *
	 * @return array<string, string>
	 */
	private static function email_columns(): array {
		return array(
			'session_id'         => __( 'Session', 'cartbay' ),
			'notification_id'    => __( 'Notification', 'cartbay' ),
			'status'             => __( 'Status', 'cartbay' ),
			'recipient'          => __( 'Recipient Email', 'cartbay' ),
			'step'               => __( 'Step', 'cartbay' ),
			'email_type'         => __( 'Email Type', 'cartbay' ),
			'trigger'            => __( 'Trigger', 'cartbay' ),
			'scheduled_at'       => __( 'Scheduled (UTC)', 'cartbay' ),
			'attempts'           => __( 'Attempts', 'cartbay' ),
			'last_error'         => __( 'Last Error', 'cartbay' ),
			'cancel_reason'      => __( 'Cancel Reason', 'cartbay' ),
			'restore_clicked_at' => __( 'Restore Clicked (UTC)', 'cartbay' ),
		);
	}

	/**
	 * Logs an export: who, what, which filters, how many rows; no email address, no search text.
	 *
	 * @param int           $user   User id.
	 * @param string        $kind   Export kind.
	 * @param SessionFilter $filter Filters.
	 * @param int           $rows   Data rows written.
	 */
	private static function log( int $user, string $kind, SessionFilter $filter, int $rows ): void {
		$described = $filter->describe();
		wc_get_logger()->info(
			sprintf(
				'CartBay CSV export by user #%1$d: %2$s, %3$d days, status %4$s, sorted by %5$s %6$s, %7$s, %8$d rows.',
				$user,
				$kind,
				$described['days'],
				$described['status'],
				$described['orderby'],
				$described['order'],
				$described['search'] ? 'with a search' : 'no search',
				$rows
			),
			array( 'source' => CARTBAY_LOG_SOURCE )
		);
	}
}
