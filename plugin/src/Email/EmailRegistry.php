<?php
/**
 * The recovery emails inside WooCommerce: registration and lookup by step.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Email;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\EmailClasses;

defined( 'ABSPATH' ) || exit;

/**
 * Adds one instance of each step's generated email class to WooCommerce's emails (so each is editable in
 * WooCommerce > Settings > Emails) and finds the instance WooCommerce's mailer holds for a step.
 *
 * The step → class data is generated (`EmailClasses`, from plugin/schema/steps.ts); WooCommerce keys its
 * emails by class name, and CartBay's are keyed by their short class name.
 */
final class EmailRegistry implements HookSubscriber {

	/**
	 * The hooks this service handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_email_classes' => array( 10, 1 ),
		);
	}

	/**
	 * Adds one instance of each recovery email to WooCommerce's emails, keeping any already there.
	 *
	 * @param array $emails Email instances keyed by class name.
	 * @return array
	 */
	public static function handle_woocommerce_email_classes( $emails ) {
		if ( ! is_array( $emails ) ) {
			return $emails;
		}
		foreach ( EmailClasses::by_step() as $class_name ) {
			$key = self::email_key( $class_name );
			if ( ! isset( $emails[ $key ] ) ) {
				$emails[ $key ] = new $class_name();
			}
		}
		return $emails;
	}

	/**
	 * The registered instance of a step's email, from WooCommerce's mailer.
	 *
	 * @param int $step Step number.
	 * @return \WC_Email|null Null for a step without an email, or when the email is not registered.
	 */
	public static function for_step( int $step ) {
		$classes = EmailClasses::by_step();
		if ( ! isset( $classes[ $step ] ) ) {
			return null;
		}
		return WC()->mailer()->get_emails()[ self::email_key( $classes[ $step ] ) ] ?? null;
	}

	/**
	 * The key WooCommerce's emails use for one of CartBay's: its short class name.
	 *
	 * @param string $class_name Fully qualified class name.
	 * @return string
	 */
	private static function email_key( string $class_name ): string {
		return substr( $class_name, strrpos( $class_name, '\\' ) + 1 );
	}
}
