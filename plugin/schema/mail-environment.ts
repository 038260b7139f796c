/**
 * The Email Delivery Test's mail environment detection (spec "Email Delivery Test", "Mail Environment
 * Warnings"): which active plugins are known mail delivery services or email loggers, which mail hooks show
 * an unknown delivery integration, and how sure each finding is. The filters that extend the lists are in
 * hooks.ts (`cartbay_mail_delivery_plugins`, `cartbay_email_logger_plugins`, `cartbay_mail_environment_status`).
 */
import type { PhpValueClassDef } from './types';

/** How sure a finding is, strongest first (spec "Delivery Service Detection"). */
export const mailConfidence = [ 'high', 'medium', 'low' ] as const;

export type MailConfidence = ( typeof mailConfidence )[ number ];

/**
 * Known plugins, by plugin folder (or a single-file plugin's basename) → the name shown. An active plugin
 * whose folder or basename is a key is a finding of high confidence. The filters receive and return these
 * arrays, so an integration adds its own entry without code in CartBay.
 */
export const mailEnvironment = {
	deliveryPlugins: {
		'wp-mail-smtp': 'WP Mail SMTP',
		'wp-mail-smtp-pro': 'WP Mail SMTP Pro',
		'fluent-smtp': 'FluentSMTP',
		'post-smtp': 'Post SMTP',
		'easy-wp-smtp': 'Easy WP SMTP',
		'wp-smtp': 'WP SMTP',
		'smtp-mailer': 'SMTP Mailer',
		gosmtp: 'GoSMTP',
		mailin: 'Brevo',
		mailgun: 'Mailgun',
		'sendgrid-email-delivery-simplified': 'SendGrid',
		'postmark-approved-wordpress-plugin': 'Postmark',
		'wp-ses': 'WP Offload SES Lite',
		'wp-offload-ses': 'WP Offload SES',
		suremails: 'SureMail',
	},
	loggerPlugins: {
		'wp-mail-logging': 'WP Mail Logging',
		'email-log': 'Email Log',
		'check-email': 'Check & Log Email',
		'wp-mail-catcher': 'WP Mail Catcher',
	},
	/** A callback on one of these hooks (outside WordPress, WooCommerce and CartBay) is a medium finding. */
	deliveryHooks: [ 'phpmailer_init', 'pre_wp_mail' ],
	/** A callback on this filter whose name holds a delivery keyword is a low finding. */
	keywordHook: 'wp_mail',
	/** Matched against a callback's class or function name, lower-cased. */
	deliveryKeywords: [
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
	],
} as const;

/** Generated `MailEnvironmentSchema`: the lists above as PHP array constants (emitter: mail-environment.ts). */
export const mailEnvironmentSchemaClass: PhpValueClassDef = {
	className: 'MailEnvironmentSchema',
	summary:
		'MailEnvironmentSchema: known mail delivery and email logger plugins, mail hooks and delivery keywords.',
	classDoc:
		'What the Email Delivery Test detection looks for (the defaults of cartbay_mail_delivery_plugins and cartbay_email_logger_plugins).',
	sources: [ 'plugin/schema/mail-environment.ts' ],
	groups: [],
};
