<?php
/**
 * RestRoutes: CartBay's REST routes under cartbay/v1.
 *
 * Generated from plugin/schema/rest.ts by codegen/emitters/rest-routes.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

use WPAnchorBay\CartBay\Api\Permissions;
use WPAnchorBay\CartBay\Api\RequestBody;
use WPAnchorBay\CartBay\Api\SettingsController;
use WPAnchorBay\CartBay\Api\TestController;
use WPAnchorBay\CartBay\Capture\CaptureController;
use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Security\RateLimiter;

defined( 'ABSPATH' ) || exit;

/**
 * Registers every CartBay REST route.
 */
final class RestRoutes {

	/**
	 * REST namespace of every CartBay route.
	 */
	public const NAMESPACE = 'cartbay/v1';

	/**
	 * Registers the routes. Must run on `rest_api_init`.
	 *
	 * @param Plugin $plugin Service registry the route handlers are taken from.
	 */
	public static function register( Plugin $plugin ): void {
		if ( ! doing_action( 'rest_api_init' ) ) {
			_doing_it_wrong( __METHOD__, esc_html__( 'CartBay REST routes must be registered on rest_api_init.', 'cartbay' ), '0.1.0' );
			return;
		}

		// /capture: Public checkout capture: create, update or withdraw a consented recovery session.
		// - POST: Capture (or withdraw) the shopper's checkout email and cart: JSON from the store's own origin, with the REST nonce when signed in. Never reveals whether an email or a session is known or suppressed.
		register_rest_route(
			self::NAMESPACE,
			'/capture',
			array(
				array(
					'methods'             => 'POST',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( CaptureController::class )->capture( $request ),
					'permission_callback' => static fn () => $plugin->service( RateLimiter::class )->check( 'capture' ),
					'cartbay_rate_limit'  => 'capture',
					'validate_callback'   => static fn ( \WP_REST_Request $request ) => RequestBody::require_object( $request, 16384 ),
					'args'                => array(
						'email'      => array(
							'description'       => 'Checkout email address (required with consent).',
							'type'              => 'string',
							'format'            => 'email',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
						'consent'    => array(
							'description'       => 'true captures; false withdraws and deletes the active capture.',
							'type'              => 'boolean',
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
						'source'     => array(
							'description'       => 'Checkout type.',
							'type'              => 'string',
							'enum'              => array(
								'classic',
								'block',
							),
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
						'session_id' => array(
							'description'       => 'Optional: a CartBay session id this browser got from an earlier capture (the checkout scripts send none; the owner is known from the WooCommerce session). Any other id is refused.',
							'type'              => 'string',
							'pattern'           => '^[A-Za-z0-9]{32}$',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
						'cart'       => array(
							'description'          => 'Client cart, used only when the WooCommerce session has no cart; re-validated against real products and prices.',
							'type'                 => 'object',
							'additionalProperties' => false,
							'properties'           => array(
								'items' => array(
									'type'     => 'array',
									'maxItems' => 50,
									'items'    => array(
										'type'                 => 'object',
										'additionalProperties' => false,
										'required'             => array(
											'product_id',
											'quantity',
										),
										'properties'           => array(
											'product_id'   => array(
												'type'    => 'integer',
												'minimum' => 1,
											),
											'variation_id' => array(
												'type'    => 'integer',
												'minimum' => 0,
											),
											'quantity'     => array(
												'type'    => 'integer',
												'minimum' => 1,
												'maximum' => 9999,
											),
											'variation'    => array(
												'type'                 => 'object',
												'additionalProperties' => array(
													'type'      => 'string',
													'maxLength' => 200,
												),
											),
										),
									),
								),
							),
							'validate_callback'    => 'rest_validate_request_arg',
							'sanitize_callback'    => 'rest_sanitize_request_arg',
						),
					),
				),
			)
		);

		// /settings: CartBay settings (the cartbay_settings option).
		// - GET: Read the normalized settings.
		// - PATCH: Update some settings: values are merged onto the saved ones, normalized and saved.
		register_rest_route(
			self::NAMESPACE,
			'/settings',
			array(
				array(
					'methods'             => 'GET',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->get_settings( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				array(
					'methods'             => 'PATCH',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->update_settings( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'capture_enabled'           => array(
							'description'       => 'Capture consented checkout emails and carts on classic and Block Checkout.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'consent_text'              => array(
							'description'       => 'Text shown beside the recovery consent checkbox at checkout.',
							'type'              => 'string',
							'maxLength'         => 300,
							'sanitize_callback' => null,
						),
						'consent_default_checked'   => array(
							'description'       => 'Whether the checkout consent checkbox starts checked.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'abandonment_timeout'       => array(
							'description'       => 'Minutes after the last captured checkout activity before a cart is marked abandoned.',
							'type'              => 'integer',
							'minimum'           => 5,
							'maximum'           => 1440,
							'sanitize_callback' => null,
						),
						'coupon_type'               => array(
							'description'       => 'How CartBay-generated recovery coupons discount the cart (a WooCommerce discount type).',
							'type'              => 'string',
							'enum'              => array(
								'fixed_cart',
								'percent',
							),
							'sanitize_callback' => null,
						),
						'coupon_amount'             => array(
							'description'       => 'Store-currency amount for fixed-cart coupons, or the percentage for percentage coupons.',
							'type'              => 'number',
							'minimum'           => 0,
							'maximum'           => 100000,
							'sanitize_callback' => null,
						),
						'coupon_expiry_days'        => array(
							'description'       => 'Days a generated recovery coupon stays valid after it is created.',
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 365,
							'sanitize_callback' => null,
						),
						'data_retention_days'       => array(
							'description'       => 'Days CartBay keeps recovery session data before the daily prune job removes it.',
							'type'              => 'integer',
							'minimum'           => 7,
							'maximum'           => 90,
							'sanitize_callback' => null,
						),
						'delete_data_on_uninstall'  => array(
							'description'       => 'Remove every CartBay option, session, coupon, record, job and log when the plugin is deleted.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'menu_shortcut_enabled'     => array(
							'description'       => 'Show CartBay under the WooCommerce admin menu.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'test_mode'                 => array(
							'description'       => 'Shortened recovery delays and the test flow, for staging and controlled QA.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'logging_enabled'           => array(
							'description'       => 'Write sanitized CartBay log lines to the uploads folder.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'log_retention_days'        => array(
							'description'       => 'Days CartBay log lines are kept.',
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 90,
							'sanitize_callback' => null,
						),
						'log_max_size_mb'           => array(
							'description'       => 'Size at which the CartBay log file is rotated.',
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 50,
							'sanitize_callback' => null,
						),
						'agent_access_enabled'      => array(
							'description'       => 'Master gate for all agent capabilities.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_rest_enabled'        => array(
							'description'       => 'Enable /wp-json/cartbay/v1/agent when agent access is enabled.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_abilities_enabled'   => array(
							'description'       => 'Register CartBay WordPress Abilities for authenticated users.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_mcp_public'          => array(
							'description'       => 'Mark CartBay abilities as MCP-public for the WordPress MCP Adapter.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_write_enabled'       => array(
							'description'       => 'Allow safe settings and campaign updates.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_contact_enabled'     => array(
							'description'       => 'Allow email-oriented session actions.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_sensitive_enabled'   => array(
							'description'       => 'Allow raw PII and sensitive recovery details.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'agent_destructive_enabled' => array(
							'description'       => 'Allow expiring or deleting sessions.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
					),
				),
			)
		);

		// /campaign: The recovery sequence (the cartbay_campaign_settings option).
		// - GET: Read the normalized recovery sequence.
		// - PATCH: Update the recovery sequence: normalized into minutes, clamped and kept in order, then saved.
		register_rest_route(
			self::NAMESPACE,
			'/campaign',
			array(
				array(
					'methods'             => 'GET',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->get_campaign( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				array(
					'methods'             => 'PATCH',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->update_campaign( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'enabled' => array(
							'description'       => 'Master sending switch; abandonment is detected for reporting either way.',
							'type'              => 'boolean',
							'sanitize_callback' => null,
						),
						'steps'   => array(
							'description'       => 'The 3 recovery steps in order: delay value and unit after abandonment, and whether the step includes a coupon.',
							'type'              => 'array',
							'maxItems'          => 3,
							'items'             => array(
								'type'       => 'object',
								'properties' => array(
									'delay_value'    => array(
										'type' => 'integer',
									),
									'delay_unit'     => array(
										'type' => 'string',
										'enum' => array(
											'minutes',
											'hours',
											'days',
										),
									),
									'coupon_enabled' => array(
										'type' => 'boolean',
									),
								),
							),
							'sanitize_callback' => null,
						),
					),
				),
			)
		);

		// /test/trigger: Test Mode: a dummy abandoned session whose first recovery email is due shortly.
		// - POST: Creates a dummy abandoned session and schedules email 1 about 30 seconds out. Requires Test Mode.
		register_rest_route(
			self::NAMESPACE,
			'/test/trigger',
			array(
				array(
					'methods'             => 'POST',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( TestController::class )->trigger( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'email' => array(
							'description'       => 'Recipient (default: the current user\'s email).',
							'type'              => 'string',
							'format'            => 'email',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
					),
				),
			)
		);

		// /test/email: Email delivery test and recovery email previews.
		// - POST: Sends a basic test email, or a preview of one recovery step, and reports whether WordPress accepted it.
		register_rest_route(
			self::NAMESPACE,
			'/test/email',
			array(
				array(
					'methods'             => 'POST',
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( TestController::class )->send_email( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'email' => array(
							'description'       => 'Recipient (default: the current user\'s email).',
							'type'              => 'string',
							'format'            => 'email',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
						'step'  => array(
							'description'       => '0 sends a basic delivery test through wp_mail(); 1–3 sends a preview of that recovery email.',
							'type'              => 'integer',
							'minimum'           => 0,
							'maximum'           => 3,
							'default'           => 0,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
						),
					),
				),
			)
		);
	}
}
