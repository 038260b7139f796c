<?php
/**
 * WordPress.DateTime.RestrictedFunctions (errors): date() depends on the runtime time zone (use gmdate()
 * or wp_date()), and the time zone is WordPress's to set.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\DateTime;

use CartBay\Lint\WordPress\Helpers\FunctionGroupsSniff;

/**
 * Restricted date and time functions.
 */
final class RestrictedFunctionsSniff extends FunctionGroupsSniff {

	/**
	 * The groups.
	 *
	 * @return array<string, array{type: string, message: string, functions: array<int, string>}>
	 */
	protected function groups(): array {
		return array(
			'timezone_change' => array(
				'type'      => 'error',
				'message'   => '%s(): the PHP time zone is WordPress\'s (UTC); use wp_timezone() for the site\'s.',
				'functions' => array( 'date_default_timezone_set' ),
			),
			'date'            => array(
				'type'      => 'error',
				'message'   => '%s() depends on the PHP time zone; use gmdate() for UTC or wp_date() for the site\'s time zone.',
				'functions' => array( 'date' ),
			),
		);
	}
}
