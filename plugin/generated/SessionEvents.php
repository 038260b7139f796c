<?php
/**
 * SessionEvents: Names of the events recorded in a session's event log.
 *
 * Generated from plugin/schema/events.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Names of the events recorded in a session's event log.
 */
final class SessionEvents {

	/**
	 * A consented checkout was captured.
	 */
	public const CAPTURED = 'captured';

	/**
	 * The email or cart of a session changed.
	 */
	public const UPDATED = 'updated';

	/**
	 * The session passed the abandonment timeout.
	 */
	public const ABANDONED = 'abandoned';

	/**
	 * A recovery email was accepted by WordPress mail.
	 */
	public const EMAIL_SENT = 'email_sent';

	/**
	 * A recovery email send failed.
	 */
	public const EMAIL_FAILED = 'email_failed';

	/**
	 * A restore link was opened.
	 */
	public const RESTORE_CLICKED = 'restore_clicked';

	/**
	 * Rebuilding the cart began.
	 */
	public const CART_RESTORE_STARTED = 'cart_restore_started';

	/**
	 * The whole cart was rebuilt.
	 */
	public const CART_RESTORED = 'cart_restored';

	/**
	 * Some items could not be restored.
	 */
	public const CART_RESTORE_PARTIAL = 'cart_restore_partial';

	/**
	 * Nothing could be restored.
	 */
	public const CART_RESTORE_FAILED = 'cart_restore_failed';

	/**
	 * The shopper ordered before the cart was abandoned.
	 */
	public const COMPLETED_BEFORE_ABANDONMENT = 'completed_before_abandonment';

	/**
	 * A paid order was attributed to the session.
	 */
	public const RECOVERED = 'recovered';

	/**
	 * A paid order matched the session by billing email only (not counted as recovered).
	 */
	public const INFLUENCED = 'influenced';

	/**
	 * The attributed order was cancelled, failed or fully refunded; the attribution was undone.
	 */
	public const RECOVERY_REVERTED = 'recovery_reverted';

	/**
	 * A partial refund lowered the attributed revenue.
	 */
	public const REVENUE_ADJUSTED = 'revenue_adjusted';

	/**
	 * A newer session of the same email took over the unsent recovery steps.
	 */
	public const SUPERSEDED = 'superseded';

	/**
	 * The shopper unsubscribed.
	 */
	public const UNSUBSCRIBED = 'unsubscribed';

	/**
	 * An agent expired the session (session action expire_session): its queued emails are canceled.
	 */
	public const EXPIRED = 'expired';

	/**
	 * An agent ran a session action on the session (the action name and principal are in the data).
	 */
	public const AGENT_ACTION = 'agent_action';

	/**
	 * WooCommerce's own abandoned-cart recovery email (WooCommerce 11.0) was held back for an order of this shopper: CartBay handles the recovery.
	 */
	public const CORE_RECOVERY_EMAIL_SUPPRESSED = 'core_recovery_email_suppressed';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::CAPTURED,
			self::UPDATED,
			self::ABANDONED,
			self::EMAIL_SENT,
			self::EMAIL_FAILED,
			self::RESTORE_CLICKED,
			self::CART_RESTORE_STARTED,
			self::CART_RESTORED,
			self::CART_RESTORE_PARTIAL,
			self::CART_RESTORE_FAILED,
			self::COMPLETED_BEFORE_ABANDONMENT,
			self::RECOVERED,
			self::INFLUENCED,
			self::RECOVERY_REVERTED,
			self::REVENUE_ADJUSTED,
			self::SUPERSEDED,
			self::UNSUBSCRIBED,
			self::EXPIRED,
			self::AGENT_ACTION,
			self::CORE_RECOVERY_EMAIL_SUPPRESSED,
		);
	}
}
