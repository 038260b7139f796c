<?php
/**
 * EmailClasses: the recovery email step classes and their WooCommerce registration.
 *
 * Generated from plugin/schema/emails.ts by codegen/emitters/emails.ts. Do not edit:
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
 * Recovery email classes by step.
 */
final class EmailClasses {

	/**
	 * Hooks the emails into WooCommerce.
	 */
	public static function register(): void {
		add_filter( 'woocommerce_email_classes', array( self::class, 'handle_woocommerce_email_classes' ) );
	}

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

	/**
	 * Adds one instance of each recovery email to WooCommerce's emails.
	 *
	 * @param array $emails Email instances keyed by class name.
	 * @return array
	 */
	public static function handle_woocommerce_email_classes( $emails ) {
		if ( ! is_array( $emails ) ) {
			return $emails;
		}
		foreach ( self::by_step() as $class ) {
			$key = self::email_key( $class );
			if ( ! isset( $emails[ $key ] ) ) {
				$emails[ $key ] = new $class();
			}
		}
		return $emails;
	}

	/**
	 * The registered instance of a step's email, from WooCommerce's mailer.
	 *
	 * @param int $step Step number.
	 * @return \WC_Email|null
	 */
	public static function for_step( int $step ) {
		$classes = self::by_step();
		if ( ! isset( $classes[ $step ] ) ) {
			return null;
		}
		return WC()->mailer()->get_emails()[ self::email_key( $classes[ $step ] ) ] ?? null;
	}

	/**
	 * WooCommerce keys emails by short class name.
	 *
	 * @param string $class_name Fully qualified class name.
	 */
	private static function email_key( string $class_name ): string {
		return substr( $class_name, strrpos( $class_name, '\\' ) + 1 );
	}
}
