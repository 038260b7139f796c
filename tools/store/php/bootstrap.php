<?php
/**
 * Runs one PHP file inside a CartBay store site, from the command line.
 *
 * Usage: php bootstrap.php <site-dir> <file> [args...]
 *
 * Loads the site's WordPress as a plain front-end request would, then includes
 * <file> in the global scope, so the file can use every WordPress and
 * WooCommerce API. Inside <file>, $argv holds <file> and the extra args.
 *
 * Environment:
 * - CARTBAY_STORE_INSTALLING=1  define WP_INSTALLING (only the installer needs it).
 * - CARTBAY_STORE_USER=<login>  run as that user (for example "admin").
 *
 * @package CartBay\Tools\Store
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- A CLI entry point sets up the request globals on purpose.

if ( 'cli' !== PHP_SAPI || $argc < 3 ) {
	fwrite( STDERR, "usage: php bootstrap.php <site-dir> <file> [args...]\n" );
	exit( 2 );
}

$cartbay_store_site = rtrim( $argv[1], '/' );
$cartbay_store_file = $argv[2];
$cartbay_store_json = json_decode( (string) file_get_contents( $cartbay_store_site . '/site.json' ), true );

if ( ! is_array( $cartbay_store_json ) || empty( $cartbay_store_json['url'] ) ) {
	fwrite( STDERR, "not a CartBay store site (no site.json): {$cartbay_store_site}\n" );
	exit( 2 );
}

// WordPress reads the host, port and path of "this request" from $_SERVER; make it look like a GET of the home page.
$cartbay_store_url  = parse_url( $cartbay_store_json['url'] );
$cartbay_store_host = $cartbay_store_url['host'] . ( isset( $cartbay_store_url['port'] ) ? ':' . $cartbay_store_url['port'] : '' );

$_SERVER['HTTP_HOST']       = $cartbay_store_host;
$_SERVER['SERVER_NAME']     = $cartbay_store_url['host'];
$_SERVER['SERVER_PORT']     = (string) ( $cartbay_store_url['port'] ?? 80 );
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['HTTP_USER_AGENT'] = 'CartBay store CLI';

if ( getenv( 'CARTBAY_STORE_INSTALLING' ) ) {
	define( 'WP_INSTALLING', true );
}

require $cartbay_store_site . '/wordpress/wp-load.php';

if ( getenv( 'CARTBAY_STORE_USER' ) ) {
	$cartbay_store_user = get_user_by( 'login', getenv( 'CARTBAY_STORE_USER' ) );
	if ( ! $cartbay_store_user ) {
		fwrite( STDERR, 'unknown user: ' . getenv( 'CARTBAY_STORE_USER' ) . "\n" );
		exit( 2 );
	}
	wp_set_current_user( $cartbay_store_user->ID );
}

$argv = array_slice( $argv, 2 );
$argc = count( $argv );

// Keep the global scope clean for the included file.
$cartbay_store_include = $cartbay_store_file;
unset( $cartbay_store_site, $cartbay_store_file, $cartbay_store_json, $cartbay_store_url, $cartbay_store_host, $cartbay_store_user );

require $cartbay_store_include;
