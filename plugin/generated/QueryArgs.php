<?php
/**
 * QueryArgs: Query args of the restore and unsubscribe links.
 *
 * Generated from plugin/schema/storage.ts by codegen/emitters/constants.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

defined( 'ABSPATH' ) || exit;

/**
 * Query args of the restore and unsubscribe links.
 */
final class QueryArgs {

	/**
	 * Restore link: rebuilds the cart and lands on checkout (handled on template_redirect).
	 */
	public const RESTORE = 'cartbay_restore';

	/**
	 * Unsubscribe link: suppresses the email (handled on init).
	 */
	public const UNSUBSCRIBE = 'cartbay_unsubscribe';

	/**
	 * Form field of the unsubscribe confirmation page: its POST unsubscribes (a GET only shows the form).
	 */
	public const UNSUBSCRIBE_CONFIRM = 'cartbay_unsubscribe_confirm';

	/**
	 * Every value, in schema order.
	 *
	 * @return string[]
	 */
	public static function all(): array {
		return array(
			self::RESTORE,
			self::UNSUBSCRIBE,
			self::UNSUBSCRIBE_CONFIRM,
		);
	}
}
