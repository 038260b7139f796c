<?php
/**
 * Activation, deactivation and the idempotent install routine.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

use WPAnchorBay\CartBay\Admin\WizardRedirect;
use WPAnchorBay\CartBay\Agent\AgentCapabilities;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\SettingsSchema;
use WPAnchorBay\CartBay\Generated\Transients;
use WPAnchorBay\CartBay\Jobs\RecurringJobs;

defined( 'ABSPATH' ) || exit;

/**
 * Creates default options without overwriting saved ones and keeps the recurring jobs scheduled exactly once.
 * An updated plugin is not re-activated: its install routine is finished on the next admin request.
 */
final class Installer implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'admin_init' => array( 10, 1 ),
		);
	}

	/**
	 * `admin_init`: re-runs the idempotent install routine when the code is newer than the last install,
	 * and otherwise, at most hourly, puts back a recurring job that is missing (cancelled under
	 * Tools > Scheduled Actions, or lost with a database restore) so abandonment never stops silently.
	 */
	public static function handle_admin_init(): void {
		if ( CARTBAY_VERSION !== get_option( Options::INSTALLED_VERSION ) ) {
			self::install();
			return;
		}
		if ( false === get_transient( Transients::JOBS_CHECKED ) && RecurringJobs::schedule() ) {
			set_transient( Transients::JOBS_CHECKED, 1, Transients::JOBS_CHECKED_SECONDS );
		}
	}

	/**
	 * Activation hook. Safe to run any number of times. A single-site activation of CartBay alone also
	 * asks for the one redirect to the setup wizard.
	 *
	 * @param bool $network_wide Whether the plugin is activated for the whole network.
	 */
	public static function activate( $network_wide = false ): void {
		self::install();
		WizardRedirect::remember_activation( (bool) $network_wide );
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
	 * `handle_admin_init()`, because the installed version is only recorded once they are.
	 */
	public static function install(): void {
		// add_option() never overwrites a saved value; reading normalizes whatever is stored.
		add_option( SettingsSchema::SETTINGS_OPTION, SettingsSchema::settings_defaults() );
		add_option( SettingsSchema::CAMPAIGN_OPTION, SettingsSchema::campaign_defaults() );
		add_option( Options::SEQUENCE_DEFAULTS_VERSION, CARTBAY_VERSION );
		// Agent capabilities: administrators all, shop managers read/write/contact (idempotent).
		AgentCapabilities::grant();

		if ( RecurringJobs::schedule() ) {
			update_option( Options::INSTALLED_VERSION, CARTBAY_VERSION );
		}
	}
}
