<?php
/**
 * Points a database copied from a template at its new site: the home and site URL options, and
 * WooCommerce's approved download folders (an absolute file:// URL and an http URL of uploads).
 *
 * Usage: php rebase-site.php <sqlite-file> <uploads-dir> <url>
 *
 * Plain PDO, without loading WordPress, so it takes milliseconds. The URL options are a courtesy:
 * wp-config.php's WP_HOME / WP_SITEURL decide the URL.
 *
 * @package CartBay\Tools\Store
 */

if ( 'cli' !== PHP_SAPI || 4 !== $argc ) {
	fwrite( STDERR, "usage: php rebase-site.php <sqlite-file> <uploads-dir> <url>\n" );
	exit( 2 );
}

list( , $cartbay_store_db, $cartbay_store_uploads, $cartbay_store_url ) = $argv;

$cartbay_store_pdo = new PDO( 'sqlite:' . $cartbay_store_db );
$cartbay_store_pdo->setAttribute( PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION );

$cartbay_store_pdo->prepare( "UPDATE wp_options SET option_value = ? WHERE option_name IN ( 'siteurl', 'home' )" )
	->execute( array( $cartbay_store_url ) );

$cartbay_store_table = $cartbay_store_pdo->query( "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'wp_wc_product_download_directories'" )->fetchColumn();
if ( $cartbay_store_table ) {
	$cartbay_store_pdo->prepare( "UPDATE wp_wc_product_download_directories SET url = ? WHERE url LIKE 'file://%/woocommerce_uploads/'" )
		->execute( array( 'file://' . rtrim( $cartbay_store_uploads, '/' ) . '/woocommerce_uploads/' ) );
	$cartbay_store_pdo->prepare( "UPDATE wp_wc_product_download_directories SET url = ? WHERE url LIKE 'http%/wp-content/uploads/woocommerce_uploads/'" )
		->execute( array( rtrim( $cartbay_store_url, '/' ) . '/wp-content/uploads/woocommerce_uploads/' ) );
}
