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
	 * Endpoint option naming a rate-limited endpoint's bucket (RateLimiter counts its refusals after the callbacks).
	 */
	public const RATE_LIMIT_KEY = 'cartbay_rate_limit';

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
		// - CREATABLE (POST): Capture (or withdraw) the shopper's checkout email and cart: JSON from the store's own origin, with the REST nonce when signed in. Never reveals whether an email or a session is known or suppressed.
		register_rest_route(
			self::NAMESPACE,
			'/capture',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( CaptureController::class )->capture( $request ),
					'permission_callback' => static fn () => $plugin->service( RateLimiter::class )->check( 'capture' ),
					'cartbay_rate_limit'  => 'capture',
					'validate_callback'   => static fn ( \WP_REST_Request $request ) => RequestBody::require_object( $request, 16384 ),
					'args'                => array(
						'email'      => array(
							'type'              => 'string',
							'format'            => 'email',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Checkout email address (required with consent).', 'cartbay' ),
						),
						'consent'    => array(
							'type'              => 'boolean',
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'true captures; false withdraws and deletes the active capture.', 'cartbay' ),
						),
						'source'     => array(
							'type'              => 'string',
							'enum'              => array(
								'classic',
								'block',
							),
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Checkout type.', 'cartbay' ),
						),
						'session_id' => array(
							'type'              => 'string',
							'pattern'           => '^[A-Za-z0-9]{32}$',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Optional: a CartBay session id this browser got from an earlier capture (the checkout scripts send none; the owner is known from the WooCommerce session). Any other id is refused.', 'cartbay' ),
						),
						'cart'       => array(
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
							'description'          => __( 'Client cart, used only when the WooCommerce session has no cart; re-validated against real products and prices.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'capture_schema' ),
			)
		);

		// /settings: CartBay settings (the cartbay_settings option).
		// - READABLE (GET): Read the normalized settings.
		// - EDITABLE (POST, PUT, PATCH): Update some settings: values are merged onto the saved ones, normalized and saved.
		register_rest_route(
			self::NAMESPACE,
			'/settings',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->get_settings( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->update_settings( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'capture_enabled'           => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Capture consented checkout emails and carts on classic and Block Checkout.', 'cartbay' ),
						),
						'consent_text'              => array(
							'type'              => 'string',
							'maxLength'         => 300,
							'sanitize_callback' => null,
							'description'       => __( 'Text shown beside the recovery consent checkbox at checkout.', 'cartbay' ),
						),
						'consent_default_checked'   => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Whether the checkout consent checkbox starts checked.', 'cartbay' ),
						),
						'abandonment_timeout'       => array(
							'type'              => 'integer',
							'minimum'           => 5,
							'maximum'           => 1440,
							'sanitize_callback' => null,
							'description'       => __( 'Minutes after the last captured checkout activity before a cart is marked abandoned.', 'cartbay' ),
						),
						'coupon_type'               => array(
							'type'              => 'string',
							'enum'              => array(
								'fixed_cart',
								'percent',
							),
							'sanitize_callback' => null,
							'description'       => __( 'How CartBay-generated recovery coupons discount the cart (a WooCommerce discount type).', 'cartbay' ),
						),
						'coupon_amount'             => array(
							'type'              => 'number',
							'minimum'           => 0,
							'maximum'           => 100000,
							'sanitize_callback' => null,
							'description'       => __( 'Store-currency amount for fixed-cart coupons, or the percentage for percentage coupons.', 'cartbay' ),
						),
						'coupon_expiry_days'        => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 365,
							'sanitize_callback' => null,
							'description'       => __( 'Days a generated recovery coupon stays valid after it is created.', 'cartbay' ),
						),
						'data_retention_days'       => array(
							'type'              => 'integer',
							'minimum'           => 7,
							'maximum'           => 90,
							'sanitize_callback' => null,
							'description'       => __( 'Days CartBay keeps recovery session data before the daily prune job removes it.', 'cartbay' ),
						),
						'delete_data_on_uninstall'  => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Remove every CartBay option, session, coupon, record, job and log when the plugin is deleted.', 'cartbay' ),
						),
						'menu_shortcut_enabled'     => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Show CartBay under the WooCommerce admin menu.', 'cartbay' ),
						),
						'test_mode'                 => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Shortened recovery delays and the test flow, for staging and controlled QA.', 'cartbay' ),
						),
						'logging_enabled'           => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Write sanitized CartBay log lines to the uploads folder.', 'cartbay' ),
						),
						'log_retention_days'        => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 90,
							'sanitize_callback' => null,
							'description'       => __( 'Days CartBay log lines are kept.', 'cartbay' ),
						),
						'log_max_size_mb'           => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 50,
							'sanitize_callback' => null,
							'description'       => __( 'Size at which the CartBay log file is rotated.', 'cartbay' ),
						),
						'agent_access_enabled'      => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Master gate for all agent capabilities.', 'cartbay' ),
						),
						'agent_rest_enabled'        => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Enable /wp-json/cartbay/v1/agent when agent access is enabled.', 'cartbay' ),
						),
						'agent_abilities_enabled'   => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Register CartBay WordPress Abilities for authenticated users.', 'cartbay' ),
						),
						'agent_mcp_public'          => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Mark CartBay abilities as MCP-public for the WordPress MCP Adapter.', 'cartbay' ),
						),
						'agent_write_enabled'       => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Allow safe settings and campaign updates.', 'cartbay' ),
						),
						'agent_contact_enabled'     => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Allow email-oriented session actions.', 'cartbay' ),
						),
						'agent_sensitive_enabled'   => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Allow raw PII and sensitive recovery details.', 'cartbay' ),
						),
						'agent_destructive_enabled' => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Allow expiring or deleting sessions.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'settings_schema' ),
			)
		);

		// /campaign: The recovery sequence (the cartbay_campaign_settings option).
		// - READABLE (GET): Read the normalized recovery sequence.
		// - EDITABLE (POST, PUT, PATCH): Update the recovery sequence: normalized into minutes, clamped and kept in order, then saved.
		register_rest_route(
			self::NAMESPACE,
			'/campaign',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->get_campaign( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SettingsController::class )->update_campaign( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'enabled' => array(
							'type'              => 'boolean',
							'sanitize_callback' => null,
							'description'       => __( 'Master sending switch; abandonment is detected for reporting either way.', 'cartbay' ),
						),
						'steps'   => array(
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
							'description'       => __( 'The 3 recovery steps in order: delay value and unit after abandonment, and whether the step includes a coupon.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'campaign_schema' ),
			)
		);

		// /test/trigger: Test Mode: a dummy abandoned session whose first recovery email is due shortly.
		// - CREATABLE (POST): Creates a dummy abandoned session and schedules email 1 about 30 seconds out. Requires Test Mode.
		register_rest_route(
			self::NAMESPACE,
			'/test/trigger',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( TestController::class )->trigger( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'email' => array(
							'type'              => 'string',
							'format'            => 'email',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Recipient (default: the current user\'s email).', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'test_trigger_schema' ),
			)
		);

		// /test/email: Email delivery test and recovery email previews.
		// - CREATABLE (POST): Sends a basic test email, or a preview of one recovery step, and reports whether WordPress accepted it.
		register_rest_route(
			self::NAMESPACE,
			'/test/email',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( TestController::class )->send_email( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'email' => array(
							'type'              => 'string',
							'format'            => 'email',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Recipient (default: the current user\'s email).', 'cartbay' ),
						),
						'step'  => array(
							'type'              => 'integer',
							'minimum'           => 0,
							'maximum'           => 3,
							'default'           => 0,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( '0 sends a basic delivery test through wp_mail(); 1–3 sends a preview of that recovery email.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'test_email_schema' ),
			)
		);
	}

	/**
	 * JSON Schema of what `/capture` answers: the route's `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function capture_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_capture',
			'type'       => 'object',
			'properties' => array(
				'session_id' => array(
					'description' => __( 'The session id this browser keeps (only to know that a withdrawal is worth sending); null once it should forget it.', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
					'pattern'     => '^[A-Za-z0-9]{32}$',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/settings` answers: the route's `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function settings_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_settings',
			'type'       => 'object',
			'properties' => array(
				'capture_enabled'           => array(
					'description' => __( 'Capture consented checkout emails and carts on classic and Block Checkout.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				'consent_text'              => array(
					'description' => __( 'Text shown beside the recovery consent checkbox at checkout.', 'cartbay' ),
					'type'        => 'string',
					'default'     => 'Save my email to recover my cart if I leave.',
					'maxLength'   => 300,
				),
				'consent_default_checked'   => array(
					'description' => __( 'Whether the checkout consent checkbox starts checked.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				'abandonment_timeout'       => array(
					'description' => __( 'Minutes after the last captured checkout activity before a cart is marked abandoned.', 'cartbay' ),
					'type'        => 'integer',
					'default'     => 30,
					'minimum'     => 5,
					'maximum'     => 1440,
				),
				'coupon_type'               => array(
					'description' => __( 'How CartBay-generated recovery coupons discount the cart (a WooCommerce discount type).', 'cartbay' ),
					'type'        => 'string',
					'default'     => 'fixed_cart',
					'enum'        => array(
						'fixed_cart',
						'percent',
					),
				),
				'coupon_amount'             => array(
					'description' => __( 'Store-currency amount for fixed-cart coupons, or the percentage for percentage coupons.', 'cartbay' ),
					'type'        => 'number',
					'default'     => 10,
					'minimum'     => 0,
					'maximum'     => 100000,
				),
				'coupon_expiry_days'        => array(
					'description' => __( 'Days a generated recovery coupon stays valid after it is created.', 'cartbay' ),
					'type'        => 'integer',
					'default'     => 7,
					'minimum'     => 1,
					'maximum'     => 365,
				),
				'data_retention_days'       => array(
					'description' => __( 'Days CartBay keeps recovery session data before the daily prune job removes it.', 'cartbay' ),
					'type'        => 'integer',
					'default'     => 30,
					'minimum'     => 7,
					'maximum'     => 90,
				),
				'delete_data_on_uninstall'  => array(
					'description' => __( 'Remove every CartBay option, session, coupon, record, job and log when the plugin is deleted.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'menu_shortcut_enabled'     => array(
					'description' => __( 'Show CartBay under the WooCommerce admin menu.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				'test_mode'                 => array(
					'description' => __( 'Shortened recovery delays and the test flow, for staging and controlled QA.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'logging_enabled'           => array(
					'description' => __( 'Write sanitized CartBay log lines to the uploads folder.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				'log_retention_days'        => array(
					'description' => __( 'Days CartBay log lines are kept.', 'cartbay' ),
					'type'        => 'integer',
					'default'     => 7,
					'minimum'     => 1,
					'maximum'     => 90,
				),
				'log_max_size_mb'           => array(
					'description' => __( 'Size at which the CartBay log file is rotated.', 'cartbay' ),
					'type'        => 'integer',
					'default'     => 5,
					'minimum'     => 1,
					'maximum'     => 50,
				),
				'agent_access_enabled'      => array(
					'description' => __( 'Master gate for all agent capabilities.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'agent_rest_enabled'        => array(
					'description' => __( 'Enable /wp-json/cartbay/v1/agent when agent access is enabled.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				'agent_abilities_enabled'   => array(
					'description' => __( 'Register CartBay WordPress Abilities for authenticated users.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => true,
				),
				'agent_mcp_public'          => array(
					'description' => __( 'Mark CartBay abilities as MCP-public for the WordPress MCP Adapter.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'agent_write_enabled'       => array(
					'description' => __( 'Allow safe settings and campaign updates.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'agent_contact_enabled'     => array(
					'description' => __( 'Allow email-oriented session actions.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'agent_sensitive_enabled'   => array(
					'description' => __( 'Allow raw PII and sensitive recovery details.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
				'agent_destructive_enabled' => array(
					'description' => __( 'Allow expiring or deleting sessions.', 'cartbay' ),
					'type'        => 'boolean',
					'default'     => false,
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/campaign` answers: the route's `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function campaign_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_campaign',
			'type'       => 'object',
			'properties' => array(
				'enabled' => array(
					'description' => __( 'Master sending switch; abandonment is detected for reporting either way.', 'cartbay' ),
					'type'        => 'boolean',
				),
				'steps'   => array(
					'description' => __( 'The 3 recovery steps in order: delay value and unit after abandonment, and whether the step includes a coupon.', 'cartbay' ),
					'type'        => 'array',
					'maxItems'    => 3,
					'items'       => array(
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
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/test/trigger` answers: the route's `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function test_trigger_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_test_trigger',
			'type'       => 'object',
			'properties' => array(
				'session_id'      => array(
					'description' => __( 'CartBay session id of the dummy abandoned session.', 'cartbay' ),
					'type'        => 'string',
				),
				'notification_id' => array(
					'description' => __( 'Id of the queued notification of recovery email 1.', 'cartbay' ),
					'type'        => 'string',
				),
				'scheduled_at'    => array(
					'description' => __( 'When recovery email 1 is due (ISO 8601, UTC).', 'cartbay' ),
					'type'        => 'string',
					'format'      => 'date-time',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/test/email` answers: the route's `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function test_email_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_test_email',
			'type'       => 'object',
			'properties' => array(
				'sent' => array(
					'description' => __( 'Whether WordPress accepted the email for delivery.', 'cartbay' ),
					'type'        => 'boolean',
				),
				'step' => array(
					'description' => __( 'The step sent: 0 for the basic delivery test, otherwise the recovery email previewed.', 'cartbay' ),
					'type'        => 'integer',
					'minimum'     => 0,
					'maximum'     => 3,
				),
			),
		);
	}
}
