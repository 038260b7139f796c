<?php
/**
 * SettingsNormalizer: merges input onto saved settings and normalizes every field.
 *
 * A well-typed value is coerced, rounded and clamped into range; a wrong-typed value keeps the
 * current value, so bad input never errors and never loses data. The TypeScript twin is
 * plugin/schema/normalize.ts; tests/contract checks both give identical results.
 *
 * Generated from plugin/schema/settings.ts, plugin/schema/campaign.ts, plugin/schema/steps.ts by codegen/emitters/settings.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

use WPAnchorBay\CartBay\Settings\Normalize;

defined( 'ABSPATH' ) || exit;

/**
 * Normalizes `cartbay_settings` and `cartbay_campaign_settings` values.
 */
final class SettingsNormalizer {

	/**
	 * Normalizes settings input merged onto a base.
	 *
	 * Unknown keys are dropped; the result has every field in schema order.
	 *
	 * @param mixed                $input Raw input (decoded JSON or a stored option value).
	 * @param array<string, mixed> $base  Current normalized settings, or the defaults.
	 * @return array<string, bool|int|float|string>
	 */
	public static function normalize_settings( $input, array $base ): array {
		$out = array();

		// Enable Capture: boolean, default on.
		$out['capture_enabled'] = Normalize::has( $input, 'capture_enabled' )
			? Normalize::boolean( $input['capture_enabled'], $base['capture_enabled'] )
			: $base['capture_enabled'];

		// Consent Text: plain text up to 300 characters.
		$out['consent_text'] = Normalize::has( $input, 'consent_text' )
			? Normalize::text( $input['consent_text'], 300, $base['consent_text'] )
			: $base['consent_text'];

		// Consent Checkbox Checked by Default: boolean, default on.
		$out['consent_default_checked'] = Normalize::has( $input, 'consent_default_checked' )
			? Normalize::boolean( $input['consent_default_checked'], $base['consent_default_checked'] )
			: $base['consent_default_checked'];

		// Abandonment Timeout (minutes): 5 to 1440 minutes, default 30.
		$out['abandonment_timeout'] = Normalize::has( $input, 'abandonment_timeout' )
			? Normalize::integer( $input['abandonment_timeout'], 5, 1440, $base['abandonment_timeout'] )
			: $base['abandonment_timeout'];

		// Coupon Type: one of fixed_cart, percent, default fixed_cart.
		$out['coupon_type'] = Normalize::has( $input, 'coupon_type' )
			? Normalize::choice( $input['coupon_type'], array( 'fixed_cart', 'percent' ), $base['coupon_type'] )
			: $base['coupon_type'];

		// Coupon Amount: 0 to 100000, default 10.
		$out['coupon_amount'] = Normalize::has( $input, 'coupon_amount' )
			? Normalize::number( $input['coupon_amount'], 0.0, 100000.0, 2, $base['coupon_amount'] )
			: $base['coupon_amount'];

		// Coupon Expiry (days): 1 to 365 days, default 7.
		$out['coupon_expiry_days'] = Normalize::has( $input, 'coupon_expiry_days' )
			? Normalize::integer( $input['coupon_expiry_days'], 1, 365, $base['coupon_expiry_days'] )
			: $base['coupon_expiry_days'];

		// Retention Period (days): 7 to 90 days, default 30.
		$out['data_retention_days'] = Normalize::has( $input, 'data_retention_days' )
			? Normalize::integer( $input['data_retention_days'], 7, 90, $base['data_retention_days'] )
			: $base['data_retention_days'];

		// Delete Data on Uninstall: boolean, default off.
		$out['delete_data_on_uninstall'] = Normalize::has( $input, 'delete_data_on_uninstall' )
			? Normalize::boolean( $input['delete_data_on_uninstall'], $base['delete_data_on_uninstall'] )
			: $base['delete_data_on_uninstall'];

		// WooCommerce Menu Shortcut: boolean, default on.
		$out['menu_shortcut_enabled'] = Normalize::has( $input, 'menu_shortcut_enabled' )
			? Normalize::boolean( $input['menu_shortcut_enabled'], $base['menu_shortcut_enabled'] )
			: $base['menu_shortcut_enabled'];

		// Test Mode: boolean, default off.
		$out['test_mode'] = Normalize::has( $input, 'test_mode' )
			? Normalize::boolean( $input['test_mode'], $base['test_mode'] )
			: $base['test_mode'];

		// Enable CartBay Logs: boolean, default on.
		$out['logging_enabled'] = Normalize::has( $input, 'logging_enabled' )
			? Normalize::boolean( $input['logging_enabled'], $base['logging_enabled'] )
			: $base['logging_enabled'];

		// Log Retention (days): 1 to 90 days, default 7.
		$out['log_retention_days'] = Normalize::has( $input, 'log_retention_days' )
			? Normalize::integer( $input['log_retention_days'], 1, 90, $base['log_retention_days'] )
			: $base['log_retention_days'];

		// Maximum Log Size (MB): 1 to 50 MB, default 5.
		$out['log_max_size_mb'] = Normalize::has( $input, 'log_max_size_mb' )
			? Normalize::integer( $input['log_max_size_mb'], 1, 50, $base['log_max_size_mb'] )
			: $base['log_max_size_mb'];

		// Enable Agent Access: boolean, default off.
		$out['agent_access_enabled'] = Normalize::has( $input, 'agent_access_enabled' )
			? Normalize::boolean( $input['agent_access_enabled'], $base['agent_access_enabled'] )
			: $base['agent_access_enabled'];

		// REST Access: boolean, default on.
		$out['agent_rest_enabled'] = Normalize::has( $input, 'agent_rest_enabled' )
			? Normalize::boolean( $input['agent_rest_enabled'], $base['agent_rest_enabled'] )
			: $base['agent_rest_enabled'];

		// Abilities Access: boolean, default on.
		$out['agent_abilities_enabled'] = Normalize::has( $input, 'agent_abilities_enabled' )
			? Normalize::boolean( $input['agent_abilities_enabled'], $base['agent_abilities_enabled'] )
			: $base['agent_abilities_enabled'];

		// MCP Public Exposure: boolean, default off.
		$out['agent_mcp_public'] = Normalize::has( $input, 'agent_mcp_public' )
			? Normalize::boolean( $input['agent_mcp_public'], $base['agent_mcp_public'] )
			: $base['agent_mcp_public'];

		// Agent Write Actions: boolean, default off.
		$out['agent_write_enabled'] = Normalize::has( $input, 'agent_write_enabled' )
			? Normalize::boolean( $input['agent_write_enabled'], $base['agent_write_enabled'] )
			: $base['agent_write_enabled'];

		// Agent Contact Actions: boolean, default off.
		$out['agent_contact_enabled'] = Normalize::has( $input, 'agent_contact_enabled' )
			? Normalize::boolean( $input['agent_contact_enabled'], $base['agent_contact_enabled'] )
			: $base['agent_contact_enabled'];

		// Agent Sensitive Data: boolean, default off.
		$out['agent_sensitive_enabled'] = Normalize::has( $input, 'agent_sensitive_enabled' )
			? Normalize::boolean( $input['agent_sensitive_enabled'], $base['agent_sensitive_enabled'] )
			: $base['agent_sensitive_enabled'];

		// Agent Destructive Actions: boolean, default off.
		$out['agent_destructive_enabled'] = Normalize::has( $input, 'agent_destructive_enabled' )
			? Normalize::boolean( $input['agent_destructive_enabled'], $base['agent_destructive_enabled'] )
			: $base['agent_destructive_enabled'];

		// A percentage coupon cannot discount more than 100%.
		if ( 'percent' === $out['coupon_type'] && $out['coupon_amount'] > 100 ) {
			$out['coupon_amount'] = 100.0;
		}

		return $out;
	}

	/**
	 * Normalizes recovery campaign input merged onto a base.
	 *
	 * Delays are kept within 15 to 10080 minutes, and each step at least 15 minutes after the previous one
	 * (`StepTiming::order_steps()`).
	 *
	 * @param mixed                $input Raw input (decoded JSON or a stored option value).
	 * @param array<string, mixed> $base  Current normalized campaign, or the defaults.
	 * @return array{enabled: bool, steps: array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>}
	 */
	public static function normalize_campaign( $input, array $base ): array {
		// Send the 3-email recovery sequence: boolean, default on.
		$enabled = Normalize::has( $input, 'enabled' )
			? Normalize::boolean( $input['enabled'], $base['enabled'] )
			: $base['enabled'];

		$steps = Normalize::sequence(
			Normalize::has( $input, 'steps' ) ? $input['steps'] : null,
			$base['steps']
		);

		return array(
			'enabled' => $enabled,
			'steps'   => $steps,
		);
	}
}
