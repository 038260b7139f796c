<?php
/**
 * Activates or deactivates a plugin of a store site.
 *
 * Usage (through bootstrap.php): plugin.php activate|deactivate <plugin-file>
 * where <plugin-file> is relative to the plugins folder, e.g. "cartbay/cartbay.php".
 *
 * @package CartBay\Tools\Store
 */

require_once ABSPATH . 'wp-admin/includes/plugin.php';

$cartbay_store_action = $argv[1] ?? '';
$cartbay_store_plugin = $argv[2] ?? '';

if ( 'activate' === $cartbay_store_action ) {
	// Activation hooks may check capabilities, as they would in wp-admin.
	$cartbay_store_admins = get_users(
		array(
			'role'   => 'administrator',
			'number' => 1,
			'fields' => 'ID',
		)
	);
	if ( ! get_current_user_id() && $cartbay_store_admins ) {
		wp_set_current_user( (int) $cartbay_store_admins[0] );
	}

	if ( is_plugin_active( $cartbay_store_plugin ) ) {
		echo "already active: {$cartbay_store_plugin}\n";
		return;
	}
	$cartbay_store_result = activate_plugin( $cartbay_store_plugin );
	if ( is_wp_error( $cartbay_store_result ) ) {
		fwrite( STDERR, "cannot activate {$cartbay_store_plugin}: " . $cartbay_store_result->get_error_message() . "\n" );
		$cartbay_store_output = $cartbay_store_result->get_error_data();
		if ( is_string( $cartbay_store_output ) && '' !== $cartbay_store_output ) {
			fwrite( STDERR, $cartbay_store_output . "\n" );
		}
		exit( 1 );
	}
	echo "activated: {$cartbay_store_plugin}\n";
	return;
}

if ( 'deactivate' === $cartbay_store_action ) {
	if ( ! is_plugin_active( $cartbay_store_plugin ) ) {
		echo "not active: {$cartbay_store_plugin}\n";
		return;
	}
	deactivate_plugins( $cartbay_store_plugin );
	echo "deactivated: {$cartbay_store_plugin}\n";
	return;
}

fwrite( STDERR, "usage: plugin.php activate|deactivate <plugin-file>\n" );
exit( 2 );
