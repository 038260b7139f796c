<?php
/**
 * AnalyticsSchema: reporting periods, list pages, ledger batches and the CSV formula guard.
 *
 * Generated from plugin/schema/analytics.ts by codegen/emitters/analytics.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Reporting periods and the bounds of the analytics and reporting work.
 */
final class AnalyticsSchema {

	/**
	 * Shortest reporting period, in days.
	 */
	public const PERIOD_SHORT_DAYS = 7;

	/**
	 * Default reporting period, in days (any unsupported value falls back to it).
	 */
	public const PERIOD_DEFAULT_DAYS = 30;

	/**
	 * Longest reporting period, in days.
	 */
	public const PERIOD_LONG_DAYS = 90;

	/**
	 * Rows of one Sessions, Notifications or Coupons page.
	 */
	public const PAGE_SIZE = 20;

	/**
	 * Largest page a client may ask for.
	 */
	public const MAX_PAGE_SIZE = 100;

	/**
	 * Longest search text.
	 */
	public const MAX_SEARCH_LENGTH = 200;

	/**
	 * Sessions one ledger apply or rebuild query loads at a time.
	 */
	public const LEDGER_BATCH = 500;

	/**
	 * Seconds one ledger rebuild request works before it hands the rest to a continuation.
	 */
	public const REBUILD_REQUEST_SECONDS = 15;

	/**
	 * Seconds the cached report stays fresh without an event.
	 */
	public const CACHE_SECONDS = 3600;

	/**
	 * Sessions one CSV export query loads at a time.
	 */
	public const EXPORT_BATCH = 200;

	/**
	 * Version of what a rebuild derives from each session; a newer one than the last rebuild recorded starts a rebuild.
	 */
	public const LEDGER_DERIVATION_VERSION = 2;

	/**
	 * A CSV cell starting with one of these characters could run as a spreadsheet formula.
	 */
	public const CSV_FORMULA_TRIGGERS = "=+-@\x09\x0d";

	/**
	 * What such a cell is prefixed with.
	 */
	public const CSV_FORMULA_PREFIX = '\'';
}
