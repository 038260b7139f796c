<?php
/**
 * CartBay_Email_Recovery_2: CartBay recovery email 2: value follow-up.
 *
 * Generated from plugin/schema/steps.ts by codegen/emitters/emails.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated\Email;

use WPAnchorBay\CartBay\Email\AbstractCartBayRecoveryEmail;

defined( 'ABSPATH' ) || exit;

/**
 * CartBay recovery email 2: value follow-up.
 *
 * Follows up on an abandoned cart a day later, reinforcing why the shopper chose it.
 *
 * WooCommerce email id: cartbay_email_recovery_2.
 */
class CartBay_Email_Recovery_2 extends AbstractCartBayRecoveryEmail {

	/**
	 * Sets the email id, step and labels, then lets WooCommerce load its settings.
	 */
	public function __construct() {
		$this->id          = 'cartbay_email_recovery_2';
		$this->step        = 2;
		$this->title       = __( 'CartBay recovery email 2: value follow-up', 'cartbay' );
		$this->description = __( 'Follows up on an abandoned cart a day later, reinforcing why the shopper chose it.', 'cartbay' );
		parent::__construct();
	}

	/**
	 * Default subject.
	 *
	 * @return string
	 */
	public function get_default_subject() {
		return __( 'Still thinking it over?', 'cartbay' );
	}

	/**
	 * Default heading.
	 *
	 * @return string
	 */
	public function get_default_heading() {
		return __( 'Your items are still here', 'cartbay' );
	}

	/**
	 * Default additional content shown below the main content.
	 *
	 * @return string
	 */
	public function get_default_additional_content() {
		return __( 'Thanks for shopping with {site_title}.', 'cartbay' );
	}

	/**
	 * Default preheader, body and button text.
	 *
	 * @return array{preheader: string, body: string, button_text: string}
	 */
	public function get_default_copy(): array {
		return array(
			'preheader'   => __( 'Your cart at {site_title} is saved and ready.', 'cartbay' ),
			'body'        => __( "Hi again,\n\nYour cart at {site_title} is still saved. If anything held you back (shipping, sizing, payment), reply to this email and we will help.", 'cartbay' ),
			'button_text' => __( 'Complete my order', 'cartbay' ),
		);
	}
}
