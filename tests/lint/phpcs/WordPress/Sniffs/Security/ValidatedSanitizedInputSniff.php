<?php
/**
 * WordPress.Security.ValidatedSanitizedInput, for `$_GET`, `$_POST`, `$_REQUEST`, `$_COOKIE`,
 * `$_SERVER` and `$_FILES`:
 * - InputNotValidated: an index is read without an isset()/empty()/array_key_exists() check of it
 *   earlier in the same function, or a `??` right after it;
 * - InputNotSanitized: the value is used other than inside isset()/empty(), a type test (is_string(), …),
 *   a direct comparison, a number or bool cast, or a sanitizing function (sanitize_*, absint, …), which may
 *   wrap wp_unslash() and a `??` default;
 * - MissingUnslash: a sanitizing function that keeps slashes gets the value without wp_unslash().
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Security;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Validated, unslashed and sanitized request input.
 */
final class ValidatedSanitizedInputSniff implements Sniff {

	/**
	 * Request superglobals, and whether WordPress adds slashes to them.
	 *
	 * @var array<string, bool>
	 */
	private const SUPERGLOBALS = array(
		'$_GET'     => true,
		'$_POST'    => true,
		'$_REQUEST' => true,
		'$_COOKIE'  => true,
		'$_SERVER'  => true,
		'$_FILES'   => false,
	);

	/**
	 * Calls that only test the value (existence or type).
	 *
	 * @var array<string, true>
	 */
	private const TESTS = array(
		'array_key_exists' => true,
		'empty'            => true,
		'is_array'         => true,
		'is_bool'          => true,
		'is_float'         => true,
		'is_int'           => true,
		'is_numeric'       => true,
		'is_scalar'        => true,
		'is_string'        => true,
		'isset'            => true,
		'key_exists'       => true,
		'unset'            => true,
	);

	/**
	 * Sanitizing functions, and whether the result is safe without wp_unslash() first (numbers, keys).
	 *
	 * @var array<string, bool>
	 */
	private const SANITIZING = array(
		'absint'                     => true,
		'boolval'                    => true,
		'count'                      => true,
		'doubleval'                  => true,
		'floatval'                   => true,
		'intval'                     => true,
		'sanitize_key'               => true,
		'esc_url_raw'                => false,
		'filter_var'                 => false,
		'hash'                       => false,
		'is_email'                   => false,
		'rest_sanitize_boolean'      => true,
		'sanitize_email'             => false,
		'sanitize_file_name'         => false,
		'sanitize_hex_color'         => false,
		'sanitize_hex_color_no_hash' => false,
		'sanitize_html_class'        => false,
		'sanitize_mime_type'         => false,
		'sanitize_option'            => false,
		'sanitize_sql_orderby'       => false,
		'sanitize_text_field'        => false,
		'sanitize_textarea_field'    => false,
		'sanitize_title'             => false,
		'sanitize_title_for_query'   => false,
		'sanitize_title_with_dashes' => false,
		'sanitize_url'               => false,
		'sanitize_user'              => false,
		'wc_clean'                   => false,
		'wp_kses'                    => false,
		'wp_kses_post'               => false,
	);

	/**
	 * Functions that remove the slashes WordPress adds.
	 *
	 * @var array<string, true>
	 */
	private const UNSLASHING = array(
		'stripslashes_deep'              => true,
		'stripslashes_from_strings_only' => true,
		'wp_unslash'                     => true,
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
	 * Checks one use of a superglobal.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_VARIABLE token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		$name   = $tokens[ $stack_ptr ]['content'];
		if ( ! isset( self::SUPERGLOBALS[ $name ] ) ) {
			return;
		}
		// The whole access: `$_POST['a']['b']`.
		$end = $stack_ptr;
		$key = '';
		while ( isset( $tokens[ $end + 1 ] ) && T_OPEN_SQUARE_BRACKET === $tokens[ $end + 1 ]['code'] && isset( $tokens[ $end + 1 ]['bracket_closer'] ) ) {
			if ( '' === $key ) {
				$key = $this->compact( $phpcs_file, $end + 2, $tokens[ $end + 1 ]['bracket_closer'] - 1 );
			}
			$end = $tokens[ $end + 1 ]['bracket_closer'];
		}
		$next = $phpcs_file->findNext( Tokens::$emptyTokens, $end + 1, null, true );
		if ( false !== $next && isset( Tokens::$assignmentTokens[ $tokens[ $next ]['code'] ] ) ) {
			return;
		}
		$wrappers = $this->wrappers( $phpcs_file, $stack_ptr );
		if ( null !== $wrappers[0] && isset( self::TESTS[ $wrappers[0] ] ) ) {
			return;
		}
		if ( '' !== $key && false !== $next && T_COALESCE !== $tokens[ $next ]['code'] && ! $this->validated_before( $phpcs_file, $stack_ptr, $name, $key ) ) {
			$phpcs_file->addError( '%s[%s] is read without checking that the index exists (isset(), empty() or array_key_exists() before it, or ?? after it).', $stack_ptr, 'InputNotValidated', array( $name, $key ) );
		}
		if ( $this->is_compared( $phpcs_file, $stack_ptr, $end ) ) {
			return;
		}
		$unslashed = false;
		foreach ( $wrappers as $index => $wrapper ) {
			if ( null === $wrapper ) {
				break;
			}
			if ( isset( self::UNSLASHING[ $wrapper ] ) ) {
				$unslashed = true;
				continue;
			}
			if ( isset( self::SANITIZING[ $wrapper ] ) ) {
				if ( ! $unslashed && ! self::SANITIZING[ $wrapper ] && self::SUPERGLOBALS[ $name ] ) {
					$phpcs_file->addError( '%s is sanitized without wp_unslash() first; WordPress adds slashes to request data.', $stack_ptr, 'MissingUnslash', array( $name ) );
				}
				return;
			}
			break;
		}
		if ( $this->is_cast( $phpcs_file, $stack_ptr ) ) {
			return;
		}
		$phpcs_file->addError( 'Request input %s is used without being sanitized (sanitize_*(), absint(), a number cast, …).', $stack_ptr, 'InputNotSanitized', array( trim( $phpcs_file->getTokensAsString( $stack_ptr, $end - $stack_ptr + 1 ) ) ) );
	}

	/**
	 * Names of the calls around the token, innermost first (null for a parenthesis that is not a call).
	 * A `??` default inside a call does not stop the chain: `sanitize_key( $_GET['a'] ?? '' )`.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Token.
	 * @return array<int, string|null>
	 */
	private function wrappers( File $phpcs_file, int $stack_ptr ): array {
		$tokens = $phpcs_file->getTokens();
		$names  = array();
		foreach ( array_reverse( $tokens[ $stack_ptr ]['nested_parenthesis'] ?? array(), true ) as $open => $close ) {
			$name    = Expressions::called_function( $phpcs_file, $open );
			$names[] = $name;
			if ( null === $name ) {
				break;
			}
		}
		return array() === $names ? array( null ) : $names;
	}

	/**
	 * Whether isset(), empty() or array_key_exists() tested the same index earlier in the scope.
	 *
	 * @param File   $phpcs_file File.
	 * @param int    $stack_ptr  Token.
	 * @param string $name       Superglobal.
	 * @param string $key        Index, compacted.
	 * @return bool
	 */
	private function validated_before( File $phpcs_file, int $stack_ptr, string $name, string $key ): bool {
		$tokens = $phpcs_file->getTokens();
		$scope  = 0;
		foreach ( $tokens[ $stack_ptr ]['conditions'] as $ptr => $code ) {
			if ( T_FUNCTION === $code || T_CLOSURE === $code ) {
				$scope = $ptr;
			}
		}
		for ( $i = $stack_ptr - 1; $i > $scope; $i-- ) {
			if ( T_VARIABLE !== $tokens[ $i ]['code'] || $tokens[ $i ]['content'] !== $name || ! isset( $tokens[ $i + 1 ]['bracket_closer'] ) ) {
				continue;
			}
			if ( $this->compact( $phpcs_file, $i + 2, $tokens[ $i + 1 ]['bracket_closer'] - 1 ) !== $key ) {
				continue;
			}
			$wrapper = $this->wrappers( $phpcs_file, $i )[0];
			if ( in_array( $wrapper, array( 'isset', 'empty', 'array_key_exists', 'key_exists' ), true ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the access is one side of a comparison.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $start      First token of the access.
	 * @param int  $end        Last token of the access.
	 * @return bool
	 */
	private function is_compared( File $phpcs_file, int $start, int $end ): bool {
		$tokens     = $phpcs_file->getTokens();
		$comparison = Tokens::$equalityTokens + Tokens::$comparisonTokens;
		$prev       = $phpcs_file->findPrevious( Tokens::$emptyTokens, $start - 1, null, true );
		$next       = $phpcs_file->findNext( Tokens::$emptyTokens, $end + 1, null, true );
		return ( false !== $prev && isset( $comparison[ $tokens[ $prev ]['code'] ] ) ) || ( false !== $next && isset( $comparison[ $tokens[ $next ]['code'] ] ) );
	}

	/**
	 * Whether the access (or the unslash call around it) is cast to a number or bool.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Token.
	 * @return bool
	 */
	private function is_cast( File $phpcs_file, int $stack_ptr ): bool {
		$tokens = $phpcs_file->getTokens();
		$ptr    = $stack_ptr;
		foreach ( array_reverse( $tokens[ $stack_ptr ]['nested_parenthesis'] ?? array(), true ) as $open => $close ) {
			$name = Expressions::called_function( $phpcs_file, $open );
			if ( ! isset( self::UNSLASHING[ (string) $name ] ) ) {
				break;
			}
			$ptr = $phpcs_file->findPrevious( Tokens::$emptyTokens, $open - 1, null, true );
		}
		$prev = $phpcs_file->findPrevious( Tokens::$emptyTokens, $ptr - 1, null, true );
		return false !== $prev && in_array( $tokens[ $prev ]['code'], array( T_INT_CAST, T_DOUBLE_CAST, T_BOOL_CAST ), true );
	}

	/**
	 * Source of a token range without whitespace.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $start      First token.
	 * @param int  $end        Last token.
	 * @return string
	 */
	private function compact( File $phpcs_file, int $start, int $end ): string {
		$text   = '';
		$tokens = $phpcs_file->getTokens();
		for ( $i = $start; $i <= $end; $i++ ) {
			if ( ! isset( Tokens::$emptyTokens[ $tokens[ $i ]['code'] ] ) ) {
				$text .= $tokens[ $i ]['content'];
			}
		}
		return $text;
	}
}
