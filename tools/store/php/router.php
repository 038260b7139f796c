<?php
/**
 * Router for PHP's built-in web server (php -S) serving a CartBay store site.
 *
 * Usage: php -S 127.0.0.1:<port> -t <site>/wordpress router.php
 *
 * Existing static files are left to the built-in server. Existing PHP files run
 * as themselves (wp-admin/*.php, wp-login.php, wp-cron.php); every other path
 * goes to index.php, which is what pretty permalinks and /wp-json/ need.
 * Each request is appended to <site>/logs/access.log with its status and duration.
 *
 * @package CartBay\Tools\Store
 */

/**
 * Decides which file serves the current request.
 *
 * @param string $docroot Document root, without a trailing slash.
 * @param string $path    URL path of the request.
 * @return string|false Absolute PHP file to include, 'redirect' for a directory without its trailing
 *                      slash, 'forbidden' under a deny-all .htaccess, or false to let php -S serve a
 *                      static file.
 */
function cartbay_store_route( $docroot, $path ) {
	$path = '/' . ltrim( rawurldecode( $path ), '/' );
	if ( str_contains( $path, '..' ) ) {
		return $docroot . '/index.php';
	}

	$target = $docroot . $path;
	if ( is_dir( $target ) ) {
		if ( ! str_ends_with( $path, '/' ) ) {
			return 'redirect';
		}
		$target = rtrim( $target, '/' ) . '/index.php';
	}
	if ( ! is_file( $target ) ) {
		return $docroot . '/index.php';
	}
	if ( cartbay_store_denied( dirname( $target ), $docroot ) ) {
		return 'forbidden';
	}
	return str_ends_with( $target, '.php' ) ? $target : false;
}

/**
 * Whether a deny-all `.htaccess` (`Require all denied` or `Deny from all`) in the folder or a parent inside
 * the document root forbids web access, as Apache would (php -S itself ignores .htaccess files).
 *
 * @param string $dir     Folder of the requested file.
 * @param string $docroot Document root.
 * @return bool
 */
function cartbay_store_denied( $dir, $docroot ) {
	while ( strlen( $dir ) >= strlen( $docroot ) ) {
		$htaccess = $dir . '/.htaccess';
		if ( is_file( $htaccess ) && preg_match( '/^\s*(Require\s+all\s+denied|Deny\s+from\s+all)\s*$/mi', (string) file_get_contents( $htaccess ) ) ) {
			return true;
		}
		$dir = dirname( $dir );
	}
	return false;
}

/**
 * Appends one line to the access log: time, method, URI, status, duration.
 *
 * @param string $log_file Access log path.
 * @param string $status   HTTP status, or "static" for files served by php -S.
 */
function cartbay_store_log_request( $log_file, $status ) {
	$duration = ( microtime( true ) - $_SERVER['REQUEST_TIME_FLOAT'] ) * 1000;
	$line     = sprintf(
		"%s %s %s %s %.1fms\n",
		gmdate( 'Y-m-d\TH:i:s\Z' ),
		$_SERVER['REQUEST_METHOD'] ?? '-',
		$_SERVER['REQUEST_URI'] ?? '-',
		$status,
		$duration
	);
	file_put_contents( $log_file, $line, FILE_APPEND | LOCK_EX );
}

$cartbay_store_docroot = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$cartbay_store_log     = dirname( $cartbay_store_docroot ) . '/logs/access.log';
$cartbay_store_target  = cartbay_store_route( $cartbay_store_docroot, (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( false === $cartbay_store_target ) {
	cartbay_store_log_request( $cartbay_store_log, 'static' );
	return false;
}

if ( 'forbidden' === $cartbay_store_target ) {
	http_response_code( 403 );
	echo 'Forbidden';
	cartbay_store_log_request( $cartbay_store_log, '403' );
	return true;
}

// Like Apache's mod_dir: /wp-admin must become /wp-admin/ so relative links resolve.
if ( 'redirect' === $cartbay_store_target ) {
	$cartbay_store_query = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
	header( 'Location: ' . parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) . '/' . ( '' === $cartbay_store_query ? '' : '?' . $cartbay_store_query ), true, 301 );
	cartbay_store_log_request( $cartbay_store_log, '301' );
	return true;
}

register_shutdown_function(
	static function () use ( $cartbay_store_log ) {
		cartbay_store_log_request( $cartbay_store_log, (string) http_response_code() );
	}
);

// Make the included script believe it was requested directly, as under Apache or nginx.
$_SERVER['SCRIPT_FILENAME'] = $cartbay_store_target;
$_SERVER['SCRIPT_NAME']     = substr( $cartbay_store_target, strlen( $cartbay_store_docroot ) );
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
chdir( dirname( $cartbay_store_target ) );

unset( $cartbay_store_docroot, $cartbay_store_log );

// WordPress expects to run in the global scope, so the include stays at the top level.
require $cartbay_store_target;
