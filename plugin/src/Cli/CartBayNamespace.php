<?php
/**
 * The `wp cartbay` command namespace.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

defined( 'ABSPATH' ) || exit;

/**
 * Inspects and runs CartBay's abandoned-cart recovery: status, sessions, the abandonment scan, a Test Mode
 * flow, retention pruning and CSV exports.
 *
 * ## EXAMPLES
 *
 *     # Plugin, queue, session and license health.
 *     $ wp cartbay status
 *
 *     # The newest abandoned sessions of the last 7 days.
 *     $ wp cartbay sessions list --status=abandoned --days=7
 */
final class CartBayNamespace extends \WP_CLI\Dispatcher\CommandNamespace {
}
