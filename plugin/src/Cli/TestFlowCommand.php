<?php
/**
 * `wp cartbay test-flow`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use WPAnchorBay\CartBay\Api\TestController;
use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Generated\RestRoutes;

defined( 'ABSPATH' ) || exit;

/**
 * Starts the Test Mode flow, as the admin's "Trigger test" button does.
 */
final class TestFlowCommand {

	/**
	 * The test routes' handlers.
	 *
	 * @var TestController
	 */
	private $tests;

	/**
	 * Constructor (WP-CLI builds the command without arguments: services come from the container).
	 *
	 * @param TestController|null $tests The test routes' handlers.
	 */
	public function __construct( ?TestController $tests = null ) {
		$this->tests = $tests ?? Plugin::instance()->service( TestController::class );
	}

	/**
	 * Makes a test abandoned session and schedules its first recovery email (Test Mode only).
	 *
	 * Exactly what `POST /wp-json/cartbay/v1/test/trigger` does: a dummy abandoned session (empty cart,
	 * marked as a test) whose email 1 is due in about 30 seconds, sent by the queue through the real job,
	 * send guards and notification tracking. Refused unless Test Mode is on in CartBay's settings.
	 *
	 * ## OPTIONS
	 *
	 * [--email=<email>]
	 * : Where the test emails go. Default: the email of --user, else the site's administration email.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp cartbay test-flow --email=me@example.com
	 *     Success: Test session 7QmZ… is abandoned; recovery email 1 (notification …) is scheduled for 2026-01-31T10:00:30+00:00.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- WP-CLI's command signature.
		$email = isset( $assoc_args['email'] ) ? trim( (string) $assoc_args['email'] ) : '';
		if ( '' === $email ) {
			$email = (string) wp_get_current_user()->user_email;
		}
		if ( '' === $email ) {
			$email = (string) get_option( 'admin_email' );
		}
		if ( ! is_email( $email ) ) {
			\WP_CLI::error( __( '--email must be a valid email address.', 'cartbay' ) );
		}
		$request = new \WP_REST_Request( 'POST', '/' . RestRoutes::NAMESPACE . '/test/trigger' );
		$request->set_param( 'email', $email );
		$result = $this->tests->trigger( $request );
		if ( is_wp_error( $result ) ) {
			\WP_CLI::error( $result->get_error_message() );
		}
		$data = $result->get_data();
		\WP_CLI::success(
			sprintf(
				/* translators: 1: session id, 2: notification id, 3: ISO 8601 time. */
				__( 'Test session %1$s is abandoned; recovery email 1 (notification %2$s) is scheduled for %3$s.', 'cartbay' ),
				$data['session_id'],
				$data['notification_id'],
				$data['scheduled_at']
			)
		);
		\WP_CLI::log( __( 'The queue sends it once it is due (WP-Cron, or: wp action-scheduler run --group=cartbay).', 'cartbay' ) );
	}
}
