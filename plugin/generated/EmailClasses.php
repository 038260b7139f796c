<?php
/**
 * EmailClasses: the recovery email class and WooCommerce email id of each step.
 *
 * Data only: `Email\EmailRegistry` registers the classes with WooCommerce and finds a step's email.
 *
 * Generated from plugin/schema/steps.ts by codegen/emitters/emails.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

use WPAnchorBay\CartBay\Generated\Email\CartBay_Email_Recovery_1;
use WPAnchorBay\CartBay\Generated\Email\CartBay_Email_Recovery_2;
use WPAnchorBay\CartBay\Generated\Email\CartBay_Email_Recovery_3;

defined( 'ABSPATH' ) || exit;

/**
 * Recovery email classes and ids by step.
 */
final class EmailClasses {

	/**
	 * Email class names keyed by step number.
	 *
	 * @return array<int, class-string>
	 */
	public static function by_step(): array {
		return array(
			1 => CartBay_Email_Recovery_1::class,
			2 => CartBay_Email_Recovery_2::class,
			3 => CartBay_Email_Recovery_3::class,
		);
	}

	/**
	 * WooCommerce email ids keyed by step number.
	 *
	 * @return array<int, string>
	 */
	public static function ids(): array {
		return array(
			1 => 'cartbay_email_recovery_1',
			2 => 'cartbay_email_recovery_2',
			3 => 'cartbay_email_recovery_3',
		);
	}
}
