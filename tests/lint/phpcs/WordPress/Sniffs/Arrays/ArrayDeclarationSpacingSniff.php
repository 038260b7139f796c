<?php
/**
 * WordPress.Arrays.ArrayDeclarationSpacing, for the long `array()` syntax:
 * - an empty array is `array()`;
 * - a single-line array has one space inside its parentheses (`array( 1, 2 )`);
 * - an associative array with more than one item is multi-line;
 * - in a multi-line array every item starts on a line of its own, and so does the closing parenthesis.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Arrays;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Spacing and line breaks of array declarations.
 */
final class ArrayDeclarationSpacingSniff implements Sniff {

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_ARRAY );
	}

	/**
	 * Checks one `array( … )`.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_ARRAY token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		if ( ! isset( $tokens[ $stack_ptr ]['parenthesis_opener'], $tokens[ $stack_ptr ]['parenthesis_closer'] ) ) {
			return;
		}
		$opener = $tokens[ $stack_ptr ]['parenthesis_opener'];
		$closer = $tokens[ $stack_ptr ]['parenthesis_closer'];
		if ( $closer === $opener + 1 ) {
			return;
		}
		$items = Expressions::arguments( $phpcs_file, $opener );
		if ( array() === $items ) {
			$fix = $phpcs_file->addFixableError( 'An empty array is written array(), without spaces.', $opener, 'SpaceInEmptyArray' );
			if ( $fix ) {
				$phpcs_file->fixer->beginChangeset();
				for ( $i = $opener + 1; $i < $closer; $i++ ) {
					$phpcs_file->fixer->replaceToken( $i, '' );
				}
				$phpcs_file->fixer->endChangeset();
			}
			return;
		}
		if ( $tokens[ $opener ]['line'] === $tokens[ $closer ]['line'] ) {
			$this->check_single_line( $phpcs_file, $opener, $closer, $items );
			return;
		}
		$previous_line = $tokens[ $opener ]['line'];
		foreach ( $items as $item ) {
			if ( $tokens[ $item[0] ]['line'] === $previous_line ) {
				$phpcs_file->addError( 'Each item of a multi-line array starts on a new line.', $item[0], 'ArrayItemNoNewLine' );
			}
			$end           = $phpcs_file->findNext( Tokens::$emptyTokens, $item[1] + 1, null, true );
			$previous_line = $tokens[ false === $end ? $item[1] : $end ]['line'];
		}
		$last = $phpcs_file->findPrevious( Tokens::$emptyTokens, $closer - 1, $opener, true );
		if ( $tokens[ $last ]['line'] === $tokens[ $closer ]['line'] ) {
			$phpcs_file->addError( 'The closing parenthesis of a multi-line array goes on a line of its own.', $closer, 'CloseBraceNewLine' );
		}
	}

	/**
	 * A single-line array: the spaces inside and no associative list.
	 *
	 * @param File                              $phpcs_file File.
	 * @param int                               $opener     Opening parenthesis.
	 * @param int                               $closer     Closing parenthesis.
	 * @param array<int, array{0: int, 1: int}> $items      Item ranges.
	 * @return void
	 */
	private function check_single_line( File $phpcs_file, int $opener, int $closer, array $items ): void {
		$tokens = $phpcs_file->getTokens();
		$after  = T_WHITESPACE === $tokens[ $opener + 1 ]['code'] ? $tokens[ $opener + 1 ]['length'] : 0;
		$before = T_WHITESPACE === $tokens[ $closer - 1 ]['code'] ? $tokens[ $closer - 1 ]['length'] : 0;
		if ( 1 !== $after ) {
			$fix = $phpcs_file->addFixableError( 'Expected 1 space after the array opener, found %s.', $opener, 0 === $after ? 'NoSpaceAfterArrayOpener' : 'SpaceAfterArrayOpener', array( $after ) );
			if ( $fix ) {
				if ( 0 === $after ) {
					$phpcs_file->fixer->addContent( $opener, ' ' );
				} else {
					$phpcs_file->fixer->replaceToken( $opener + 1, ' ' );
				}
			}
		}
		if ( 1 !== $before ) {
			$fix = $phpcs_file->addFixableError( 'Expected 1 space before the array closer, found %s.', $closer, 0 === $before ? 'NoSpaceBeforeArrayCloser' : 'SpaceBeforeArrayCloser', array( $before ) );
			if ( $fix ) {
				if ( 0 === $before ) {
					$phpcs_file->fixer->addContentBefore( $closer, ' ' );
				} else {
					$phpcs_file->fixer->replaceToken( $closer - 1, ' ' );
				}
			}
		}
		if ( count( $items ) > 1 ) {
			foreach ( $items as $item ) {
				if ( $this->has_top_level_arrow( $phpcs_file, $item[0], $item[1] ) ) {
					$phpcs_file->addError( 'An associative array of more than one item is written one item per line.', $opener, 'AssociativeArrayFound' );
					return;
				}
			}
		}
	}

	/**
	 * Whether an item is `key => value`.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $start      First token of the item.
	 * @param int  $end        Last token of the item.
	 * @return bool
	 */
	private function has_top_level_arrow( File $phpcs_file, int $start, int $end ): bool {
		return count( Expressions::split( $phpcs_file, $start, $end, array( T_DOUBLE_ARROW ) ) ) > 1;
	}
}
