<?php
/**
 * CartBay recovery email 2 (plain text).
 *
 * Copy to yourtheme/woocommerce/emails/plain/recovery-email-2.php to change this step only.
 *
 * @package WPAnchorBay\CartBay
 */

defined( 'ABSPATH' ) || exit;

wc_get_template( 'emails/parts/recovery-content-plain.php', $args, '', CARTBAY_DIR . 'templates/' );
