<?php
/**
 * WordPress.PHP.RestrictedPHPFunctions and WordPress.PHP.DontExtract's rule (errors): create_function()
 * and extract().
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\PHP;

use CartBay\Lint\WordPress\Helpers\FunctionGroupsSniff;

/**
 * Restricted PHP functions.
 */
final class RestrictedPHPFunctionsSniff extends FunctionGroupsSniff {

	/**
	 * The groups.
	 *
	 * @return array<string, array{type: string, message: string, functions: array<int, string>}>
	 */
	protected function groups(): array {
		return array(
			'create_function' => array(
				'type'      => 'error',
				'message'   => '%s() is deprecated as of PHP 7.2 and removed in PHP 8.0; use an anonymous function.',
				'functions' => array( 'create_function' ),
			),
			'extract'         => array(
				'type'      => 'error',
				'message'   => '%s() makes code harder to read and can overwrite variables; assign the values explicitly.',
				'functions' => array( 'extract' ),
			),
		);
	}
}
