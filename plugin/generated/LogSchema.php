<?php
/**
 * LogSchema: the CartBay log file, entry bounds, levels, sources and the GET /logs limits.
 *
 * Generated from plugin/schema/logging.ts by codegen/emitters/log.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * What the Logger, the log file and GET /logs work with (the on/off switch, retention days and size cap are settings).
 */
final class LogSchema {

	/**
	 * Folder under the uploads folder holding the log file (web access denied).
	 */
	public const DIRECTORY = 'cartbay';

	/**
	 * Name of the current JSON-lines log file.
	 */
	public const FILE_NAME = 'cartbay.log';

	/**
	 * Appended to the file name for the one backup a rotation keeps.
	 */
	public const BACKUP_SUFFIX = '.1';

	/**
	 * Bytes in one megabyte of the log_max_size_mb setting.
	 */
	public const BYTES_PER_MEGABYTE = 1048576;

	/**
	 * Longest text kept from one context value.
	 */
	public const MAX_VALUE_LENGTH = 300;

	/**
	 * Most keys kept from one context array.
	 */
	public const MAX_CONTEXT_KEYS = 30;

	/**
	 * Deepest context nesting kept.
	 */
	public const MAX_CONTEXT_DEPTH = 3;

	/**
	 * Longest event name.
	 */
	public const MAX_EVENT_LENGTH = 64;

	/**
	 * Most entries GET /logs reads (newest first, both files) before filtering.
	 */
	public const READ_MAX_ENTRIES = 20000;

	/**
	 * Rows of one GET /logs page by default.
	 */
	public const PAGE_SIZE = 50;

	/**
	 * Largest GET /logs page.
	 */
	public const MAX_PAGE_SIZE = 200;

	/**
	 * Longest GET /logs search text or event prefix.
	 */
	public const MAX_FILTER_LENGTH = 100;

	/**
	 * Entry levels, least severe first.
	 */
	public const LEVELS = array(
		'info',
		'warning',
		'error',
	);

	/**
	 * Sources: the part of an event name before the first dot.
	 */
	public const SOURCES = array(
		'capture',
		'abandonment',
		'email',
		'restore',
		'unsubscribe',
		'attribution',
		'license',
		'retention',
		'agent',
	);

	/**
	 * Session event => the log event written when it is recorded.
	 */
	public const SESSION_EVENTS = array(
		'captured'                       => 'capture.created',
		'updated'                        => 'capture.updated',
		'abandoned'                      => 'abandonment.abandoned',
		'email_sent'                     => 'email.sent',
		'email_failed'                   => 'email.failed',
		'restore_clicked'                => 'restore.clicked',
		'cart_restore_started'           => 'restore.started',
		'cart_restored'                  => 'restore.ok',
		'cart_restore_partial'           => 'restore.partial',
		'cart_restore_failed'            => 'restore.failed',
		'completed_before_abandonment'   => 'capture.completed_before_abandonment',
		'recovered'                      => 'attribution.recovered',
		'influenced'                     => 'attribution.influenced',
		'recovery_reverted'              => 'attribution.reverted',
		'revenue_adjusted'               => 'attribution.revenue_adjusted',
		'superseded'                     => 'email.superseded',
		'unsubscribed'                   => 'unsubscribe.suppressed',
		'core_recovery_email_suppressed' => 'email.core_recovery_suppressed',
		'expired'                        => 'agent.session_expired',
		'agent_action'                   => 'agent.session_action',
	);

	/**
	 * Session events logged as warnings (the others are info).
	 */
	public const SESSION_EVENT_WARNINGS = array(
		'email_failed',
		'cart_restore_failed',
		'recovery_reverted',
	);
}
