<?php
/**
 * The license state this site keeps: the `cartbay_license_data` option and the `cartbay_license_valid` cache.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Generated\LicenseSchema;
use WPAnchorBay\CartBay\Generated\Options;
use WPAnchorBay\CartBay\Generated\Transients;

defined( 'ABSPATH' ) || exit;

/**
 * The full key lives only in the non-autoloaded option `cartbay_license_data`, with its status, term end, plan,
 * the time of the last check, the domain the server confirmed an activation for ('' until it did) and the
 * message code of the last answer. `cartbay_license_valid` caches the last status for 12 hours. Everything
 * shown to anyone goes through describe(), which masks the key.
 */
final class LicenseState {

	/**
	 * The stored state, normalized (a missing or damaged option reads as no license).
	 *
	 * @return array{key: string, status: string, expires_at: string|null, plan: string|null, checked_at: int, domain: string, message: string}
	 */
	public function read(): array {
		$data  = get_option( Options::LICENSE_DATA, array() );
		$data  = is_array( $data ) ? $data : array();
		$key   = isset( $data['key'] ) && is_string( $data['key'] ) && LicenseKey::is_well_formed( $data['key'] ) ? $data['key'] : '';
		$state = self::empty_state();
		if ( '' === $key ) {
			return $state;
		}
		$status = isset( $data['status'] ) && is_string( $data['status'] ) ? $data['status'] : '';

		$state['key']        = $key;
		$state['status']     = isset( LicenseSchema::status_labels()[ $status ] ) ? $status : LicenseSchema::STATUS_INACTIVE;
		$state['expires_at'] = isset( $data['expires_at'] ) && is_string( $data['expires_at'] ) ? $data['expires_at'] : null;
		$state['plan']       = isset( $data['plan'] ) && is_string( $data['plan'] ) ? $data['plan'] : null;
		$state['checked_at'] = isset( $data['checked_at'] ) ? absint( $data['checked_at'] ) : 0;
		$state['domain']     = isset( $data['domain'] ) && is_string( $data['domain'] ) ? $data['domain'] : '';
		$state['message']    = isset( $data['message'] ) && is_string( $data['message'] ) ? $data['message'] : '';
		return $state;
	}

	/**
	 * Stores a state (never autoloaded) and caches its status.
	 *
	 * @param array{key: string, status: string, expires_at: string|null, plan: string|null, checked_at: int, domain: string, message: string} $state State.
	 */
	public function save( array $state ): void {
		update_option( Options::LICENSE_DATA, $state, false );
		set_transient( Transients::LICENSE_VALID, $state['status'], LicenseSchema::VALID_CACHE_HOURS * HOUR_IN_SECONDS );
	}

	/**
	 * Removes the stored key and the cached status.
	 */
	public function clear(): void {
		delete_option( Options::LICENSE_DATA );
		delete_transient( Transients::LICENSE_VALID );
	}

	/**
	 * The status cached by the last check, '' once it is older than LicenseSchema::VALID_CACHE_HOURS.
	 *
	 * @return string
	 */
	public function cached_status(): string {
		$status = get_transient( Transients::LICENSE_VALID );
		return is_string( $status ) ? $status : '';
	}

	/**
	 * What the REST routes answer: the status and its label, the masked key, term end, plan, last check and
	 * message. Never the full key.
	 *
	 * @param array{key: string, status: string, expires_at: string|null, plan: string|null, checked_at: int, domain: string, message: string} $state State.
	 * @return array{status: string, label: string, key: string|null, expires_at: string|null, plan: string|null, checked_at: string|null, message: string|null}
	 */
	public static function describe( array $state ): array {
		$labels  = LicenseSchema::status_labels();
		$message = LicenseAnswer::message( $state['message'] );
		return array(
			'status'     => $state['status'],
			'label'      => $labels[ $state['status'] ] ?? $labels[ LicenseSchema::STATUS_INACTIVE ],
			'key'        => '' === $state['key'] ? null : LicenseKey::mask( $state['key'] ),
			'expires_at' => $state['expires_at'],
			'plan'       => $state['plan'],
			'checked_at' => $state['checked_at'] > 0 ? gmdate( 'Y-m-d\TH:i:s\Z', $state['checked_at'] ) : null,
			'message'    => '' === $message ? null : $message,
		);
	}

	/**
	 * No license.
	 *
	 * @return array{key: string, status: string, expires_at: string|null, plan: string|null, checked_at: int, domain: string, message: string}
	 */
	public static function empty_state(): array {
		return array(
			'key'        => '',
			'status'     => LicenseSchema::STATUS_INACTIVE,
			'expires_at' => null,
			'plan'       => null,
			'checked_at' => 0,
			'domain'     => '',
			'message'    => '',
		);
	}
}
