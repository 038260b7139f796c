<?php
/**
 * The body of a CartBay recovery email (HTML): preheader, body, restore button with a plain-link
 * fallback, coupon line, additional content and unsubscribe link.
 *
 * Override per step by copying recovery-email-{step}.php into yourtheme/woocommerce/emails/.
 *
 * @package WPAnchorBay\CartBay
 *
 * @var \WC_Email $email
 * @var string    $email_heading
 * @var string    $preheader
 * @var string    $body
 * @var string    $button_text
 * @var string    $restore_url
 * @var string    $unsubscribe_url
 * @var string    $coupon_code
 * @var string    $coupon_expiry
 * @var string    $additional_content
 */

defined( 'ABSPATH' ) || exit;

do_action( 'woocommerce_email_header', $email_heading, $email );
?>
<?php if ( '' !== $preheader ) : ?>
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;"><?php echo esc_html( $preheader ); ?></div>
<?php endif; ?>

<?php echo wp_kses_post( wpautop( wptexturize( $body ) ) ); ?>

<?php if ( '' !== $restore_url ) : ?>
<p style="margin:24px 0;">
	<a href="<?php echo esc_url( $restore_url ); ?>" style="display:inline-block;padding:12px 24px;border-radius:4px;background:#7f54b3;color:#ffffff;font-weight:bold;text-decoration:none;"><?php echo esc_html( $button_text ); ?></a>
</p>
<p>
	<?php esc_html_e( 'If the button does not work, copy this link into your browser:', 'cartbay' ); ?><br>
	<a href="<?php echo esc_url( $restore_url ); ?>"><?php echo esc_html( $restore_url ); ?></a>
</p>
<?php endif; ?>

<?php if ( '' !== $coupon_code ) : ?>
<p>
	<?php
	if ( '' !== $coupon_expiry ) {
		printf(
			/* translators: 1: coupon code, 2: expiry date. */
			esc_html__( 'Use the code %1$s at checkout before %2$s.', 'cartbay' ),
			'<strong>' . esc_html( $coupon_code ) . '</strong>',
			esc_html( $coupon_expiry )
		);
	} else {
		printf(
			/* translators: %s: coupon code. */
			esc_html__( 'Use the code %s at checkout.', 'cartbay' ),
			'<strong>' . esc_html( $coupon_code ) . '</strong>'
		);
	}
	?>
</p>
<?php endif; ?>

<?php
if ( $additional_content ) {
	echo wp_kses_post( wpautop( wptexturize( $additional_content ) ) );
}
?>

<?php if ( '' !== $unsubscribe_url ) : ?>
<p style="font-size:12px;color:#777777;">
	<a href="<?php echo esc_url( $unsubscribe_url ); ?>" style="color:#777777;"><?php esc_html_e( 'Stop cart reminders to this address', 'cartbay' ); ?></a>
</p>
<?php endif; ?>
<?php
do_action( 'woocommerce_email_footer', $email );
