<?php
/**
 * WordPress.PHP.DevelopmentFunctions (warnings): debugging output left in production code.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\PHP;

use CartBay\Lint\WordPress\Helpers\FunctionGroupsSniff;

/**
 * Development functions.
 */
final class DevelopmentFunctionsSniff extends FunctionGroupsSniff {

	/**
	 * The groups.
	 *
	 * @return array<string, array{type: string, message: string, functions: array<int, string>}>
	 */
	protected function groups(): array {
		return array(
			'error_log'               => array(
				'type'      => 'warning',
				'message'   => '%s() is a debugging aid; production code logs through wc_get_logger() or not at all.',
				'functions' => array( 'error_log', 'var_dump', 'var_export', 'print_r', 'trigger_error', 'set_error_handler', 'debug_backtrace', 'debug_print_backtrace', 'debug_zval_dump', 'wp_debug_backtrace_summary' ),
			),
			'prevent_path_disclosure' => array(
				'type'      => 'warning',
				'message'   => '%s() discloses server details and paths.',
				'functions' => array( 'phpinfo' ),
			),
		);
	}
}
