<?php
/**
 * The one way a CartBay service hooks into WordPress and WooCommerce.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

defined( 'ABSPATH' ) || exit;

/**
 * A service that handles hooks. `Plugin` adds every subscribed hook at boot with a callback that builds the
 * service on first use, so a request whose hooks never fire never builds the service (or its dependencies).
 *
 * Each hook is handled by the public method `handle_<hook>`, the hook name with every character other than a
 * letter, digit or underscore written as an underscore (see `Plugin::handler_method()`).
 *
 * Three ways to stay cheap on requests that have nothing for the service:
 * - `subscribed_hooks()` may depend on what is fixed for the whole request before plugins load (`is_admin()`,
 *   the request URL and its query arguments): a hook the request can never need is not added at all.
 * - A static `handle_<hook>` is called on the class: nothing is built (registrations that need no state).
 * - An optional public static `should_handle_<hook>( ...$args ): bool` is asked first, with the hook's
 *   arguments: when it answers false nothing is built and a filter keeps its value (a check of the shopper's
 *   session, say, that most requests fail).
 */
interface HookSubscriber {

	/**
	 * The hooks this service handles: hook name => array( priority, accepted arguments ), either optional
	 * (defaults 10 and 1).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array;
}
