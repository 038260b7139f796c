<?php
/**
 * Suppressed emails: private `cartbay_suppressed` posts named by the email's SHA-256.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Recovery;

use WPAnchorBay\CartBay\Generated\PostTypes;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Looks up and registers suppression records without storing a plain email in their identifier.
 */
final class SuppressionList {

	/**
	 * Registers the private post type. Runs on `init`.
	 */
	public static function register_post_type(): void {
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
	 * Whether recovery messaging to this email is suppressed.
	 *
	 * @param string $email Email address.
	 */
	public function is_suppressed( string $email ): bool {
		$ids = get_posts(
			array(
				'post_type'      => PostTypes::SUPPRESSED,
				'name'           => TokenHelper::email_hash( $email ),
				'post_status'    => 'any',
				'fields'         => 'ids',
				'posts_per_page' => 1,
				'no_found_rows'  => true,
			)
		);
		return array() !== $ids;
	}
}
