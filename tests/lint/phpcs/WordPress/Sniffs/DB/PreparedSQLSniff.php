<?php
/**
 * WordPress.DB.PreparedSQL: the query given to `$wpdb->query()`, `get_var()`, `get_row()`, `get_col()`
 * and `get_results()` is a `$wpdb->prepare()` call or contains no variables but `$wpdb`'s table names;
 * and the query given to `$wpdb->prepare()` uses placeholders, not interpolated variables. Values
 * wrapped in esc_sql(), absint(), intval() or an (int)/(float) cast count as escaped.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\DB;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Prepared SQL.
 */
final class PreparedSQLSniff implements Sniff {

	/**
	 * Methods whose first argument is a query.
	 *
	 * @var array<string, true>
	 */
	private const METHODS = array(
		'get_col'     => true,
		'get_results' => true,
		'get_row'     => true,
		'get_var'     => true,
		'prepare'     => true,
		'query'       => true,
	);

	/**
	 * Functions whose result is safe inside a query.
	 *
	 * @var array<string, true>
	 */
	private const ESCAPING = array(
		'absint'  => true,
		'esc_sql' => true,
		'intval'  => true,
	);

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_VARIABLE );
	}

	/**
	 * Checks one query argument.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_VARIABLE token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		if ( '$wpdb' !== $tokens[ $stack_ptr ]['content'] ) {
			return;
		}
		$method = $this->method_after( $phpcs_file, $stack_ptr );
		if ( null === $method || ! isset( self::METHODS[ $method[0] ] ) ) {
			return;
		}
		$args = Expressions::arguments( $phpcs_file, $method[1] );
		if ( ! isset( $args[0] ) ) {
			return;
		}
		list( $start, $end ) = $args[0];
		if ( 'prepare' !== $method[0] && '$wpdb' === $tokens[ $start ]['content'] ) {
			$inner = $this->method_after( $phpcs_file, $start );
			if ( null !== $inner && 'prepare' === $inner[0] && $tokens[ $inner[1] ]['parenthesis_closer'] === $end ) {
				return;
			}
		}
		for ( $i = $start; $i <= $end; $i++ ) {
			$code = $tokens[ $i ]['code'];
			if ( T_DOUBLE_QUOTED_STRING === $code || T_HEREDOC === $code ) {
				$text = preg_replace( '/\{?\$wpdb->\w+\}?/', '', $tokens[ $i ]['content'] );
				if ( 1 === preg_match( '/\$\w+|\{\$/', (string) $text, $match ) ) {
					$phpcs_file->addError( 'Use placeholders and $wpdb->prepare(); found interpolated variable %s in the query.', $i, 'InterpolatedNotPrepared', array( $match[0] ) );
				}
				continue;
			}
			if ( T_VARIABLE !== $code ) {
				continue;
			}
			if ( '$wpdb' === $tokens[ $i ]['content'] ) {
				$after = $this->method_after( $phpcs_file, $i );
				if ( null === $after ) {
					// A table name property (`$wpdb->options`).
					continue;
				}
			}
			if ( $this->is_escaped( $phpcs_file, $i ) ) {
				continue;
			}
			$phpcs_file->addError( 'Use placeholders and $wpdb->prepare(); found %s in the query.', $i, 'NotPrepared', array( $tokens[ $i ]['content'] ) );
		}
	}

	/**
	 * `[ method, open parenthesis ]` when `$ptr` (`$wpdb`) is followed by `->method(`.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $ptr        T_VARIABLE token.
	 * @return array{0: string, 1: int}|null
	 */
	private function method_after( File $phpcs_file, int $ptr ): ?array {
		$tokens = $phpcs_file->getTokens();
		$arrow  = $phpcs_file->findNext( Tokens::$emptyTokens, $ptr + 1, null, true );
		if ( false === $arrow || T_OBJECT_OPERATOR !== $tokens[ $arrow ]['code'] ) {
			return null;
		}
		$name = $phpcs_file->findNext( Tokens::$emptyTokens, $arrow + 1, null, true );
		$open = false === $name ? false : $phpcs_file->findNext( Tokens::$emptyTokens, $name + 1, null, true );
		if ( false === $open || T_OPEN_PARENTHESIS !== $tokens[ $open ]['code'] ) {
			return null;
		}
		return array( strtolower( $tokens[ $name ]['content'] ), $open );
	}

	/**
	 * Whether the variable is inside an escaping call or right after a number cast.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $ptr        T_VARIABLE token.
	 * @return bool
	 */
	private function is_escaped( File $phpcs_file, int $ptr ): bool {
		$tokens = $phpcs_file->getTokens();
		$prev   = $phpcs_file->findPrevious( Tokens::$emptyTokens, $ptr - 1, null, true );
		if ( false !== $prev && in_array( $tokens[ $prev ]['code'], array( T_INT_CAST, T_DOUBLE_CAST ), true ) ) {
			return true;
		}
		foreach ( $tokens[ $ptr ]['nested_parenthesis'] ?? array() as $open => $close ) {
			if ( isset( self::ESCAPING[ (string) Expressions::called_function( $phpcs_file, $open ) ] ) ) {
				return true;
			}
		}
		return false;
	}
}
