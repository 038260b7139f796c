<?php
/**
 * WordPress.NamingConventions.ValidFunctionName: functions and methods are snake_case; only PHP's
 * magic methods start with a double underscore.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\NamingConventions;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Snake-case function names.
 */
final class ValidFunctionNameSniff implements Sniff {

	/**
	 * PHP's magic methods.
	 *
	 * @var array<int, string>
	 */
	private const MAGIC = array( '__construct', '__destruct', '__call', '__callstatic', '__get', '__set', '__isset', '__unset', '__sleep', '__wakeup', '__serialize', '__unserialize', '__tostring', '__invoke', '__set_state', '__clone', '__debuginfo' );

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_FUNCTION );
	}

	/**
	 * Checks one declaration.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_FUNCTION token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$name = $phpcs_file->getDeclarationName( $stack_ptr );
		if ( null === $name || '' === $name ) {
			return;
		}
		$conditions = $phpcs_file->getTokens()[ $stack_ptr ]['conditions'];
		$is_method  = isset( Tokens::$ooScopeTokens[ end( $conditions ) ] );
		if ( $is_method && in_array( strtolower( $name ), self::MAGIC, true ) ) {
			return;
		}
		if ( 0 === strpos( $name, '__' ) ) {
			$phpcs_file->addError( '%s name "%s" is invalid; only PHP magic methods should be prefixed with a double underscore.', $stack_ptr, $is_method ? 'MethodDoubleUnderscore' : 'FunctionDoubleUnderscore', array( $is_method ? 'Method' : 'Function', $name ) );
			return;
		}
		if ( 1 !== preg_match( '/^_?[a-z0-9]+(?:_[a-z0-9]+)*$/', $name ) ) {
			$phpcs_file->addError( '%s name "%s" is not in snake_case.', $stack_ptr, $is_method ? 'MethodNameInvalid' : 'FunctionNameInvalid', array( $is_method ? 'Method' : 'Function', $name ) );
		}
	}
}
