<?php
/**
 * WordPress.PHP.StrictComparisons: `===` and `!==`, never the loose `==`, `!=` or `<>`.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\PHP;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

/**
 * Strict comparisons.
 */
final class StrictComparisonsSniff implements Sniff {

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_IS_EQUAL, T_IS_NOT_EQUAL );
	}

	/**
	 * Reports a loose comparison.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Operator.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$phpcs_file->addWarning( 'Loose comparison %s: use a strict one (=== or !==).', $stack_ptr, 'LooseComparison', array( $phpcs_file->getTokens()[ $stack_ptr ]['content'] ) );
	}
}
