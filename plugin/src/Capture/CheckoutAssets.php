<?php
/**
 * The consent field and capture scripts, on checkout pages only.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Recovery\RestoredCheckout;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Classic checkout gets a small script that inserts the consent checkbox; Block Checkout gets an
 * additional checkout field and a small script that reads the Store API data stores. Nothing loads when
 * capture is off, on order-received pages or anywhere else.
 */
final class CheckoutAssets implements HookSubscriber {

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
	 * The hooks this service handles; each does its work only while capture is on.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_init'                                                     => array( 10, 1 ),
			'woocommerce_get_default_value_for_' . CaptureSchema::CONSENT_FIELD_ID => array( 10, 1 ),
			'wp_enqueue_scripts'                                                   => array( 10, 1 ),
			'woocommerce_blocks_enqueue_checkout_block_scripts_after'              => array( 10, 1 ),
		);
	}

	/**
	 * Whether capture is on.
	 *
	 * @return bool
	 */
	private function capture_enabled(): bool {
		return (bool) $this->settings->get( SettingsKeys::CAPTURE_ENABLED );
	}

	/**
	 * `woocommerce_init`: registers the Block Checkout consent checkbox in the contact section.
	 */
	public function handle_woocommerce_init(): void {
		if ( ! $this->capture_enabled() || ! function_exists( 'woocommerce_register_additional_checkout_field' ) ) {
			return;
		}
		$label = (string) $this->settings->get( SettingsKeys::CONSENT_TEXT );
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
	 * `woocommerce_get_default_value_for_{consent field}`: default state of the Block Checkout checkbox
	 * (WooCommerce compares checkboxes with the string '1').
	 *
	 * @param mixed $value Stored value (this filter runs only when nothing is stored).
	 * @return mixed
	 */
	public function handle_woocommerce_get_default_value_for_cartbay_marketing_consent( $value ) {
		if ( ! $this->capture_enabled() ) {
			return $value;
		}
		return $this->settings->get( SettingsKeys::CONSENT_DEFAULT_CHECKED ) ? '1' : '';
	}

	/**
	 * `wp_enqueue_scripts`, classic checkout: the shortcode checkout page, never order-received or other
	 * endpoints, never a page with the Checkout block.
	 */
	public function handle_wp_enqueue_scripts(): void {
		if ( ! $this->capture_enabled() || ! is_checkout() || is_wc_endpoint_url() || has_block( 'woocommerce/checkout' ) ) {
			return;
		}
		$this->enqueue( CaptureSchema::CLASSIC_HANDLE );
	}

	/**
	 * `woocommerce_blocks_enqueue_checkout_block_scripts_after`, Block Checkout: runs when the Checkout block
	 * enqueues its own scripts.
	 */
	public function handle_woocommerce_blocks_enqueue_checkout_block_scripts_after(): void {
		if ( ! $this->capture_enabled() || is_wc_endpoint_url() ) {
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
			'consentText'    => (string) $this->settings->get( SettingsKeys::CONSENT_TEXT ),
			'consentDefault' => (bool) $this->settings->get( SettingsKeys::CONSENT_DEFAULT_CHECKED ),
		);
		// Only when true: every byte of this page counts (the scripts read a missing flag as false).
		if ( '' !== RestoredCheckout::session_id() ) {
			$config['restored'] = true;
		}
		if ( is_user_logged_in() ) {
			$config['nonce'] = wp_create_nonce( 'wp_rest' );
		}
		return $config;
	}
}
