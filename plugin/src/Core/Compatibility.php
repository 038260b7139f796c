<?php
/**
 * WooCommerce feature compatibility declarations.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

use Automattic\WooCommerce\Utilities\FeaturesUtil;

defined( 'ABSPATH' ) || exit;

/**
 * Declares that CartBay works with HPOS (custom order tables) and with the Cart and Checkout blocks.
 */
final class Compatibility {

	/**
	 * Runs on `before_woocommerce_init`.
	 */
	public static function declare(): void {
		if ( ! class_exists( FeaturesUtil::class ) ) {
			return;
		}
		FeaturesUtil::declare_compatibility( 'custom_order_tables', CARTBAY_FILE, true );
		FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', CARTBAY_FILE, true );
	}
}
