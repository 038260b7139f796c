<?php
/**
 * SettingsKeys: the keys of CartBay's settings and recovery campaign options.
 *
 * Generated from plugin/schema/settings.ts, plugin/schema/campaign.ts, plugin/schema/steps.ts by codegen/emitters/settings-keys.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Keys of the settings and campaign arrays `SettingsRepository` returns.
 */
final class SettingsKeys {

	/**
	 * Enable Capture (cartbay_settings).
	 */
	public const CAPTURE_ENABLED = 'capture_enabled';

	/**
	 * Consent Text (cartbay_settings).
	 */
	public const CONSENT_TEXT = 'consent_text';

	/**
	 * Consent Checkbox Checked by Default (cartbay_settings).
	 */
	public const CONSENT_DEFAULT_CHECKED = 'consent_default_checked';

	/**
	 * Abandonment Timeout (minutes) (cartbay_settings).
	 */
	public const ABANDONMENT_TIMEOUT = 'abandonment_timeout';

	/**
	 * Coupon Type (cartbay_settings).
	 */
	public const COUPON_TYPE = 'coupon_type';

	/**
	 * Coupon Amount (cartbay_settings).
	 */
	public const COUPON_AMOUNT = 'coupon_amount';

	/**
	 * Coupon Expiry (days) (cartbay_settings).
	 */
	public const COUPON_EXPIRY_DAYS = 'coupon_expiry_days';

	/**
	 * Retention Period (days) (cartbay_settings).
	 */
	public const DATA_RETENTION_DAYS = 'data_retention_days';

	/**
	 * Delete Data on Uninstall (cartbay_settings).
	 */
	public const DELETE_DATA_ON_UNINSTALL = 'delete_data_on_uninstall';

	/**
	 * WooCommerce Menu Shortcut (cartbay_settings).
	 */
	public const MENU_SHORTCUT_ENABLED = 'menu_shortcut_enabled';

	/**
	 * Test Mode (cartbay_settings).
	 */
	public const TEST_MODE = 'test_mode';

	/**
	 * Enable CartBay Logs (cartbay_settings).
	 */
	public const LOGGING_ENABLED = 'logging_enabled';

	/**
	 * Log Retention (days) (cartbay_settings).
	 */
	public const LOG_RETENTION_DAYS = 'log_retention_days';

	/**
	 * Maximum Log Size (MB) (cartbay_settings).
	 */
	public const LOG_MAX_SIZE_MB = 'log_max_size_mb';

	/**
	 * Enable Agent Access (cartbay_settings).
	 */
	public const AGENT_ACCESS_ENABLED = 'agent_access_enabled';

	/**
	 * REST Access (cartbay_settings).
	 */
	public const AGENT_REST_ENABLED = 'agent_rest_enabled';

	/**
	 * Abilities Access (cartbay_settings).
	 */
	public const AGENT_ABILITIES_ENABLED = 'agent_abilities_enabled';

	/**
	 * MCP Public Exposure (cartbay_settings).
	 */
	public const AGENT_MCP_PUBLIC = 'agent_mcp_public';

	/**
	 * Agent Write Actions (cartbay_settings).
	 */
	public const AGENT_WRITE_ENABLED = 'agent_write_enabled';

	/**
	 * Agent Contact Actions (cartbay_settings).
	 */
	public const AGENT_CONTACT_ENABLED = 'agent_contact_enabled';

	/**
	 * Agent Sensitive Data (cartbay_settings).
	 */
	public const AGENT_SENSITIVE_ENABLED = 'agent_sensitive_enabled';

	/**
	 * Agent Destructive Actions (cartbay_settings).
	 */
	public const AGENT_DESTRUCTIVE_ENABLED = 'agent_destructive_enabled';

	/**
	 * Send the 3-email recovery sequence (cartbay_campaign_settings).
	 */
	public const CAMPAIGN_ENABLED = 'enabled';

	/**
	 * The timed steps, in order (cartbay_campaign_settings).
	 */
	public const CAMPAIGN_STEPS = 'steps';

	/**
	 * Field of one campaign step (cartbay_campaign_settings).
	 */
	public const STEP_DELAY_VALUE = 'delay_value';

	/**
	 * Field of one campaign step (cartbay_campaign_settings).
	 */
	public const STEP_DELAY_UNIT = 'delay_unit';

	/**
	 * Field of one campaign step (cartbay_campaign_settings).
	 */
	public const STEP_COUPON_ENABLED = 'coupon_enabled';
}
