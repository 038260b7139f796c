<?php
/**
 * WordPress.Security.EscapeOutput: what `echo`, `print`, `<?=`, `exit()`/`die()`, `printf()`,
 * `vprintf()`, `wp_die()` and `trigger_error()` output must be escaped at the point of output.
 *
 * An output expression is accepted when each part of it (split at `.`, `??` and the branches of a
 * ternary; parentheses dropped) is a literal, a constant, a cast to a number or bool, a call to an
 * escaping function (esc_*, wp_kses*, absint, …), or a formatting call (sprintf, implode, …) whose
 * arguments are all accepted. `_e()` and `_ex()` print unescaped translations: use esc_html_e() and
 * friends instead.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Security;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Unescaped output.
 */
final class EscapeOutputSniff implements Sniff {

	/**
	 * Functions whose result is safe to print.
	 *
	 * @var array<string, true>
	 */
	private const ESCAPING = array(
		'absint'             => true,
		'boolval'            => true,
		'count'              => true,
		'esc_attr'           => true,
		'esc_attr__'         => true,
		'esc_attr_x'         => true,
		'esc_html'           => true,
		'esc_html__'         => true,
		'esc_html_x'         => true,
		'esc_js'             => true,
		'esc_sql'            => true,
		'esc_textarea'       => true,
		'esc_url'            => true,
		'esc_url_raw'        => true,
		'esc_xml'            => true,
		'floatval'           => true,
		'intval'             => true,
		'number_format'      => true,
		'number_format_i18n' => true,
		'tag_escape'         => true,
		'wp_kses'            => true,
		'wp_kses_data'       => true,
		'wp_kses_one_attr'   => true,
		'wp_kses_post'       => true,
		'wp_nonce_field'     => true,
	);

	/**
	 * Functions that only assemble their arguments: safe when every argument is.
	 *
	 * @var array<string, true>
	 */
	private const FORMATTING = array(
		'implode'    => true,
		'join'       => true,
		'sprintf'    => true,
		'vsprintf'   => true,
		'wp_sprintf' => true,
	);

	/**
	 * Printing functions and which arguments they print (null: all).
	 *
	 * @var array<string, int|null>
	 */
	private const PRINTING = array(
		'printf'        => null,
		'trigger_error' => 1,
		'user_error'    => 1,
		'vprintf'       => null,
		'wp_die'        => 2,
	);

	/**
	 * Translation functions that print without escaping, and their escaping replacement.
	 *
	 * @var array<string, string>
	 */
	private const UNSAFE_PRINTING = array(
		'_e'  => 'esc_html_e() or esc_attr_e()',
		'_ex' => 'echo esc_html_x() or echo esc_attr_x()',
	);

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_ECHO, T_PRINT, T_OPEN_TAG_WITH_ECHO, T_EXIT, T_STRING );
	}

	/**
	 * Checks one output construct or call.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		$code   = $tokens[ $stack_ptr ]['code'];
		if ( T_STRING === $code ) {
			$this->process_call( $phpcs_file, $stack_ptr );
			return;
		}
		if ( T_EXIT === $code ) {
			$open = $phpcs_file->findNext( Tokens::$emptyTokens, $stack_ptr + 1, null, true );
			if ( false !== $open && T_OPEN_PARENTHESIS === $tokens[ $open ]['code'] ) {
				foreach ( Expressions::arguments( $phpcs_file, $open ) as $argument ) {
					$this->check( $phpcs_file, $argument[0], $argument[1] );
				}
			}
			return;
		}
		$end = $phpcs_file->findNext( array( T_SEMICOLON, T_CLOSE_TAG ), $stack_ptr + 1 );
		if ( false === $end ) {
			return;
		}
		foreach ( Expressions::split( $phpcs_file, $stack_ptr + 1, $end - 1, array( T_COMMA ) ) as $argument ) {
			$this->check( $phpcs_file, $argument[0], $argument[1] );
		}
	}

	/**
	 * A printing function call.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_STRING token.
	 * @return void
	 */
	private function process_call( File $phpcs_file, int $stack_ptr ): void {
		$name = strtolower( $phpcs_file->getTokens()[ $stack_ptr ]['content'] );
		if ( ! isset( self::UNSAFE_PRINTING[ $name ] ) && ! array_key_exists( $name, self::PRINTING ) ) {
			return;
		}
		if ( ! Expressions::is_function_call( $phpcs_file, $stack_ptr ) ) {
			return;
		}
		if ( isset( self::UNSAFE_PRINTING[ $name ] ) ) {
			$phpcs_file->addError( '%s() prints a translation unescaped; use %s.', $stack_ptr, 'UnsafePrintingFunction', array( $name, self::UNSAFE_PRINTING[ $name ] ) );
			return;
		}
		$open      = $phpcs_file->findNext( Tokens::$emptyTokens, $stack_ptr + 1, null, true );
		$arguments = Expressions::arguments( $phpcs_file, $open );
		$printed   = self::PRINTING[ $name ];
		foreach ( null === $printed ? $arguments : array_slice( $arguments, 0, $printed ) as $argument ) {
			$this->check( $phpcs_file, $argument[0], $argument[1] );
		}
	}

	/**
	 * Reports the first unsafe part of an output expression.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $start      First token.
	 * @param int  $end        Last token.
	 * @return void
	 */
	private function check( File $phpcs_file, int $start, int $end ): void {
		$unsafe = $this->unsafe_part( $phpcs_file, $start, $end );
		if ( null !== $unsafe ) {
			$phpcs_file->addError(
				'Escape output where it is printed (esc_html(), esc_attr(), esc_url(), wp_kses_post(), …); found %s.',
				$unsafe[0],
				'OutputNotEscaped',
				array( trim( $phpcs_file->getTokensAsString( $unsafe[0], $unsafe[1] - $unsafe[0] + 1 ) ) )
			);
		}
	}

	/**
	 * The first part of `$start`..`$end` that is not known to be safe, or null.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $start      First token.
	 * @param int  $end        Last token.
	 * @return array{0: int, 1: int}|null
	 */
	private function unsafe_part( File $phpcs_file, int $start, int $end ): ?array {
		$tokens = $phpcs_file->getTokens();
		// A ternary prints one of its branches, never its condition.
		$ternary = Expressions::split( $phpcs_file, $start, $end, array( T_INLINE_THEN ) );
		if ( count( $ternary ) > 1 ) {
			$branches = Expressions::split( $phpcs_file, $ternary[1][0], $end, array( T_INLINE_ELSE ) );
			if ( count( $branches ) < 2 ) {
				// Short ternary `a ?: b`: the condition is printed too.
				$branches = array( $ternary[0], $ternary[1] );
			}
			foreach ( $branches as $branch ) {
				$unsafe = $this->unsafe_part( $phpcs_file, $branch[0], $branch[1] );
				if ( null !== $unsafe ) {
					return $unsafe;
				}
			}
			return null;
		}
		$parts = Expressions::split( $phpcs_file, $start, $end, array( T_STRING_CONCAT, T_COALESCE ) );
		if ( count( $parts ) > 1 ) {
			foreach ( $parts as $part ) {
				$unsafe = $this->unsafe_part( $phpcs_file, $part[0], $part[1] );
				if ( null !== $unsafe ) {
					return $unsafe;
				}
			}
			return null;
		}
		// Parentheses around the whole part.
		if ( T_OPEN_PARENTHESIS === $tokens[ $start ]['code'] && ( $tokens[ $start ]['parenthesis_closer'] ?? null ) === $end ) {
			$inner = $phpcs_file->findNext( Tokens::$emptyTokens, $start + 1, $end, true );
			return false === $inner ? null : $this->unsafe_part( $phpcs_file, $inner, $phpcs_file->findPrevious( Tokens::$emptyTokens, $end - 1, $start, true ) );
		}
		$code = $tokens[ $start ]['code'];
		if ( Expressions::is_string_literal( $phpcs_file, $start, $end ) || ( $start === $end && in_array( $code, array( T_LNUMBER, T_DNUMBER, T_TRUE, T_FALSE, T_NULL, T_LINE ), true ) ) ) {
			return null;
		}
		if ( in_array( $code, array( T_INT_CAST, T_DOUBLE_CAST, T_BOOL_CAST ), true ) ) {
			return null;
		}
		if ( ! Expressions::is_dynamic( $phpcs_file, $start, $end ) ) {
			// Constants and class constants (a bare string literal was accepted above).
			return in_array( $code, array( T_STRING, T_SELF, T_STATIC, T_NS_SEPARATOR ), true ) ? null : array( $start, $end );
		}
		$name_ptr = T_NS_SEPARATOR === $code ? $start + 1 : $start;
		if ( T_STRING === $tokens[ $name_ptr ]['code'] && Expressions::is_function_call( $phpcs_file, $name_ptr ) ) {
			$open = $phpcs_file->findNext( Tokens::$emptyTokens, $name_ptr + 1, null, true );
			if ( ( $tokens[ $open ]['parenthesis_closer'] ?? null ) === $end ) {
				$name = strtolower( $tokens[ $name_ptr ]['content'] );
				if ( isset( self::ESCAPING[ $name ] ) ) {
					return null;
				}
				if ( isset( self::FORMATTING[ $name ] ) ) {
					foreach ( Expressions::arguments( $phpcs_file, $open ) as $argument ) {
						$unsafe = $this->unsafe_part( $phpcs_file, $argument[0], $argument[1] );
						if ( null !== $unsafe ) {
							return $unsafe;
						}
					}
					return null;
				}
			}
		}
		return array( $start, $end );
	}
}
