<?php
/**
 * `wp cartbay prune`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Data\SessionRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Runs session retention now.
 */
final class PruneCommand {

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Constructor (WP-CLI builds the command without arguments: services come from the container).
	 *
	 * @param SessionRepository|null $sessions Sessions.
	 */
	public function __construct( ?SessionRepository $sessions = null ) {
		$this->sessions = $sessions ?? Plugin::instance()->service( SessionRepository::class );
	}

	/**
	 * Deletes sessions older than the retention period now, batch after batch, and says how many.
	 *
	 * The same work as the daily `cartbay_prune_sessions` job (their pending jobs are canceled; what they
	 * counted stays in the analytics). Runs until a batch deletes nothing, or --batches runs.
	 *
	 * ## OPTIONS
	 *
	 * [--batches=<number>]
	 * : Stop after this many batches.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp cartbay prune
	 *     Success: Deleted 12 expired sessions.
	 *
	 *     # At most two batches.
	 *     $ wp cartbay prune --batches=2
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- WP-CLI's command signature.
		$batches = CommandOptions::positive_int( $assoc_args, 'batches', PHP_INT_MAX );
		$deleted = 0;
		for ( $run = 0; $run < $batches; $run++ ) {
			$batch    = $this->sessions->prune_expired();
			$deleted += $batch;
			if ( $batch <= 0 ) {
				break;
			}
		}
		/* translators: %d: number of sessions. */
		\WP_CLI::success( sprintf( _n( 'Deleted %d expired session.', 'Deleted %d expired sessions.', $deleted, 'cartbay' ), $deleted ) );
	}
}
