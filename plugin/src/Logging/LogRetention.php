<?php
/**
 * Daily removal of log entries older than the log retention period.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Logging;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;

defined( 'ABSPATH' ) || exit;

/**
 * Rides on the daily `cartbay_prune_sessions` run (not its continuations): entries older than
 * `log_retention_days` (default 7) leave the log file and its backup.
 */
final class LogRetention implements HookSubscriber {

	/**
	 * Hooks: the daily retention job, after the sessions are pruned (its own log line is then kept).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array( ScheduledJobs::PRUNE_SESSIONS => array( 20, 0 ) );
	}

	/**
	 * `cartbay_prune_sessions`: prunes the log files.
	 */
	public static function handle_cartbay_prune_sessions(): void {
		self::prune();
	}

	/**
	 * Removes entries older than the retention period and logs how many went.
	 *
	 * @return int Entries removed.
	 */
	public static function prune(): int {
		$days    = Logger::retention_days();
		$removed = LogFile::prune( time() - $days * DAY_IN_SECONDS );
		if ( $removed > 0 ) {
			Logger::info(
				'retention.log_pruned',
				array(
					'entries' => $removed,
					'days'    => $days,
				)
			);
		}
		return $removed;
	}
}
