<?php
/**
 * `wp cartbay export`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Api\ExportController;
use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Reports\CsvStreamResponse;

defined( 'ABSPATH' ) || exit;

/**
 * Writes the CSV exports of the Sessions list.
 */
final class ExportCommand {

	/**
	 * The CSV exports.
	 *
	 * @var ExportController
	 */
	private $exports;

	/**
	 * Constructor (WP-CLI builds the command without arguments: services come from the container).
	 *
	 * @param ExportController|null $exports The CSV exports.
	 */
	public function __construct( ?ExportController $exports = null ) {
		$this->exports = $exports ?? Plugin::instance()->service( ExportController::class );
	}

	/**
	 * Writes the same CSV as the Sessions screen's export (`GET /wp-json/cartbay/v1/exports/{kind}`).
	 *
	 * `sessions`: one row per session the filters select, newest first. `emails`: one row per recovery email
	 * of those sessions. The file starts with a UTF-8 byte order mark; every text cell that a spreadsheet
	 * would read as a formula is prefixed with an apostrophe. Email addresses are written in full (the file
	 * is personal data), and the export is logged in the WooCommerce log without them.
	 *
	 * ## OPTIONS
	 *
	 * --kind=<kind>
	 * : What to export.
	 * ---
	 * options:
	 *   - sessions
	 *   - emails
	 * ---
	 *
	 * [--days=<days>]
	 * : Sessions created in the last 7, 30 or 90 days (from midnight, site time zone).
	 * ---
	 * default: 30
	 * ---
	 *
	 * [--status=<status>]
	 * : Sessions in this status: all, captured, abandoned, recovered, expired or suppressed.
	 * ---
	 * default: all
	 * ---
	 *
	 * [--search=<text>]
	 * : An exact session id, notification id or email address, or part of an email address.
	 *
	 * [--output=<file>]
	 * : Write the CSV to this file (replaced if it exists) instead of standard output.
	 *
	 * ## EXAMPLES
	 *
	 *     # Abandoned sessions of the last 90 days.
	 *     $ wp cartbay export --kind=sessions --days=90 --status=abandoned --output=abandoned.csv
	 *     Success: Wrote 42 rows to abandoned.csv.
	 *
	 *     # Every recovery email of the last 30 days, to standard output.
	 *     $ wp cartbay export --kind=emails > emails.csv
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- WP-CLI's command signature.
		// Checked here, so a bad value stops the command before the file is touched.
		$request = new \WP_REST_Request( 'GET', '/' . RestRoutes::NAMESPACE . '/exports/' . (string) $assoc_args['kind'] );
		$request->set_param( 'kind', (string) $assoc_args['kind'] );
		$request->set_param( 'days', CommandOptions::days( $assoc_args ) );
		$request->set_param( 'status', CommandOptions::status( $assoc_args ) );
		$request->set_param( 'search', CommandOptions::search( $assoc_args ) );

		$output = isset( $assoc_args['output'] ) ? (string) $assoc_args['output'] : '';
		$stream = '' === $output ? STDOUT : fopen( $output, 'wb' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- a file the command line names, written as the CSV streams.
		if ( false === $stream ) {
			/* translators: %s: file path. */
			\WP_CLI::error( sprintf( __( 'Cannot write to %s.', 'cartbay' ), $output ) );
		}
		$response = $this->exports->export( $request );
		$rows     = $response instanceof CsvStreamResponse ? $response->stream( $stream ) : 0;
		if ( '' === $output ) {
			return;
		}
		fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- the file opened above.
		/* translators: 1: number of rows, 2: file path. */
		\WP_CLI::success( sprintf( _n( 'Wrote %1$d row to %2$s.', 'Wrote %1$d rows to %2$s.', $rows, 'cartbay' ), $rows, $output ) );
	}
}
