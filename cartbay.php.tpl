<?php
/**
 * Plugin Name:          {{name}}
 * Plugin URI:           {{pluginUri}}
 * Description:          {{description}}
 * Version:              {{version}}
 * Author:               {{author}}
 * Author URI:           {{authorUri}}
 * License:              {{license}}
 * Text Domain:          {{textDomain}}
 * Domain Path:          /languages
 * Requires at least:    {{requiresWordPress}}
 * Requires PHP:         {{requiresPhp}}
 * Requires Plugins:     woocommerce
 * Update URI:           {{pluginUri}}
 * WC requires at least: {{requiresWooCommerce}}
 * WC tested up to:      {{testedWooCommerce}}
 *
 * Generated from cartbay.php.tpl and plugin/schema/plugin.ts by codegen/emitters/plugin-file.ts. Do not edit:
 * change the template or the schema and run `npm run codegen`.
 *
 * @package {{phpNamespace}}
 */

defined( 'ABSPATH' ) || exit;

define( '{{constantPrefix}}_VERSION', '{{version}}' );
define( '{{constantPrefix}}_FILE', __FILE__ );
define( '{{constantPrefix}}_DIR', plugin_dir_path( __FILE__ ) );
define( '{{constantPrefix}}_URL', plugin_dir_url( __FILE__ ) );
define( '{{constantPrefix}}_MIN_WC_VERSION', '{{requiresWooCommerce}}' );
define( '{{constantPrefix}}_LICENSE_SERVER', '{{licenseServer}}' );
define( '{{constantPrefix}}_CREATED_VIA', '{{createdVia}}' );
define( '{{constantPrefix}}_LOG_SOURCE', '{{logSource}}' );

require_once __DIR__ . '/src/Autoloader.php';
\{{phpNamespace}}\Autoloader::register( __DIR__ );

register_activation_hook( __FILE__, array( \{{phpNamespace}}\Core\Installer::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \{{phpNamespace}}\Core\Installer::class, 'deactivate' ) );

// WooCommerce compatibility must be declared before WooCommerce initializes, whether or not CartBay boots.
add_action( 'before_woocommerce_init', array( \{{phpNamespace}}\Core\Compatibility::class, 'declare' ) );
add_action( 'plugins_loaded', array( \{{phpNamespace}}\Core\Plugin::class, 'boot' ) );
