<?php
/**
 * Boots the public capture request the way WooCommerce boots its own Store API requests.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Capture;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\Hooks;
use WPAnchorBay\CartBay\Generated\RestRoutes;

defined( 'ABSPATH' ) || exit;

/**
 * WooCommerce gives every REST request outside `wc/store/` the editor and admin boot: it registers all its
 * blocks and block patterns on `init` (which reads the theme's global styles and pattern transients), loads
 * the WooCommerce Admin features, and registers every `wc/v1`–`wc/v3`, `wc-admin` and `wc-analytics` route
 * on `rest_api_init`. A Store API request skips these (`WC()->is_store_api_request()`,
 * `wc_rest_should_load_namespace()`), but WooCommerce cannot know that a third-party route makes no internal
 * request to its routes, so it loads everything for ours. It also registers its settings and email settings
 * for the wc/v3 settings routes on every REST request, which builds the mailer and all email classes.
 *
 * The capture route renders no block and dispatches to no other route, so for that one route only we make
 * the same choice WooCommerce makes for the Store API. Every other request is untouched. Sites whose
 * plugins call WooCommerce routes from inside the capture request can turn this off with the
 * `cartbay_lean_capture_request` filter.
 */
final class LeanRestRequest implements HookSubscriber {

	/**
	 * The capture route, as WordPress names it in `rest_route`.
	 */
	private const ROUTE = '/' . RestRoutes::NAMESPACE . '/capture';

	/**
	 * WooCommerce callbacks the capture request has no use for: [ hook, priority, class, method ].
	 *
	 * @var array<int, array{0: string, 1: int, 2: class-string, 3: string}>
	 */
	private const SKIPPED = array(
		// Block types and patterns: skipped by Blocks\Domain\Bootstrap for Store API requests.
		array( 'init', 10, 'Automattic\WooCommerce\Blocks\BlockTypesController', 'register_blocks' ),
		array( 'init', 10, 'Automattic\WooCommerce\Blocks\BlockPatterns', 'register_block_patterns' ),
		array( 'init', 10, 'Automattic\WooCommerce\Blocks\BlockPatterns', 'register_ptk_patterns' ),
		array( 'wp_loaded', 10, 'Automattic\WooCommerce\Blocks\BlockTypesController', 'register_block_patterns' ),
		// REST routes of other namespaces: skipped by wc_rest_should_load_namespace() for Store API requests.
		array( 'rest_api_init', 10, 'Automattic\WooCommerce\RestApi\Server', 'register_rest_routes' ),
		array( 'rest_api_init', 10, 'Automattic\WooCommerce\Admin\API\Init', 'rest_api_init' ),
		// Settings and email settings exposed to the wc/v3 settings routes only (not registered above); it
		// builds the mailer and every email class, reading each email's settings option.
		array( 'rest_api_init', 10, 'WooCommerce', 'register_wp_admin_settings' ),
	);

	/**
	 * The hooks this class handles (statically: nothing is built), when, and only when, this request is for
	 * the capture route. Before WooCommerce's own init (priority 10) and rest_api_init (priority 10)
	 * callbacks run; the REST server hooks in only during init, so each hook is pruned when it starts.
	 * WooCommerce Admin's features (admin UI) load for REST requests but not for Store API ones.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		if ( ! self::is_capture_request() ) {
			return array();
		}
		return array(
			'init'                                   => array( 0, 1 ),
			'wp_loaded'                              => array( 0, 1 ),
			'rest_api_init'                          => array( 0, 1 ),
			'woocommerce_admin_should_load_features' => array( 10, 1 ),
		);
	}

	/**
	 * `init`: prunes WooCommerce's block registration.
	 */
	public static function handle_init(): void {
		self::prune();
	}

	/**
	 * `wp_loaded`: prunes WooCommerce's block pattern registration.
	 */
	public static function handle_wp_loaded(): void {
		self::prune();
	}

	/**
	 * `rest_api_init`: prunes the REST routes of other namespaces.
	 */
	public static function handle_rest_api_init(): void {
		self::prune();
	}

	/**
	 * `woocommerce_admin_should_load_features`: not for the capture request, as for a Store API request.
	 *
	 * @param bool $should_load Whether WooCommerce Admin features load.
	 * @return bool
	 */
	public static function handle_woocommerce_admin_should_load_features( $should_load ) {
		return self::lean() ? false : $should_load;
	}

	/**
	 * Whether the capture request boots lean (the `cartbay_lean_capture_request` filter).
	 *
	 * @return bool
	 */
	private static function lean(): bool {
		/**
		 * Whether the capture request skips WooCommerce's block, admin-feature and non-Store-API REST boot.
		 *
		 * @param bool $lean True to boot the capture request like a Store API request.
		 */
		return (bool) apply_filters( Hooks::LEAN_CAPTURE_REQUEST, true );
	}

	/**
	 * Removes the skipped WooCommerce callbacks of the hook now running.
	 */
	private static function prune(): void {
		if ( ! self::lean() ) {
			return;
		}
		$hook = current_action();
		// By rest_api_init WordPress has parsed the route: confirm the early guess from the URL.
		if ( 'rest_api_init' === $hook && self::ROUTE !== untrailingslashit( (string) ( $GLOBALS['wp']->query_vars['rest_route'] ?? '' ) ) ) {
			return;
		}
		foreach ( self::SKIPPED as list( $skipped_hook, $priority, $class_name, $method ) ) {
			if ( $skipped_hook === $hook ) {
				self::remove( $hook, $priority, $class_name, $method );
			}
		}
	}

	/**
	 * Removes one object method callback, whichever instance registered it.
	 *
	 * @param string       $hook       Hook name.
	 * @param int          $priority   Priority it was added at.
	 * @param class-string $class_name Class of the object.
	 * @param string       $method     Method name.
	 */
	private static function remove( string $hook, int $priority, string $class_name, string $method ): void {
		global $wp_filter;
		if ( ! isset( $wp_filter[ $hook ]->callbacks[ $priority ] ) ) {
			return;
		}
		foreach ( $wp_filter[ $hook ]->callbacks[ $priority ] as $callback ) {
			$function = $callback['function'];
			if ( is_array( $function ) && $function[0] instanceof $class_name && $method === $function[1] ) {
				remove_action( $hook, $function, $priority );
			}
		}
	}

	/**
	 * Whether the URL asks for the capture route (pretty `/wp-json/…` or plain `?rest_route=…`).
	 *
	 * @return bool
	 */
	public static function is_capture_request(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Routing only, nothing is processed.
		if ( isset( $_GET['rest_route'] ) && is_string( $_GET['rest_route'] ) ) {
			// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- Compared only.
			return self::ROUTE === untrailingslashit( wp_unslash( $_GET['rest_route'] ) );
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- Compared only.
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? wp_unslash( $_SERVER['REQUEST_URI'] ) : '';
		$path = untrailingslashit( (string) wp_parse_url( $uri, PHP_URL_PATH ) );
		return str_ends_with( $path, '/' . rest_get_url_prefix() . self::ROUTE );
	}
}
