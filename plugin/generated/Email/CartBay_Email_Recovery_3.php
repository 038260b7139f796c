<?php
/**
 * CartBay_Email_Recovery_3: CartBay recovery email 3: final reminder.
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
 * CartBay recovery email 3: final reminder.
 *
 * The last recovery email for an abandoned cart, with the recovery coupon when the step includes one.
 *
 * WooCommerce email id: cartbay_email_recovery_3.
 */
class CartBay_Email_Recovery_3 extends AbstractCartBayRecoveryEmail {

	/**
	 * Sets the email id, step and labels, then lets WooCommerce load its settings.
	 */
	public function __construct() {
		$this->id          = 'cartbay_email_recovery_3';
		$this->step        = 3;
		$this->title       = __( 'CartBay recovery email 3: final reminder', 'cartbay' );
		$this->description = __( 'The last recovery email for an abandoned cart, with the recovery coupon when the step includes one.', 'cartbay' );
		parent::__construct();
	}

	/**
	 * Default subject.
	 *
	 * @return string
	 */
	public function get_default_subject() {
		return __( 'Last chance to complete your order at {site_title}', 'cartbay' );
	}

	/**
	 * Default heading.
	 *
	 * @return string
	 */
	public function get_default_heading() {
		return __( 'A last reminder about your cart', 'cartbay' );
	}

	/**
	 * Default additional content shown below the main content.
	 *
	 * @return string
	 */
	public function get_default_additional_content() {
		return __( 'We hope to see you again soon.', 'cartbay' );
	}

	/**
	 * Default preheader, body and button text.
	 *
	 * @return array{preheader: string, body: string, button_text: string}
	 */
	public function get_default_copy(): array {
		return array(
			'preheader'   => __( 'Your saved cart will not wait forever.', 'cartbay' ),
			'body'        => __( "Hello,\n\nThis is our last reminder about the cart you left at {site_title}. Your items are saved, but we cannot hold them forever.", 'cartbay' ),
			'button_text' => __( 'Restore my cart', 'cartbay' ),
		);
	}
}
