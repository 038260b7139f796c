<?php
/**
 * Counts of CartBay's Action Scheduler actions, by hook.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Generated\ScheduledJobs;

defined( 'ABSPATH' ) || exit;

/**
 * For every CartBay hook: actions pending, pending past their scheduled time (the queue is behind or not
 * running), and failed. Counted by Action Scheduler's store (three counts per hook); no action is loaded.
 */
final class QueueHealth {

	/**
	 * Every CartBay job hook, as ScheduledJobs declares them (its constants other than the group).
	 *
	 * @return string[]
	 */
	public static function hooks(): array {
		$hooks = array();
		foreach ( ( new \ReflectionClass( ScheduledJobs::class ) )->getConstants() as $value ) {
			if ( is_string( $value ) && ScheduledJobs::GROUP !== $value && 0 === strpos( $value, ScheduledJobs::GROUP . '_' ) ) {
				$hooks[] = $value;
			}
		}
		sort( $hooks );
		return $hooks;
	}

	/**
	 * Pending, past-due and failed actions of each hook.
	 *
	 * @return array<string, array{pending: int, past_due: int, failed: int}>
	 */
	public function counts(): array {
		$store  = \ActionScheduler::store();
		$now    = as_get_datetime_object();
		$counts = array();
		foreach ( self::hooks() as $hook ) {
			$base            = array(
				'hook'  => $hook,
				'group' => ScheduledJobs::GROUP,
			);
			$counts[ $hook ] = array(
				'pending'  => (int) $store->query_actions( $base + array( 'status' => \ActionScheduler_Store::STATUS_PENDING ), 'count' ),
				'past_due' => (int) $store->query_actions(
					$base + array(
						'status'       => \ActionScheduler_Store::STATUS_PENDING,
						'date'         => $now,
						'date_compare' => '<=',
					),
					'count'
				),
				'failed'   => (int) $store->query_actions( $base + array( 'status' => \ActionScheduler_Store::STATUS_FAILED ), 'count' ),
			);
		}
		return $counts;
	}
}
