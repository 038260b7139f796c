<?php
/**
 * Options: Names of the WordPress options CartBay owns.
 *
 * Generated from plugin/schema/storage.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Names of the WordPress options CartBay owns.
 */
final class Options {

	/**
	 * Capture, offers, retention, logs, test mode, navigation and agent gates.
	 */
	public const SETTINGS = 'cartbay_settings';

	/**
	 * Recovery sequence state, delays and per-step coupons.
	 */
	public const CAMPAIGN = 'cartbay_campaign_settings';

	/**
	 * Stored license key and license status.
	 */
	public const LICENSE_DATA = 'cartbay_license_data';

	/**
	 * First-run wizard completion flag.
	 */
	public const WIZARD_COMPLETE = 'cartbay_wizard_complete';

	/**
	 * Sequence default migration marker.
	 */
	public const SEQUENCE_DEFAULTS_VERSION = 'cartbay_sequence_defaults_version';

	/**
	 * Plugin version whose install routine (defaults, recurring jobs) last ran.
	 */
	public const INSTALLED_VERSION = 'cartbay_installed_version';

	/**
	 * Redacted rolling agent audit log (not autoloaded; newest last, bounded).
	 */
	public const AGENT_AUDIT_LOG = 'cartbay_agent_audit_log';

	/**
	 * CartBay Bearer token records: public id, SHA-256 of the secret, scopes, owner, dates (not autoloaded).
	 */
	public const AGENT_TOKENS = 'cartbay_agent_tokens';

	/**
	 * Each Bearer token's last use (public id => Unix time; apart from the records, so a use never writes them back).
	 */
	public const AGENT_TOKEN_USAGE = 'cartbay_agent_token_usage';

	/**
	 * Prefix + YYYYMM: one month of the analytics ledger (per-day counters, no PII; not autoloaded). Kept when sessions are pruned.
	 */
	public const ANALYTICS_LEDGER_PREFIX = 'cartbay_analytics_';

	/**
	 * Progress of a ledger rebuild from the sessions (not autoloaded; gone when no rebuild runs).
	 */
	public const ANALYTICS_REBUILD = 'cartbay_analytics_rebuild';

	/**
	 * Secret HMAC key of signed restore and unsubscribe links (not autoloaded, created on first use): links verify without a lookup, unsubscribe links without their session.
	 */
	public const UNSUBSCRIBE_KEY = 'cartbay_unsubscribe_key';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::SETTINGS,
			self::CAMPAIGN,
			self::LICENSE_DATA,
			self::WIZARD_COMPLETE,
			self::SEQUENCE_DEFAULTS_VERSION,
			self::INSTALLED_VERSION,
			self::AGENT_AUDIT_LOG,
			self::AGENT_TOKENS,
			self::AGENT_TOKEN_USAGE,
			self::ANALYTICS_LEDGER_PREFIX,
			self::ANALYTICS_REBUILD,
			self::UNSUBSCRIBE_KEY,
		);
	}
}
