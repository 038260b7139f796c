<?php
/**
 * CancelReasons: Why a recovery email notification was canceled.
 *
 * Generated from plugin/schema/notifications.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Why a recovery email notification was canceled.
 */
final class CancelReasons {

	/**
	 * A paid order was attributed to the session (recovered).
	 */
	public const RECOVERED = 'recovered';

	/**
	 * A paid order matched the session by billing email only (influenced).
	 */
	public const INFLUENCED = 'influenced';

	/**
	 * The shopper placed an order that is not paid yet (cash on delivery, cheque, bank transfer): no more reminders, nothing counted until it is paid.
	 */
	public const ORDER_PLACED = 'order_placed';

	/**
	 * A newer session of the same email took over the sequence.
	 */
	public const SUPERSEDED = 'superseded';

	/**
	 * The shopper unsubscribed.
	 */
	public const UNSUBSCRIBED = 'unsubscribed';

	/**
	 * The shopper came back to checkout: the session is live again.
	 */
	public const REACTIVATED = 'reactivated';

	/**
	 * The email is on the suppression list.
	 */
	public const SUPPRESSED = 'suppressed';

	/**
	 * The recovery sequence is switched off.
	 */
	public const SENDING_DISABLED = 'sending_disabled';

	/**
	 * The step's WooCommerce email is disabled.
	 */
	public const EMAIL_DISABLED = 'email_disabled';

	/**
	 * An agent canceled the pending emails (session action cancel_pending_emails).
	 */
	public const AGENT = 'agent';

	/**
	 * Prefix + the session status (without wc-): the session is no longer abandoned.
	 */
	public const SESSION_STATUS_PREFIX = 'session_';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::RECOVERED,
			self::INFLUENCED,
			self::ORDER_PLACED,
			self::SUPERSEDED,
			self::UNSUBSCRIBED,
			self::REACTIVATED,
			self::SUPPRESSED,
			self::SENDING_DISABLED,
			self::EMAIL_DISABLED,
			self::AGENT,
			self::SESSION_STATUS_PREFIX,
		);
	}
}
