<?php
/**
 * Token helpers the CartBay approximations of the WordPress sniffs share: function calls, their
 * arguments, and skipping over nested brackets.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Helpers;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Static helpers over a file's token stack.
 */
final class Expressions {

	/**
	 * Tokens that end an operand when scanning an expression (at nesting depth 0).
	 *
	 * @return array<int|string, true>
	 */
	public static function operand_boundaries(): array {
		$codes = array(
			T_SEMICOLON,
			T_COMMA,
			T_OPEN_TAG,
			T_OPEN_TAG_WITH_ECHO,
			T_CLOSE_TAG,
			T_BOOLEAN_AND,
			T_BOOLEAN_OR,
			T_LOGICAL_AND,
			T_LOGICAL_OR,
			T_LOGICAL_XOR,
			T_RETURN,
			T_ECHO,
			T_PRINT,
			T_INLINE_THEN,
			T_INLINE_ELSE,
			T_COALESCE,
			T_DOUBLE_ARROW,
			T_FN_ARROW,
			T_MATCH_ARROW,
			T_OPEN_CURLY_BRACKET,
			T_CLOSE_CURLY_BRACKET,
			T_COLON,
			T_CASE,
			T_YIELD,
			T_THROW,
		);
		$set   = array_fill_keys( $codes, true );
		foreach ( array_keys( Tokens::$assignmentTokens + Tokens::$equalityTokens + Tokens::$comparisonTokens ) as $code ) {
			$set[ $code ] = true;
		}
		return $set;
	}

	/**
	 * Start of the operand that ends just before `$ptr` (an operator).
	 *
	 * @param File $file File.
	 * @param int  $ptr  Operator token.
	 * @return int First token of the left operand (may be an empty token).
	 */
	public static function left_operand_start( File $file, int $ptr ): int {
		$tokens     = $file->getTokens();
		$boundaries = self::operand_boundaries();
		$closers    = array(
			T_CLOSE_PARENTHESIS    => 'parenthesis_opener',
			T_CLOSE_SQUARE_BRACKET => 'bracket_opener',
			T_CLOSE_SHORT_ARRAY    => 'bracket_opener',
		);
		for ( $i = $ptr - 1; $i >= 0; $i-- ) {
			$code = $tokens[ $i ]['code'];
			if ( isset( $closers[ $code ] ) && isset( $tokens[ $i ][ $closers[ $code ] ] ) ) {
				$i = $tokens[ $i ][ $closers[ $code ] ];
				continue;
			}
			if ( isset( $boundaries[ $code ] ) || T_OPEN_PARENTHESIS === $code || T_OPEN_SQUARE_BRACKET === $code || T_OPEN_SHORT_ARRAY === $code ) {
				return $i + 1;
			}
		}
		return 0;
	}

	/**
	 * End of the operand that starts just after `$ptr` (an operator).
	 *
	 * @param File $file File.
	 * @param int  $ptr  Operator token.
	 * @return int Last token of the right operand (may be an empty token).
	 */
	public static function right_operand_end( File $file, int $ptr ): int {
		$tokens     = $file->getTokens();
		$boundaries = self::operand_boundaries();
		$count      = count( $tokens );
		for ( $i = $ptr + 1; $i < $count; $i++ ) {
			$skip = self::closer_of( $tokens, $i );
			if ( null !== $skip ) {
				$i = $skip;
				continue;
			}
			$code = $tokens[ $i ]['code'];
			if ( isset( $boundaries[ $code ] ) || T_CLOSE_PARENTHESIS === $code || T_CLOSE_SQUARE_BRACKET === $code || T_CLOSE_SHORT_ARRAY === $code ) {
				return $i - 1;
			}
		}
		return $count - 1;
	}

	/**
	 * The matching closer when `$i` opens a nested structure, else null.
	 *
	 * @param array<int, array<string, mixed>> $tokens Tokens.
	 * @param int                              $i      Token.
	 * @return int|null
	 */
	public static function closer_of( array $tokens, int $i ): ?int {
		$code = $tokens[ $i ]['code'];
		if ( T_OPEN_PARENTHESIS === $code && isset( $tokens[ $i ]['parenthesis_closer'] ) ) {
			return $tokens[ $i ]['parenthesis_closer'];
		}
		if ( ( T_OPEN_SQUARE_BRACKET === $code || T_OPEN_SHORT_ARRAY === $code || T_OPEN_CURLY_BRACKET === $code ) && isset( $tokens[ $i ]['bracket_closer'] ) ) {
			return $tokens[ $i ]['bracket_closer'];
		}
		return null;
	}

	/**
	 * Whether tokens `$start`..`$end` read anything at run time: a variable, a call, `new`, a closure.
	 *
	 * @param File $file  File.
	 * @param int  $start First token.
	 * @param int  $end   Last token.
	 * @return bool
	 */
	public static function is_dynamic( File $file, int $start, int $end ): bool {
		$tokens = $file->getTokens();
		for ( $i = $start; $i <= $end; $i++ ) {
			$code = $tokens[ $i ]['code'];
			if ( in_array( $code, array( T_VARIABLE, T_NEW, T_CLOSURE, T_FN, T_DOUBLE_QUOTED_STRING, T_START_HEREDOC, T_BACKTICK ), true ) ) {
				return true;
			}
			if ( T_STRING === $code || T_SELF === $code || T_STATIC === $code || T_PARENT === $code ) {
				$next = $file->findNext( Tokens::$emptyTokens, $i + 1, null, true );
				if ( false !== $next && T_OPEN_PARENTHESIS === $tokens[ $next ]['code'] ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether `$ptr` (a T_STRING) names a called global function, not a method, a declaration or a constant.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 * @return bool
	 */
	public static function is_function_call( File $file, int $ptr ): bool {
		$tokens = $file->getTokens();
		if ( T_STRING !== $tokens[ $ptr ]['code'] ) {
			return false;
		}
		$next = $file->findNext( Tokens::$emptyTokens, $ptr + 1, null, true );
		if ( false === $next || T_OPEN_PARENTHESIS !== $tokens[ $next ]['code'] ) {
			return false;
		}
		$prev = $file->findPrevious( Tokens::$emptyTokens, $ptr - 1, null, true );
		if ( false === $prev ) {
			return true;
		}
		if ( T_NS_SEPARATOR === $tokens[ $prev ]['code'] ) {
			$before = $file->findPrevious( Tokens::$emptyTokens, $prev - 1, null, true );
			// `\foo()` is global; `Some\foo()` is a namespaced function of another name.
			return false === $before || T_STRING !== $tokens[ $before ]['code'];
		}
		$not_calls = array( T_OBJECT_OPERATOR, T_NULLSAFE_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION, T_NEW, T_CONST, T_USE, T_AS, T_INSTEADOF );
		return ! in_array( $tokens[ $prev ]['code'], $not_calls, true );
	}

	/**
	 * Lower-case name of the function whose call parentheses open at `$open`, or null.
	 *
	 * @param File $file File.
	 * @param int  $open T_OPEN_PARENTHESIS token.
	 * @return string|null
	 */
	public static function called_function( File $file, int $open ): ?string {
		$tokens = $file->getTokens();
		$prev   = $file->findPrevious( Tokens::$emptyTokens, $open - 1, null, true );
		if ( false === $prev ) {
			return null;
		}
		$code = $tokens[ $prev ]['code'];
		if ( T_ISSET === $code || T_EMPTY === $code || T_UNSET === $code ) {
			return strtolower( $tokens[ $prev ]['content'] );
		}
		if ( T_STRING === $code && self::is_function_call( $file, $prev ) ) {
			return strtolower( $tokens[ $prev ]['content'] );
		}
		return null;
	}

	/**
	 * Argument ranges of the call whose parentheses open at `$open`.
	 *
	 * @param File $file File.
	 * @param int  $open T_OPEN_PARENTHESIS token.
	 * @return array<int, array{0: int, 1: int}> First and last non-empty token of each argument.
	 */
	public static function arguments( File $file, int $open ): array {
		$tokens = $file->getTokens();
		if ( ! isset( $tokens[ $open ]['parenthesis_closer'] ) ) {
			return array();
		}
		$close  = $tokens[ $open ]['parenthesis_closer'];
		$ranges = array();
		$start  = $open + 1;
		for ( $i = $open + 1; $i <= $close; $i++ ) {
			$skip = self::closer_of( $tokens, $i );
			if ( null !== $skip && $skip < $close ) {
				$i = $skip;
				continue;
			}
			if ( T_COMMA === $tokens[ $i ]['code'] || $i === $close ) {
				$first = $file->findNext( Tokens::$emptyTokens, $start, $i, true );
				if ( false !== $first ) {
					$last     = $file->findPrevious( Tokens::$emptyTokens, $i - 1, $first - 1, true );
					$ranges[] = array( $first, $last );
				}
				$start = $i + 1;
			}
		}
		return $ranges;
	}

	/**
	 * Splits `$start`..`$end` at the given top-level operator tokens.
	 *
	 * @param File                   $file      File.
	 * @param int                    $start     First token.
	 * @param int                    $end       Last token.
	 * @param array<int|string, int> $operators Operator codes to split at.
	 * @return array<int, array{0: int, 1: int}> Non-empty parts.
	 */
	public static function split( File $file, int $start, int $end, array $operators ): array {
		$tokens = $file->getTokens();
		$parts  = array();
		$from   = $start;
		for ( $i = $start; $i <= $end + 1; $i++ ) {
			if ( $i <= $end ) {
				$skip = self::closer_of( $tokens, $i );
				if ( null !== $skip ) {
					$i = min( $skip, $end );
					continue;
				}
			}
			if ( $i > $end || in_array( $tokens[ $i ]['code'], $operators, true ) ) {
				$first = $file->findNext( Tokens::$emptyTokens, $from, $i, true );
				if ( false !== $first && $first < $i ) {
					$parts[] = array( $first, $file->findPrevious( Tokens::$emptyTokens, $i - 1, $first - 1, true ) );
				}
				$from = $i + 1;
			}
		}
		return $parts;
	}

	/**
	 * Whether `$start`..`$end` is one string literal without interpolation (PHP_CodeSniffer gives each
	 * line of a multi-line literal its own token).
	 *
	 * @param File $file  File.
	 * @param int  $start First token.
	 * @param int  $end   Last token.
	 * @return bool
	 */
	public static function is_string_literal( File $file, int $start, int $end ): bool {
		$tokens = $file->getTokens();
		for ( $i = $start; $i <= $end; $i++ ) {
			if ( T_CONSTANT_ENCAPSED_STRING !== $tokens[ $i ]['code'] ) {
				return false;
			}
		}
		return true;
	}
}
