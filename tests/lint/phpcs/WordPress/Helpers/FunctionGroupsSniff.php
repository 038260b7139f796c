<?php
/**
 * Base of the table-driven function sniffs: a call to a listed function is reported with the code
 * `<group>_<function>`, as an error or a warning, with the group's advice.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Helpers;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

/**
 * Reports calls of restricted or discouraged functions.
 */
abstract class FunctionGroupsSniff implements Sniff {

	/**
	 * Groups: `type` (error|warning), `message` (with %s for the function) and `functions` (lower case,
	 * a trailing `*` matches a prefix).
	 *
	 * @return array<string, array{type: string, message: string, functions: array<int, string>}>
	 */
	abstract protected function groups(): array;

	/**
	 * Tokens to listen for.
	 *
	 * @return array<int|string>
	 */
	public function register() {
		return array( T_STRING );
	}

	/**
	 * Reports a call of a listed function.
	 *
	 * @param File $phpcs_file File.
	 * @param int  $stack_ptr  T_STRING token.
	 * @return void
	 */
	public function process( File $phpcs_file, $stack_ptr ) {
		$name = strtolower( $phpcs_file->getTokens()[ $stack_ptr ]['content'] );
		foreach ( $this->groups() as $group => $spec ) {
			foreach ( $spec['functions'] as $function ) {
				$matches = '*' === substr( $function, -1 ) ? 0 === strpos( $name, substr( $function, 0, -1 ) ) : $name === $function;
				if ( ! $matches || ! Expressions::is_function_call( $phpcs_file, $stack_ptr ) ) {
					continue;
				}
				$code = $group . '_' . $name;
				if ( 'error' === $spec['type'] ) {
					$phpcs_file->addError( $spec['message'], $stack_ptr, $code, array( $name ) );
				} else {
					$phpcs_file->addWarning( $spec['message'], $stack_ptr, $code, array( $name ) );
				}
				return;
			}
		}
	}
}
