<?php
/**
 * Hooks: Names of the public actions and filters CartBay fires.
 *
 * Generated from plugin/schema/hooks.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Names of the public actions and filters CartBay fires.
 */
final class Hooks {

	/**
	 * Action: the runtime is running (receives the Plugin instance).
	 */
	public const LOADED = 'cartbay_loaded';

	/**
	 * Action: a session became abandoned (receives the session order).
	 */
	public const SESSION_ABANDONED = 'cartbay_session_abandoned';

	/**
	 * Action a delivery integration fires with a notification id once its provider confirms delivery.
	 */
	public const MARK_NOTIFICATION_DELIVERED = 'cartbay_mark_notification_delivered';

	/**
	 * Filter: requests allowed per window for an endpoint bucket (receives the limit and the bucket).
	 */
	public const RATE_LIMIT = 'cartbay_rate_limit';

	/**
	 * Filter: the rate-limit window in seconds for an endpoint bucket.
	 */
	public const RATE_LIMIT_WINDOW = 'cartbay_rate_limit_window';

	/**
	 * Filter: origins (scheme://host[:port]) the public capture route accepts.
	 */
	public const CAPTURE_ALLOWED_ORIGINS = 'cartbay_capture_allowed_origins';

	/**
	 * Filter: whether a capture request boots like a Store API request (false registers every REST route as usual).
	 */
	public const LEAN_CAPTURE_REQUEST = 'cartbay_lean_capture_request';

	/**
	 * Filter: size in bytes at which the CartBay log file is rotated (default: the log_max_size_mb setting).
	 */
	public const LOG_MAX_BYTES = 'cartbay_log_max_bytes';

	/**
	 * Filter: the license server REST base (default CARTBAY_LICENSE_SERVER). https, or http to a loopback host only; any other value stops license requests (status server_error).
	 */
	public const LICENSE_SERVER_URL = 'cartbay_license_server_url';

	/**
	 * Filter: whether this site gets Dev Mode without a license request (receives the bypass decision and the host of home_url()).
	 */
	public const LICENSE_DEV_DOMAIN_BYPASS = 'cartbay_license_dev_domain_bypass';

	/**
	 * Filter: whether WooCommerce's own abandoned-cart recovery email stands down for an unpaid order (receives CartBay's decision and the order; true when CartBay handles that shopper's cart).
	 */
	public const CORE_RECOVERY_EMAIL_SUPPRESSED = 'cartbay_core_recovery_email_suppressed';

	/**
	 * Filter: known mail delivery plugins, plugin folder (or single-file basename) => name shown; an active one is a high-confidence delivery service in the Email Delivery Test (defaults: MailEnvironmentSchema::DELIVERY_PLUGINS).
	 */
	public const MAIL_DELIVERY_PLUGINS = 'cartbay_mail_delivery_plugins';

	/**
	 * Filter: known email logger plugins, plugin folder (or single-file basename) => name shown (defaults: MailEnvironmentSchema::LOGGER_PLUGINS).
	 */
	public const EMAIL_LOGGER_PLUGINS = 'cartbay_email_logger_plugins';

	/**
	 * Filter: the detected mail environment (confidence, service, detections, loggers, from email and name) before the admin sees it; an integration may override or enrich it.
	 */
	public const MAIL_ENVIRONMENT_STATUS = 'cartbay_mail_environment_status';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::LOADED,
			self::SESSION_ABANDONED,
			self::MARK_NOTIFICATION_DELIVERED,
			self::RATE_LIMIT,
			self::RATE_LIMIT_WINDOW,
			self::CAPTURE_ALLOWED_ORIGINS,
			self::LEAN_CAPTURE_REQUEST,
			self::LOG_MAX_BYTES,
			self::LICENSE_SERVER_URL,
			self::LICENSE_DEV_DOMAIN_BYPASS,
			self::CORE_RECOVERY_EMAIL_SUPPRESSED,
			self::MAIL_DELIVERY_PLUGINS,
			self::EMAIL_LOGGER_PLUGINS,
			self::MAIL_ENVIRONMENT_STATUS,
		);
	}
}
