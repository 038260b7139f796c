<?php
/**
 * Who makes an agent call: a WordPress user, or a CartBay Bearer token acting for its owner.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;

defined( 'ABSPATH' ) || exit;

/**
 * A resolved principal. A token never has more access than its scopes, and never more than its owner:
 * both are checked on every call, so demoting or deleting the owner disarms the owner's tokens at once.
 */
final class Principal {

	/**
	 * The WordPress user (the token's owner for a token).
	 *
	 * @var int
	 */
	private $user_id;

	/**
	 * Public id of the token, '' for a user.
	 *
	 * @var string
	 */
	private $token_id;

	/**
	 * Token scopes (null for a user).
	 *
	 * @var string[]|null
	 */
	private $scopes;

	/**
	 * Use user() or token().
	 *
	 * @param int           $user_id  User id.
	 * @param string        $token_id Token public id.
	 * @param string[]|null $scopes   Token scopes.
	 */
	private function __construct( int $user_id, string $token_id, ?array $scopes ) {
		$this->user_id  = $user_id;
		$this->token_id = $token_id;
		$this->scopes   = $scopes;
	}

	/**
	 * A signed-in WordPress user (cookie + nonce, Application Password, WP-CLI).
	 *
	 * @param int $user_id User id.
	 * @return self
	 */
	public static function user( int $user_id ): self {
		return new self( $user_id, '', null );
	}

	/**
	 * A verified CartBay Bearer token.
	 *
	 * @param string   $public_id Public id.
	 * @param int      $owner     Owner user id.
	 * @param string[] $scopes    Scopes.
	 * @return self
	 */
	public static function token( string $public_id, int $owner, array $scopes ): self {
		return new self( $owner, $public_id, array_values( $scopes ) );
	}

	/**
	 * The user id (the owner's for a token).
	 *
	 * @return int
	 */
	public function user_id(): int {
		return $this->user_id;
	}

	/**
	 * Whether this is a token.
	 *
	 * @return bool
	 */
	public function is_token(): bool {
		return '' !== $this->token_id;
	}

	/**
	 * The token's public id ('' for a user).
	 *
	 * @return string
	 */
	public function token_id(): string {
		return $this->token_id;
	}

	/**
	 * How the audit log names it: `user:ID` or `token:PUBLIC_ID` (never a secret, never an email).
	 *
	 * @return string
	 */
	public function label(): string {
		return $this->is_token() ? 'token:' . $this->token_id : 'user:' . $this->user_id;
	}

	/**
	 * Why this principal lacks an access kind: '' when it has it, else the AgentSchema::ERRORS key
	 * (`scope_missing` for a token without the scope, `forbidden` for a user, or a token whose owner, lacks
	 * the capability).
	 *
	 * @param string $access Access kind (AgentSchema::ACCESS key).
	 * @return string
	 */
	public function lacks( string $access ): string {
		$capability = AgentSchema::ACCESS[ $access ]['capability'] ?? '';
		if ( '' === $capability ) {
			return 'forbidden';
		}
		if ( null !== $this->scopes && ! in_array( $access, $this->scopes, true ) ) {
			return 'scope_missing';
		}
		return $this->user_id > 0 && user_can( $this->user_id, $capability ) ? '' : 'forbidden';
	}

	/**
	 * Every access kind this principal has, in schema order.
	 *
	 * @return string[]
	 */
	public function granted(): array {
		return array_values( array_filter( array_keys( AgentSchema::ACCESS ), fn ( $access ) => '' === $this->lacks( $access ) ) );
	}
}
