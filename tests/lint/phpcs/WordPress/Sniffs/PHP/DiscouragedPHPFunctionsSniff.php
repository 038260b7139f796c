<?php
/**
 * WordPress.PHP.DiscouragedPHPFunctions (warnings): serialization, urlencode(), runtime configuration,
 * system calls and obfuscation functions.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\PHP;

use CartBay\Lint\WordPress\Helpers\FunctionGroupsSniff;

/**
 * Discouraged PHP functions.
 */
final class DiscouragedPHPFunctionsSniff extends FunctionGroupsSniff {

	/**
	 * The groups.
	 *
	 * @return array<string, array{type: string, message: string, functions: array<int, string>}>
	 */
	protected function groups(): array {
		return array(
			'serialize'             => array(
				'type'      => 'warning',
				'message'   => '%s(): unserializing untrusted data can instantiate objects (object injection); store JSON instead.',
				'functions' => array( 'serialize', 'unserialize' ),
			),
			'urlencode'             => array(
				'type'      => 'warning',
				'message'   => '%s() encodes spaces as +; use rawurlencode() (RFC 3986) unless a legacy format needs it.',
				'functions' => array( 'urlencode' ),
			),
			'runtime_configuration' => array(
				'type'      => 'warning',
				'message'   => '%s() changes PHP configuration at run time, for every plugin on the site; leave that to the site owner.',
				'functions' => array( 'error_reporting', 'ini_restore', 'apache_setenv', 'putenv', 'set_include_path', 'restore_include_path', 'magic_quotes_runtime', 'set_magic_quotes_runtime', 'dl', 'ini_set', 'ini_alter' ),
			),
			'system_calls'          => array(
				'type'      => 'warning',
				'message'   => '%s() runs a system command: hosts often disable it, and it is rarely safe with any input.',
				'functions' => array( 'exec', 'passthru', 'proc_open', 'shell_exec', 'system', 'popen' ),
			),
			'obfuscation'           => array(
				'type'      => 'warning',
				'message'   => '%s() is also a way to hide code; say why this use is not (phpcs:ignore with a reason).',
				'functions' => array( 'base64_decode', 'base64_encode', 'convert_uudecode', 'convert_uuencode', 'str_rot13' ),
			),
		);
	}
}
