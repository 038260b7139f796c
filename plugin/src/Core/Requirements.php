<?php
/**
 * Runtime requirements: WooCommerce must be active and recent enough.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

defined( 'ABSPATH' ) || exit;

/**
 * Decides whether CartBay's recovery runtime can start, and tells the admin why not.
 */
final class Requirements {

	/**
	 * Why CartBay cannot run, or an empty string when it can.
	 *
	 * Checked on `plugins_loaded`, after WooCommerce has loaded its main class.
	 */
	public static function unmet_reason(): string {
		if ( ! class_exists( 'WooCommerce' ) || ! function_exists( 'WC' ) ) {
			return __( 'CartBay needs WooCommerce. Install and activate WooCommerce to start recovering abandoned carts.', 'cartbay' );
		}
		if ( defined( 'WC_VERSION' ) && version_compare( WC_VERSION, CARTBAY_MIN_WC_VERSION, '<' ) ) {
			return sprintf(
				/* translators: 1: required WooCommerce version, 2: installed WooCommerce version. */
				__( 'CartBay needs WooCommerce %1$s or newer; this store runs %2$s. Update WooCommerce to start recovering abandoned carts.', 'cartbay' ),
				CARTBAY_MIN_WC_VERSION,
				WC_VERSION
			);
		}
		return '';
	}

	/**
	 * Shows the reason as an admin notice to users who can act on it.
	 *
	 * @param string $reason Message from unmet_reason().
	 */
	public static function show_notice( string $reason ): void {
		add_action(
			'admin_notices',
			static function () use ( $reason ): void {
				if ( ! current_user_can( 'activate_plugins' ) ) {
					return;
				}
				printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $reason ) );
			}
		);
	}
}
