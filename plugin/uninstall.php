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

// The agent capabilities go from every role whatever the data setting says: they mean nothing without CartBay.
\WPAnchorBay\CartBay\Agent\AgentCapabilities::revoke();
\WPAnchorBay\CartBay\Core\Uninstaller::run();
