<?php
/**
 * WordPress.PHP.StrictInArray: in_array() and array_search() compare strictly (`true` as the third
 * argument), and so does array_keys() when it searches for a value.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\PHP;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Strict array searches.
 */
final class StrictInArraySniff implements Sniff {

	/**
	 * Functions, and how many arguments before the strict flag.
	 *
	 * @var array<string, int>
	 */
	private const FUNCTIONS = array(
		'array_keys'   => 2,
		'array_search' => 2,
		'in_array'     => 2,
	);

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_STRING );
	}

	/**
	 * Checks one search call.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_STRING token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		$name   = strtolower( $tokens[ $stack_ptr ]['content'] );
		if ( ! isset( self::FUNCTIONS[ $name ] ) || ! Expressions::is_function_call( $phpcs_file, $stack_ptr ) ) {
			return;
		}
		$open = $phpcs_file->findNext( Tokens::$emptyTokens, $stack_ptr + 1, null, true );
		$args = Expressions::arguments( $phpcs_file, $open );
		if ( 'array_keys' === $name && count( $args ) < 2 ) {
			return;
		}
		$flag = $args[ self::FUNCTIONS[ $name ] ] ?? null;
		if ( null === $flag ) {
			$phpcs_file->addWarning( 'Pass true as the third argument of %s() for a strict comparison.', $stack_ptr, 'MissingTrueStrict', array( $name ) );
			return;
		}
		if ( $flag[0] === $flag[1] && T_FALSE === $tokens[ $flag[0] ]['code'] ) {
			$phpcs_file->addWarning( '%s() is told to compare loosely (false); pass true.', $flag[0], 'FoundNonStrictFalse', array( $name ) );
		}
	}
}
