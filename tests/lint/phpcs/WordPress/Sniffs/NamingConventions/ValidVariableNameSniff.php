<?php
/**
 * WordPress.NamingConventions.ValidVariableName: variables and declared properties are snake_case
 * (lower case, words separated by underscores).
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\NamingConventions;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Snake-case variable names.
 */
final class ValidVariableNameSniff implements Sniff {

	/**
	 * PHP's own variables.
	 *
	 * @var array<string, true>
	 */
	private const PHP_VARIABLES = array(
		'$GLOBALS'  => true,
		'$_COOKIE'  => true,
		'$_ENV'     => true,
		'$_FILES'   => true,
		'$_GET'     => true,
		'$_POST'    => true,
		'$_REQUEST' => true,
		'$_SERVER'  => true,
		'$_SESSION' => true,
		'$this'     => true,
	);

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_VARIABLE, T_DOUBLE_QUOTED_STRING, T_HEREDOC );
	}

	/**
	 * Checks one variable (and `$this->property` uses of this class's own properties are left to the declaration).
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_VARIABLE token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$tokens = $phpcs_file->getTokens();
		if ( T_VARIABLE !== $tokens[ $stack_ptr ]['code'] ) {
			// Variables interpolated in a string.
			preg_match_all( '/(?<!\\\\)\$([A-Za-z_]\w*)/', $tokens[ $stack_ptr ]['content'], $matches );
			foreach ( array_unique( $matches[0] ) as $name ) {
				if ( ! isset( self::PHP_VARIABLES[ $name ] ) && ! $this->is_snake_case( $name ) ) {
					$phpcs_file->addError( 'Variable name "%s" is not in snake_case.', $stack_ptr, 'InterpolatedVariableNotSnakeCase', array( $name ) );
				}
			}
			return;
		}
		$name = $tokens[ $stack_ptr ]['content'];
		if ( isset( self::PHP_VARIABLES[ $name ] ) || $this->is_snake_case( $name ) ) {
			return;
		}
		$prev = $phpcs_file->findPrevious( Tokens::$emptyTokens, $stack_ptr - 1, null, true );
		if ( false !== $prev && T_DOUBLE_COLON === $tokens[ $prev ]['code'] ) {
			// A static property of another class, named there.
			return;
		}
		$property = $this->is_property_declaration( $phpcs_file, $stack_ptr );
		$phpcs_file->addError( '%s name "%s" is not in snake_case.', $stack_ptr, $property ? 'PropertyNotSnakeCase' : 'VariableNotSnakeCase', array( $property ? 'Property' : 'Variable', $name ) );
	}

	/**
	 * Whether a variable name is snake_case.
	 *
	 * @param string $name Variable, with its `$`.
	 * @return bool
	 */
	private function is_snake_case( string $name ): bool {
		return 1 === preg_match( '/^\$_?[a-z0-9]+(?:_[a-z0-9]+)*_?$/', $name );
	}

	/**
	 * Whether the variable declares a class property.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_VARIABLE token.
	 * @return bool
	 */
	private function is_property_declaration( File $phpcs_file, int $stack_ptr ): bool {
		$conditions = $phpcs_file->getTokens()[ $stack_ptr ]['conditions'];
		$last       = end( $conditions );
		return isset( Tokens::$ooScopeTokens[ $last ] );
	}
}
