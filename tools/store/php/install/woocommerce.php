<?php
/**
 * Configures WooCommerce as the CartBay test shop. Idempotent: products and pages
 * are created only when missing, settings are (re)applied.
 *
 * Runs after WooCommerce was activated, in a new process, so WooCommerce is fully loaded.
 * Environment: CARTBAY_STORE_HPOS=on|off picks the order storage.
 *
 * @package CartBay\Tools\Store
 */

use Automattic\WooCommerce\Internal\DataStores\Orders\CustomOrdersTableController;
use Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer;

if ( ! class_exists( 'WooCommerce' ) ) {
	fwrite( STDERR, "WooCommerce is not active\n" );
	exit( 1 );
}

// Activation normally runs the installer; run it again if it did not finish.
if ( WC()->version !== get_option( 'woocommerce_version' ) ) {
	WC_Install::install();
}

/*
 * WooCommerce applies its new-shop defaults (HPOS on, "coming soon" mode on, ...) on the first
 * wp-admin visit. Apply them now, so that the settings below are the final word.
 */
WC_Install::newly_installed();
WC_Install::create_pages();

$cartbay_store_options = array(
	'woocommerce_store_address'                 => '1 Loopback Way',
	'woocommerce_store_city'                    => 'San Francisco',
	'woocommerce_default_country'               => 'US:CA',
	'woocommerce_store_postcode'                => '94107',
	'woocommerce_currency'                      => 'USD',
	'woocommerce_price_num_decimals'            => '2',
	'woocommerce_calc_taxes'                    => 'no',
	'woocommerce_allowed_countries'             => 'all',
	'woocommerce_ship_to_countries'             => '',
	'woocommerce_default_customer_address'      => 'base',
	'woocommerce_enable_guest_checkout'         => 'yes',
	'woocommerce_enable_checkout_login_reminder' => 'yes',
	'woocommerce_coming_soon'                   => 'no',
	'woocommerce_store_pages_only'              => 'no',
	'woocommerce_allow_tracking'                => 'no',
	'woocommerce_show_marketplace_suggestions'  => 'no',
	'woocommerce_task_list_hidden'              => 'yes',
	'woocommerce_extended_task_list_hidden'     => 'yes',
	'woocommerce_task_list_welcome_modal_dismissed' => 'yes',
	'woocommerce_onboarding_profile'            => array(
		'skipped'   => true,
		'completed' => true,
	),
	'woocommerce_cod_settings'                  => array(
		'enabled'            => 'yes',
		'title'              => 'Cash on delivery',
		'description'        => 'Pay with cash upon delivery.',
		'instructions'       => 'Pay with cash upon delivery.',
		'enable_for_methods' => array(),
		'enable_for_virtual' => 'yes',
	),
	'woocommerce_bacs_settings'                 => array( 'enabled' => 'no' ),
	'woocommerce_cheque_settings'               => array( 'enabled' => 'no' ),
);
foreach ( $cartbay_store_options as $cartbay_store_name => $cartbay_store_value ) {
	update_option( $cartbay_store_name, $cartbay_store_value );
}

/**
 * Gives a shipping zone one flat-rate method costing 5.00, unless it has one.
 *
 * @param WC_Shipping_Zone $zone Zone to complete.
 */
function cartbay_store_add_flat_rate( WC_Shipping_Zone $zone ) {
	foreach ( $zone->get_shipping_methods() as $method ) {
		if ( 'flat_rate' === $method->id ) {
			return;
		}
	}
	$instance_id = $zone->add_shipping_method( 'flat_rate' );
	update_option(
		"woocommerce_flat_rate_{$instance_id}_settings",
		array(
			'title'      => 'Flat rate',
			'tax_status' => 'none',
			'cost'       => '5.00',
		)
	);
}

$cartbay_store_zone = null;
foreach ( WC_Shipping_Zones::get_zones() as $cartbay_store_zone_data ) {
	if ( 'United States' === $cartbay_store_zone_data['zone_name'] ) {
		$cartbay_store_zone = new WC_Shipping_Zone( $cartbay_store_zone_data['id'] );
	}
}
if ( ! $cartbay_store_zone ) {
	$cartbay_store_zone = new WC_Shipping_Zone();
	$cartbay_store_zone->set_zone_name( 'United States' );
	$cartbay_store_zone->add_location( 'US', 'country' );
	$cartbay_store_zone->save();
}
cartbay_store_add_flat_rate( $cartbay_store_zone );
cartbay_store_add_flat_rate( new WC_Shipping_Zone( 0 ) );

/**
 * Creates a published simple product unless its SKU exists.
 *
 * @param string $sku   SKU.
 * @param string $name  Product name.
 * @param string $price Regular price.
 * @param array  $props Extra product props, e.g. array( 'virtual' => true ).
 * @return int Product id.
 */
function cartbay_store_simple_product( $sku, $name, $price, array $props = array() ) {
	$id = wc_get_product_id_by_sku( $sku );
	if ( $id ) {
		return $id;
	}
	$product = new WC_Product_Simple();
	$product->set_props(
		array_merge(
			array(
				'name'          => $name,
				'sku'           => $sku,
				'regular_price' => $price,
				'status'        => 'publish',
			),
			$props
		)
	);
	return $product->save();
}

/**
 * Creates the variable tee (custom attribute Size = S | M | L, 20.00 each) unless it exists.
 *
 * @return int Parent product id.
 */
function cartbay_store_variable_tee() {
	$id = wc_get_product_id_by_sku( 'CB-TEE' );
	if ( $id ) {
		return $id;
	}
	$attribute = new WC_Product_Attribute();
	$attribute->set_name( 'Size' );
	$attribute->set_options( array( 'S', 'M', 'L' ) );
	$attribute->set_visible( true );
	$attribute->set_variation( true );

	$tee = new WC_Product_Variable();
	$tee->set_props(
		array(
			'name'   => 'CartBay Test Tee',
			'sku'    => 'CB-TEE',
			'status' => 'publish',
		)
	);
	$tee->set_attributes( array( $attribute ) );
	$tee_id = $tee->save();

	foreach ( array( 'S', 'M', 'L' ) as $size ) {
		$variation = new WC_Product_Variation();
		$variation->set_props(
			array(
				'parent_id'     => $tee_id,
				'sku'           => 'CB-TEE-' . $size,
				'regular_price' => '20.00',
				'status'        => 'publish',
			)
		);
		// Custom (non-taxonomy) attributes are keyed by their sanitized name.
		$variation->set_attributes( array( 'size' => $size ) );
		$variation->save();
	}
	WC_Product_Variable::sync( $tee_id );
	return $tee_id;
}

cartbay_store_simple_product( 'CB-HOODIE', 'CartBay Test Hoodie', '45.00' );
cartbay_store_simple_product( 'CB-MUG', 'CartBay Test Mug', '12.50' );
cartbay_store_simple_product( 'CB-EBOOK', 'CartBay Test E-book', '9.99', array( 'virtual' => true ) );
cartbay_store_simple_product(
	'CB-CAP',
	'CartBay Test Cap',
	'15.00',
	array(
		'manage_stock'   => true,
		'stock_quantity' => 10,
	)
);
cartbay_store_variable_tee();

// Shortcode pages next to WooCommerce's block pages, so both checkouts can be tested.
foreach (
	array(
		'classic-cart'     => array( 'Classic Cart', '<!-- wp:shortcode -->[woocommerce_cart]<!-- /wp:shortcode -->' ),
		'classic-checkout' => array( 'Classic Checkout', '<!-- wp:shortcode -->[woocommerce_checkout]<!-- /wp:shortcode -->' ),
	) as $cartbay_store_slug => $cartbay_store_page
) {
	if ( ! get_page_by_path( $cartbay_store_slug ) ) {
		wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => $cartbay_store_slug,
				'post_title'   => $cartbay_store_page[0],
				'post_content' => $cartbay_store_page[1],
			)
		);
	}
}

// Order storage: make sure both storages' tables exist, then pick one; no compatibility-mode sync.
$cartbay_store_sync = wc_get_container()->get( DataSynchronizer::class );
if ( ! $cartbay_store_sync->check_orders_table_exists() ) {
	$cartbay_store_sync->create_database_tables();
}
update_option( DataSynchronizer::ORDERS_DATA_SYNC_ENABLED_OPTION, 'no' );
update_option( CustomOrdersTableController::CUSTOM_ORDERS_TABLE_USAGE_ENABLED_OPTION, 'on' === getenv( 'CARTBAY_STORE_HPOS' ) ? 'yes' : 'no' );

echo "WooCommerce configured\n";
