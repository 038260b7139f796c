<?php
/**
 * WordPress.Arrays.ArrayKeySpacingRestrictions: an array index that is a single string or integer
 * literal has no spaces inside the brackets (`$a['key']`, `$a[0]`); any other index has one space on
 * each side (`$a[ $key ]`, `$a[ self::KEY ]`). Empty brackets stay empty (`$a[] = 1`).
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\Arrays;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

/**
 * Spacing inside array index brackets.
 */
final class ArrayKeySpacingRestrictionsSniff implements Sniff {

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_OPEN_SQUARE_BRACKET );
	}

	/**
	 * Checks one index.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  Opening bracket.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		if ( ! isset( $tokens[ $stack_ptr ]['bracket_closer'] ) ) {
			return;
		}
		$closer = $tokens[ $stack_ptr ]['bracket_closer'];
		if ( $tokens[ $stack_ptr ]['line'] !== $tokens[ $closer ]['line'] || $closer === $stack_ptr + 1 ) {
			return;
		}
		$first = $phpcs_file->findNext( T_WHITESPACE, $stack_ptr + 1, $closer, true );
		if ( false === $first ) {
			$fix = $phpcs_file->addFixableError( 'Empty array brackets have no space inside.', $stack_ptr, 'SpacesInEmptyBrackets' );
			if ( $fix ) {
				$phpcs_file->fixer->replaceToken( $stack_ptr + 1, '' );
			}
			return;
		}
		$last    = $phpcs_file->findPrevious( T_WHITESPACE, $closer - 1, $stack_ptr, true );
		$literal = ( $first === $last && in_array( $tokens[ $first ]['code'], array( T_CONSTANT_ENCAPSED_STRING, T_LNUMBER ), true ) )
			|| ( $last === $first + 1 && T_MINUS === $tokens[ $first ]['code'] && T_LNUMBER === $tokens[ $last ]['code'] );
		$before  = T_WHITESPACE === $tokens[ $stack_ptr + 1 ]['code'] ? $tokens[ $stack_ptr + 1 ]['length'] : 0;
		$after   = T_WHITESPACE === $tokens[ $closer - 1 ]['code'] ? $tokens[ $closer - 1 ]['length'] : 0;
		$key     = $phpcs_file->getTokensAsString( $first, $last - $first + 1 );
		if ( $literal ) {
			if ( 0 !== $before || 0 !== $after ) {
				$fix = $phpcs_file->addFixableError( 'A string or integer literal index has no spaces inside the brackets: write [%s].', $stack_ptr, 'SpacesAroundArrayKeys', array( $key ) );
				if ( $fix ) {
					$phpcs_file->fixer->beginChangeset();
					if ( 0 !== $before ) {
						$phpcs_file->fixer->replaceToken( $stack_ptr + 1, '' );
					}
					if ( 0 !== $after ) {
						$phpcs_file->fixer->replaceToken( $closer - 1, '' );
					}
					$phpcs_file->fixer->endChangeset();
				}
			}
			return;
		}
		if ( 1 !== $before || 1 !== $after ) {
			$fix = $phpcs_file->addFixableError( 'An index other than a string or integer literal has one space inside each bracket: write [ %s ].', $stack_ptr, 'NoSpacesAroundArrayKeys', array( $key ) );
			if ( $fix ) {
				$phpcs_file->fixer->beginChangeset();
				if ( 0 === $before ) {
					$phpcs_file->fixer->addContent( $stack_ptr, ' ' );
				} elseif ( 1 !== $before ) {
					$phpcs_file->fixer->replaceToken( $stack_ptr + 1, ' ' );
				}
				if ( 0 === $after ) {
					$phpcs_file->fixer->addContentBefore( $closer, ' ' );
				} elseif ( 1 !== $after ) {
					$phpcs_file->fixer->replaceToken( $closer - 1, ' ' );
				}
				$phpcs_file->fixer->endChangeset();
			}
		}
	}
}
