<?php
/**
 * WordPress.NamingConventions.ValidHookName: the literal parts of a hook name given to do_action() or
 * apply_filters() are lower case with words separated by underscores.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\NamingConventions;

use CartBay\Lint\WordPress\Helpers\Expressions;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Hook names.
 */
final class ValidHookNameSniff implements Sniff {

	/**
	 * Functions that fire a hook named by their first argument.
	 *
	 * @var array<string, true>
	 */
	private const FIRING = array(
		'apply_filters'            => true,
		'apply_filters_deprecated' => true,
		'apply_filters_ref_array'  => true,
		'do_action'                => true,
		'do_action_deprecated'     => true,
		'do_action_ref_array'      => true,
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
	 * Checks the literal parts of one hook name.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_STRING token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		if ( ! isset( self::FIRING[ strtolower( $tokens[ $stack_ptr ]['content'] ) ] ) || ! Expressions::is_function_call( $phpcs_file, $stack_ptr ) ) {
			return;
		}
		$open = $phpcs_file->findNext( Tokens::$emptyTokens, $stack_ptr + 1, null, true );
		$args = Expressions::arguments( $phpcs_file, $open );
		if ( ! isset( $args[0] ) ) {
			return;
		}
		for ( $i = $args[0][0]; $i <= $args[0][1]; $i++ ) {
			$code = $tokens[ $i ]['code'];
			if ( T_CONSTANT_ENCAPSED_STRING !== $code && T_DOUBLE_QUOTED_STRING !== $code ) {
				continue;
			}
			// Interpolated variables are dynamic parts; only the literal text is checked.
			$literal = preg_replace( '/\{?\$[A-Za-z_][\w\[\]\'\->]*\}?/', '', substr( $tokens[ $i ]['content'], 1, -1 ) );
			if ( 1 === preg_match( '/[^a-z0-9_]/', (string) $literal ) ) {
				$phpcs_file->addWarning( 'Hook names are lower case with words separated by underscores; found %s.', $i, 'UseUnderscores', array( $tokens[ $i ]['content'] ) );
			}
		}
	}
}
