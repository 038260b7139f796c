<?php
/**
 * The body of a CartBay recovery email (plain text).
 *
 * @package WPAnchorBay\CartBay
 *
 * @var string $email_heading
 * @var string $body
 * @var string $button_text
 * @var string $restore_url
 * @var string $unsubscribe_url
 * @var string $coupon_code
 * @var string $coupon_expiry
 * @var string $additional_content
 */

defined( 'ABSPATH' ) || exit;

echo "=================================================\n";
echo esc_html( wp_strip_all_tags( $email_heading ) ) . "\n";
echo "=================================================\n\n";

echo esc_html( wp_strip_all_tags( wptexturize( $body ) ) ) . "\n\n";

if ( '' !== $restore_url ) {
	echo esc_html( $button_text ) . ":\n" . esc_url_raw( $restore_url ) . "\n\n";
}

if ( '' !== $coupon_code ) {
	if ( '' !== $coupon_expiry ) {
		/* translators: 1: coupon code, 2: expiry date. */
		echo esc_html( sprintf( __( 'Use the code %1$s at checkout before %2$s.', 'cartbay' ), $coupon_code, $coupon_expiry ) ) . "\n\n";
	} else {
		/* translators: %s: coupon code. */
		echo esc_html( sprintf( __( 'Use the code %s at checkout.', 'cartbay' ), $coupon_code ) ) . "\n\n";
	}
}

if ( $additional_content ) {
	echo esc_html( wp_strip_all_tags( wptexturize( $additional_content ) ) ) . "\n\n";
}

if ( '' !== $unsubscribe_url ) {
	echo esc_html__( 'Stop cart reminders to this address:', 'cartbay' ) . ' ' . esc_url_raw( $unsubscribe_url ) . "\n\n";
}

echo "----------------------------------------\n\n";
echo wp_kses_post( apply_filters( 'woocommerce_email_footer_text', get_option( 'woocommerce_email_footer_text' ) ) );
