<?php
/**
 * CartBay recovery email 3 (HTML).
 *
 * Copy to yourtheme/woocommerce/emails/recovery-email-3.php to change this step only.
 *
 * @package WPAnchorBay\CartBay
 *
 * @var array $args Template arguments (see AbstractCartBayRecoveryEmail::template_args()).
 */

defined( 'ABSPATH' ) || exit;

wc_get_template( 'emails/parts/recovery-content.php', $args, '', CARTBAY_DIR . 'templates/' );
