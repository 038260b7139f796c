<?php
/**
 * ScheduledJobs: CartBay's Action Scheduler hooks, recurring schedule and handlers.
 *
 * Every job runs in the Action Scheduler group GROUP. Handlers must be idempotent.
 *
 * Generated from plugin/schema/jobs.ts by codegen/emitters/scheduled-jobs.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

use WPAnchorBay\CartBay\Analytics\AnalyticsService;
use WPAnchorBay\CartBay\Analytics\LedgerRebuild;
use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Email\EmailSequenceService;
use WPAnchorBay\CartBay\License\LicenseClient;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;

defined( 'ABSPATH' ) || exit;

/**
 * Action Scheduler hook names and wiring.
 */
final class ScheduledJobs {

	/**
	 * Action Scheduler group of every CartBay action.
	 */
	public const GROUP = 'cartbay';

	/**
	 * Fallback scanner: marks captured sessions abandoned once they pass the abandonment timeout.
	 *
	 * Recurring every 300 seconds.
	 */
	public const DETECT_ABANDONMENT = 'cartbay_detect_abandonment';

	/**
	 * Catches the analytics ledger up with changed sessions, then recomputes the cached report.
	 *
	 * Recurring every 3600 seconds.
	 */
	public const REFRESH_ANALYTICS = 'cartbay_refresh_analytics';

	/**
	 * Deletes sessions older than the retention period.
	 *
	 * Recurring every 86400 seconds.
	 */
	public const PRUNE_SESSIONS = 'cartbay_prune_sessions';

	/**
	 * Continues a retention run whose time budget ran out with sessions still past retention; at most one pending.
	 *
	 * Single action; args: [].
	 */
	public const PRUNE_SESSIONS_CONTINUE = 'cartbay_prune_sessions_continue';

	/**
	 * Refreshes the local license state; a license-server outage never stops recovery.
	 *
	 * Recurring every 86400 seconds.
	 */
	public const CHECK_LICENSE = 'cartbay_check_license';

	/**
	 * Checks one captured session at its exact abandonment boundary.
	 *
	 * Single action; args: [session_id].
	 */
	public const DETECT_SESSION_ABANDONMENT = 'cartbay_detect_session_abandonment';

	/**
	 * Sends one recovery email step for one session, if the send guards still allow it.
	 *
	 * Single action; args: [session_id, step_index].
	 */
	public const SEND_RECOVERY_EMAIL = 'cartbay_send_recovery_email';

	/**
	 * Applies the ledger changes of sessions changed by a key event (abandoned, sent, restored, recovered, reverted), then refreshes the cached report; queued once, however many sessions changed.
	 *
	 * Single action; args: [].
	 */
	public const APPLY_ANALYTICS = 'cartbay_apply_analytics';

	/**
	 * Takes a deleted or trashed session’s ledger contribution (its day and JSON-encoded counters) out of the live analytics layer; the deletion itself may run on a shopper request, which never writes the ledger.
	 *
	 * Single action; args: [order_id, day, counters].
	 */
	public const FORGET_ANALYTICS = 'cartbay_forget_analytics';

	/**
	 * Rebuilds the ledger of the retained sessions from the sessions themselves, one bounded batch a run, each run queuing the next until done.
	 *
	 * Single action; args: [].
	 */
	public const REBUILD_ANALYTICS = 'cartbay_rebuild_analytics';

	/**
	 * Recurring jobs and their intervals in seconds.
	 *
	 * @return array<string, int>
	 */
	public static function recurring(): array {
		return array(
			self::DETECT_ABANDONMENT => 300,
			self::REFRESH_ANALYTICS  => 3600,
			self::PRUNE_SESSIONS     => 86400,
			self::CHECK_LICENSE      => 86400,
		);
	}

	/**
	 * Connects every job hook to its handler.
	 *
	 * @param Plugin $plugin Service registry the handlers are taken from.
	 */
	public static function add_hooks( Plugin $plugin ): void {
		// Fallback scanner: marks captured sessions abandoned once they pass the abandonment timeout.
		add_action(
			self::DETECT_ABANDONMENT,
			static function () use ( $plugin ): void {
				$plugin->service( AbandonmentScheduler::class )->scan_inactive_sessions();
			}
		);

		// Catches the analytics ledger up with changed sessions, then recomputes the cached report.
		add_action(
			self::REFRESH_ANALYTICS,
			static function () use ( $plugin ): void {
				$plugin->service( AnalyticsService::class )->refresh_cache();
			}
		);

		// Deletes sessions older than the retention period.
		add_action(
			self::PRUNE_SESSIONS,
			static function () use ( $plugin ): void {
				$plugin->service( SessionRepository::class )->prune_expired();
			}
		);

		// Continues a retention run whose time budget ran out with sessions still past retention; at most one pending.
		add_action(
			self::PRUNE_SESSIONS_CONTINUE,
			static function () use ( $plugin ): void {
				$plugin->service( SessionRepository::class )->prune_expired();
			}
		);

		// Refreshes the local license state; a license-server outage never stops recovery.
		add_action(
			self::CHECK_LICENSE,
			static function () use ( $plugin ): void {
				$plugin->service( LicenseClient::class )->refresh_status();
			}
		);

		// Checks one captured session at its exact abandonment boundary.
		add_action(
			self::DETECT_SESSION_ABANDONMENT,
			static function ( $session_id ) use ( $plugin ): void {
				$plugin->service( AbandonmentScheduler::class )->check_session( (string) $session_id );
			},
			10,
			1
		);

		// Sends one recovery email step for one session, if the send guards still allow it.
		add_action(
			self::SEND_RECOVERY_EMAIL,
			static function ( $session_id, $step_index ) use ( $plugin ): void {
				$plugin->service( EmailSequenceService::class )->send_step( (string) $session_id, (int) $step_index );
			},
			10,
			2
		);

		// Applies the ledger changes of sessions changed by a key event (abandoned, sent, restored, recovered, reverted), then refreshes the cached report; queued once, however many sessions changed.
		add_action(
			self::APPLY_ANALYTICS,
			static function () use ( $plugin ): void {
				$plugin->service( AnalyticsService::class )->apply_pending();
			}
		);

		// Takes a deleted or trashed session’s ledger contribution (its day and JSON-encoded counters) out of the live analytics layer; the deletion itself may run on a shopper request, which never writes the ledger.
		add_action(
			self::FORGET_ANALYTICS,
			static function ( $order_id, $day, $counters ) use ( $plugin ): void {
				$plugin->service( AnalyticsService::class )->forget( (int) $order_id, (string) $day, (string) $counters );
			},
			10,
			3
		);

		// Rebuilds the ledger of the retained sessions from the sessions themselves, one bounded batch a run, each run queuing the next until done.
		add_action(
			self::REBUILD_ANALYTICS,
			static function () use ( $plugin ): void {
				$plugin->service( LedgerRebuild::class )->run_batch();
			}
		);
	}
}
