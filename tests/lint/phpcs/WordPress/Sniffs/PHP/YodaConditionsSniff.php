<?php
/**
 * WordPress.PHP.YodaConditions: in `==`, `!=`, `===` and `!==` comparisons the constant, literal or
 * other fixed value goes on the left (`'yes' === $value`), never on the right of something read at
 * run time (a variable, a call).
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\PHP;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Requires Yoda conditions.
 */
final class YodaConditionsSniff implements Sniff {

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_IS_EQUAL, T_IS_NOT_EQUAL, T_IS_IDENTICAL, T_IS_NOT_IDENTICAL );
	}

	/**
	 * Reports a comparison whose fixed operand is on the right of a run-time one.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Comparison operator.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$left_start = Expressions::left_operand_start( $phpcs_file, $stack_ptr );
		$right_end  = Expressions::right_operand_end( $phpcs_file, $stack_ptr );
		$left_first = $phpcs_file->findNext( Tokens::$emptyTokens, $left_start, $stack_ptr, true );
		$right_last = $phpcs_file->findPrevious( Tokens::$emptyTokens, $right_end, $stack_ptr, true );
		if ( false === $left_first || false === $right_last ) {
			return;
		}
		if ( Expressions::is_dynamic( $phpcs_file, $left_first, $stack_ptr - 1 ) && ! Expressions::is_dynamic( $phpcs_file, $stack_ptr + 1, $right_last ) ) {
			$phpcs_file->addError(
				'Use Yoda conditions: put the fixed value on the left of %s (found %s on the right).',
				$stack_ptr,
				'NotYoda',
				array( $phpcs_file->getTokens()[ $stack_ptr ]['content'], trim( $phpcs_file->getTokensAsString( $stack_ptr + 1, $right_last - $stack_ptr ) ) )
			);
		}
	}
}
