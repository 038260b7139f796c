<?php
/**
 * REST handler of the Email Delivery Test's mail environment.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Api;

use WPAnchorBay\CartBay\Email\EmailRegistry;
use WPAnchorBay\CartBay\Notifications\MailEnvironment;

defined( 'ABSPATH' ) || exit;

/**
 * `GET cartbay/v1/mail-environment` (manage_woocommerce).
 */
final class DeliveryTestController {

	/**
	 * Detection.
	 *
	 * @var MailEnvironment
	 */
	private $environment;

	/**
	 * Constructor.
	 *
	 * @param MailEnvironment $environment Detection.
	 */
	public function __construct( MailEnvironment $environment ) {
		$this->environment = $environment;
	}

	/**
	 * GET /mail-environment: the detected delivery service and loggers, the From email and name of a recovery
	 * email (recovery email 1: every step shares WooCommerce's sender settings), and the test email's default
	 * recipient, the current user.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function get_environment( \WP_REST_Request $request ) {
		unset( $request );
		$status              = $this->environment->status( EmailRegistry::for_step( 1 ) );
		$status['recipient'] = (string) wp_get_current_user()->user_email;
		return rest_ensure_response( $status );
	}
}
