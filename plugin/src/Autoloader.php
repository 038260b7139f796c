<?php
/**
 * PSR-4 autoloader for the hand-written runtime (src/) and the generated glue (generated/).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay;

defined( 'ABSPATH' ) || exit;

/**
 * Maps `WPAnchorBay\CartBay\Generated\*` to generated/ and every other `WPAnchorBay\CartBay\*` class to src/.
 */
final class Autoloader {

	/**
	 * Namespace prefixes and the folders (relative to the plugin root) they live in, most specific first.
	 *
	 * @var array<string, string>
	 */
	private const PREFIXES = array(
		'WPAnchorBay\\CartBay\\Generated\\' => 'generated/',
		'WPAnchorBay\\CartBay\\'            => 'src/',
	);

	/**
	 * Registers the autoloader once.
	 *
	 * @param string $plugin_dir Absolute path of the plugin folder.
	 */
	public static function register( string $plugin_dir ): void {
		static $registered = false;
		if ( $registered ) {
			return;
		}
		$registered = true;
		$plugin_dir = rtrim( $plugin_dir, '/\\' ) . '/';

		spl_autoload_register(
			static function ( string $class_name ) use ( $plugin_dir ): void {
				foreach ( self::PREFIXES as $prefix => $folder ) {
					if ( 0 !== strpos( $class_name, $prefix ) ) {
						continue;
					}
					$relative = str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) );
					$file     = $plugin_dir . $folder . $relative . '.php';
					if ( is_readable( $file ) ) {
						require_once $file;
					}
					return;
				}
			}
		);
	}
}
