<?php
/**
 * The suggested privacy-policy text (Settings > Privacy > Policy Guide).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Privacy;

use WPAnchorBay\CartBay\Core\HookSubscriber;

defined( 'ABSPATH' ) || exit;

/**
 * Suggests what a store's privacy policy should say about CartBay.
 */
final class PrivacyPolicy implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return is_admin() ? array( 'admin_init' => array( 10, 1 ) ) : array();
	}

	/**
	 * Adds the suggested text to WordPress's policy guide.
	 */
	public static function handle_admin_init(): void {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}
		wp_add_privacy_policy_content( __( 'CartBay', 'cartbay' ), wp_kses_post( wpautop( self::text(), false ) ) );
	}

	/**
	 * The suggested text.
	 *
	 * @return string
	 */
	public static function text(): string {
		return implode(
			"\n\n",
			array(
				__( 'When you tick the box at checkout that lets us remind you about your cart, we save your email address, the products in your cart and when you agreed, so we can email you up to three reminders with a link that brings your cart back. Nothing is saved without that consent.', 'cartbay' ),
				__( 'We keep this information for the number of days set in our store (our retention period), then delete it. Figures about how many carts were recovered are kept without any personal data.', 'cartbay' ),
				__( 'Every reminder has an unsubscribe link. If you unsubscribe, we keep a one-way code made from your email address so we never send you reminders again.', 'cartbay' ),
				__( 'You can ask us for a copy of this information or ask us to erase it.', 'cartbay' ),
			)
		);
	}
}
