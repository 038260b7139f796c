<?php
/**
 * WordPress.WP.AlternativeFunctions (warnings): PHP functions that have a WordPress alternative.
 *
 * @package CartBay\Lint
 */

namespace CartBay\Lint\WordPress\Sniffs\WP;

use CartBay\Lint\WordPress\Helpers\FunctionGroupsSniff;

/**
 * WordPress alternatives to PHP functions.
 */
final class AlternativeFunctionsSniff extends FunctionGroupsSniff {

	/**
	 * The groups.
	 *
	 * @return array<string, array{type: string, message: string, functions: array<int, string>}>
	 */
	protected function groups(): array {
		return array(
			'json_encode'            => array(
				'type'      => 'warning',
				'message'   => 'Use wp_json_encode() rather than %s(): it handles invalid UTF-8 consistently.',
				'functions' => array( 'json_encode' ),
			),
			'parse_url'              => array(
				'type'      => 'warning',
				'message'   => 'Use wp_parse_url() rather than %s().',
				'functions' => array( 'parse_url' ),
			),
			'strip_tags'             => array(
				'type'      => 'warning',
				'message'   => 'Use wp_strip_all_tags() rather than %s(): it also drops script and style contents.',
				'functions' => array( 'strip_tags' ),
			),
			'rand_seeding'           => array(
				'type'      => 'warning',
				'message'   => '%s() seeds PHP\'s generator; wp_rand() needs no seeding.',
				'functions' => array( 'srand', 'mt_srand' ),
			),
			'rand'                   => array(
				'type'      => 'warning',
				'message'   => 'Use wp_rand() (or random_int()) rather than the predictable %s().',
				'functions' => array( 'rand', 'mt_rand' ),
			),
			'curl'                   => array(
				'type'      => 'warning',
				'message'   => 'Use the WordPress HTTP API (wp_remote_get(), wp_remote_post(), …) rather than %s().',
				'functions' => array( 'curl_*' ),
			),
			'file_system_operations' => array(
				'type'      => 'warning',
				'message'   => '%s() writes or reads files directly; WordPress prefers the WP_Filesystem API.',
				'functions' => array( 'fclose', 'fopen', 'fputs', 'fread', 'fsockopen', 'fwrite', 'file_put_contents', 'readfile' ),
			),
			'unlink'                 => array(
				'type'      => 'warning',
				'message'   => 'Use wp_delete_file() rather than %s().',
				'functions' => array( 'unlink' ),
			),
			'rename'                 => array(
				'type'      => 'warning',
				'message'   => 'Use WP_Filesystem::move() rather than %s().',
				'functions' => array( 'rename' ),
			),
			'mkdir'                  => array(
				'type'      => 'warning',
				'message'   => 'Use wp_mkdir_p() rather than %s().',
				'functions' => array( 'mkdir' ),
			),
			'is_writable'            => array(
				'type'      => 'warning',
				'message'   => 'Use wp_is_writable() rather than %s().',
				'functions' => array( 'is_writable', 'is_writeable' ),
			),
		);
	}
}
