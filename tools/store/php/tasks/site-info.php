<?php
/**
 * Prints facts about a store site as JSON: versions, order storage, Action Scheduler store, catalogue.
 *
 * @package CartBay\Tools\Store
 */

use Automattic\WooCommerce\Utilities\OrderUtil;

require_once ABSPATH . 'wp-admin/includes/plugin.php';

$cartbay_store_info = array(
	'wordpress'     => get_bloginfo( 'version' ),
	'url'           => home_url( '/' ),
	'activePlugins' => array_values( (array) get_option( 'active_plugins', array() ) ),
	'woocommerce'   => null,
);

if ( class_exists( 'WooCommerce' ) ) {
	$cartbay_store_products = array();
	foreach ( array( 'CB-HOODIE', 'CB-MUG', 'CB-EBOOK', 'CB-CAP', 'CB-TEE', 'CB-TEE-S', 'CB-TEE-M', 'CB-TEE-L' ) as $cartbay_store_sku ) {
		$cartbay_store_products[ $cartbay_store_sku ] = wc_get_product_id_by_sku( $cartbay_store_sku );
	}
	$cartbay_store_info['woocommerce'] = array(
		'version'          => WC()->version,
		'hpos'             => OrderUtil::custom_orders_table_usage_is_enabled(),
		'orderDataStore'   => WC_Data_Store::load( 'order' )->get_current_class_name(),
		'actionStore'      => class_exists( 'ActionScheduler' ) ? get_class( ActionScheduler::store() ) : null,
		'pages'            => array(
			'shop'     => wc_get_page_permalink( 'shop' ),
			'cart'     => wc_get_cart_url(),
			'checkout' => wc_get_checkout_url(),
			'account'  => wc_get_page_permalink( 'myaccount' ),
		),
		'products'         => $cartbay_store_products,
	);
}

echo wp_json_encode( $cartbay_store_info, JSON_UNESCAPED_SLASHES ) . "\n";
