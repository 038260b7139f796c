<?php
/**
 * Reading and saving CartBay's settings and recovery campaign.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Settings;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\SettingsNormalizer;
use WPAnchorBay\CartBay\Generated\SettingsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * The only door to the two settings options: values always come out normalized and go in normalized. Keys
 * are the SettingsKeys constants.
 */
final class SettingsRepository implements HookSubscriber {

	/**
	 * Normalized settings of this request.
	 *
	 * @var array<string, bool|int|float|string>|null
	 */
	private $settings = null;

	/**
	 * Normalized campaign of this request.
	 *
	 * @var array|null
	 */
	private $campaign = null;

	/**
	 * The hooks this service handles: the values read in this request are forgotten whenever either option
	 * is written, by CartBay or anyone else.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		$hooks = array();
		foreach ( array( SettingsSchema::SETTINGS_OPTION, SettingsSchema::CAMPAIGN_OPTION ) as $option ) {
			foreach ( array( 'add_option_', 'update_option_', 'delete_option_' ) as $prefix ) {
				$hooks[ $prefix . $option ] = array( 10, 1 );
			}
		}
		return $hooks;
	}

	/**
	 * `add_option_cartbay_settings`.
	 */
	public function handle_add_option_cartbay_settings(): void {
		$this->forget();
	}

	/**
	 * `update_option_cartbay_settings`.
	 */
	public function handle_update_option_cartbay_settings(): void {
		$this->forget();
	}

	/**
	 * `delete_option_cartbay_settings`.
	 */
	public function handle_delete_option_cartbay_settings(): void {
		$this->forget();
	}

	/**
	 * `add_option_cartbay_campaign_settings`.
	 */
	public function handle_add_option_cartbay_campaign_settings(): void {
		$this->forget();
	}

	/**
	 * `update_option_cartbay_campaign_settings`.
	 */
	public function handle_update_option_cartbay_campaign_settings(): void {
		$this->forget();
	}

	/**
	 * `delete_option_cartbay_campaign_settings`.
	 */
	public function handle_delete_option_cartbay_campaign_settings(): void {
		$this->forget();
	}

	/**
	 * Drops the request cache; the next read normalizes the stored options again.
	 */
	public function forget(): void {
		$this->settings = null;
		$this->campaign = null;
	}

	/**
	 * Every setting, normalized (whatever is stored, even a damaged option, reads as valid values).
	 *
	 * @return array<string, bool|int|float|string>
	 */
	public function get_settings(): array {
		if ( null === $this->settings ) {
			$this->settings = SettingsNormalizer::normalize_settings(
				get_option( SettingsSchema::SETTINGS_OPTION, array() ),
				SettingsSchema::settings_defaults()
			);
		}
		return $this->settings;
	}

	/**
	 * One setting.
	 *
	 * @param string $key A SettingsKeys constant (a field declared in plugin/schema/settings.ts).
	 * @return bool|int|float|string|null Null, with a `_doing_it_wrong()` notice, for an undeclared key.
	 */
	public function get( string $key ) {
		$settings = $this->get_settings();
		if ( ! array_key_exists( $key, $settings ) ) {
			_doing_it_wrong( __METHOD__, esc_html( sprintf( 'CartBay has no setting "%s": use a SettingsKeys constant.', $key ) ), esc_html( CARTBAY_VERSION ) );
			return null;
		}
		return $settings[ $key ];
	}

	/**
	 * Merges input onto the saved settings, normalizes and saves.
	 *
	 * @param array<string, mixed> $input Partial settings.
	 * @return array<string, bool|int|float|string> The saved settings.
	 */
	public function update_settings( array $input ): array {
		$settings = SettingsNormalizer::normalize_settings( $input, $this->get_settings() );
		update_option( SettingsSchema::SETTINGS_OPTION, $settings );
		return $settings;
	}

	/**
	 * The recovery campaign, normalized.
	 *
	 * @return array{enabled: bool, steps: array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>}
	 */
	public function get_campaign(): array {
		if ( null === $this->campaign ) {
			$this->campaign = SettingsNormalizer::normalize_campaign(
				get_option( SettingsSchema::CAMPAIGN_OPTION, array() ),
				SettingsSchema::campaign_defaults()
			);
		}
		return $this->campaign;
	}

	/**
	 * Merges input onto the saved campaign, normalizes and saves.
	 *
	 * @param array<string, mixed> $input Partial campaign.
	 * @return array{enabled: bool, steps: array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>}
	 */
	public function update_campaign( array $input ): array {
		$campaign = SettingsNormalizer::normalize_campaign( $input, $this->get_campaign() );
		update_option( SettingsSchema::CAMPAIGN_OPTION, $campaign );
		return $campaign;
	}
}
