<?php
/**
 * Runs when CartBay is deleted from Plugins: removes everything CartBay stored, but only when the store owner
 * switched "Delete Data on Uninstall" on (otherwise nothing is touched).
 *
 * @package WPAnchorBay\CartBay
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// The plugin is inactive here: its main file gives the constants and the autoloader (its hooks never fire now).
require_once __DIR__ . '/cartbay.php';

// Agent access goes whatever the data setting says: the capabilities and role mean nothing without CartBay,
// and Bearer tokens must not come back to life with a reinstall.
\WPAnchorBay\CartBay\Agent\AgentCapabilities::revoke();
delete_option( \WPAnchorBay\CartBay\Generated\Options::AGENT_TOKENS );
delete_option( \WPAnchorBay\CartBay\Generated\Options::AGENT_TOKEN_USAGE );
\WPAnchorBay\CartBay\Core\Uninstaller::run();
