<?php
/**
 * CartBay_Email_Recovery_1: CartBay recovery email 1: initial reminder.
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
 * CartBay recovery email 1: initial reminder.
 *
 * Sent to a shopper whose cart was abandoned: a friendly reminder with a link back to their cart.
 *
 * WooCommerce email id: cartbay_email_recovery_1.
 */
class CartBay_Email_Recovery_1 extends AbstractCartBayRecoveryEmail {

	/**
	 * Sets the email id, step and labels, then lets WooCommerce load its settings.
	 */
	public function __construct() {
		$this->id          = 'cartbay_email_recovery_1';
		$this->step        = 1;
		$this->title       = __( 'CartBay recovery email 1: initial reminder', 'cartbay' );
		$this->description = __( 'Sent to a shopper whose cart was abandoned: a friendly reminder with a link back to their cart.', 'cartbay' );
		parent::__construct();
	}

	/**
	 * Default subject.
	 *
	 * @return string
	 */
	public function get_default_subject() {
		return __( 'You left something in your cart at {site_title}', 'cartbay' );
	}

	/**
	 * Default heading.
	 *
	 * @return string
	 */
	public function get_default_heading() {
		return __( 'Your cart is waiting', 'cartbay' );
	}

	/**
	 * Default additional content shown below the main content.
	 *
	 * @return string
	 */
	public function get_default_additional_content() {
		return __( 'Questions about your order? Just reply to this email.', 'cartbay' );
	}

	/**
	 * Default preheader, body and button text.
	 *
	 * @return array{preheader: string, body: string, button_text: string}
	 */
	public function get_default_copy(): array {
		return array(
			'preheader'   => __( 'Pick up right where you left off.', 'cartbay' ),
			'body'        => __( "Hi there,\n\nYou left a few items in your cart at {site_title}. We saved them for you, so you can finish your order in a click.", 'cartbay' ),
			'button_text' => __( 'Return to my cart', 'cartbay' ),
		);
	}
}
