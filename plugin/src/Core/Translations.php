<?php
/**
 * CartBay's translations.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

defined( 'ABSPATH' ) || exit;

/**
 * Loads the translations shipped in languages/ (translations from WordPress.org load on demand).
 */
final class Translations implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'init' => array( 10, 1 ),
		);
	}

	/**
	 * `init`: loads the text domain.
	 */
	public static function handle_init(): void {
		load_plugin_textdomain( 'cartbay', false, dirname( plugin_basename( CARTBAY_FILE ) ) . '/languages' );
	}
}
