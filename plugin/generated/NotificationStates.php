<?php
/**
 * NotificationStates: Lifecycle states of a recovery email notification record.
 *
 * Generated from plugin/schema/notifications.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Lifecycle states of a recovery email notification record.
 */
final class NotificationStates {

	/**
	 * Waiting for its send job.
	 */
	public const QUEUED = 'queued';

	/**
	 * A send attempt began.
	 */
	public const ATTEMPTED = 'attempted';

	/**
	 * WordPress accepted the message.
	 */
	public const SENT = 'sent';

	/**
	 * A provider integration confirmed delivery.
	 */
	public const DELIVERED = 'delivered';

	/**
	 * The send failed after the allowed attempts.
	 */
	public const FAILED = 'failed';

	/**
	 * A failed attempt will be retried.
	 */
	public const RETRY_QUEUED = 'retry_queued';

	/**
	 * No longer needed: recovered, unsubscribed, withdrawn or expired.
	 */
	public const CANCELED = 'canceled';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::QUEUED,
			self::ATTEMPTED,
			self::SENT,
			self::DELIVERED,
			self::FAILED,
			self::RETRY_QUEUED,
			self::CANCELED,
		);
	}
}
