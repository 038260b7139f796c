<?php
/**
 * The consent field and capture scripts, on checkout pages only.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Generated\WcSessionKeys;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Classic checkout gets a small script that inserts the consent checkbox; Block Checkout gets an
 * additional checkout field and a small script that reads the Store API data stores. Nothing loads when
 * capture is off, on order-received pages or anywhere else.
 */
final class CheckoutAssets {

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings.
	 */
	public function __construct( SettingsRepository $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Hooks the field and the scripts when capture is on.
	 */
	public function register(): void {
		if ( ! $this->settings->get( 'capture_enabled' ) ) {
			return;
		}
		add_action( 'woocommerce_init', array( $this, 'register_consent_field' ) );
		add_filter( 'woocommerce_get_default_value_for_' . CaptureSchema::CONSENT_FIELD_ID, array( $this, 'consent_default' ) );
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue_classic' ) );
		add_action( 'woocommerce_blocks_enqueue_checkout_block_scripts_after', array( $this, 'enqueue_block' ) );
	}

	/**
	 * Registers the Block Checkout consent checkbox in the contact section.
	 */
	public function register_consent_field(): void {
		if ( ! function_exists( 'woocommerce_register_additional_checkout_field' ) ) {
			return;
		}
		$label = (string) $this->settings->get( 'consent_text' );
		woocommerce_register_additional_checkout_field(
			array(
				'id'            => CaptureSchema::CONSENT_FIELD_ID,
				'label'         => $label,
				'optionalLabel' => $label,
				'location'      => CaptureSchema::CONSENT_FIELD_LOCATION,
				'type'          => 'checkbox',
				'required'      => false,
			)
		);
	}

	/**
	 * Default state of the Block Checkout checkbox (WooCommerce compares checkboxes with the string '1').
	 *
	 * @param mixed $value Stored value (this filter runs only when nothing is stored).
	 * @return string
	 */
	public function consent_default( $value ) {
		unset( $value );
		return $this->settings->get( 'consent_default_checked' ) ? '1' : '';
	}

	/**
	 * Classic checkout: the shortcode checkout page, never order-received or other endpoints, never a
	 * page with the Checkout block.
	 */
	public function enqueue_classic(): void {
		if ( ! is_checkout() || is_wc_endpoint_url() || has_block( 'woocommerce/checkout' ) ) {
			return;
		}
		$this->enqueue( CaptureSchema::CLASSIC_HANDLE );
	}

	/**
	 * Block Checkout: runs when the Checkout block enqueues its own scripts.
	 */
	public function enqueue_block(): void {
		if ( is_wc_endpoint_url() ) {
			return;
		}
		$this->enqueue( CaptureSchema::BLOCK_HANDLE );
	}

	/**
	 * Enqueues a built capture script with its configuration.
	 *
	 * @param string $handle Script handle, also the build file name.
	 */
	private function enqueue( string $handle ): void {
		$asset_file = CARTBAY_DIR . 'build/' . $handle . '.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script(
			$handle,
			CARTBAY_URL . 'build/' . $handle . '.js',
			$asset['dependencies'] ?? array(),
			$asset['version'] ?? CARTBAY_VERSION,
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
		wp_add_inline_script( $handle, 'var ' . CaptureSchema::CONFIG_GLOBAL . '=' . wp_json_encode( $this->config() ) . ';', 'before' );
	}

	/**
	 * The inline configuration of the capture scripts.
	 *
	 * A signed-in customer's page also carries a `wp_rest` nonce, which the scripts send as `X-WP-Nonce`:
	 * without it WordPress answers the capture request as a guest, and the capture route refuses a guest
	 * request that carries a login cookie (CaptureRequestGuard) rather than let WooCommerce destroy the
	 * customer's session. Only for signed-in customers, whose pages are never page-cached; guests send none.
	 *
	 * @return array<string, mixed>
	 */
	public function config(): array {
		$config = array(
			'endpoint'       => rest_url( RestRoutes::NAMESPACE . '/capture' ),
			'consentText'    => (string) $this->settings->get( 'consent_text' ),
			'consentDefault' => (bool) $this->settings->get( 'consent_default_checked' ),
		);
		// Only when true: every byte of this page counts (the scripts read a missing flag as false).
		if ( WC()->session && WC()->session->get( WcSessionKeys::RESTORED_SESSION_ID ) ) {
			$config['restored'] = true;
		}
		if ( is_user_logged_in() ) {
			$config['nonce'] = wp_create_nonce( 'wp_rest' );
		}
		return $config;
	}
}
