/**
 * Analytics and reporting contract: reporting periods, the metric definitions the owner sees, and the bounds
 * of the reporting work (ledger batches, list pages, exports).
 *
 * Every figure is a sum over one cohort: the sessions **created** (captured) on the period's days, days
 * counted in the site's time zone, today included. The Sessions list filtered by the same period lists exactly
 * that cohort, so each card reconciles with the rows behind it. Pruning removes sessions, not their figures:
 * each session's contribution is kept per day in the analytics ledger (one non-autoloaded option per month).
 *
 * Emitted as `AnalyticsSchema` (codegen/emitters/analytics.ts).
 */
import type { ConstantGroupDef } from './types';

/** Reporting windows: 7, 30 or 90 days; any other value falls back to the default. */
export const reportPeriods = {
	shortDays: 7,
	defaultDays: 30,
	longDays: 90,
} as const;

/** The choices of the period selector and the `days` / `period` arguments, in order. */
export const reportPeriodChoices = [
	reportPeriods.shortDays,
	reportPeriods.defaultDays,
	reportPeriods.longDays,
] as const;

/** Bounds of the reporting work. */
export const reportLimits = {
	/** Rows of one Sessions, Notifications or Coupons page. */
	pageSize: 20,
	/** Largest page a client may ask for. */
	maxPageSize: 100,
	/** Longest search text. */
	maxSearchLength: 200,
	/** Sessions one ledger apply or rebuild query loads at a time. */
	ledgerBatch: 500,
	/**
	 * Seconds after which a ledger rebuild request starts no further batch and hands the rest to a
	 * continuation. Below the 20 s a request may last, leaving room for the batch under way and PHP's start.
	 */
	rebuildRequestSeconds: 15,
	/** Seconds the cached report stays fresh without an event (the hourly refresh). */
	cacheSeconds: 3600,
	/** Sessions one CSV export query loads at a time (memory stays bounded however many rows). */
	exportBatch: 200,
} as const;

/**
 * What a ledger rebuild derives from every session it reads: the session's contribution and its order total
 * (kept equal to the cart total, so the Sessions list sorts by a column on HPOS). When this version is newer
 * than the one the last finished rebuild recorded (an update that changed either), the hourly refresh starts
 * a rebuild, which brings every session and the ledger up to date.
 */
export const ledgerDerivation = {
	version: 2,
} as const;

/** How a metric's value is shown. */
export type MetricFormat = 'count' | 'money' | 'percent' | 'step';

export interface MetricDef {
	/** Key in the `GET /analytics` answer's `metrics` object. */
	readonly key: string;
	readonly label: string;
	/** The one written definition (README and the admin's help text show this). */
	readonly definition: string;
	readonly format: MetricFormat;
	/** `main`: a card on the page; `more`: behind the More card. */
	readonly card: 'main' | 'more';
}

/** Every figure of the Overview and Notifications cards, each defined once. */
export const metrics = [
	{
		key: 'tracked_carts',
		label: 'Tracked Carts',
		definition:
			'Sessions captured in the period (consent given, valid email).',
		format: 'count',
		card: 'main',
	},
	{
		key: 'abandoned_carts',
		label: 'Abandoned Carts',
		definition:
			'Tracked carts of the period that passed the abandonment timeout (a session that was ever abandoned counts, whatever its status now).',
		format: 'count',
		card: 'main',
	},
	{
		key: 'recovered_carts',
		label: 'Recovered Carts',
		definition:
			'Tracked carts of the period whose paid order is attributed to them as recovered (session id, restore token or CartBay coupon) and not reverted. Influenced orders never count here.',
		format: 'count',
		card: 'main',
	},
	{
		key: 'link_restored_purchases',
		label: 'Link-Restored and Purchased',
		definition:
			'Recovered carts whose restore link was clicked before the order was attributed.',
		format: 'count',
		card: 'more',
	},
	{
		key: 'abandoned_value',
		label: 'Abandoned Cart Value',
		definition:
			'Sum of the cart totals of the abandoned carts (potential, not lost, revenue).',
		format: 'money',
		card: 'main',
	},
	{
		key: 'recovered_revenue',
		label: 'Recovered Revenue',
		definition:
			'Sum of the paid totals, less refunds, of the recovered carts’ orders. A fully refunded, cancelled or failed order is reverted and adds nothing.',
		format: 'money',
		card: 'main',
	},
	{
		key: 'recovery_rate',
		label: 'Recovery Rate',
		definition:
			'Recovered carts ÷ abandoned carts of the same period, in percent (0 when nothing was abandoned).',
		format: 'percent',
		card: 'main',
	},
	{
		key: 'restore_clicks',
		label: 'Restore Clicks',
		definition:
			'Restore-link clicks recorded on the period’s sessions (every click counts, valid or not for the cart).',
		format: 'count',
		card: 'more',
	},
	{
		key: 'click_to_recovery_rate',
		label: 'Click-to-Recovery Rate',
		definition:
			'Link-restored purchases ÷ restore clicks, in percent (0 without clicks).',
		format: 'percent',
		card: 'more',
	},
	{
		key: 'failed_restores',
		label: 'Failed Restores',
		definition:
			'Restore attempts on the period’s sessions that rebuilt nothing (expired link, unavailable products, invalid snapshot).',
		format: 'count',
		card: 'more',
	},
	{
		key: 'influenced_orders',
		label: 'Influenced Orders',
		definition:
			'Tracked carts of the period whose shopper paid an order matched by billing email only, within the influence window: reported apart, never recovered.',
		format: 'count',
		card: 'more',
	},
	{
		key: 'influenced_revenue',
		label: 'Influenced Revenue',
		definition:
			'Sum of the paid totals, less refunds, of the influenced orders; never part of recovered revenue.',
		format: 'money',
		card: 'more',
	},
	{
		key: 'emails_sent',
		label: 'Emails Sent',
		definition:
			'Recovery emails of the period’s sessions accepted by WordPress mail (sent) or confirmed by a provider (delivered).',
		format: 'count',
		card: 'main',
	},
	{
		key: 'emails_failed',
		label: 'Emails Failed',
		definition:
			'Recovery emails of the period’s sessions that ended failed after the allowed attempts.',
		format: 'count',
		card: 'main',
	},
	{
		key: 'acceptance_rate',
		label: 'Acceptance Rate',
		definition:
			'Emails sent ÷ emails with at least one send attempt, for the period’s sessions, in percent (0 without attempts).',
		format: 'percent',
		card: 'main',
	},
	{
		key: 'pending_queue',
		label: 'Pending Queue',
		definition:
			'Recovery emails waiting to send now (queued, attempted or retry queued), whatever the period: a current figure.',
		format: 'count',
		card: 'main',
	},
	{
		key: 'best_step',
		label: 'Best Email Step',
		definition:
			'The step whose emails led to the most recovered revenue in the period (a recovery belongs to the step whose link was clicked last, else the last step sent before it); ties go to more recoveries, then the earlier step; none without recoveries.',
		format: 'step',
		card: 'main',
	},
] as const satisfies readonly MetricDef[];

export type MetricKey = ( typeof metrics )[ number ][ 'key' ];

/** The Sessions list: sortable columns (the `orderby` argument) and the status filter. */
export const sessionList = {
	orderby: [
		'session',
		'cart_total',
		'created',
		'last_activity',
		'emails_sent',
	],
	defaultOrderby: 'created',
	/** Status filter choices besides `all` (status keys of statuses.ts). */
	statusFilter: [ 'captured', 'abandoned', 'recovered', 'suppressed' ],
} as const;

/** CSV exports of the Sessions list (`sessions`) and of its emails (`emails`). */
export const exportKinds = [ 'sessions', 'emails' ] as const;

/** What a CSV cell starting with one of these characters is prefixed with, so spreadsheets never run it. */
export const csvFormulaGuard = {
	triggers: '=+-@\t\r',
	prefix: "'",
} as const;

/** The metric keys as PHP constants (`AnalyticsMetrics`), each documented with its definition. */
export const metricKeys = {
	className: 'AnalyticsMetrics',
	description:
		'Keys of the analytics metrics (the `metrics` object of GET /analytics), each with its one definition.',
	constants: metrics.map( ( m ) => ( {
		name: m.key.toUpperCase(),
		value: m.key,
		description: `${ m.label }: ${ m.definition }`,
	} ) ),
} as const satisfies ConstantGroupDef;
