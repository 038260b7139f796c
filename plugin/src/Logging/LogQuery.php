<?php
/**
 * Filters and pages the CartBay log entries for GET /logs.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Logging;

use WPAnchorBay\CartBay\Generated\LogSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Reads at most LogSchema::READ_MAX_ENTRIES entries newest first (the file, then its backup), sanitizes each
 * again (an entry in the file is never trusted: what the sanitizer would remove is never answered), then
 * keeps those matching every filter given.
 */
final class LogQuery {

	/**
	 * Level filter ('' for any).
	 *
	 * @var string
	 */
	private $level;

	/**
	 * Source filter ('' for any).
	 *
	 * @var string
	 */
	private $source;

	/**
	 * Event name prefix ('' for any).
	 *
	 * @var string
	 */
	private $event;

	/**
	 * Text the event or context must contain ('' for any).
	 *
	 * @var string
	 */
	private $search;

	/**
	 * Constructor.
	 *
	 * @param string $level  A LogSchema::LEVELS value, or '' / 'all'.
	 * @param string $source A LogSchema::SOURCES value, or '' / 'all'.
	 * @param string $event  Event name prefix.
	 * @param string $search Text (case-insensitive).
	 */
	public function __construct( string $level, string $source, string $event, string $search ) {
		$this->level  = in_array( $level, LogSchema::LEVELS, true ) ? $level : '';
		$this->source = in_array( $source, LogSchema::SOURCES, true ) ? $source : '';
		$this->event  = LogSanitizer::event( $event );
		$this->search = function_exists( 'mb_strtolower' ) ? mb_strtolower( trim( $search ) ) : strtolower( trim( $search ) );
	}

	/**
	 * One page of matching entries and how many match in all.
	 *
	 * @param int $offset Entries before the page.
	 * @param int $limit  Entries on the page.
	 * @return array{entries: array<int, array<string, mixed>>, total: int}
	 */
	public function page( int $offset, int $limit ): array {
		$matching = array();
		foreach ( LogFile::newest( LogSchema::READ_MAX_ENTRIES ) as $raw ) {
			$entry = self::clean( $raw );
			if ( null !== $entry && $this->matches( $entry ) ) {
				$matching[] = $entry;
			}
		}
		return array(
			'entries' => array_slice( $matching, $offset, $limit ),
			'total'   => count( $matching ),
		);
	}

	/**
	 * An entry as GET /logs answers it, sanitized again; null for a line that is not a CartBay entry.
	 *
	 * @param array<string, mixed> $raw Decoded line.
	 * @return array<string, mixed>|null
	 */
	private static function clean( array $raw ): ?array {
		$level = (string) ( $raw['level'] ?? '' );
		$event = LogSanitizer::event( is_string( $raw['event'] ?? null ) ? $raw['event'] : '' );
		if ( '' === $event || ! in_array( $level, LogSchema::LEVELS, true ) ) {
			return null;
		}
		$ts = (int) ( $raw['ts'] ?? 0 );
		return array(
			'time'    => gmdate( 'Y-m-d\TH:i:s\Z', $ts ),
			'level'   => $level,
			'source'  => Logger::source_of( $event ),
			'event'   => $event,
			'context' => (object) LogSanitizer::context( is_array( $raw['context'] ?? null ) ? $raw['context'] : array() ),
		);
	}

	/**
	 * Whether an entry passes every filter.
	 *
	 * @param array<string, mixed> $entry Clean entry.
	 * @return bool
	 */
	private function matches( array $entry ): bool {
		if ( '' !== $this->level && $this->level !== $entry['level'] ) {
			return false;
		}
		if ( '' !== $this->source && $this->source !== $entry['source'] ) {
			return false;
		}
		if ( '' !== $this->event && 0 !== strpos( $entry['event'], $this->event ) ) {
			return false;
		}
		if ( '' === $this->search ) {
			return true;
		}
		$haystack = $entry['event'] . ' ' . wp_json_encode( $entry['context'], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		$haystack = function_exists( 'mb_strtolower' ) ? mb_strtolower( $haystack ) : strtolower( $haystack );
		return false !== strpos( $haystack, $this->search );
	}
}
