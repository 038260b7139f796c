<?php
/**
 * The one way CartBay logs: WooCommerce's logger (source `cartbay`) and the sanitized CartBay log file.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Logging;

use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\LogSchema;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Generated\SettingsNormalizer;
use WPAnchorBay\CartBay\Generated\SettingsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * `Logger::info|warning|error( $event, $context )`. The event is `source.what` (`capture.created`,
 * `email.sent`); the context holds ids, counts and reasons. Both are sanitized (LogSanitizer) before they are
 * written anywhere:
 *
 * - to WooCommerce's logger with source CARTBAY_LOG_SOURCE, always (WooCommerce's own threshold applies;
 *   the spec's "WooCommerce Logs" setting is a link to that viewer, not a switch);
 * - to the JSON-lines file (LogFile) when the `logging_enabled` setting is on, rotated at `log_max_size_mb`
 *   (filter `cartbay_log_max_bytes`).
 *
 * Logging never fails the flow that logs: every error inside is swallowed.
 */
final class Logger {

	/**
	 * The raw settings option the cached normalized settings were made from.
	 *
	 * @var mixed
	 */
	private static $raw_settings = null;

	/**
	 * Normalized settings (cached while the stored option stays the same).
	 *
	 * @var array<string, mixed>|null
	 */
	private static $settings = null;

	/**
	 * Logs an info entry.
	 *
	 * @param string $event   Event name (`source.what`).
	 * @param array  $context Ids, counts and reasons.
	 */
	public static function info( string $event, array $context = array() ): void {
		self::log( 'info', $event, $context );
	}

	/**
	 * Logs a warning entry.
	 *
	 * @param string $event   Event name (`source.what`).
	 * @param array  $context Ids, counts and reasons.
	 */
	public static function warning( string $event, array $context = array() ): void {
		self::log( 'warning', $event, $context );
	}

	/**
	 * Logs an error entry.
	 *
	 * @param string $event   Event name (`source.what`).
	 * @param array  $context Ids, counts and reasons.
	 */
	public static function error( string $event, array $context = array() ): void {
		self::log( 'error', $event, $context );
	}

	/**
	 * Logs a session event (recorded in `_cartbay_events`) as its log event (LogSchema::SESSION_EVENTS), with
	 * the session's order id and the event's data.
	 *
	 * @param \WC_Order $order Session order.
	 * @param string    $event A SessionEvents value.
	 * @param array     $data  The event's data (no PII or tokens; sanitized anyway).
	 */
	public static function session_event( \WC_Order $order, string $event, array $data = array() ): void {
		$name  = LogSchema::SESSION_EVENTS[ $event ] ?? 'capture.' . $event;
		$level = in_array( $event, LogSchema::SESSION_EVENT_WARNINGS, true ) ? 'warning' : 'info';
		self::log( $level, $name, array( 'order_id' => (int) $order->get_id() ) + $data );
	}

	/**
	 * The source of an event: the part before the first dot.
	 *
	 * @param string $event Event name.
	 * @return string
	 */
	public static function source_of( string $event ): string {
		$dot = strpos( $event, '.' );
		return false === $dot ? $event : substr( $event, 0, $dot );
	}

	/**
	 * Writes one entry.
	 *
	 * @param string $level   A LogSchema::LEVELS value.
	 * @param string $event   Event name.
	 * @param array  $context Context.
	 */
	private static function log( string $level, string $event, array $context ): void {
		try {
			$event   = LogSanitizer::event( $event );
			$context = LogSanitizer::context( $context );
			$now     = time();
			$entry   = array(
				'time'    => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
				'ts'      => $now,
				'level'   => $level,
				'source'  => self::source_of( $event ),
				'event'   => $event,
				'context' => (object) $context,
			);
			$json    = wp_json_encode( $entry, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
			if ( false === $json ) {
				return;
			}
			if ( function_exists( 'wc_get_logger' ) ) {
				$message = array() === $context ? $event : $event . ' ' . wp_json_encode( $context, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
				wc_get_logger()->log( $level, $message, array( 'source' => CARTBAY_LOG_SOURCE ) );
			}
			$settings = self::settings();
			if ( empty( $settings[ SettingsKeys::LOGGING_ENABLED ] ) ) {
				return;
			}
			LogFile::append( $json, self::max_bytes() );
		} catch ( \Throwable $e ) {
			unset( $e ); // Logging never breaks the flow that logs.
		}
	}

	/**
	 * Size at which the file is rotated: `log_max_size_mb` MB, filterable.
	 *
	 * @return int
	 */
	public static function max_bytes(): int {
		$settings = self::settings();
		$bytes    = (int) $settings[ SettingsKeys::LOG_MAX_SIZE_MB ] * LogSchema::BYTES_PER_MEGABYTE;

		/**
		 * Filters the size in bytes at which the CartBay log file is rotated to `cartbay.log.1`.
		 *
		 * @param int $bytes Default: the `log_max_size_mb` setting in bytes.
		 */
		return max( 1, (int) apply_filters( Hooks::LOG_MAX_BYTES, $bytes ) );
	}

	/**
	 * Days log entries are kept (`log_retention_days`).
	 *
	 * @return int
	 */
	public static function retention_days(): int {
		$settings = self::settings();
		return (int) $settings[ SettingsKeys::LOG_RETENTION_DAYS ];
	}

	/**
	 * The normalized settings, normalized again only when the stored option changed.
	 *
	 * @return array<string, mixed>
	 */
	private static function settings(): array {
		$raw = get_option( SettingsSchema::SETTINGS_OPTION, array() );
		if ( null === self::$settings || $raw !== self::$raw_settings ) {
			self::$raw_settings = $raw;
			self::$settings     = SettingsNormalizer::normalize_settings( $raw, SettingsSchema::settings_defaults() );
		}
		return self::$settings;
	}
}
