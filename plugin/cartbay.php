<?php
/**
 * Plugin Name:          CartBay
 * Plugin URI:           https://wpanchorbay.github.io/cartbay/
 * Description:          Abandoned-cart recovery for WooCommerce: consented checkout capture, a three-email recovery sequence, secure restore links and recovered-revenue reporting.
 * Version:              0.1.0
 * Author:               WPAnchorBay
 * Author URI:           https://wpanchorbay.com/
 * License:              GPL-2.0-or-later
 * Text Domain:          cartbay
 * Domain Path:          /languages
 * Requires at least:    6.8
 * Requires PHP:         8.2
 * Requires Plugins:     woocommerce
 * Update URI:           https://wpanchorbay.github.io/cartbay/
 * WC requires at least: 10.0
 * WC tested up to:      10.0
 *
 * Generated from cartbay.php.tpl and plugin/schema/plugin.ts by codegen/emitters/plugin-file.ts. Do not edit:
 * change the template or the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

defined( 'ABSPATH' ) || exit;

define( 'CARTBAY_VERSION', '0.1.0' );
define( 'CARTBAY_FILE', __FILE__ );
define( 'CARTBAY_DIR', plugin_dir_path( __FILE__ ) );
define( 'CARTBAY_URL', plugin_dir_url( __FILE__ ) );
define( 'CARTBAY_MIN_WC_VERSION', '10.0' );
define( 'CARTBAY_LICENSE_SERVER', 'https://wpanchorbay.com/wp-json/license-server/v1' );
define( 'CARTBAY_CREATED_VIA', 'cartbay' );
define( 'CARTBAY_LOG_SOURCE', 'cartbay' );

require_once __DIR__ . '/src/Autoloader.php';
\WPAnchorBay\CartBay\Autoloader::register( __DIR__ );

register_activation_hook( __FILE__, array( \WPAnchorBay\CartBay\Core\Installer::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \WPAnchorBay\CartBay\Core\Installer::class, 'deactivate' ) );

// WooCommerce compatibility must be declared before WooCommerce initializes, whether or not CartBay boots.
add_action( 'before_woocommerce_init', array( \WPAnchorBay\CartBay\Core\Compatibility::class, 'declare' ) );
add_action( 'plugins_loaded', array( \WPAnchorBay\CartBay\Core\Plugin::class, 'boot' ) );
