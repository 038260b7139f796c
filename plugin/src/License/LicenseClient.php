<?php
/**
 * WPAnchorBay license activation, check and removal.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\LicenseSchema;
use WPAnchorBay\CartBay\Logging\Logger;

defined( 'ABSPATH' ) || exit;

/**
 * Activates a key for this site, checks the stored key again (the daily `cartbay_check_license` job and
 * "Check Current License") and removes it, keeping LicenseState in step with the server's answers.
 *
 * Only admin requests, the daily job and WP-CLI get here; no shopper request ever calls the license server.
 * A server that cannot be reached, is too slow (LicenseSchema::REQUEST_TIMEOUT_SECONDS) or answers nonsense
 * gives `server_error`: capture, emails and restore links never depend on the license.
 */
final class LicenseClient {

	/**
	 * Stored license state.
	 *
	 * @var LicenseState
	 */
	private $state;

	/**
	 * License server.
	 *
	 * @var LicenseServer
	 */
	private $server;

	/**
	 * Release information (its caches are reset when the key changes).
	 *
	 * @var ReleaseInfo
	 */
	private $releases;

	/**
	 * Constructor.
	 *
	 * @param LicenseState  $state    Stored license state.
	 * @param LicenseServer $server   License server.
	 * @param ReleaseInfo   $releases Release information.
	 */
	public function __construct( LicenseState $state, LicenseServer $server, ReleaseInfo $releases ) {
		$this->state    = $state;
		$this->server   = $server;
		$this->releases = $releases;
	}

	/**
	 * Activates a well-formed key for this site. On a development host (DevDomain) the key is stored in Dev
	 * Mode without a request. A key the server accepts, reports expired, or could not be asked about (server
	 * error: retried by the next check) replaces the stored one; a key it rejects changes nothing.
	 *
	 * @param string $key Normalized, well-formed key.
	 * @return array{key: string, status: string, expires_at: string|null, plan: string|null, checked_at: int, domain: string, message: string}|\WP_Error
	 */
	public function activate( string $key ) {
		$domain = DevDomain::site_host();
		if ( DevDomain::bypass( $domain ) ) {
			$state = $this->record( LicenseState::empty_state(), $key, LicenseAnswer::answer( LicenseSchema::STATUS_DEV_MODE, LicenseAnswer::DEV_DOMAIN ), '' );
			$this->releases->forget();
			self::log( 'license.activated', $state['status'], $key );
			return $state;
		}

		$answer = $this->request_activation( $key, $domain );
		if ( in_array( $answer['status'], array( LicenseSchema::STATUS_INVALID, LicenseSchema::STATUS_INACTIVE ), true ) ) {
			self::log( 'license.activation_rejected', $answer['status'], $key );
			$message = LicenseAnswer::message( LicenseAnswer::REJECTED );
			if ( '' !== $answer['server_message'] ) {
				/* translators: 1: why the key was refused, 2: what the license server said. */
				$message = sprintf( __( '%1$s The server said: %2$s', 'cartbay' ), $message, $answer['server_message'] );
			}
			return new \WP_Error(
				'cartbay_license_invalid',
				$message,
				array(
					'status' => 422,
					'key'    => LicenseKey::mask( $key ),
				)
			);
		}

		$state = $this->record( LicenseState::empty_state(), $key, $answer, LicenseSchema::STATUS_ACTIVE === $answer['status'] ? $domain : '' );
		$this->releases->forget();
		self::log( 'license.activated', $state['status'], $key );
		return $state;
	}

	/**
	 * Handler of the daily `cartbay_check_license` job, and "Check Current License" (forced). Checks the
	 * stored key with the server unless a check is cached (LicenseSchema::VALID_CACHE_HOURS) and not forced:
	 * Dev Mode on a development host, GET /check when the server activated the key for this host, otherwise
	 * an activation for this host (after an outage during activation, a move from a development host or to
	 * another domain).
	 *
	 * @param bool $force Check even when a recent check is cached.
	 * @return string The resulting status.
	 */
	public function refresh_status( bool $force = false ): string {
		$state = $this->state->read();
		if ( '' === $state['key'] ) {
			return $state['status'];
		}
		if ( ! $force && '' !== $this->state->cached_status() ) {
			return $state['status'];
		}

		$domain = DevDomain::site_host();
		if ( DevDomain::bypass( $domain ) ) {
			return self::log( 'license.checked', $this->record( $state, $state['key'], LicenseAnswer::answer( LicenseSchema::STATUS_DEV_MODE, LicenseAnswer::DEV_DOMAIN ), $state['domain'] )['status'], $state['key'] );
		}
		if ( '' !== $state['domain'] && $domain === $state['domain'] ) {
			$answer = LicenseAnswer::read(
				$this->server->get(
					LicenseSchema::ROUTE_CHECK,
					array(),
					array(
						'license_key' => $state['key'],
						'slug'        => LicenseSchema::PRODUCT_SLUG,
						'domain'      => $domain,
					),
					$state['key']
				),
				$state['key']
			);
			// An expired key stays activated here (a renewal is seen by the next check); a rejected one does not.
			$keep = ! in_array( $answer['status'], array( LicenseSchema::STATUS_INVALID, LicenseSchema::STATUS_INACTIVE ), true );
			return self::log( 'license.checked', $this->record( $state, $state['key'], $answer, $keep ? $domain : '' )['status'], $state['key'] );
		}

		$answer    = $this->request_activation( $state['key'], $domain );
		$activated = LicenseSchema::STATUS_ACTIVE === $answer['status'];
		$result    = $this->record( $state, $state['key'], $answer, $activated ? $domain : '' )['status'];
		if ( $activated ) {
			$this->releases->forget();
		}
		return self::log( 'license.checked', $result, $state['key'] );
	}

	/**
	 * Logs a license activation or check: the status and the masked key only.
	 *
	 * @param string $event  Log event.
	 * @param string $status Resulting status.
	 * @param string $key    The key (logged masked).
	 * @return string The status.
	 */
	private static function log( string $event, string $status, string $key ): string {
		$context = array(
			'status' => $status,
			'key'    => LicenseKey::mask( $key ),
		);
		if ( LicenseSchema::STATUS_SERVER_ERROR === $status || LicenseSchema::STATUS_INVALID === $status ) {
			Logger::warning( $event, $context );
		} else {
			Logger::info( $event, $context );
		}
		return $status;
	}

	/**
	 * Removes the stored key, the cached status and the update caches. The license server has no
	 * deactivation route, so the activation stays counted there until the key is activated elsewhere or
	 * released from the WPAnchorBay account. Recovery keeps running.
	 */
	public function deactivate(): void {
		$this->state->clear();
		$this->releases->forget();
	}

	/**
	 * POST /activate.
	 *
	 * @param string $key    Key.
	 * @param string $domain Activation domain.
	 * @return array{status: string, message: string, expires_at: string|null, plan: string|null, server_message: string}
	 */
	private function request_activation( string $key, string $domain ): array {
		return LicenseAnswer::read(
			$this->server->post(
				LicenseSchema::ROUTE_ACTIVATE,
				array(
					'license_key' => $key,
					'slug'        => LicenseSchema::PRODUCT_SLUG,
					'domain'      => $domain,
				),
				$key
			),
			$key
		);
	}

	/**
	 * Stores what an answer says about a key. A server error keeps the term end and plan already known.
	 *
	 * @param array<string, mixed> $state  State before (LicenseState::read()).
	 * @param string               $key    Key.
	 * @param array<string, mixed> $answer Answer (LicenseAnswer::read()).
	 * @param string               $domain Domain the server activated the key for ('' for none).
	 * @return array{key: string, status: string, expires_at: string|null, plan: string|null, checked_at: int, domain: string, message: string}
	 */
	private function record( array $state, string $key, array $answer, string $domain ): array {
		$keep_details = LicenseSchema::STATUS_SERVER_ERROR === $answer['status'] || LicenseSchema::STATUS_DEV_MODE === $answer['status'];

		$state['key']        = $key;
		$state['status']     = $answer['status'];
		$state['expires_at'] = $keep_details ? $state['expires_at'] : $answer['expires_at'];
		$state['plan']       = $keep_details ? $state['plan'] : $answer['plan'];
		$state['checked_at'] = time();
		$state['domain']     = $domain;
		$state['message']    = $answer['message'];
		$this->state->save( $state );
		return $state;
	}
}
