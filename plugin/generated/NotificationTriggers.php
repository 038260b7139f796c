<?php
/**
 * NotificationTriggers: What scheduled a recovery email notification.
 *
 * Generated from plugin/schema/notifications.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * What scheduled a recovery email notification.
 */
final class NotificationTriggers {

	/**
	 * The session was abandoned: the sequence scheduled the step.
	 */
	public const ABANDONMENT = 'abandonment';

	/**
	 * The Test Mode trigger scheduled the step (sent even with the sequence switched off).
	 */
	public const TEST = 'test';

	/**
	 * An agent sent the step now (session action send_email_step_now).
	 */
	public const AGENT = 'agent';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::ABANDONMENT,
			self::TEST,
			self::AGENT,
		);
	}
}
