<?php
/**
 * The sender a recovery email goes out with, attached around other wp_mail() work.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Email;

defined( 'ABSPATH' ) || exit;

/**
 * WC_Email::send() adds its From address and name as `wp_mail_from` / `wp_mail_from_name` callbacks (default
 * priority) for the length of its wp_mail() call. Doing exactly that around other work gives that work the
 * sender recovery emails really use, with an SMTP plugin's later callback still winning as it does there:
 * the delivery test sends with it, and the mail environment reads it.
 */
final class RecoverySender {

	/**
	 * Runs `$work` with a WooCommerce email's sender callbacks attached, and detaches them afterwards, even
	 * when `$work` throws.
	 *
	 * @param \WC_Email|null $email The email whose sender applies; anything else runs `$work` as it is.
	 * @param callable       $work  What to run.
	 * @return mixed What `$work` returns.
	 */
	public static function around( $email, callable $work ) {
		if ( ! $email instanceof \WC_Email ) {
			return $work();
		}
		add_filter( 'wp_mail_from', array( $email, 'get_from_address' ) );
		add_filter( 'wp_mail_from_name', array( $email, 'get_from_name' ) );
		try {
			return $work();
		} finally {
			remove_filter( 'wp_mail_from', array( $email, 'get_from_address' ) );
			remove_filter( 'wp_mail_from_name', array( $email, 'get_from_name' ) );
		}
	}
}
