<?php
/**
 * WordPress.Arrays.MultipleStatementAlignment: in a multi-line associative array the `=>` of the
 * items that start on their own line line up, one space after the longest key.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Arrays;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Aligned double arrows.
 */
final class MultipleStatementAlignmentSniff implements Sniff {

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_ARRAY, T_OPEN_SHORT_ARRAY );
	}

	/**
	 * Checks the arrows of one multi-line array.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Array token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		$opener = T_ARRAY === $tokens[ $stack_ptr ]['code'] ? ( $tokens[ $stack_ptr ]['parenthesis_opener'] ?? null ) : $stack_ptr;
		$closer = T_ARRAY === $tokens[ $stack_ptr ]['code'] ? ( $tokens[ $stack_ptr ]['parenthesis_closer'] ?? null ) : ( $tokens[ $stack_ptr ]['bracket_closer'] ?? null );
		if ( null === $opener || null === $closer || $tokens[ $opener ]['line'] === $tokens[ $closer ]['line'] ) {
			return;
		}
		$arrows = array();
		foreach ( Expressions::arguments( $phpcs_file, $opener ) as $item ) {
			$parts = Expressions::split( $phpcs_file, $item[0], $item[1], array( T_DOUBLE_ARROW ) );
			if ( count( $parts ) < 2 ) {
				continue;
			}
			$key_end = $parts[0][1];
			$arrow   = $phpcs_file->findNext( Tokens::$emptyTokens, $key_end + 1, null, true );
			$first   = $phpcs_file->findFirstOnLine( array(), $item[0], true );
			// Only items alone at the start of their line, with the key and the arrow on that line.
			if ( $tokens[ $item[0] ]['line'] !== $tokens[ $arrow ]['line'] || $first !== $phpcs_file->findFirstOnLine( array(), $arrow, true ) ) {
				continue;
			}
			$before_item = $phpcs_file->findPrevious( Tokens::$emptyTokens, $item[0] - 1, null, true );
			if ( $tokens[ $before_item ]['line'] === $tokens[ $item[0] ]['line'] ) {
				continue;
			}
			$arrows[] = array(
				'arrow'   => $arrow,
				'key_end' => $tokens[ $key_end ]['column'] + $tokens[ $key_end ]['length'],
			);
		}
		if ( count( $arrows ) < 1 ) {
			return;
		}
		$column = max( array_column( $arrows, 'key_end' ) ) + 1;
		foreach ( $arrows as $found ) {
			$arrow = $found['arrow'];
			if ( $tokens[ $arrow ]['column'] === $column ) {
				continue;
			}
			$fix = $phpcs_file->addFixableWarning( 'Align this => with the other items of the array: column %s expected, found %s.', $arrow, 'DoubleArrowNotAligned', array( $column, $tokens[ $arrow ]['column'] ) );
			if ( $fix ) {
				$spaces = str_repeat( ' ', $column - $found['key_end'] );
				if ( T_WHITESPACE === $tokens[ $arrow - 1 ]['code'] ) {
					$phpcs_file->fixer->replaceToken( $arrow - 1, $spaces );
				} else {
					$phpcs_file->fixer->addContentBefore( $arrow, $spaces );
				}
			}
		}
	}
}
