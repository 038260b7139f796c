<?php
/**
 * Classic checkout: the email a browser was captured with fills its empty billing email field again.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Core\HookSubscriber;

defined( 'ABSPATH' ) || exit;

/**
 * Classic checkout keeps no typed email between page loads, so a shopper who went back to the shop
 * would have to type it again (and until they did, nothing they change at checkout would be captured).
 * The browser that owns a capture gets back the email it last sent: what the shopper typed, kept in their
 * own WooCommerce session (also after a capture that stored nothing, so the page never tells a stored email
 * from a refused one). Never over a value WooCommerce has (posted, or the customer's billing email), never
 * for a signed-in customer (their own address is theirs), and after the restore link's own prefill.
 */
final class CheckoutEmailPrefill implements HookSubscriber {

	/**
	 * The hooks this class handles (statically: nothing is built). After RestoreService's prefill
	 * (priority 10), which fills the restored session's email first.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'woocommerce_checkout_get_value' => array( 20, 2 ),
		);
	}

	/**
	 * `woocommerce_checkout_get_value`: the captured email for an empty billing email field.
	 *
	 * @param mixed  $value Value so far (null: WooCommerce decides).
	 * @param string $input Field name.
	 * @return mixed
	 */
	public static function handle_woocommerce_checkout_get_value( $value, $input ) {
		if ( null !== $value || 'billing_email' !== $input || is_user_logged_in() ) {
			return $value;
		}
		$email = BrowserSession::captured_email();
		if ( '' === $email ) {
			return $value;
		}
		$customer = WC()->customer;
		if ( $customer instanceof \WC_Customer && '' !== (string) $customer->get_billing_email() ) {
			// WooCommerce has an address for this shopper: it shows that one.
			return $value;
		}
		return $email;
	}
}
