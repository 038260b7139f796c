<?php
/**
 * Plugin Name: CartBay Store Helpers
 * Description: Makes the CartBay local store offline and deterministic: no outbound HTTP, no update checks, captured mail, no background queue runner, one SQLite fix.
 * Version: 1.0.0
 *
 * Copied into every store site by tools/store (layout.ts). Edit the copy in
 * tools/store/php/mu-plugins/, not the one in a site: it is overwritten.
 *
 * Constants (set in the site's wp-config.php):
 * - CARTBAY_STORE_MAIL_FILE          JSON-lines file that receives captured mail.
 * - CARTBAY_STORE_CAPTURE_MAIL       false lets wp_mail() really send (default true).
 * - CARTBAY_STORE_BACKGROUND_RUNNERS true re-enables Action Scheduler's async runner (default false).
 *
 * Option cartbay_store_mail_fail = 'yes' makes captured mail fail (wp_mail() returns false and
 * wp_mail_failed fires), so delivery-failure paths can be tested.
 *
 * @package CartBay\Tools\Store
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether a URL points at this machine (the only hosts a store may talk to).
 *
 * @param string $url URL of an outbound request.
 * @return bool
 */
function cartbay_store_is_local_url( $url ) {
	$host = wp_parse_url( $url, PHP_URL_HOST );
	if ( ! is_string( $host ) ) {
		return false;
	}
	$host = strtolower( trim( $host, '[]' ) );
	return in_array( $host, array( '127.0.0.1', 'localhost', '::1' ), true ) || str_ends_with( $host, '.localhost' );
}

/**
 * Fails every outbound HTTP request to another host at once, instead of waiting for a timeout.
 *
 * Runs last, so a test that answers a request itself through pre_http_request still wins.
 *
 * @param false|array|WP_Error $response A response another filter produced, or false.
 * @param array                $args     Request arguments.
 * @param string               $url      Request URL.
 * @return false|array|WP_Error
 */
function cartbay_store_block_http( $response, $args, $url ) {
	if ( false !== $response || cartbay_store_is_local_url( $url ) ) {
		return $response;
	}
	return new WP_Error( 'cartbay_store_http_blocked', sprintf( 'Outbound HTTP is blocked in the CartBay store: %s', $url ) );
}
add_filter( 'pre_http_request', 'cartbay_store_block_http', PHP_INT_MAX, 3 );

/**
 * Answers "no updates" for core, plugins and themes without asking WordPress.org.
 *
 * @return object
 */
function cartbay_store_no_updates() {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'checked'         => array(),
		'response'        => array(),
		'no_update'       => array(),
		'translations'    => array(),
	);
}
add_filter( 'pre_site_transient_update_core', 'cartbay_store_no_updates' );
add_filter( 'pre_site_transient_update_plugins', 'cartbay_store_no_updates' );
add_filter( 'pre_site_transient_update_themes', 'cartbay_store_no_updates' );
add_filter( 'automatic_updater_disabled', '__return_true' );
add_filter( 'woocommerce_allow_marketplace_suggestions', '__return_false' );
remove_action( 'init', 'wp_schedule_update_checks' );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'wp_update_plugins', 'wp_update_plugins' );
remove_action( 'wp_update_themes', 'wp_update_themes' );

/**
 * SQLite compatibility: WooCommerce writes "no limit" as MySQL's largest unsigned BIGINT, which
 * overflows SQLite's signed 64-bit integers ("datatype mismatch", seen in the HPOS refunds query).
 * The largest signed value means the same.
 *
 * @param string $query SQL about to run.
 * @return string
 */
function cartbay_store_sqlite_limit( $query ) {
	return str_contains( $query, '18446744073709551615' )
		? preg_replace( '/(LIMIT\s+\d+\s*,\s*)18446744073709551615\b/i', '${1}9223372036854775807', $query )
		: $query;
}
if ( defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE ) {
	add_filter( 'query', 'cartbay_store_sqlite_limit' );
}

/*
 * Scheduled actions run only when a test (or `cli.ts as-run`) runs them: the async
 * runner would otherwise fire loopback requests after admin page loads.
 */
if ( ! defined( 'CARTBAY_STORE_BACKGROUND_RUNNERS' ) || ! CARTBAY_STORE_BACKGROUND_RUNNERS ) {
	add_filter( 'action_scheduler_allow_async_request_runner', '__return_false' );
}

/**
 * Where the current code runs, recorded with each captured mail.
 *
 * @return string "cli", "cron", "ajax", "rest" or the request URI.
 */
function cartbay_store_context() {
	if ( 'cli' === PHP_SAPI ) {
		return 'cli';
	}
	if ( wp_doing_cron() ) {
		return 'cron';
	}
	if ( wp_doing_ajax() ) {
		return 'ajax';
	}
	$uri = isset( $_SERVER['REQUEST_URI'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '';
	return str_contains( $uri, '/wp-json/' ) ? 'rest' : $uri;
}

/**
 * Appends a wp_mail() call to the mail file instead of sending it.
 *
 * Fires wp_mail_succeeded (or wp_mail_failed when the cartbay_store_mail_fail option is 'yes')
 * as a real send would, so plugins that follow delivery see the usual hooks.
 *
 * @param null|bool $short_circuit A result another filter produced, or null.
 * @param array     $atts {
 *     The wp_mail() arguments.
 *
 *     @type string|string[] $to          Recipients.
 *     @type string          $subject     Subject.
 *     @type string          $message     Body.
 *     @type string|string[] $headers     Headers.
 *     @type string|string[] $attachments Attachment paths.
 * }
 * @return null|bool True when captured, false for a simulated failure.
 */
function cartbay_store_capture_mail( $short_circuit, $atts ) {
	if ( null !== $short_circuit ) {
		return $short_circuit;
	}

	$failed = 'yes' === get_option( 'cartbay_store_mail_fail', 'no' );
	// The sender wp_mail() would use: the callbacks a caller added around it (WC_Email::send() adds its own)
	// are still attached while pre_wp_mail runs.
	$host   = (string) wp_parse_url( network_home_url(), PHP_URL_HOST );
	$record = array(
		/** This filter is documented in wp-includes/pluggable.php */
		'from'        => apply_filters( 'wp_mail_from', 'wordpress@' . preg_replace( '/^www\./', '', $host ) ),
		/** This filter is documented in wp-includes/pluggable.php */
		'from_name'   => apply_filters( 'wp_mail_from_name', 'WordPress' ),
		'time'        => gmdate( 'Y-m-d\TH:i:s\Z' ),
		'to'          => $atts['to'],
		'subject'     => $atts['subject'],
		'message'     => $atts['message'],
		'headers'     => $atts['headers'],
		'attachments' => $atts['attachments'],
		'context'     => cartbay_store_context(),
		'failed'      => $failed,
	);
	file_put_contents( CARTBAY_STORE_MAIL_FILE, wp_json_encode( $record, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n", FILE_APPEND | LOCK_EX );

	$mail_data = array(
		'to'          => is_array( $atts['to'] ) ? $atts['to'] : explode( ',', $atts['to'] ),
		'subject'     => $atts['subject'],
		'message'     => $atts['message'],
		'headers'     => $atts['headers'],
		'attachments' => $atts['attachments'],
	);
	if ( $failed ) {
		/** This action is documented in wp-includes/pluggable.php */
		do_action( 'wp_mail_failed', new WP_Error( 'wp_mail_failed', 'Simulated mail failure (cartbay_store_mail_fail)', $mail_data ) );
		return false;
	}
	/** This action is documented in wp-includes/pluggable.php */
	do_action( 'wp_mail_succeeded', $mail_data );
	return true;
}

if ( defined( 'CARTBAY_STORE_MAIL_FILE' ) && ( ! defined( 'CARTBAY_STORE_CAPTURE_MAIL' ) || CARTBAY_STORE_CAPTURE_MAIL ) ) {
	add_filter( 'pre_wp_mail', 'cartbay_store_capture_mail', 10, 2 );
}
