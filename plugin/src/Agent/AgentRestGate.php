<?php
/**
 * Permission callback of every agent REST route.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Security\RateLimiter;

defined( 'ABSPATH' ) || exit;

/**
 * Resolves the caller of an agent route and asks PermissionService. A request with an
 * `Authorization: Bearer …` header is a token call (a wrong token fails: there is no fallback to the
 * signed-in user); any other request is the signed-in WordPress user. Bearer checks are rate limited per
 * IP before the token is looked up, and only failures count. Denials are audited here; allowed calls are
 * audited by AgentController with their result.
 */
final class AgentRestGate {

	/**
	 * Decisions.
	 *
	 * @var PermissionService
	 */
	private $permissions;

	/**
	 * Tokens.
	 *
	 * @var AgentTokens
	 */
	private $tokens;

	/**
	 * Audit log.
	 *
	 * @var AgentAudit
	 */
	private $audit;

	/**
	 * Rate limiter.
	 *
	 * @var RateLimiter
	 */
	private $limiter;

	/**
	 * Decisions already made, per request object and operation (WordPress may call a permission callback
	 * more than once for one request).
	 *
	 * @var \WeakMap<\WP_REST_Request, array<string, Principal|\WP_Error>>
	 */
	private $decided;

	/**
	 * Constructor.
	 *
	 * @param PermissionService $permissions Decisions.
	 * @param AgentTokens       $tokens      Tokens.
	 * @param AgentAudit        $audit       Audit log.
	 * @param RateLimiter       $limiter     Rate limiter.
	 */
	public function __construct( PermissionService $permissions, AgentTokens $tokens, AgentAudit $audit, RateLimiter $limiter ) {
		$this->permissions = $permissions;
		$this->tokens      = $tokens;
		$this->audit       = $audit;
		$this->limiter     = $limiter;
		$this->decided     = new \WeakMap();
	}

	/**
	 * The permission callback.
	 *
	 * @param \WP_REST_Request $request   Request.
	 * @param string           $operation AgentSchema::OPERATIONS key.
	 * @return true|\WP_Error
	 */
	public function authorize( \WP_REST_Request $request, string $operation ) {
		// WordPress builds the Allow header by asking the permission callbacks of the route's other methods
		// (after dispatch): answered without auditing or counting anything, from the principal already found.
		if ( doing_filter( 'rest_post_dispatch' ) ) {
			$known = $this->principal_of( $request );
			if ( ! $known instanceof Principal ) {
				return PermissionService::error( 'unauthenticated' );
			}
			$silent = $this->permissions->decide( 'rest', static fn () => $known, $operation, self::action( $request ) );
			return $silent instanceof Principal ? true : $silent;
		}
		$decided = $this->decided[ $request ] ?? array();
		if ( ! isset( $decided[ $operation ] ) ) {
			$decided[ $operation ]     = $this->decide( $request, $operation );
			$this->decided[ $request ] = $decided;
		}
		return $decided[ $operation ] instanceof Principal ? true : $decided[ $operation ];
	}

	/**
	 * The principal an allowed request was authorized as (null before authorization or after a denial).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return Principal|null
	 */
	public function principal_of( \WP_REST_Request $request ): ?Principal {
		foreach ( $this->decided[ $request ] ?? array() as $decision ) {
			if ( $decision instanceof Principal ) {
				return $decision;
			}
		}
		return null;
	}

	/**
	 * Decides and audits a denial. A refusal nobody signed for (no user, or a Bearer token that did not
	 * verify) is counted in the per-IP `agent_auth` bucket first: over the limit it is answered 429 and not
	 * written, so anonymous requests cannot flush the audit log's real entries.
	 *
	 * @param \WP_REST_Request $request   Request.
	 * @param string           $operation Operation.
	 * @return Principal|\WP_Error
	 */
	private function decide( \WP_REST_Request $request, string $operation ) {
		$action   = self::action( $request );
		$counted  = false;
		$decision = $this->permissions->decide(
			'rest',
			function () use ( $request, &$counted ) {
				$counted = null !== self::bearer( $request );
				return $this->resolve( $request );
			},
			$operation,
			$action
		);
		if ( ! $decision instanceof \WP_Error ) {
			return $decision;
		}
		$user = null === self::bearer( $request ) ? get_current_user_id() : 0;
		if ( 0 === $user ) {
			if ( 429 === (int) ( ( (array) $decision->get_error_data() )['status'] ?? 0 ) ) {
				return $decision; // Over the limit: answered, not written.
			}
			if ( ! $counted ) {
				$slot = $this->limiter->reserve( AgentSchema::AUTH_RATE_LIMIT_BUCKET );
				if ( true !== $slot ) {
					return $slot;
				}
			}
		}
		$this->audit->record( AuditEntry::of_denial( $user, 'rest', $operation, $action, self::session_id( $request ), $decision ) );
		return $decision;
	}

	/**
	 * The session id of the route's path ('' for routes without one). Read from the URL alone: a body or
	 * query `id` cannot point the audit (or the action) at another session.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return string
	 */
	public static function session_id( \WP_REST_Request $request ): string {
		$id = $request->get_url_params()['id'] ?? '';
		return is_string( $id ) ? $id : '';
	}

	/**
	 * The caller: the Bearer token's principal, or the signed-in user.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return Principal|\WP_Error
	 */
	private function resolve( \WP_REST_Request $request ) {
		$bearer = self::bearer( $request );
		if ( null === $bearer ) {
			$user = get_current_user_id();
			return $user > 0 ? Principal::user( $user ) : PermissionService::error( 'unauthenticated' );
		}
		// Counted before the lookup; given back when the token is good.
		$slot = $this->limiter->reserve( AgentSchema::AUTH_RATE_LIMIT_BUCKET );
		if ( true !== $slot ) {
			return $slot;
		}
		$principal = $this->tokens->authenticate( $bearer );
		if ( $principal instanceof Principal ) {
			$this->limiter->release( AgentSchema::AUTH_RATE_LIMIT_BUCKET );
		}
		return $principal;
	}

	/**
	 * The Bearer credential of a request (null when it sends none).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return string|null
	 */
	private static function bearer( \WP_REST_Request $request ): ?string {
		$header = (string) $request->get_header( 'authorization' );
		if ( 1 !== preg_match( '/^\s*Bearer\s+(\S+)\s*$/i', $header, $match ) ) {
			return null;
		}
		return $match[1];
	}

	/**
	 * The session action a request asks for ('' for other operations).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return string
	 */
	private static function action( \WP_REST_Request $request ): string {
		$action = $request->get_param( 'action' );
		return is_string( $action ) ? $action : '';
	}
}
