<?php
/**
 * Suppressed emails: private `cartbay_suppressed` posts named by the email's SHA-256.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Suppression;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\PostTypes;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Looks up and registers suppression records without storing a plain email in their identifier.
 *
 * Its own namespace: capture, the sequence, unsubscribe and attribution all ask it, and it asks none of them.
 */
final class SuppressionList implements HookSubscriber {

	/**
	 * The hooks this service handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'init' => array( 10, 1 ),
		);
	}

	/**
	 * `init`: registers the private post type (statically: nothing is built).
	 */
	public static function handle_init(): void {
		register_post_type(
			PostTypes::SUPPRESSED,
			array(
				'label'           => __( 'CartBay suppressions', 'cartbay' ),
				'public'          => false,
				'show_ui'         => false,
				'show_in_rest'    => false,
				'rewrite'         => false,
				'query_var'       => false,
				'supports'        => array( 'title' ),
				'capability_type' => 'post',
			)
		);
	}

	/**
	 * Suppresses recovery messaging to an email: one private post whose slug and title are the email's hash.
	 * Idempotent: an email already suppressed gets no second record.
	 *
	 * @param string $email Email address.
	 */
	public function suppress( string $email ): void {
		if ( '' === trim( $email ) ) {
			return;
		}
		$this->suppress_hash( TokenHelper::email_hash( $email ) );
	}

	/**
	 * Suppresses an email known only by its hash (an unsubscribe link names no plain address). Idempotent.
	 *
	 * @param string $hash SHA-256 (hex) of the normalized email.
	 */
	public function suppress_hash( string $hash ): void {
		if ( 1 !== preg_match( '/^[0-9a-f]{64}$/', $hash ) || $this->is_hash_suppressed( $hash ) ) {
			return;
		}
		wp_insert_post(
			array(
				'post_type'   => PostTypes::SUPPRESSED,
				'post_status' => 'publish',
				'post_title'  => $hash,
				'post_name'   => $hash,
			)
		);
	}

	/**
	 * Whether recovery messaging to this email is suppressed.
	 *
	 * @param string $email Email address.
	 * @return bool
	 */
	public function is_suppressed( string $email ): bool {
		return $this->is_hash_suppressed( TokenHelper::email_hash( $email ) );
	}

	/**
	 * Whether recovery messaging to the email with this hash is suppressed.
	 *
	 * @param string $hash SHA-256 (hex) of the normalized email.
	 * @return bool
	 */
	public function is_hash_suppressed( string $hash ): bool {
		$ids = get_posts(
			array(
				'post_type'      => PostTypes::SUPPRESSED,
				'name'           => $hash,
				'post_status'    => 'any',
				'fields'         => 'ids',
				'posts_per_page' => 1,
				'no_found_rows'  => true,
			)
		);
		return array() !== $ids;
	}
}
