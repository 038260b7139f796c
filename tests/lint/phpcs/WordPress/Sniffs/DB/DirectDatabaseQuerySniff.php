<?php
/**
 * WordPress.DB.DirectDatabaseQuery (warnings): a `$wpdb` query method bypasses WordPress's APIs and
 * caches (DirectQuery); a read with no wp_cache_get() in the same function is uncached (NoCaching); a
 * literal query that alters the schema is reported as SchemaChange.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\DB;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Direct database queries.
 */
final class DirectDatabaseQuerySniff implements Sniff {

	/**
	 * `$wpdb` methods that run a query, and whether they read.
	 *
	 * @var array<string, bool>
	 */
	private const METHODS = array(
		'delete'      => false,
		'get_col'     => true,
		'get_results' => true,
		'get_row'     => true,
		'get_var'     => true,
		'insert'      => false,
		'query'       => false,
		'replace'     => false,
		'update'      => false,
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
	 * Checks one `$wpdb->method(` call.
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
		$arrow  = $phpcs_file->findNext( Tokens::$emptyTokens, $stack_ptr + 1, null, true );
		$method = false === $arrow ? false : $phpcs_file->findNext( Tokens::$emptyTokens, $arrow + 1, null, true );
		if ( false === $method || T_OBJECT_OPERATOR !== $tokens[ $arrow ]['code'] || ! isset( self::METHODS[ strtolower( $tokens[ $method ]['content'] ) ] ) ) {
			return;
		}
		$open = $phpcs_file->findNext( Tokens::$emptyTokens, $method + 1, null, true );
		if ( false === $open || T_OPEN_PARENTHESIS !== $tokens[ $open ]['code'] ) {
			return;
		}
		$name = strtolower( $tokens[ $method ]['content'] );
		$phpcs_file->addWarning( '$wpdb->%s() queries the database directly, around WordPress\'s APIs and object cache; say why (phpcs:ignore with a reason).', $stack_ptr, 'DirectQuery', array( $name ) );
		$close = $tokens[ $open ]['parenthesis_closer'];
		$sql   = '';
		for ( $i = $open + 1; $i < $close; $i++ ) {
			if ( isset( Tokens::$stringTokens[ $tokens[ $i ]['code'] ] ) || T_DOUBLE_QUOTED_STRING === $tokens[ $i ]['code'] ) {
				$sql .= $tokens[ $i ]['content'];
			}
		}
		if ( 1 === preg_match( '/\b(?:ALTER|CREATE|DROP)\s+TABLE\b/i', $sql ) ) {
			$phpcs_file->addWarning( 'Changing the database schema with $wpdb->%s() is discouraged; use dbDelta() on install.', $stack_ptr, 'SchemaChange', array( $name ) );
		}
		$reads = self::METHODS[ $name ] || 1 === preg_match( '/^\W*SELECT\b/i', $sql );
		if ( $reads && ! $this->function_uses_cache( $phpcs_file, $stack_ptr ) ) {
			$phpcs_file->addWarning( 'A direct database read with no wp_cache_get() in this function: its result is never cached.', $stack_ptr, 'NoCaching' );
		}
	}

	/**
	 * Whether the enclosing function calls wp_cache_get().
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Token.
	 * @return bool
	 */
	private function function_uses_cache( File $phpcs_file, int $stack_ptr ): bool {
		$tokens = $phpcs_file->getTokens();
		$start  = 0;
		$end    = count( $tokens ) - 1;
		foreach ( $tokens[ $stack_ptr ]['conditions'] as $ptr => $code ) {
			if ( ( T_FUNCTION === $code || T_CLOSURE === $code ) && isset( $tokens[ $ptr ]['scope_closer'] ) ) {
				$start = $ptr;
				$end   = $tokens[ $ptr ]['scope_closer'];
			}
		}
		for ( $i = $start; $i <= $end; $i++ ) {
			if ( T_STRING === $tokens[ $i ]['code'] && 'wp_cache_get' === strtolower( $tokens[ $i ]['content'] ) ) {
				return true;
			}
		}
		return false;
	}
}
