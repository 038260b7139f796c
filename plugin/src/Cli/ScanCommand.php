<?php
/**
 * `wp cartbay scan`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Recovery\AbandonmentScheduler;

defined( 'ABSPATH' ) || exit;

/**
 * Runs the abandonment scan now.
 */
final class ScanCommand {

	/**
	 * Abandonment detection.
	 *
	 * @var AbandonmentScheduler
	 */
	private $scheduler;

	/**
	 * Constructor (WP-CLI builds the command without arguments: services come from the container).
	 *
	 * @param AbandonmentScheduler|null $scheduler Abandonment detection.
	 */
	public function __construct( ?AbandonmentScheduler $scheduler = null ) {
		$this->scheduler = $scheduler ?? Plugin::instance()->service( AbandonmentScheduler::class );
	}

	/**
	 * Runs the abandonment scan now and says how many sessions became abandoned.
	 *
	 * The same run as the scheduled `cartbay_detect_abandonment` job: captured sessions idle longer than the
	 * abandonment timeout become abandoned, with their recovery emails queued when the sequence is on. One
	 * run works for a limited time; a larger backlog continues in the queue. When another scan is running,
	 * this one does nothing.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp cartbay scan
	 *     Success: 3 sessions became abandoned.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options (none).
	 */
	public function __invoke( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- WP-CLI's command signature.
		$abandoned = $this->scheduler->scan_inactive_sessions();
		/* translators: %d: number of sessions. */
		\WP_CLI::success( sprintf( _n( '%d session became abandoned.', '%d sessions became abandoned.', $abandoned, 'cartbay' ), $abandoned ) );
	}
}
