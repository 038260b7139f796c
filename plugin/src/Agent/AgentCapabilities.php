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
 * (read, write, contact), and the dedicated `cartbay_agent` role WordPress `read` plus agent read: the
 * least-privilege start for an automation user. Added on activation and upgrade (idempotent), removed on
 * uninstall.
 */
final class AgentCapabilities {

	/**
	 * Adds the capabilities to the administrator and shop_manager roles, and the dedicated agent role.
	 */
	public static function grant(): void {
		if ( ! get_role( AgentSchema::ROLE ) instanceof \WP_Role ) {
			$caps = array( 'read' => true );
			foreach ( AgentSchema::ROLE_ACCESS as $access ) {
				$caps[ AgentSchema::ACCESS[ $access ]['capability'] ] = true;
			}
			add_role( AgentSchema::ROLE, AgentSchema::ROLE_NAME, $caps );
		}
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
	 * Removes the agent role and the capabilities from every other role (uninstall). Users who had only the
	 * agent role are left without a role, as WordPress does for any removed role.
	 */
	public static function revoke(): void {
		remove_role( AgentSchema::ROLE );
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( AgentSchema::ACCESS as $access ) {
				if ( $role->has_cap( $access['capability'] ) ) {
					$role->remove_cap( $access['capability'] );
				}
			}
		}
	}
}
