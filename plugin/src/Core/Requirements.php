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

	public const MISSING_WOOCOMMERCE = 'missing_woocommerce';
	public const OLD_WOOCOMMERCE     = 'old_woocommerce';

	/**
	 * Why CartBay cannot run (one of the constants above), or an empty string when it can.
	 *
	 * Checked on `plugins_loaded`, after WooCommerce has loaded its main class.
	 *
	 * @return string
	 */
	public static function unmet_reason(): string {
		if ( ! class_exists( 'WooCommerce' ) || ! function_exists( 'WC' ) ) {
			return self::MISSING_WOOCOMMERCE;
		}
		if ( defined( 'WC_VERSION' ) && version_compare( WC_VERSION, CARTBAY_MIN_WC_VERSION, '<' ) ) {
			return self::OLD_WOOCOMMERCE;
		}
		return '';
	}

	/**
	 * Shows the reason as an admin notice to users who can act on it.
	 *
	 * The message is translated when the notice prints: translations must not load before `init`.
	 *
	 * @param string $reason A reason from unmet_reason().
	 */
	public static function show_notice( string $reason ): void {
		add_action(
			'admin_notices',
			static function () use ( $reason ): void {
				if ( ! current_user_can( 'activate_plugins' ) ) {
					return;
				}
				printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( self::message( $reason ) ) );
			}
		);
	}

	/**
	 * The translated explanation of a reason.
	 *
	 * @param string $reason A reason from unmet_reason().
	 * @return string
	 */
	public static function message( string $reason ): string {
		if ( self::OLD_WOOCOMMERCE === $reason ) {
			return sprintf(
				/* translators: 1: required WooCommerce version, 2: installed WooCommerce version. */
				__( 'CartBay needs WooCommerce %1$s or newer; this store runs %2$s. Update WooCommerce to start recovering abandoned carts.', 'cartbay' ),
				CARTBAY_MIN_WC_VERSION,
				defined( 'WC_VERSION' ) ? WC_VERSION : '?'
			);
		}
		return __( 'CartBay needs WooCommerce. Install and activate WooCommerce to start recovering abandoned carts.', 'cartbay' );
	}
}
