<?php
/**
 * CartBay Bearer tokens: creation, listing, revocation and verification.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Reports\IsoTime;

defined( 'ABSPATH' ) || exit;

/**
 * A token is `cartbay_<public id>_<secret>`. Only the secret's SHA-256 is stored, in a non-autoloaded option
 * keyed by public id, with its scopes, owner, label and dates; the secret is shown once, when created.
 * Tokens authenticate the agent routes only (AgentRestGate reads them there): they never become a
 * WordPress login.
 */
final class AgentTokens {

	/**
	 * The stored records by public id.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function records(): array {
		$records = get_option( Options::AGENT_TOKENS, array() );
		return is_array( $records ) ? array_filter( $records, 'is_array' ) : array();
	}

	/**
	 * Saves the records (not autoloaded: read only on agent calls).
	 *
	 * @param array<string, array<string, mixed>> $records Records.
	 */
	private function save( array $records ): void {
		update_option( Options::AGENT_TOKENS, $records, false );
	}

	/**
	 * The parts of a presented token: [ public id, secret ], or null when it is not shaped like one.
	 *
	 * @param string $token Presented token.
	 * @return string[]|null
	 */
	public static function parse( string $token ): ?array {
		$pattern = sprintf( '/^%s([a-z0-9]{%d})_([A-Za-z0-9]{%d})$/', preg_quote( AgentSchema::TOKEN_PREFIX, '/' ), AgentSchema::TOKEN_PUBLIC_ID_LENGTH, AgentSchema::TOKEN_SECRET_LENGTH );
		return 1 === preg_match( $pattern, $token, $parts ) ? array( $parts[1], $parts[2] ) : null;
	}

	/**
	 * Verifies a presented token: the principal it stands for, or why not (token_invalid, token_revoked,
	 * token_expired). The secret is compared by its hash in constant time; the owner must still exist.
	 *
	 * @param string $token Presented token.
	 * @return Principal|\WP_Error
	 */
	public function authenticate( string $token ) {
		$parts = self::parse( $token );
		if ( null === $parts ) {
			return PermissionService::error( 'token_invalid' );
		}
		list( $public_id, $secret ) = $parts;
		$records                    = $this->records();
		$record                     = $records[ $public_id ] ?? null;
		if ( null === $record || ! hash_equals( (string) ( $record['hash'] ?? '' ), hash( 'sha256', $secret ) ) ) {
			return PermissionService::error( 'token_invalid' );
		}
		$status = self::status( $record );
		if ( 'active' !== $status ) {
			return PermissionService::error( 'revoked' === $status ? 'token_revoked' : 'token_expired' );
		}
		$owner = (int) ( $record['owner'] ?? 0 );
		if ( $owner <= 0 || ! get_userdata( $owner ) ) {
			return PermissionService::error( 'token_invalid' );
		}
		$this->touch( $public_id );
		return Principal::token( $public_id, $owner, array_map( 'strval', (array) ( $record['scopes'] ?? array() ) ) );
	}

	/**
	 * Records a use, at most once per TOKEN_LAST_USED_RESOLUTION, in its own option: a use never writes the
	 * records back (it could undo a revocation made meanwhile).
	 *
	 * @param string $public_id Public id.
	 */
	private function touch( string $public_id ): void {
		$usage = get_option( Options::AGENT_TOKEN_USAGE, array() );
		$usage = is_array( $usage ) ? $usage : array();
		$now   = time();
		if ( $now - (int) ( $usage[ $public_id ] ?? 0 ) >= AgentSchema::TOKEN_LAST_USED_RESOLUTION ) {
			$usage[ $public_id ] = $now;
			update_option( Options::AGENT_TOKEN_USAGE, array_intersect_key( $usage, $this->records() ), false );
		}
	}

	/**
	 * Creates a token for a signed-in user (its owner). Its scopes may not exceed what the user has, and a
	 * token cannot create tokens: a stolen token cannot mint a longer-lived one that survives its revocation.
	 *
	 * @param Principal $creator Who asks.
	 * @param string    $label   What it is for (sanitized).
	 * @param string[]  $scopes  Scopes (validated against the schema by the caller).
	 * @param int       $days    Lifetime in days (clamped to the schema's range).
	 * @return array{token: string, record: array<string, mixed>}|\WP_Error
	 */
	public function create( Principal $creator, string $label, array $scopes, int $days ) {
		if ( $creator->is_token() ) {
			return PermissionService::error( 'token_cannot_mint' );
		}
		$scopes = array_values( array_unique( array_intersect( array_map( 'strval', $scopes ), array_keys( AgentSchema::ACCESS ) ) ) );
		$beyond = array_values( array_filter( $scopes, static fn ( $scope ) => '' !== $creator->lacks( $scope ) ) );
		if ( array() === $scopes || array() !== $beyond ) {
			return PermissionService::error( 'token_scope_exceeds', array( 'scopes' => $beyond ) );
		}
		$records = $this->records();
		$active  = count( array_filter( $records, static fn ( $record ) => 'active' === self::status( $record ) ) );
		if ( $active >= AgentSchema::TOKEN_MAX_ACTIVE ) {
			return PermissionService::error( 'token_limit', array( 'limit' => AgentSchema::TOKEN_MAX_ACTIVE ) );
		}
		do {
			$public_id = self::random( AgentSchema::TOKEN_PUBLIC_ID_LENGTH, 'abcdefghijklmnopqrstuvwxyz0123456789' );
		} while ( isset( $records[ $public_id ] ) );
		$secret                = self::random( AgentSchema::TOKEN_SECRET_LENGTH, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' );
		$now                   = time();
		$days                  = max( AgentSchema::TOKEN_MIN_LIFETIME_DAYS, min( AgentSchema::TOKEN_MAX_LIFETIME_DAYS, $days ) );
		$records[ $public_id ] = array(
			'public_id'  => $public_id,
			'hash'       => hash( 'sha256', $secret ),
			'scopes'     => $scopes,
			'owner'      => $creator->user_id(),
			'label'      => mb_substr( sanitize_text_field( $label ), 0, AgentSchema::TOKEN_LABEL_MAX_LENGTH ),
			'created_at' => $now,
			'created_by' => $creator->label(),
			'expires_at' => $now + $days * DAY_IN_SECONDS,
			'revoked_at' => 0,
		);
		$this->save( self::trim( $records ) );
		return array(
			'token'  => AgentSchema::TOKEN_PREFIX . $public_id . '_' . $secret,
			'record' => self::view( $records[ $public_id ] ),
		);
	}

	/**
	 * Every token record as callers see it (never the hash), newest first.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function all(): array {
		$usage   = (array) get_option( Options::AGENT_TOKEN_USAGE, array() );
		$records = array_values( $this->records() );
		usort( $records, static fn ( $a, $b ) => (int) ( $b['created_at'] ?? 0 ) <=> (int) ( $a['created_at'] ?? 0 ) );
		return array_map(
			static fn ( $record ) => self::view( $record, (int) ( $usage[ $record['public_id'] ?? '' ] ?? 0 ) ),
			$records
		);
	}

	/**
	 * Revokes a token at once (idempotent: a revoked token stays revoked, with its first revocation time).
	 *
	 * @param string $public_id Public id.
	 * @return array<string, mixed>|\WP_Error The record, or token_not_found.
	 */
	public function revoke( string $public_id ) {
		$records = $this->records();
		if ( ! isset( $records[ $public_id ] ) ) {
			return PermissionService::error( 'token_not_found' );
		}
		if ( empty( $records[ $public_id ]['revoked_at'] ) ) {
			$records[ $public_id ]['revoked_at'] = time();
			$this->save( self::trim( $records ) );
		}
		return self::view( $records[ $public_id ] );
	}

	/**
	 * A record's state: active, revoked or expired.
	 *
	 * @param array<string, mixed> $record Record.
	 * @return string
	 */
	private static function status( array $record ): string {
		if ( ! empty( $record['revoked_at'] ) ) {
			return 'revoked';
		}
		return (int) ( $record['expires_at'] ?? 0 ) > time() ? 'active' : 'expired';
	}

	/**
	 * What a caller sees of a record.
	 *
	 * @param array<string, mixed> $record    Record.
	 * @param int                  $last_used Last use (Unix time, 0 for never).
	 * @return array<string, mixed>
	 */
	private static function view( array $record, int $last_used = 0 ): array {
		return array(
			'public_id'    => (string) ( $record['public_id'] ?? '' ),
			'label'        => (string) ( $record['label'] ?? '' ),
			'scopes'       => array_values( (array) ( $record['scopes'] ?? array() ) ),
			'owner'        => (int) ( $record['owner'] ?? 0 ),
			'status'       => self::status( $record ),
			'created_by'   => (string) ( $record['created_by'] ?? '' ),
			'created_at'   => IsoTime::from( $record['created_at'] ?? 0 ),
			'last_used_at' => IsoTime::from( $last_used ),
			'expires_at'   => IsoTime::from( $record['expires_at'] ?? 0 ),
			'revoked_at'   => IsoTime::from( $record['revoked_at'] ?? 0 ),
		);
	}

	/**
	 * A random string from a CSPRNG (random_int; not wp_generate_password(), which a filter can weaken).
	 *
	 * @param int    $length   Length.
	 * @param string $alphabet Characters to draw from.
	 * @return string
	 */
	private static function random( int $length, string $alphabet ): string {
		$out  = '';
		$last = strlen( $alphabet ) - 1;
		for ( $i = 0; $i < $length; $i++ ) {
			$out .= $alphabet[ random_int( 0, $last ) ];
		}
		return $out;
	}

	/**
	 * Keeps at most TOKEN_MAX_RETIRED revoked or expired records (the newest).
	 *
	 * @param array<string, array<string, mixed>> $records Records.
	 * @return array<string, array<string, mixed>>
	 */
	private static function trim( array $records ): array {
		$retired = array_filter( $records, static fn ( $record ) => 'active' !== self::status( $record ) );
		uasort( $retired, static fn ( $a, $b ) => (int) ( $b['created_at'] ?? 0 ) <=> (int) ( $a['created_at'] ?? 0 ) );
		foreach ( array_slice( array_keys( $retired ), AgentSchema::TOKEN_MAX_RETIRED ) as $public_id ) {
			unset( $records[ $public_id ] );
		}
		return $records;
	}
}
