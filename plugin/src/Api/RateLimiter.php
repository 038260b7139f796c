<?php
/**
 * Fixed-window rate limiting of public endpoints, per endpoint and IP.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * Counts requests in a transient `cartbay_rl_{endpoint}_{md5(REMOTE_ADDR)}` and refuses over the limit with
 * 429 and `Retry-After`. Only REMOTE_ADDR is trusted: forwarded headers are set by the client.
 */
final class RateLimiter {

	/**
	 * Decisions already made in this request, by endpoint. WordPress calls permission callbacks again to
	 * build the `Allow` header; one request must count once.
	 *
	 * @var array<string, true|\WP_Error>
	 */
	private $decided = array();

	/**
	 * Counts one request and decides whether it may proceed.
	 *
	 * @param string $endpoint Bucket name, e.g. `capture`.
	 * @return true|\WP_Error
	 */
	public function check( string $endpoint ) {
		if ( ! isset( $this->decided[ $endpoint ] ) ) {
			$this->decided[ $endpoint ] = $this->count( $endpoint );
		}
		return $this->decided[ $endpoint ];
	}

	/**
	 * Counts the request against its window.
	 *
	 * @param string $endpoint Bucket name.
	 * @return true|\WP_Error
	 */
	private function count( string $endpoint ) {
		/**
		 * Requests allowed per window for a public CartBay endpoint.
		 *
		 * @param int    $limit    Requests per window.
		 * @param string $endpoint Endpoint bucket.
		 */
		$limit = (int) apply_filters( 'cartbay_rate_limit', CaptureSchema::RATE_LIMIT_REQUESTS, $endpoint );
		/**
		 * Length of a rate-limit window in seconds.
		 *
		 * @param int    $window   Seconds.
		 * @param string $endpoint Endpoint bucket.
		 */
		$window = max( 1, (int) apply_filters( 'cartbay_rate_limit_window', CaptureSchema::RATE_LIMIT_WINDOW, $endpoint ) );

		$ip    = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$key   = Transients::RATE_LIMIT_PREFIX . sanitize_key( $endpoint ) . '_' . md5( $ip );
		$now   = time();
		$state = get_transient( $key );
		$fresh = ! is_array( $state ) || ! isset( $state['count'], $state['reset_at'] ) || (int) $state['reset_at'] <= $now;
		if ( $fresh ) {
			$state = array(
				'count'    => 0,
				'reset_at' => $now + $window,
			);
		}

		if ( (int) $state['count'] >= $limit ) {
			return $this->refuse( (int) $state['reset_at'] - $now );
		}
		++$state['count'];
		// The expiry is the window's end, set when the window opens. Later hits in the window pass no expiry,
		// so the database transient keeps its timeout row and only the count is written (an object cache
		// needs the expiry on every write).
		$keep_expiry = ! $fresh && ! wp_using_ext_object_cache();
		set_transient( $key, $state, $keep_expiry ? 0 : max( 1, (int) $state['reset_at'] - $now ) );
		return true;
	}

	/**
	 * A 429 error, and a one-shot filter that adds Retry-After to its response.
	 *
	 * @param int $retry_after Seconds until the window resets.
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
