<?php
/**
 * Scheduling of the recurring Action Scheduler jobs declared in the schema.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Jobs;

use WPAnchorBay\CartBay\Generated\ScheduledJobs;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps exactly one pending action per recurring CartBay hook.
 */
final class RecurringJobs {

	/**
	 * Schedules every recurring job that is not already pending.
	 *
	 * @return bool False when Action Scheduler is not available (yet), so nothing could be checked.
	 */
	public static function schedule(): bool {
		if ( ! function_exists( 'as_has_scheduled_action' ) || ! function_exists( 'as_schedule_recurring_action' ) ) {
			return false;
		}
		// Action Scheduler's data store is ready only after `action_scheduler_init`; defer until then.
		if ( ! did_action( 'action_scheduler_init' ) ) {
			add_action( 'action_scheduler_init', array( self::class, 'schedule' ) );
			return false;
		}
		foreach ( ScheduledJobs::recurring() as $hook => $interval ) {
			// as_has_scheduled_action() sees pending and running actions, so re-activation adds nothing.
			if ( ! as_has_scheduled_action( $hook, array(), ScheduledJobs::GROUP ) ) {
				as_schedule_recurring_action( time(), $interval, $hook, array(), ScheduledJobs::GROUP, true );
			}
		}
		return true;
	}

	/**
	 * Removes every pending recurring CartBay action.
	 */
	public static function unschedule(): void {
		if ( ! function_exists( 'as_unschedule_all_actions' ) ) {
			return;
		}
		foreach ( array_keys( ScheduledJobs::recurring() ) as $hook ) {
			as_unschedule_all_actions( $hook, array(), ScheduledJobs::GROUP );
		}
	}
}
