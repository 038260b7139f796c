<?php
/**
 * The one redirect to the setup wizard after CartBay is activated.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Admin;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * Activating CartBay on its own (not in a bulk or network-wide activation, not from WP-CLI) leaves a
 * short-lived flag; the next admin page an administrator opens takes the flag and goes to the wizard,
 * once. Nothing happens once the wizard is complete or skipped.
 */
final class WizardRedirect implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'admin_init' => array( 20, 1 ),
		);
	}

	/**
	 * Called by the activation hook: leaves the flag for a single-site, one-plugin activation.
	 *
	 * @param bool $network_wide Whether the plugin is activated for the whole network.
	 */
	public static function remember_activation( bool $network_wide ): void {
		if ( $network_wide || self::is_bulk_activation() || ( defined( 'WP_CLI' ) && WP_CLI ) || get_option( Options::WIZARD_COMPLETE ) ) {
			return;
		}
		set_transient( Transients::WIZARD_REDIRECT, 1, Transients::WIZARD_REDIRECT_SECONDS );
	}

	/**
	 * `admin_init`: takes the flag and redirects to the wizard when this is a plain admin page seen by a
	 * user who may manage WooCommerce.
	 */
	public static function handle_admin_init(): void {
		if ( ! get_transient( Transients::WIZARD_REDIRECT ) ) {
			return;
		}
		if ( wp_doing_ajax() || wp_doing_cron() || is_network_admin() || ! current_user_can( AdminScreens::CAPABILITY ) ) {
			return;
		}
		// Taken before the checks below, so a bulk activation never leaves it for a later page.
		delete_transient( Transients::WIZARD_REDIRECT );
		if ( self::is_bulk_activation() || get_option( Options::WIZARD_COMPLETE ) ) {
			return;
		}
		wp_safe_redirect( AdminScreens::wizard_url() );
		exit;
	}

	/**
	 * Whether this request is (or follows) the Plugins screen's bulk activation.
	 *
	 * @return bool
	 */
	private static function is_bulk_activation(): bool {
		// Only reads which screen this is; nothing is saved.
		// phpcs:disable WordPress.Security.NonceVerification
		if ( isset( $_GET['activate-multi'] ) ) {
			return true;
		}
		$action = isset( $_REQUEST['action'] ) ? sanitize_key( wp_unslash( $_REQUEST['action'] ) ) : '';
		// phpcs:enable WordPress.Security.NonceVerification
		return 'activate-selected' === $action;
	}
}
