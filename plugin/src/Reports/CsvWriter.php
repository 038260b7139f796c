<?php
/**
 * CSV rows written to a stream, every text cell guarded against spreadsheet formulas.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Generated\AnalyticsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Writes RFC 4180 rows (comma, double quotes, `\n`) to an open stream as they come, so an export never
 * holds more than one row.
 *
 * Every text cell that starts with a formula trigger (AnalyticsSchema::CSV_FORMULA_TRIGGERS: `= + - @`, tab,
 * carriage return) is prefixed with AnalyticsSchema::CSV_FORMULA_PREFIX, so a spreadsheet shows it as text
 * and never runs it: a shopper controls the email's local part, a product's name may come from anyone, and
 * a mail error quotes a remote server. Only numbers CartBay itself produced (PHP ints and floats) are
 * written as numbers; null is an empty cell.
 */
final class CsvWriter {

	/**
	 * The stream.
	 *
	 * @var resource
	 */
	private $stream;

	/**
	 * Data rows written (the header not counted).
	 *
	 * @var int
	 */
	private $rows = 0;

	/**
	 * Constructor.
	 *
	 * @param resource $stream An open, writable stream (php://output for a download).
	 */
	public function __construct( $stream ) {
		$this->stream = $stream;
	}

	/**
	 * Writes the header row (labels are text, guarded like any cell).
	 *
	 * @param string[] $labels Column labels.
	 */
	public function header( array $labels ): void {
		$this->write( $labels );
	}

	/**
	 * Writes one data row.
	 *
	 * @param array<int, mixed> $cells Cells in column order.
	 */
	public function row( array $cells ): void {
		$this->write( $cells );
		++$this->rows;
	}

	/**
	 * Data rows written so far.
	 *
	 * @return int
	 */
	public function rows(): int {
		return $this->rows;
	}

	/**
	 * A cell as written: a number CartBay produced as is, any other value as guarded text.
	 *
	 * @param mixed $value Cell value.
	 * @return string
	 */
	public static function cell( $value ): string {
		if ( null === $value ) {
			return '';
		}
		if ( is_bool( $value ) ) {
			return $value ? '1' : '0';
		}
		if ( is_int( $value ) ) {
			return (string) $value;
		}
		if ( is_float( $value ) ) {
			return wc_format_decimal( $value, wc_get_price_decimals() );
		}
		return self::guard( is_scalar( $value ) ? (string) $value : (string) wp_json_encode( $value ) );
	}

	/**
	 * Text that cannot start a spreadsheet formula.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function guard( string $text ): string {
		if ( '' !== $text && false !== strpos( AnalyticsSchema::CSV_FORMULA_TRIGGERS, $text[0] ) ) {
			return AnalyticsSchema::CSV_FORMULA_PREFIX . $text;
		}
		return $text;
	}

	/**
	 * Writes a row of cells.
	 *
	 * @param array<int, mixed> $cells Cells.
	 */
	private function write( array $cells ): void {
		fputcsv( $this->stream, array_map( array( self::class, 'cell' ), array_values( $cells ) ), ',', '"', '' );
	}
}
