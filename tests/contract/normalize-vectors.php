<?php
/**
 * Runs the settings vectors through the generated PHP normalizer, outside WordPress.
 *
 * Reads the vectors JSON file named by the first argument (an object whose `vectors` list holds the
 * vectors) and prints one JSON array of results, in vector order; the caller compares them with each
 * vector's `expected` result.
 *
 * @package WPAnchorBay\CartBay
 */

define( 'ABSPATH', __DIR__ . '/' );

// The plugin's classes by their PSR-4 paths: WPAnchorBay\CartBay\Generated\X is plugin/generated/X.php, every
// other WPAnchorBay\CartBay\A\B is plugin/src/A/B.php. The normalizer loads whatever it is built from.
spl_autoload_register(
	static function ( $class_name ) {
		$prefix = 'WPAnchorBay\\CartBay\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$relative = str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) );
		$file     = 0 === strpos( $relative, 'Generated/' )
			? dirname( __DIR__, 2 ) . '/plugin/generated/' . substr( $relative, strlen( 'Generated/' ) ) . '.php'
			: dirname( __DIR__, 2 ) . '/plugin/src/' . $relative . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);

use WPAnchorBay\CartBay\Generated\SettingsNormalizer;
use WPAnchorBay\CartBay\Generated\SettingsSchema;

$cartbay_vectors = json_decode( (string) file_get_contents( $argv[1] ), true, 512, JSON_THROW_ON_ERROR )['vectors'];
$cartbay_results = array();
foreach ( $cartbay_vectors as $cartbay_vector ) {
	if ( 'settings' === $cartbay_vector['kind'] ) {
		$cartbay_base      = SettingsNormalizer::normalize_settings( $cartbay_vector['base'] ?? array(), SettingsSchema::settings_defaults() );
		$cartbay_results[] = SettingsNormalizer::normalize_settings( $cartbay_vector['input'], $cartbay_base );
	} else {
		$cartbay_base      = SettingsNormalizer::normalize_campaign( $cartbay_vector['base'] ?? array(), SettingsSchema::campaign_defaults() );
		$cartbay_results[] = SettingsNormalizer::normalize_campaign( $cartbay_vector['input'], $cartbay_base );
	}
}
echo json_encode( $cartbay_results, JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION );
