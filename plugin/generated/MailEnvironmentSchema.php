<?php
/**
 * MailEnvironmentSchema: known mail delivery and email logger plugins, mail hooks and delivery keywords.
 *
 * Generated from plugin/schema/mail-environment.ts by codegen/emitters/mail-environment.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * What the Email Delivery Test detection looks for (the defaults of cartbay_mail_delivery_plugins and cartbay_email_logger_plugins).
 */
final class MailEnvironmentSchema {

	/**
	 * Confidence levels of a finding, strongest first.
	 */
	public const CONFIDENCE = array(
		'high',
		'medium',
		'low',
	);

	/**
	 * Known mail delivery plugins: plugin folder (or single-file basename) => name shown.
	 */
	public const DELIVERY_PLUGINS = array(
		'wp-mail-smtp'                       => 'WP Mail SMTP',
		'wp-mail-smtp-pro'                   => 'WP Mail SMTP Pro',
		'fluent-smtp'                        => 'FluentSMTP',
		'post-smtp'                          => 'Post SMTP',
		'easy-wp-smtp'                       => 'Easy WP SMTP',
		'wp-smtp'                            => 'WP SMTP',
		'smtp-mailer'                        => 'SMTP Mailer',
		'gosmtp'                             => 'GoSMTP',
		'mailin'                             => 'Brevo',
		'mailgun'                            => 'Mailgun',
		'sendgrid-email-delivery-simplified' => 'SendGrid',
		'postmark-approved-wordpress-plugin' => 'Postmark',
		'wp-ses'                             => 'WP Offload SES Lite',
		'wp-offload-ses'                     => 'WP Offload SES',
		'suremails'                          => 'SureMail',
	);

	/**
	 * Known email logger plugins: plugin folder (or single-file basename) => name shown.
	 */
	public const LOGGER_PLUGINS = array(
		'wp-mail-logging' => 'WP Mail Logging',
		'email-log'       => 'Email Log',
		'check-email'     => 'Check & Log Email',
		'wp-mail-catcher' => 'WP Mail Catcher',
	);

	/**
	 * Hooks whose outside callbacks are medium-confidence delivery integrations.
	 */
	public const DELIVERY_HOOKS = array(
		'phpmailer_init',
		'pre_wp_mail',
	);

	/**
	 * Filter whose outside callbacks named with a delivery keyword are low-confidence findings.
	 */
	public const KEYWORD_HOOK = 'wp_mail';

	/**
	 * Delivery keywords, matched against a lower-cased callback name.
	 */
	public const DELIVERY_KEYWORDS = array(
		'smtp',
		'sendgrid',
		'mailgun',
		'postmark',
		'sparkpost',
		'sendinblue',
		'brevo',
		'mandrill',
		'mailjet',
		'mailersend',
		'amazon_ses',
		'amazonses',
		'aws_ses',
		'transactional',
	);
}
