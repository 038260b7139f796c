<?php
/**
 * A REST response whose body is a CSV download written while it is read.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

defined( 'ABSPATH' ) || exit;

/**
 * Carries the download's headers (text/csv, attachment with a file name, no caching) and the function that
 * writes its rows. WordPress sends the headers; the REST server's `rest_pre_serve_request` filter (see
 * ExportController) then calls stream() instead of encoding a JSON body, so rows go out as they are read.
 */
final class CsvStreamResponse extends \WP_REST_Response {

	/**
	 * Writes the rows: function ( CsvWriter $csv ): void.
	 *
	 * @var callable
	 */
	private $writer;

	/**
	 * Called once the rows are written, with their count: function ( int $rows ): void.
	 *
	 * @var callable
	 */
	private $done;

	/**
	 * Constructor.
	 *
	 * @param string   $filename File name offered to the browser.
	 * @param callable $writer   Writes the rows: function ( CsvWriter $csv ): void.
	 * @param callable $done     Called after the rows with their count: function ( int $rows ): void.
	 */
	public function __construct( string $filename, callable $writer, callable $done ) {
		parent::__construct( null, 200 );
		$this->writer = $writer;
		$this->done   = $done;
		$this->set_headers(
			array_merge(
				array_filter( wp_get_nocache_headers() ),
				array(
					'Content-Type'           => 'text/csv; charset=utf-8',
					'Content-Disposition'    => 'attachment; filename="' . sanitize_file_name( $filename ) . '"',
					'Cache-Control'          => 'no-store, no-cache, must-revalidate, max-age=0, private',
					'X-Content-Type-Options' => 'nosniff',
				)
			)
		);
	}

	/**
	 * Writes the CSV (a UTF-8 byte order mark first, so spreadsheets read the text right) to a stream.
	 *
	 * @param resource $stream Open, writable stream.
	 * @return int Data rows written.
	 */
	public function stream( $stream ): int {
		fwrite( $stream, "\xEF\xBB\xBF" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- a response stream, not a file.
		$csv = new CsvWriter( $stream );
		( $this->writer )( $csv );
		( $this->done )( $csv->rows() );
		return $csv->rows();
	}
}
