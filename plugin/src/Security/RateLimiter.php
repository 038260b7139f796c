<?php
/**
 * Fixed-window rate limiting of public endpoints, per endpoint and IP, counting refused requests only.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Security;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * One counter per endpoint and IP, named `cartbay_rl_{endpoint}_{md5(REMOTE_ADDR)}`, refusing with 429 and
 * `Retry-After` once the window holds `cartbay_rate_limit` refusals (default 10 per 600 s). Only
 * REMOTE_ADDR is trusted: forwarded headers are set by the client.
 *
 * What is counted is failures, not traffic: a request first reserves a slot (atomically, so parallel
 * requests cannot all slip under the limit), does its work, and gives the slot back when it succeeded.
 * Many shoppers behind one proxy, CDN or mailbox provider address therefore never lock each other out;
 * guessing tokens or sending bogus captures fills the window.
 *
 * Storage: without a persistent object cache the counter is a pair of non-autoloaded transient rows
 * (`_transient_{key}` holds the count, `_transient_timeout_{key}` the end of the window) changed only by
 * single-statement SQL (INSERT IGNORE, a conditional `option_value + 1` under the limit,
 * compare-and-swap), never read-then-write; expired pairs are removed by WordPress's own daily `delete_expired_transients`. With a
 * persistent object cache it is `wp_cache_add()` + `wp_cache_incr()` in the `transient` group, which
 * expire by themselves. Either way `delete_transient( key )` clears a bucket.
 *
 * Exact within a window; at the turn of a window a request racing the reset may go uncounted.
 */
final class RateLimiter implements HookSubscriber {

	/**
	 * Key of a REST handler array naming its rate-limit bucket (emitted by codegen/emitters/rest-routes.ts),
	 * so refusals of the route are counted even when WordPress refuses the arguments before the
	 * permission callback runs.
	 */
	public const ROUTE_BUCKET = RestRoutes::RATE_LIMIT_KEY;

	/**
	 * Object cache group of the counters: the transients group, so `delete_transient()` clears them too.
	 */
	private const CACHE_GROUP = 'transient';

	/**
	 * Permission-callback decisions already made in this request, by endpoint. WordPress calls permission
	 * callbacks again to build the `Allow` header; one request must reserve once.
	 *
	 * @var array<string, true|\WP_Error>
	 */
	private $decided = array();

	/**
	 * Slots this request holds, by endpoint (given back when the request succeeds).
	 *
	 * @var array<string, int>
	 */
	private $held = array();

	/**
	 * The hooks this service handles: rate-limited routes keep a slot counted only when they refuse the
	 * request (4xx other than 429).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'rest_request_after_callbacks' => array( 10, 3 ),
		);
	}

	/**
	 * Permission callback of rate-limited routes: reserves one slot for this request (once per request).
	 * The slot is given back after the route answered with anything but a 4xx
	 * (see handle_rest_request_after_callbacks()).
	 *
	 * @param string $endpoint Bucket name, e.g. `capture`.
	 * @return true|\WP_Error
	 */
	public function check( string $endpoint ) {
		if ( ! isset( $this->decided[ $endpoint ] ) ) {
			$this->decided[ $endpoint ] = $this->reserve( $endpoint );
		}
		return $this->decided[ $endpoint ];
	}

	/**
	 * Reserves a slot before work that may fail: refused (429) without writing anything when the window is
	 * full, otherwise counted at once. Call release() when the work succeeded.
	 *
	 * @param string $endpoint Bucket name.
	 * @return true|\WP_Error
	 */
	public function reserve( string $endpoint ) {
		$bucket = $this->bucket( $endpoint );
		$now    = time();
		if ( wp_using_ext_object_cache() ) {
			$verdict = $this->reserve_cached( $bucket, $now );
		} else {
			$verdict = $this->reserve_stored( $bucket, $now );
		}
		if ( true !== $verdict ) {
			return $this->refuse( $verdict );
		}
		$this->held[ $endpoint ] = ( $this->held[ $endpoint ] ?? 0 ) + 1;
		return true;
	}

	/**
	 * Gives back a slot this request reserved: the work succeeded, so it does not count.
	 *
	 * @param string $endpoint Bucket name.
	 */
	public function release( string $endpoint ): void {
		if ( empty( $this->held[ $endpoint ] ) ) {
			return;
		}
		--$this->held[ $endpoint ];
		$bucket = $this->bucket( $endpoint );
		if ( wp_using_ext_object_cache() ) {
			wp_cache_decr( $bucket['key'], 1, self::CACHE_GROUP );
			return;
		}
		$this->add_stored( $bucket['key'], -1 );
	}

	/**
	 * Counts a refusal that reserved nothing first (it did no work worth protecting, e.g. WordPress refused
	 * the arguments).
	 *
	 * @param string $endpoint Bucket name.
	 */
	public function record_failure( string $endpoint ): void {
		$bucket = $this->bucket( $endpoint );
		$now    = time();
		if ( wp_using_ext_object_cache() ) {
			$this->open_cached( $bucket, $now );
			if ( false === wp_cache_incr( $bucket['key'], 1, self::CACHE_GROUP ) ) {
				$this->open_cached( $bucket, $now );
				wp_cache_incr( $bucket['key'], 1, self::CACHE_GROUP );
			}
			return;
		}
		$state = $this->stored_state( $bucket['key'] );
		if ( ! $this->is_live( $state, $now ) ) {
			$this->open_stored( $bucket['key'], $state, $now + $bucket['window'] );
		}
		if ( ! $this->add_stored( $bucket['key'], 1 ) ) {
			$this->open_stored( $bucket['key'], $this->stored_state( $bucket['key'] ), $now + $bucket['window'] );
			$this->add_stored( $bucket['key'], 1 );
		}
	}

	/**
	 * Whether `rest_request_after_callbacks` concerns a rate-limited route (the limiter is built only then:
	 * most REST requests, internal preloads included, are not CartBay's).
	 *
	 * @param mixed       $response Result of the route.
	 * @param array|mixed $handler  Route handler the request matched.
	 * @return bool
	 */
	public static function should_handle_rest_request_after_callbacks( $response, $handler = null ): bool {
		unset( $response );
		return is_array( $handler ) && isset( $handler[ self::ROUTE_BUCKET ] );
	}

	/**
	 * `rest_request_after_callbacks`: settles the slot of a rate-limited route. A 4xx answer other than 429
	 * (bad arguments, unknown session, empty cart, …) keeps its slot counted; anything else gives it back.
	 * A refusal that came before the permission callback (argument validation) is counted here.
	 *
	 * @param mixed            $response Result of the route (WP_REST_Response, WP_Error, …).
	 * @param array|mixed      $handler  Route handler the request matched.
	 * @param \WP_REST_Request $request  Request.
	 * @return mixed The response, unchanged.
	 */
	public function handle_rest_request_after_callbacks( $response, $handler, $request ) { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- the hook's signature.
		$endpoint = is_array( $handler ) && isset( $handler[ self::ROUTE_BUCKET ] ) && is_string( $handler[ self::ROUTE_BUCKET ] ) ? $handler[ self::ROUTE_BUCKET ] : '';
		if ( '' === $endpoint ) {
			return $response;
		}
		$status  = self::status_of( $response );
		$refused = $status >= 400 && $status < 500 && 429 !== $status;
		if ( ! empty( $this->held[ $endpoint ] ) ) {
			if ( ! $refused ) {
				$this->release( $endpoint );
			}
		} elseif ( $refused && ! isset( $this->decided[ $endpoint ] ) ) {
			$this->record_failure( $endpoint );
		}
		// Settled: the permission callback WordPress calls again for the Allow header must not reserve.
		if ( ! isset( $this->decided[ $endpoint ] ) ) {
			$this->decided[ $endpoint ] = true;
		}
		return $response;
	}

	/**
	 * HTTP status a REST callback result will be sent with.
	 *
	 * @param mixed $response Result.
	 * @return int
	 */
	private static function status_of( $response ): int {
		if ( is_wp_error( $response ) ) {
			$data = $response->get_error_data();
			return is_array( $data ) && isset( $data['status'] ) ? (int) $data['status'] : 500;
		}
		if ( $response instanceof \WP_HTTP_Response ) {
			return (int) $response->get_status();
		}
		return 200;
	}

	/**
	 * Limit, window and counter name of a bucket for this request's address.
	 *
	 * @param string $endpoint Bucket name.
	 * @return array{limit: int, window: int, key: string}
	 */
	private function bucket( string $endpoint ): array {
		/**
		 * Refused requests allowed per window for a public CartBay endpoint.
		 *
		 * @param int    $limit    Refusals per window.
		 * @param string $endpoint Endpoint bucket.
		 */
		$limit = (int) apply_filters( Hooks::RATE_LIMIT, CaptureSchema::RATE_LIMIT_REQUESTS, $endpoint );
		/**
		 * Length of a rate-limit window in seconds.
		 *
		 * @param int    $window   Seconds.
		 * @param string $endpoint Endpoint bucket.
		 */
		$window = max( 1, (int) apply_filters( Hooks::RATE_LIMIT_WINDOW, CaptureSchema::RATE_LIMIT_WINDOW, $endpoint ) );
		$ip     = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		return array(
			'limit'  => $limit,
			'window' => $window,
			'key'    => Transients::RATE_LIMIT_PREFIX . sanitize_key( $endpoint ) . '_' . md5( $ip ),
		);
	}

	/**
	 * Object-cache reservation.
	 *
	 * @param array{limit: int, window: int, key: string} $bucket Bucket.
	 * @param int                                         $now    Current time.
	 * @return true|int True, or the seconds until the window ends.
	 */
	private function reserve_cached( array $bucket, int $now ) {
		$count = wp_cache_get( $bucket['key'], self::CACHE_GROUP );
		if ( is_numeric( $count ) && (int) $count >= $bucket['limit'] ) {
			return $this->cached_retry_after( $bucket, $now );
		}
		$this->open_cached( $bucket, $now );
		$count = wp_cache_incr( $bucket['key'], 1, self::CACHE_GROUP );
		if ( false === $count ) {
			// Evicted between the add and the increment.
			$this->open_cached( $bucket, $now );
			$count = wp_cache_incr( $bucket['key'], 1, self::CACHE_GROUP );
		}
		if ( false !== $count && (int) $count > $bucket['limit'] ) {
			wp_cache_decr( $bucket['key'], 1, self::CACHE_GROUP );
			return $this->cached_retry_after( $bucket, $now );
		}
		return true;
	}

	/**
	 * Starts a cached window unless one is running (wp_cache_add() is atomic in persistent caches).
	 *
	 * @param array{limit: int, window: int, key: string} $bucket Bucket.
	 * @param int                                         $now    Current time.
	 */
	private function open_cached( array $bucket, int $now ): void {
		if ( wp_cache_add( $bucket['key'], 0, self::CACHE_GROUP, $bucket['window'] ) ) {
			wp_cache_set( $bucket['key'] . '_reset', $now + $bucket['window'], self::CACHE_GROUP, $bucket['window'] );
		}
	}

	/**
	 * Seconds until a cached window ends.
	 *
	 * @param array{limit: int, window: int, key: string} $bucket Bucket.
	 * @param int                                         $now    Current time.
	 * @return int
	 */
	private function cached_retry_after( array $bucket, int $now ): int {
		$reset_at = wp_cache_get( $bucket['key'] . '_reset', self::CACHE_GROUP );
		return is_numeric( $reset_at ) ? (int) $reset_at - $now : $bucket['window'];
	}

	/**
	 * Options-table reservation: a full live window refuses after one read; otherwise one conditional
	 * UPDATE raises the count only while it is under the limit, so parallel requests can never take more
	 * slots than the limit allows.
	 *
	 * @param array{limit: int, window: int, key: string} $bucket Bucket.
	 * @param int                                         $now    Current time.
	 * @return true|int True, or the seconds until the window ends.
	 */
	private function reserve_stored( array $bucket, int $now ) {
		$state = $this->stored_state( $bucket['key'] );
		for ( $attempt = 0; $attempt < 2; $attempt++ ) {
			if ( ! $this->is_live( $state, $now ) ) {
				$this->open_stored( $bucket['key'], $state, $now + $bucket['window'] );
			} elseif ( (int) $state['count'] >= $bucket['limit'] ) {
				return (int) $state['reset_at'] - $now;
			}
			if ( $this->claim_stored( $bucket['key'], $bucket['limit'] ) ) {
				return true;
			}
			// Not claimed: the window filled up meanwhile, or its rows were just removed. Look again.
			$state = $this->stored_state( $bucket['key'] );
		}
		return null !== $state['reset_at'] && $state['reset_at'] > $now ? $state['reset_at'] - $now : $bucket['window'];
	}

	/**
	 * Whether a stored window is running and its count is readable.
	 *
	 * @param array{count: string|null, reset_at: int|null} $state Stored state.
	 * @param int                                           $now   Current time.
	 * @return bool
	 */
	private function is_live( array $state, int $now ): bool {
		return null !== $state['reset_at'] && $state['reset_at'] > $now && null !== $state['count'] && ctype_digit( $state['count'] );
	}

	/**
	 * Option names of a stored counter: the count and the end of its window (WordPress's transient rows).
	 *
	 * @param string $key Counter name.
	 * @return array{0: string, 1: string}
	 */
	private static function rows( string $key ): array {
		return array( '_transient_' . $key, '_transient_timeout_' . $key );
	}

	/**
	 * Both rows of a stored counter, read in one query.
	 *
	 * @param string $key Counter name.
	 * @return array{count: string|null, reset_at: int|null}
	 */
	private function stored_state( string $key ): array {
		global $wpdb;
		list( $count_row, $timeout_row ) = self::rows( $key );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the counter is changed by atomic SQL, so it is read uncached.
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name IN (%s, %s)", $count_row, $timeout_row ), ARRAY_A );
		$state = array(
			'count'    => null,
			'reset_at' => null,
		);
		foreach ( (array) $rows as $row ) {
			if ( $row['option_name'] === $count_row ) {
				$state['count'] = (string) $row['option_value'];
			} elseif ( $row['option_name'] === $timeout_row ) {
				$state['reset_at'] = (int) $row['option_value'];
			}
		}
		return $state;
	}

	/**
	 * Starts a new stored window. A missing pair is created with INSERT IGNORE (parallel requests create
	 * it once and never reset each other); an expired one is taken over by compare-and-swap on its end
	 * time, and only the request that won resets the count.
	 *
	 * @param string                                        $key      Counter name.
	 * @param array{count: string|null, reset_at: int|null} $state    State as read.
	 * @param int                                           $reset_at End of the new window.
	 */
	private function open_stored( string $key, array $state, int $reset_at ): void {
		global $wpdb;
		list( $count_row, $timeout_row ) = self::rows( $key );
		if ( null === $state['reset_at'] ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- atomic create; add_option() would overwrite a parallel request's row.
			$won = (int) $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $timeout_row, (string) $reset_at ) );
		} else {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- compare-and-swap on the expired end time: one request wins.
			$won = (int) $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) $reset_at, $timeout_row, (string) $state['reset_at'] ) );
		}
		if ( null === $state['count'] ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- atomic create of the count row.
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, '0', 'off')", $count_row ) );
		} elseif ( 1 === $won ) {
			// The previous window's count (or an unreadable value) starts again from zero.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- reset by the request that took the window over.
			$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = '0' WHERE option_name = %s", $count_row ) );
		}
	}

	/**
	 * Takes one slot in one statement: the count is raised only while it is under the limit.
	 *
	 * @param string $key   Counter name.
	 * @param int    $limit Slots per window.
	 * @return bool Whether a slot was taken.
	 */
	private function claim_stored( string $key, int $limit ): bool {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic conditional increment: no read-then-write race.
		return 1 === (int) $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = CAST(option_value AS SIGNED) + 1 WHERE option_name = %s AND CAST(option_value AS SIGNED) < %d", self::rows( $key )[0], $limit ) );
	}

	/**
	 * Raises (or lowers, never below zero) a stored count in one statement.
	 *
	 * @param string $key   Counter name.
	 * @param int    $delta Change: 1 or -1.
	 * @return bool Whether the count row exists (for a raise: whether it was raised).
	 */
	private function add_stored( string $key, int $delta ): bool {
		global $wpdb;
		$count_row = self::rows( $key )[0];
		if ( $delta > 0 ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic increment: no read-then-write race.
			return 1 === (int) $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = CAST(option_value AS SIGNED) + 1 WHERE option_name = %s", $count_row ) );
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic decrement, floored at zero.
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = CAST(option_value AS SIGNED) - 1 WHERE option_name = %s AND CAST(option_value AS SIGNED) > 0", $count_row ) );
		return true;
	}

	/**
	 * A 429 error, and a one-shot filter that adds Retry-After to a REST response.
	 *
	 * @param int $retry_after Seconds until the window resets.
	 * @return \WP_Error
	 */
	private function refuse( int $retry_after ): \WP_Error {
		$retry_after = max( 1, $retry_after );
		add_filter(
			'rest_post_dispatch',
			static function ( $response ) use ( $retry_after ) {
				if ( $response instanceof \WP_REST_Response && 429 === $response->get_status() ) {
					$response->header( 'Retry-After', (string) $retry_after );
				}
				return $response;
			}
		);
		return new \WP_Error(
			'cartbay_rate_limited',
			__( 'Too many requests. Please try again later.', 'cartbay' ),
			array(
				'status'      => 429,
				'retry_after' => $retry_after,
			)
		);
	}
}
