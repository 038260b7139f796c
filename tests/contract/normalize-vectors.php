<?php
/**
 * Runs the settings vectors through the generated PHP normalizer, outside WordPress.
 *
 * Reads the vectors JSON file named by the first argument and prints one JSON array of results.
 *
 * @package WPAnchorBay\CartBay
 */

define( 'ABSPATH', __DIR__ . '/' );

$cartbay_root = dirname( __DIR__, 2 ) . '/plugin/';
require $cartbay_root . 'src/Settings/Normalize.php';
require $cartbay_root . 'generated/SettingsSchema.php';
require $cartbay_root . 'generated/SettingsNormalizer.php';

use WPAnchorBay\CartBay\Generated\SettingsNormalizer;
use WPAnchorBay\CartBay\Generated\SettingsSchema;

$cartbay_vectors = json_decode( (string) file_get_contents( $argv[1] ), true, 512, JSON_THROW_ON_ERROR );
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
