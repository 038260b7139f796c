/**
 * CartBay logs: where the sanitized JSON-lines file lives, how big one entry may get, what GET /logs reads, and
 * the source (the part of an entry's event name before the dot) of each session event.
 *
 * Emitted as `LogSchema` (codegen/emitters/log.ts). Whether the file is written, how many days its entries
 * are kept and its size cap are settings (`logging_enabled`, `log_retention_days`, `log_max_size_mb`).
 */

/** The log file, under the uploads folder (spec: `wp-content/uploads/cartbay/cartbay.log`). */
export const logFile = {
	/** Folder under the uploads folder (protected by index.php and a deny-all .htaccess). */
	directory: 'cartbay',
	/** The current file. */
	fileName: 'cartbay.log',
	/** Appended to the file name for the one backup a rotation keeps. */
	backupSuffix: '.1',
} as const;

/** Bounds of one entry and of the reading work. */
export const logLimits = {
	/** Bytes in one megabyte of the `log_max_size_mb` setting. */
	bytesPerMegabyte: 1024 * 1024,
	/** Longest text kept from one context value (longer text is cut). */
	maxValueLength: 300,
	/** Most keys kept from one context array (nested arrays count their own). */
	maxContextKeys: 30,
	/** Deepest context nesting kept. */
	maxContextDepth: 3,
	/** Longest event name. */
	maxEventLength: 64,
	/** Most entries GET /logs reads (newest first, both files) before filtering. */
	readMaxEntries: 20000,
	/** Rows of one GET /logs page by default. */
	pageSize: 50,
	/** Largest GET /logs page. */
	maxPageSize: 200,
	/** Longest GET /logs search text or event prefix. */
	maxFilterLength: 100,
} as const;

/** Entry levels, least severe first (the WooCommerce logger's levels of the same names). */
export const logLevels = [ 'info', 'warning', 'error' ] as const;

/** Sources: the part of an event name before the first dot. */
export const logSources = {
	capture: 'capture',
	abandonment: 'abandonment',
	email: 'email',
	restore: 'restore',
	unsubscribe: 'unsubscribe',
	attribution: 'attribution',
	license: 'license',
	retention: 'retention',
	agent: 'agent',
} as const;

/**
 * Session event (`_cartbay_events`) → the log event written with it: every session event is logged (ids only)
 * when it is recorded. Events missing here are logged under `capture.`.
 */
export const sessionEventLog = {
	captured: 'capture.created',
	updated: 'capture.updated',
	abandoned: 'abandonment.abandoned',
	email_sent: 'email.sent',
	email_failed: 'email.failed',
	restore_clicked: 'restore.clicked',
	cart_restore_started: 'restore.started',
	cart_restored: 'restore.ok',
	cart_restore_partial: 'restore.partial',
	cart_restore_failed: 'restore.failed',
	completed_before_abandonment: 'capture.completed_before_abandonment',
	recovered: 'attribution.recovered',
	influenced: 'attribution.influenced',
	recovery_reverted: 'attribution.reverted',
	revenue_adjusted: 'attribution.revenue_adjusted',
	superseded: 'email.superseded',
	unsubscribed: 'unsubscribe.suppressed',
	core_recovery_email_suppressed: 'email.core_recovery_suppressed',
	expired: 'agent.session_expired',
	agent_action: 'agent.session_action',
} as const;

/** Session events logged as warnings (the rest are info). */
export const sessionEventWarnings = [
	'email_failed',
	'cart_restore_failed',
	'recovery_reverted',
] as const;
