<?php
/**
 * Shared behaviour of the three recovery emails.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Email;

use WPAnchorBay\CartBay\Generated\Placeholders;
use WPAnchorBay\CartBay\Notifications\MailOutcome;

defined( 'ABSPATH' ) || exit;

/**
 * A WooCommerce email for one recovery step: editable subject, heading, preheader, body and button text;
 * placeholders; restore and unsubscribe links; one-click unsubscribe headers.
 *
 * The per-step classes are generated from recoverySteps in plugin/schema/steps.ts.
 */
abstract class AbstractCartBayRecoveryEmail extends \WC_Email {

	/**
	 * 1-based step number.
	 *
	 * @var int
	 */
	public $step = 0;

	/**
	 * Send context: email, restore_url, unsubscribe_url, coupon_code, coupon_expiry, notification_id.
	 *
	 * @var array<string, string>
	 */
	protected $context = array();

	/**
	 * Default preheader, body and button text of the step.
	 *
	 * @return array{preheader: string, body: string, button_text: string}
	 */
	abstract public function get_default_copy(): array;

	/**
	 * Sets templates and placeholders, then lets WooCommerce load the saved settings.
	 */
	public function __construct() {
		$this->customer_email = true;
		$this->template_base  = CARTBAY_DIR . 'templates/';
		$this->template_html  = 'emails/recovery-email-' . $this->step . '.php';
		$this->template_plain = 'emails/plain/recovery-email-' . $this->step . '.php';

		// WooCommerce fills {site_title}; the other placeholders are filled per send.
		$blogname           = $this->get_blogname();
		$this->placeholders = array_merge(
			array_fill_keys( array_diff( Placeholders::all(), array( Placeholders::SITE_TITLE ) ), '' ),
			array(
				Placeholders::SITE_NAME  => $blogname,
				Placeholders::STORE_NAME => $blogname,
			)
		);

		parent::__construct();
	}

	/**
	 * WooCommerce's fields plus preheader, body and button text, before the additional content.
	 */
	public function init_form_fields() {
		parent::init_form_fields();
		$copy        = $this->get_default_copy();
		$placeholder = sprintf(
			/* translators: %s: list of placeholders. */
			__( 'Available placeholders: %s', 'cartbay' ),
			'<code>' . esc_html( implode( '</code>, <code>', Placeholders::all() ) ) . '</code>'
		);
		$fields            = array(
			'preheader'   => array(
				'title'       => __( 'Preheader', 'cartbay' ),
				'type'        => 'text',
				'desc_tip'    => true,
				'description' => __( 'Preview text inbox apps show beside the subject.', 'cartbay' ) . ' ' . $placeholder,
				'placeholder' => $copy['preheader'],
				'default'     => '',
			),
			'body'        => array(
				'title'       => __( 'Body', 'cartbay' ),
				'type'        => 'textarea',
				'css'         => 'width:400px; height: 100px;',
				'description' => $placeholder,
				'placeholder' => $copy['body'],
				'default'     => '',
			),
			'button_text' => array(
				'title'       => __( 'Button text', 'cartbay' ),
				'type'        => 'text',
				'desc_tip'    => true,
				'description' => __( 'Label of the restore-cart button.', 'cartbay' ),
				'placeholder' => $copy['button_text'],
				'default'     => '',
			),
		);
		$position          = array_search( 'additional_content', array_keys( $this->form_fields ), true );
		$position          = false === $position ? count( $this->form_fields ) : $position;
		$this->form_fields = array_merge(
			array_slice( $this->form_fields, 0, $position, true ),
			$fields,
			array_slice( $this->form_fields, $position, null, true )
		);
	}

	/**
	 * A copy field with placeholders resolved, or its default.
	 *
	 * @param string $key Field: preheader, body or button_text.
	 * @return string
	 */
	public function get_copy( string $key ): string {
		$value = (string) $this->get_option( $key, '' );
		if ( '' === trim( $value ) ) {
			$value = $this->get_default_copy()[ $key ] ?? '';
		}
		return $this->format_string( $value );
	}

	/**
	 * Sends the step to one shopper.
	 *
	 * @param array<string, string> $context Values: email, restore_url, unsubscribe_url, coupon_code,
	 *                                       coupon_expiry, notification_id.
	 * @param bool                  $preview Send even when the email is turned off in WooCommerce (test previews).
	 * @return bool Whether WordPress accepted the message.
	 */
	public function trigger( array $context, bool $preview = false ): bool {
		$this->setup_locale();
		$this->context   = $context;
		$this->recipient = $context['email'] ?? '';

		$this->placeholders[ Placeholders::CUSTOMER_EMAIL ]  = $this->recipient;
		$this->placeholders[ Placeholders::RESTORE_URL ]     = $context['restore_url'] ?? '';
		$this->placeholders[ Placeholders::UNSUBSCRIBE_URL ] = $context['unsubscribe_url'] ?? '';
		$this->placeholders[ Placeholders::COUPON_CODE ]     = $context['coupon_code'] ?? '';
		$this->placeholders[ Placeholders::COUPON_EXPIRY ]   = $context['coupon_expiry'] ?? '';

		$sent = false;
		if ( ( $preview || $this->is_enabled() ) && $this->get_recipient() ) {
			$sent = (bool) $this->send( $this->get_recipient(), $this->get_subject(), $this->get_content(), $this->get_headers(), $this->get_attachments() );
		}
		$this->restore_locale();
		return $sent;
	}

	/**
	 * WooCommerce's headers plus one-click unsubscribe (RFC 8058) and the notification id.
	 *
	 * @return string
	 */
	public function get_headers() {
		$headers     = parent::get_headers();
		$unsubscribe = $this->context['unsubscribe_url'] ?? '';
		if ( '' !== $unsubscribe ) {
			$headers .= 'List-Unsubscribe: <' . esc_url_raw( $unsubscribe ) . ">\r\n";
			$headers .= "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
		}
		$notification = $this->context['notification_id'] ?? '';
		if ( '' !== $notification ) {
			// Lets the mail hooks (and provider webhooks) find the notification this message belongs to.
			$headers .= MailOutcome::HEADER . ': ' . sanitize_key( $notification ) . "\r\n";
		}
		return $headers;
	}

	/**
	 * Template arguments shared by the HTML and plain templates.
	 *
	 * @param bool $plain_text Whether the plain template renders.
	 * @return array<string, mixed>
	 */
	protected function template_args( bool $plain_text ): array {
		return array(
			'email'              => $this,
			'email_heading'      => $this->get_heading(),
			'preheader'          => $this->get_copy( 'preheader' ),
			'body'               => $this->get_copy( 'body' ),
			'button_text'        => $this->get_copy( 'button_text' ),
			'restore_url'        => $this->context['restore_url'] ?? '',
			'unsubscribe_url'    => $this->context['unsubscribe_url'] ?? '',
			'coupon_code'        => $this->context['coupon_code'] ?? '',
			'coupon_expiry'      => $this->context['coupon_expiry'] ?? '',
			'additional_content' => $this->get_additional_content(),
			'sent_to_admin'      => false,
			'plain_text'         => $plain_text,
		);
	}

	/**
	 * HTML body.
	 *
	 * @return string
	 */
	public function get_content_html() {
		return wc_get_template_html( $this->template_html, $this->template_args( false ), '', $this->template_base );
	}

	/**
	 * Plain-text body.
	 *
	 * @return string
	 */
	public function get_content_plain() {
		return wc_get_template_html( $this->template_plain, $this->template_args( true ), '', $this->template_base );
	}
}
