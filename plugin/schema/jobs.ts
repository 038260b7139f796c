import type { JobDef } from './types';

/**
 * Action Scheduler jobs, all in the `cartbay` group (plugin.jobGroup).
 *
 * Recurring jobs are scheduled once on activation and removed on deactivation; single jobs are scheduled
 * per session by the runtime, which checks for an existing pending action first.
 */
export const jobs = [
	{
		hook: 'cartbay_detect_abandonment',
		kind: 'recurring',
		intervalSeconds: 5 * 60,
		description:
			'Fallback scanner: marks captured sessions abandoned once they pass the abandonment timeout.',
		handler: {
			class: 'Recovery\\AbandonmentScheduler',
			method: 'scan_inactive_sessions',
		},
	},
	{
		hook: 'cartbay_refresh_analytics',
		kind: 'recurring',
		intervalSeconds: 60 * 60,
		description:
			'Catches the analytics ledger up with changed sessions, then recomputes the cached report.',
		handler: {
			class: 'Analytics\\AnalyticsService',
			method: 'refresh_cache',
		},
	},
	{
		hook: 'cartbay_prune_sessions',
		kind: 'recurring',
		intervalSeconds: 24 * 60 * 60,
		description: 'Deletes sessions older than the retention period.',
		handler: { class: 'Data\\SessionRepository', method: 'prune_expired' },
	},
	{
		hook: 'cartbay_prune_sessions_continue',
		kind: 'single',
		args: [],
		description:
			'Continues a retention run whose time budget ran out with sessions still past retention; at most one pending.',
		handler: { class: 'Data\\SessionRepository', method: 'prune_expired' },
	},
	{
		hook: 'cartbay_check_license',
		kind: 'recurring',
		intervalSeconds: 24 * 60 * 60,
		description:
			'Refreshes the local license state; a license-server outage never stops recovery.',
		handler: { class: 'License\\LicenseClient', method: 'refresh_status' },
	},
	{
		hook: 'cartbay_detect_session_abandonment',
		kind: 'single',
		args: [ { name: 'session_id', type: 'string' } ],
		description:
			'Checks one captured session at its exact abandonment boundary.',
		handler: {
			class: 'Recovery\\AbandonmentScheduler',
			method: 'check_session',
		},
	},
	{
		hook: 'cartbay_send_recovery_email',
		kind: 'single',
		args: [
			{ name: 'session_id', type: 'string' },
			{ name: 'step_index', type: 'int' },
		],
		description:
			'Sends one recovery email step for one session, if the send guards still allow it.',
		handler: { class: 'Email\\EmailSequenceService', method: 'send_step' },
	},
	{
		hook: 'cartbay_apply_analytics',
		kind: 'single',
		args: [],
		description:
			'Applies the ledger changes of sessions changed by a key event (abandoned, sent, restored, recovered, reverted), then refreshes the cached report; queued once, however many sessions changed.',
		handler: {
			class: 'Analytics\\AnalyticsService',
			method: 'apply_pending',
		},
	},
	{
		hook: 'cartbay_forget_analytics',
		kind: 'single',
		args: [
			{ name: 'order_id', type: 'int' },
			{ name: 'day', type: 'string' },
			{ name: 'counters', type: 'string' },
		],
		description:
			'Takes a deleted or trashed session’s ledger contribution (its day and JSON-encoded counters) out of the live analytics layer; the deletion itself may run on a shopper request, which never writes the ledger.',
		handler: {
			class: 'Analytics\\AnalyticsService',
			method: 'forget',
		},
	},
	{
		hook: 'cartbay_rebuild_analytics',
		kind: 'single',
		args: [],
		description:
			'Rebuilds the ledger of the retained sessions from the sessions themselves, one bounded batch a run, each run queuing the next until done.',
		handler: {
			class: 'Analytics\\LedgerRebuild',
			method: 'run_batch',
		},
	},
] as const satisfies readonly JobDef[];
