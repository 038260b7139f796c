<?php
/**
 * Activation, deactivation and the idempotent install routine.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\SettingsSchema;
use WPAnchorBay\CartBay\Jobs\RecurringJobs;

defined( 'ABSPATH' ) || exit;

/**
 * Creates default options without overwriting saved ones and keeps the recurring jobs scheduled exactly once.
 */
final class Installer {

	/**
	 * Activation hook. Safe to run any number of times.
	 */
	public static function activate(): void {
		self::install();
	}

	/**
	 * Deactivation hook: removes the recurring jobs. Settings and sessions stay for a later reactivation.
	 */
	public static function deactivate(): void {
		RecurringJobs::unschedule();
		delete_option( Options::INSTALLED_VERSION );
	}

	/**
	 * Adds missing options and schedules missing recurring jobs.
	 *
	 * Without WooCommerce (and so without Action Scheduler) the jobs are scheduled later, from
	 * `Plugin::maybe_finish_install()`, because the installed version is only recorded once they are.
	 */
	public static function install(): void {
		// add_option() never overwrites a saved value; reading normalizes whatever is stored.
		add_option( SettingsSchema::SETTINGS_OPTION, SettingsSchema::settings_defaults() );
		add_option( SettingsSchema::CAMPAIGN_OPTION, SettingsSchema::campaign_defaults() );
		add_option( Options::SEQUENCE_DEFAULTS_VERSION, CARTBAY_VERSION );

		if ( RecurringJobs::schedule() ) {
			update_option( Options::INSTALLED_VERSION, CARTBAY_VERSION );
		}
	}
}
