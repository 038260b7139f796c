<?php
/**
 * Transients: Transient names and prefixes CartBay uses.
 *
 * Generated from plugin/schema/storage.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Transient names and prefixes CartBay uses.
 */
final class Transients {

	/**
	 * Cached license status (12 hours): the status string of the last check; absent once it is stale.
	 */
	public const LICENSE_VALID = 'cartbay_license_valid';

	/**
	 * Cached update-check answer of the license server (a few hours; a failed check for less): version, readme sections and the download URL with the key masked.
	 */
	public const UPDATE_INFO = 'cartbay_update_info';

	/**
	 * Cached analytics metrics.
	 */
	public const ANALYTICS_CACHE = 'cartbay_analytics_cache';

	/**
	 * Rate-limit counters: prefix + endpoint + "_" + md5(REMOTE_ADDR).
	 */
	public const RATE_LIMIT_PREFIX = 'cartbay_rl_';

	/**
	 * Prefix + notification id: context for the mail success/failure hooks.
	 */
	public const NOTIFICATION_CONTEXT_PREFIX = 'cartbay_notification_ctx_';

	/**
	 * Set for an hour after an admin request found every recurring job pending, so the check (one query per job) runs at most hourly.
	 */
	public const JOBS_CHECKED = 'cartbay_jobs_checked';

	/**
	 * Lifetime of JOBS_CHECKED, in seconds.
	 */
	public const JOBS_CHECKED_SECONDS = 3600;

	/**
	 * First-run redirect flag, set on activation: the next admin page within a minute takes it and opens the wizard; a later visit does not.
	 */
	public const WIZARD_REDIRECT = 'cartbay_wizard_redirect';

	/**
	 * Lifetime of WIZARD_REDIRECT, in seconds.
	 */
	public const WIZARD_REDIRECT_SECONDS = 60;

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::LICENSE_VALID,
			self::UPDATE_INFO,
			self::ANALYTICS_CACHE,
			self::RATE_LIMIT_PREFIX,
			self::NOTIFICATION_CONTEXT_PREFIX,
			self::JOBS_CHECKED,
			self::WIZARD_REDIRECT,
		);
	}
}
