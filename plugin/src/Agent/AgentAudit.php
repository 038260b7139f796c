<?php
/**
 * The redacted rolling audit log of agent calls.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Jobs\JobLock;
use WPAnchorBay\CartBay\Reports\IsoTime;

defined( 'ABSPATH' ) || exit;

/**
 * One entry per agent call, allowed or denied: when, who (`user:ID`, `token:PUBLIC_ID` or `anonymous`), the
 * surface, the operation (and session action), the session ids touched, the access and gate it needed, the
 * decision, the result code and status, and whether personal data was returned. Never an email, a token,
 * a key or a cart. Kept in one non-autoloaded option, newest last, at most AUDIT_MAX_ENTRIES.
 *
 * Appending is a read-modify-write of that option, so two agent calls finishing together would each write
 * the log they read and one entry would be lost. Each append therefore holds a lock (JobLock) and reads the
 * option past the object cache, so parallel calls queue for a moment instead of overwriting each other.
 */
final class AgentAudit {

	/**
	 * Name of the lock around an append.
	 */
	private const LOCK = 'agent_audit_log';

	/**
	 * Pause between two tries for the lock, in microseconds: a random one in this range, so waiting requests
	 * do not retry in step and one of them starve.
	 */
	private const LOCK_RETRY_MICROSECONDS = array( 2000, 12000 );

	/**
	 * Appends an entry.
	 *
	 * @param array{principal: string, surface: string, operation: string, action?: string, session_ids?: string[], access?: string, gate?: string|null, decision: string, code?: string, status?: int, pii?: bool} $entry Entry.
	 */
	public function record( array $entry ): void {
		$row    = array(
			'at'          => time(),
			'principal'   => self::safe_label( (string) $entry['principal'] ),
			'surface'     => sanitize_key( (string) $entry['surface'] ),
			'operation'   => sanitize_key( (string) $entry['operation'] ),
			'action'      => sanitize_key( (string) ( $entry['action'] ?? '' ) ),
			'session_ids' => array_values( array_filter( array_map( 'strval', (array) ( $entry['session_ids'] ?? array() ) ), static fn ( $id ) => 1 === preg_match( '/^[A-Za-z0-9]{32}$/', $id ) ) ),
			'access'      => sanitize_key( (string) ( $entry['access'] ?? '' ) ),
			'gate'        => isset( $entry['gate'] ) ? sanitize_key( (string) $entry['gate'] ) : null,
			'decision'    => 'allow' === $entry['decision'] ? 'allow' : 'deny',
			'code'        => sanitize_key( (string) ( $entry['code'] ?? '' ) ),
			'status'      => (int) ( $entry['status'] ?? 200 ),
			'pii'         => ! empty( $entry['pii'] ),
		);
		$locked = $this->lock();
		try {
			// Another process may have appended since this request first read the option.
			wp_cache_delete( Options::AGENT_AUDIT_LOG, 'options' );
			$entries   = $this->entries();
			$entries[] = $row;
			if ( count( $entries ) > AgentSchema::AUDIT_MAX_ENTRIES ) {
				$entries = array_slice( $entries, -AgentSchema::AUDIT_MAX_ENTRIES );
			}
			update_option( Options::AGENT_AUDIT_LOG, $entries, false );
		} finally {
			if ( $locked ) {
				JobLock::release( self::LOCK );
			}
		}
	}

	/**
	 * Waits up to AUDIT_LOCK_WAIT_MS for the append lock. Without it (a write stuck longer than that) the
	 * entry is still written: a rare lost entry beats a call that never gets its audit line.
	 *
	 * @return bool Whether the lock was taken (and must be released).
	 */
	private function lock(): bool {
		$deadline = microtime( true ) + AgentSchema::AUDIT_LOCK_WAIT_MS / 1000;
		do {
			if ( JobLock::acquire( self::LOCK, AgentSchema::AUDIT_LOCK_STALE_SECONDS ) ) {
				return true;
			}
			usleep( wp_rand( self::LOCK_RETRY_MICROSECONDS[0], self::LOCK_RETRY_MICROSECONDS[1] ) );
		} while ( microtime( true ) < $deadline );
		return false;
	}

	/**
	 * One page of entries, newest first.
	 *
	 * @param int $page     Page, from 1.
	 * @param int $per_page Entries a page.
	 * @return array{entries: array<int, array<string, mixed>>, total: int}
	 */
	public function page( int $page, int $per_page ): array {
		$entries  = array_reverse( $this->entries() );
		$per_page = max( 1, min( AgentSchema::MAX_AUDIT_PER_PAGE, $per_page ) );
		$slice    = array_slice( $entries, ( max( 1, $page ) - 1 ) * $per_page, $per_page );
		return array(
			'entries' => array_map(
				static fn ( $entry ) => array( 'at' => IsoTime::from( $entry['at'] ?? 0 ) ) + $entry,
				$slice
			),
			'total'   => count( $entries ),
		);
	}

	/**
	 * The stored entries, oldest first.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function entries(): array {
		$entries = get_option( Options::AGENT_AUDIT_LOG, array() );
		return is_array( $entries ) ? array_values( array_filter( $entries, 'is_array' ) ) : array();
	}

	/**
	 * A principal label as stored: `user:ID`, `token:PUBLIC_ID` or `anonymous` (anything else is anonymous,
	 * so a claimed token id from a request header can never carry other text into the log).
	 *
	 * @param string $label Label.
	 * @return string
	 */
	private static function safe_label( string $label ): string {
		$pattern = sprintf( '/^(user:[1-9][0-9]*|token:[a-z0-9]{%d})$/', AgentSchema::TOKEN_PUBLIC_ID_LENGTH );
		return 1 === preg_match( $pattern, $label ) ? $label : 'anonymous';
	}
}
