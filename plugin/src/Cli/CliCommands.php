<?php
/**
 * Registers the `wp cartbay` commands with WP-CLI.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Core\HookSubscriber;

defined( 'ABSPATH' ) || exit;

/**
 * Adds `wp cartbay status|sessions|scan|test-flow|prune|export` on WP-CLI's `cli_init`. Outside WP-CLI it
 * subscribes to nothing, so web requests never see these classes. Each command class is built by WP-CLI only
 * when its command runs, and takes its services from the container then.
 */
final class CliCommands implements HookSubscriber {

	/**
	 * The command name every CartBay command lives under.
	 */
	public const ROOT = 'cartbay';

	/**
	 * Commands under ROOT: name => class (one class per command group).
	 *
	 * @var array<string, class-string>
	 */
	private const COMMANDS = array(
		'status'    => StatusCommand::class,
		'sessions'  => SessionsCommand::class,
		'scan'      => ScanCommand::class,
		'test-flow' => TestFlowCommand::class,
		'prune'     => PruneCommand::class,
		'export'    => ExportCommand::class,
	);

	/**
	 * `cli_init` on WP-CLI runs only; nothing on any other request.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return defined( 'WP_CLI' ) && WP_CLI ? array( 'cli_init' => array( 10, 0 ) ) : array();
	}

	/**
	 * Action `cli_init`: the `cartbay` namespace and its commands.
	 */
	public static function handle_cli_init(): void {
		if ( ! class_exists( '\WP_CLI' ) ) {
			return;
		}
		\WP_CLI::add_command( self::ROOT, CartBayNamespace::class );
		foreach ( self::COMMANDS as $name => $class_name ) {
			\WP_CLI::add_command( self::ROOT . ' ' . $name, $class_name );
		}
	}
}
