<?php
/**
 * The agent capabilities on WordPress roles.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Agent;

use WPAnchorBay\CartBay\Generated\AgentSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Administrators get every `cartbay_agent_*` capability, shop managers the ones the schema grants them
 * (read, write, contact). Added on activation and upgrade (idempotent), removed from every role on uninstall.
 * A store can grant them to a dedicated least-privilege user with any role editor.
 */
final class AgentCapabilities {

	/**
	 * Adds the capabilities to the administrator and shop_manager roles.
	 */
	public static function grant(): void {
		$administrator = get_role( 'administrator' );
		$shop_manager  = get_role( 'shop_manager' );
		foreach ( AgentSchema::ACCESS as $access ) {
			if ( $administrator instanceof \WP_Role ) {
				$administrator->add_cap( $access['capability'] );
			}
			if ( $shop_manager instanceof \WP_Role && $access['shop_manager'] ) {
				$shop_manager->add_cap( $access['capability'] );
			}
		}
	}

	/**
	 * Removes the capabilities from every role (uninstall).
	 */
	public static function revoke(): void {
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( AgentSchema::ACCESS as $access ) {
				if ( $role->has_cap( $access['capability'] ) ) {
					$role->remove_cap( $access['capability'] );
				}
			}
		}
	}
}
