<?php
/**
 * SettingsSchema: option names and defaults of CartBay's settings and recovery campaign.
 *
 * Generated from plugin/schema/settings.ts, plugin/schema/campaign.ts, plugin/schema/steps.ts by codegen/emitters/settings.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Declared option names and defaults; `SettingsNormalizer` enforces the field limits.
 *
 * The limits and arithmetic of step delays are `StepTiming`.
 */
final class SettingsSchema {

	/**
	 * Capture, consent, timeout, offers, retention, logs, test mode, admin navigation and agent gates.
	 */
	public const SETTINGS_OPTION = 'cartbay_settings';

	/**
	 * Recovery sequence enabled state, per-step delays and per-step coupon controls.
	 */
	public const CAMPAIGN_OPTION = 'cartbay_campaign_settings';

	/**
	 * Default settings, keyed by field.
	 *
	 * @return array<string, bool|int|float|string>
	 */
	public static function settings_defaults(): array {
		return array(
			'capture_enabled'           => true,
			'consent_text'              => 'Save my email to recover my cart if I leave.',
			'consent_default_checked'   => true,
			'abandonment_timeout'       => 30,
			'coupon_type'               => 'fixed_cart',
			'coupon_amount'             => 10.0,
			'coupon_expiry_days'        => 7,
			'data_retention_days'       => 30,
			'delete_data_on_uninstall'  => false,
			'menu_shortcut_enabled'     => true,
			'test_mode'                 => false,
			'logging_enabled'           => true,
			'log_retention_days'        => 7,
			'log_max_size_mb'           => 5,
			'agent_access_enabled'      => false,
			'agent_rest_enabled'        => true,
			'agent_abilities_enabled'   => true,
			'agent_mcp_public'          => false,
			'agent_write_enabled'       => false,
			'agent_contact_enabled'     => false,
			'agent_sensitive_enabled'   => false,
			'agent_destructive_enabled' => false,
		);
	}

	/**
	 * Default recovery campaign: the sending switch and the steps in order.
	 *
	 * @return array{enabled: bool, steps: array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>}
	 */
	public static function campaign_defaults(): array {
		return array(
			'enabled' => true,
			'steps'   => array(
				array(
					'delay_value'    => 45,
					'delay_unit'     => 'minutes',
					'coupon_enabled' => false,
				),
				array(
					'delay_value'    => 24,
					'delay_unit'     => 'hours',
					'coupon_enabled' => false,
				),
				array(
					'delay_value'    => 72,
					'delay_unit'     => 'hours',
					'coupon_enabled' => true,
				),
			),
		);
	}
}
