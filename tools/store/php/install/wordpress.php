<?php
/**
 * Installs WordPress into an empty store database (run with CARTBAY_STORE_INSTALLING=1).
 *
 * Environment: CARTBAY_STORE_TITLE, CARTBAY_STORE_ADMIN_USER, CARTBAY_STORE_ADMIN_PASSWORD,
 * CARTBAY_STORE_ADMIN_EMAIL.
 *
 * @package CartBay\Tools\Store
 */

require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ( is_blog_installed() ) {
	echo "WordPress is already installed\n";
	return;
}

$cartbay_store_result = wp_install(
	(string) getenv( 'CARTBAY_STORE_TITLE' ),
	(string) getenv( 'CARTBAY_STORE_ADMIN_USER' ),
	(string) getenv( 'CARTBAY_STORE_ADMIN_EMAIL' ),
	false,
	'',
	(string) getenv( 'CARTBAY_STORE_ADMIN_PASSWORD' )
);

if ( empty( $cartbay_store_result['user_id'] ) ) {
	fwrite( STDERR, "wp_install() did not create the admin user\n" );
	exit( 1 );
}

update_option( 'permalink_structure', '/%postname%/' );
update_option( 'timezone_string', 'UTC' );
update_option( 'blogdescription', 'CartBay local store' );

echo "WordPress installed\n";
