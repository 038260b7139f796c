<?php
/**
 * Reading and saving CartBay's settings and recovery campaign.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Settings;

use WPAnchorBay\CartBay\Generated\SettingsNormalizer;
use WPAnchorBay\CartBay\Generated\SettingsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * The only door to the two settings options: values always come out normalized and go in normalized.
 */
final class SettingsRepository {

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
	 * Forgets the values read in this request whenever either option is written, by CartBay or anyone else.
	 */
	public function register(): void {
		foreach ( array( SettingsSchema::SETTINGS_OPTION, SettingsSchema::CAMPAIGN_OPTION ) as $option ) {
			foreach ( array( 'add_option_', 'update_option_', 'delete_option_' ) as $hook ) {
				add_action( $hook . $option, array( $this, 'forget' ) );
			}
		}
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
	 * @param string $key Field key declared in plugin/schema/settings.ts.
	 * @return bool|int|float|string|null Null for an undeclared key.
	 */
	public function get( string $key ) {
		return $this->get_settings()[ $key ] ?? null;
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
