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

use WPAnchorBay\CartBay\Agent\AgentController;
use WPAnchorBay\CartBay\Agent\AgentRestGate;
use WPAnchorBay\CartBay\Api\AnalyticsController;
use WPAnchorBay\CartBay\Api\CouponsController;
use WPAnchorBay\CartBay\Api\DeliveryTestController;
use WPAnchorBay\CartBay\Api\ExportController;
use WPAnchorBay\CartBay\Api\LicenseController;
use WPAnchorBay\CartBay\Api\LogsController;
use WPAnchorBay\CartBay\Api\NotificationsController;
use WPAnchorBay\CartBay\Api\Permissions;
use WPAnchorBay\CartBay\Api\RequestBody;
use WPAnchorBay\CartBay\Api\SessionsController;
use WPAnchorBay\CartBay\Api\SettingsController;
use WPAnchorBay\CartBay\Api\TestController;
use WPAnchorBay\CartBay\Api\WizardController;
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
							'description'       => __( '0 sends a basic delivery test through wp_mail(), from the recovery emails’ sender; 1–3 sends a preview of that recovery email.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'test_email_schema' ),
			)
		);

		// /mail-environment: The Email Delivery Test: detected mail delivery service, email loggers and the sender recovery emails use.
		// - READABLE (GET): Detects the mail delivery service (active known plugins: high confidence; outside callbacks on phpmailer_init or pre_wp_mail: medium; delivery keywords on wp_mail: low) and email loggers, and resolves the From email and name WooCommerce sends recovery emails with. Sends nothing.
		register_rest_route(
			self::NAMESPACE,
			'/mail-environment',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( DeliveryTestController::class )->get_environment( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'mail_environment_schema' ),
			)
		);

		// /analytics: The Overview and Notifications figures for a reporting period (cached; see README "Analytics").
		// - READABLE (GET): Metrics, per-step figures, notification states, the daily series and the current status counts for 7, 30 or 90 days.
		register_rest_route(
			self::NAMESPACE,
			'/analytics',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AnalyticsController::class )->get_analytics( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'days' => array(
							'type'              => 'integer',
							'enum'              => array(
								7,
								30,
								90,
							),
							'sanitize_callback' => null,
							'description'       => __( 'Reporting period in days: 7, 30, 90 (any other value means 30).', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'analytics_schema' ),
			)
		);

		// /analytics/rebuild: Rebuilds the analytics ledger of the retained sessions from the sessions, in background batches.
		// - READABLE (GET): Progress of the running (or last) rebuild.
		// - CREATABLE (POST): Starts a rebuild (or reports the one already running); figures of pruned sessions are kept.
		register_rest_route(
			self::NAMESPACE,
			'/analytics/rebuild',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AnalyticsController::class )->get_rebuild( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AnalyticsController::class )->start_rebuild( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'analytics_rebuild_schema' ),
			)
		);

		// /sessions: Recovery sessions of a reporting period (the Overview Sessions table).
		// - READABLE (GET): Sessions created in the period, filtered and sorted, 20 a page; X-WP-Total and X-WP-TotalPages headers.
		register_rest_route(
			self::NAMESPACE,
			'/sessions',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SessionsController::class )->list_sessions( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'days'     => array(
							'type'              => 'integer',
							'enum'              => array(
								7,
								30,
								90,
							),
							'sanitize_callback' => null,
							'description'       => __( 'Reporting period in days: 7, 30, 90 (any other value means 30).', 'cartbay' ),
						),
						'status'   => array(
							'type'              => 'string',
							'enum'              => array(
								'all',
								'captured',
								'abandoned',
								'recovered',
								'suppressed',
							),
							'default'           => 'all',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Current session status, or all.', 'cartbay' ),
						),
						'search'   => array(
							'type'              => 'string',
							'maxLength'         => 200,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Exact session id, notification id or email address, or part of an email address.', 'cartbay' ),
						),
						'orderby'  => array(
							'type'              => 'string',
							'enum'              => array(
								'session',
								'cart_total',
								'created',
								'last_activity',
								'emails_sent',
							),
							'default'           => 'created',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Sort column.', 'cartbay' ),
						),
						'order'    => array(
							'type'              => 'string',
							'enum'              => array(
								'asc',
								'desc',
							),
							'default'           => 'desc',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Sort direction.', 'cartbay' ),
						),
						'page'     => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'default'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Page number, from 1.', 'cartbay' ),
						),
						'per_page' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 100,
							'default'           => 20,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Rows per page.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'session_schema' ),
			)
		);

		// /exports/(?P<kind>sessions|emails): CSV export of the Sessions list (sessions) or of their recovery emails (emails), for the same filters and order.
		// - READABLE (GET): Streams the CSV in bounded memory; every cell is guarded against spreadsheet formulas; the export is logged without PII.
		register_rest_route(
			self::NAMESPACE,
			'/exports/(?P<kind>sessions|emails)',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( ExportController::class )->export( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'days'    => array(
							'type'              => 'integer',
							'enum'              => array(
								7,
								30,
								90,
							),
							'sanitize_callback' => null,
							'description'       => __( 'Reporting period in days: 7, 30, 90 (any other value means 30).', 'cartbay' ),
						),
						'status'  => array(
							'type'              => 'string',
							'enum'              => array(
								'all',
								'captured',
								'abandoned',
								'recovered',
								'suppressed',
							),
							'default'           => 'all',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Current session status, or all.', 'cartbay' ),
						),
						'search'  => array(
							'type'              => 'string',
							'maxLength'         => 200,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Exact session id, notification id or email address, or part of an email address.', 'cartbay' ),
						),
						'orderby' => array(
							'type'              => 'string',
							'enum'              => array(
								'session',
								'cart_total',
								'created',
								'last_activity',
								'emails_sent',
							),
							'default'           => 'created',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Sort column.', 'cartbay' ),
						),
						'order'   => array(
							'type'              => 'string',
							'enum'              => array(
								'asc',
								'desc',
							),
							'default'           => 'desc',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Sort direction.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'export_schema' ),
			)
		);

		// /sessions/(?P<id>[A-Za-z0-9]{32}): One recovery session in full.
		// - READABLE (GET): Meta, cart snapshot, events timeline, notifications, coupon and recovered order of one session.
		register_rest_route(
			self::NAMESPACE,
			'/sessions/(?P<id>[A-Za-z0-9]{32})',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( SessionsController::class )->get_session( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'session_detail_schema' ),
			)
		);

		// /notifications: Recovery email notifications of the period’s sessions (the Notifications table).
		// - READABLE (GET): Notifications, newest scheduled first, 20 a page; X-WP-Total and X-WP-TotalPages headers.
		register_rest_route(
			self::NAMESPACE,
			'/notifications',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( NotificationsController::class )->list_notifications( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'days'     => array(
							'type'              => 'integer',
							'enum'              => array(
								7,
								30,
								90,
							),
							'sanitize_callback' => null,
							'description'       => __( 'Reporting period in days: 7, 30, 90 (any other value means 30).', 'cartbay' ),
						),
						'status'   => array(
							'type'              => 'string',
							'enum'              => array(
								'all',
								'queued',
								'attempted',
								'sent',
								'delivered',
								'failed',
								'retry_queued',
								'canceled',
							),
							'default'           => 'all',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Notification lifecycle state, or all.', 'cartbay' ),
						),
						'search'   => array(
							'type'              => 'string',
							'maxLength'         => 200,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Recipient email (or part of it), session id, notification id, email type or trigger source.', 'cartbay' ),
						),
						'page'     => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'default'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Page number, from 1.', 'cartbay' ),
						),
						'per_page' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 100,
							'default'           => 20,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Rows per page.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'notification_schema' ),
			)
		);

		// /notifications/(?P<id>ntf_[a-z0-9]{16}): One notification with its lifecycle.
		// - READABLE (GET): Status, recipient, session, email type, trigger, schedule, lifecycle timestamps, attempts, restore click, recovered order and last error.
		register_rest_route(
			self::NAMESPACE,
			'/notifications/(?P<id>ntf_[a-z0-9]{16})',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( NotificationsController::class )->get_notification( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'notification_detail_schema' ),
			)
		);

		// /coupons: CartBay-generated coupons (Offers > Coupon History).
		// - READABLE (GET): Cards (generated, active, used, expired) and the coupons, newest first, codes masked, 20 a page.
		register_rest_route(
			self::NAMESPACE,
			'/coupons',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( CouponsController::class )->list_coupons( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'page'     => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'default'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Page number, from 1.', 'cartbay' ),
						),
						'per_page' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 100,
							'default'           => 20,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Rows per page.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'coupon_schema' ),
			)
		);

		// /coupons/(?P<id>[1-9][0-9]{0,19}): One CartBay coupon in full.
		// - READABLE (GET): Full code, generated email, email restriction, session, restore click, recovered order and the session’s recovery events.
		register_rest_route(
			self::NAMESPACE,
			'/coupons/(?P<id>[1-9][0-9]{0,19})',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( CouponsController::class )->get_coupon( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'coupon_detail_schema' ),
			)
		);

		// /license/activate: Activates a WPAnchorBay license key for this site.
		// - CREATABLE (POST): Sends the key, product slug and site domain to the license server from this server (never the browser) and stores the result; development domains get Dev Mode without a request.
		register_rest_route(
			self::NAMESPACE,
			'/license/activate',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( LicenseController::class )->activate( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'license_key' => array(
							'type'              => 'string',
							'maxLength'         => 64,
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'The license key (WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX).', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'license_schema' ),
			)
		);

		// /license/status: The local license state, optionally checked again.
		// - READABLE (GET): The stored license state with a masked key; refresh=true checks with the license server first.
		register_rest_route(
			self::NAMESPACE,
			'/license/status',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( LicenseController::class )->status( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'refresh' => array(
							'type'              => 'boolean',
							'default'           => false,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Check with the license server now.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'license_schema' ),
			)
		);

		// /license/deactivate: Removes the stored license from this site.
		// - CREATABLE (POST): Removes the stored key and cached validity; recovery keeps running.
		register_rest_route(
			self::NAMESPACE,
			'/license/deactivate',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( LicenseController::class )->deactivate( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'license_schema' ),
			)
		);

		// /wizard: The first-run setup wizard’s state.
		// - CREATABLE (POST): Marks the setup wizard complete (finished or skipped), so the first-run redirect never happens again; the wizard stays reachable from Settings.
		register_rest_route(
			self::NAMESPACE,
			'/wizard',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( WizardController::class )->complete( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'wizard_schema' ),
			)
		);

		// /logs: The sanitized CartBay log file (the hidden Logs section), newest first.
		// - READABLE (GET): Entries of cartbay.log and its backup, newest first, filtered by level, source, event prefix and text, 50 a page; X-WP-Total and X-WP-TotalPages headers.
		register_rest_route(
			self::NAMESPACE,
			'/logs',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( LogsController::class )->list_logs( $request ),
					'permission_callback' => array( Permissions::class, 'can_manage_woocommerce' ),
					'args'                => array(
						'level'    => array(
							'type'              => 'string',
							'enum'              => array(
								'all',
								'info',
								'warning',
								'error',
							),
							'default'           => 'all',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Entry level, or all.', 'cartbay' ),
						),
						'source'   => array(
							'type'              => 'string',
							'enum'              => array(
								'all',
								'capture',
								'abandonment',
								'email',
								'restore',
								'unsubscribe',
								'attribution',
								'license',
								'retention',
								'agent',
							),
							'default'           => 'all',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Source (the part of the event name before the dot), or all.', 'cartbay' ),
						),
						'event'    => array(
							'type'              => 'string',
							'maxLength'         => 100,
							'pattern'           => '^[a-z0-9_.]*$',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Event name prefix (capture., email.sent, …).', 'cartbay' ),
						),
						'search'   => array(
							'type'              => 'string',
							'maxLength'         => 100,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Text the event or its context contains (case-insensitive).', 'cartbay' ),
						),
						'page'     => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'default'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Page number, from 1.', 'cartbay' ),
						),
						'per_page' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 200,
							'default'           => 50,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Entries per page.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'log_entry_schema' ),
			)
		);

		// /agent/manifest: Agent manifest: gates, access, routes, abilities, actions and workflows.
		// - READABLE (GET): What this principal may do: open gates, granted access, routes, abilities, session actions and workflows.
		register_rest_route(
			self::NAMESPACE,
			'/agent/manifest',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->manifest( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'get_manifest' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'agent_manifest_schema' ),
			)
		);

		// /agent/sessions: CartBay sessions, masked unless sensitive access is granted and open.
		// - READABLE (GET): Recovery sessions created in the period, newest first, emails masked unless sensitive access is granted and open.
		register_rest_route(
			self::NAMESPACE,
			'/agent/sessions',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->list_sessions( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'list_sessions' ),
					'args'                => array(
						'days'     => array(
							'type'              => 'integer',
							'enum'              => array(
								7,
								30,
								90,
							),
							'default'           => 30,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Reporting period in days.', 'cartbay' ),
						),
						'status'   => array(
							'type'              => 'string',
							'enum'              => array(
								'all',
								'captured',
								'abandoned',
								'recovered',
								'expired',
								'suppressed',
							),
							'default'           => 'all',
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Session status.', 'cartbay' ),
						),
						'search'   => array(
							'type'              => 'string',
							'maxLength'         => 254,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'A session id; an email only with sensitive access (ignored otherwise).', 'cartbay' ),
						),
						'page'     => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'default'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Page number.', 'cartbay' ),
						),
						'per_page' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 50,
							'default'           => 20,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Sessions per page.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_sessions_schema' ),
			)
		);

		// /agent/sessions/(?P<id>[A-Za-z0-9]{32}): One CartBay session.
		// - READABLE (GET): One session: status, timeline and notifications; email, cart, coupon code and orders only with sensitive access.
		register_rest_route(
			self::NAMESPACE,
			'/agent/sessions/(?P<id>[A-Za-z0-9]{32})',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->get_session( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'get_session' ),
					'args'                => array(
						'id' => array(
							'type'              => 'string',
							'pattern'           => '^[A-Za-z0-9]{32}$',
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'CartBay session id.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_session_schema' ),
			)
		);

		// /agent/sessions/(?P<id>[A-Za-z0-9]{32})/actions: Runs one session action after checking its preconditions.
		// - CREATABLE (POST): Run one session action after checking its preconditions; contact and destructive actions need their gate open.
		register_rest_route(
			self::NAMESPACE,
			'/agent/sessions/(?P<id>[A-Za-z0-9]{32})/actions',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->run_session_action( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'run_session_action' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'id'     => array(
							'type'              => 'string',
							'pattern'           => '^[A-Za-z0-9]{32}$',
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'CartBay session id.', 'cartbay' ),
						),
						'action' => array(
							'type'              => 'string',
							'enum'              => array(
								'mark_abandoned_now',
								'cancel_pending_emails',
								'send_email_step_now',
								'expire_session',
								'delete_session',
							),
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Session action.', 'cartbay' ),
						),
						'step'   => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Email step (send_email_step_now).', 'cartbay' ),
						),
						'resend' => array(
							'type'              => 'boolean',
							'default'           => false,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Send a step that was already sent (send_email_step_now).', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_session_action_schema' ),
			)
		);

		// /agent/analytics: Recovery analytics (no personal data).
		// - READABLE (GET): Recovery funnel metrics for 7, 30 or 90 days (no personal data).
		register_rest_route(
			self::NAMESPACE,
			'/agent/analytics',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->get_analytics( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'get_analytics' ),
					'args'                => array(
						'days' => array(
							'type'              => 'integer',
							'enum'              => array(
								7,
								30,
								90,
							),
							'default'           => 30,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Reporting period in days.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_analytics_schema' ),
			)
		);

		// /agent/settings: CartBay settings: all readable, the safe ones writable.
		// - READABLE (GET): The normalized CartBay settings, agent gates included.
		// - EDITABLE (POST, PUT, PATCH): Change safe settings (never agent gates, uninstall deletion, retention, Test Mode or the consent default); values are normalized.
		register_rest_route(
			self::NAMESPACE,
			'/agent/settings',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->get_settings( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'get_settings' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->update_settings( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'update_settings' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'agent_settings_schema' ),
			)
		);

		// /agent/campaign: The recovery campaign.
		// - READABLE (GET): Whether the recovery sequence sends, and each step’s delay and coupon switch.
		// - EDITABLE (POST, PUT, PATCH): Change the sequence switch, step delays or coupon switches; values are normalized.
		register_rest_route(
			self::NAMESPACE,
			'/agent/campaign',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->get_campaign( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'get_campaign' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->update_campaign( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'update_campaign' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(),
				),
				'schema' => array( self::class, 'agent_campaign_schema' ),
			)
		);

		// /agent/tokens: CartBay Bearer tokens.
		// - READABLE (GET): Every token record (never a secret).
		// - CREATABLE (POST): A new token for the caller; the secret is shown once, only its SHA-256 is kept.
		register_rest_route(
			self::NAMESPACE,
			'/agent/tokens',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->list_tokens( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'list_tokens' ),
					'args'                => array(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->create_token( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'create_token' ),
					'validate_callback'   => array( RequestBody::class, 'require_object' ),
					'args'                => array(
						'label'           => array(
							'type'              => 'string',
							'minLength'         => 1,
							'maxLength'         => 100,
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'What the token is for.', 'cartbay' ),
						),
						'scopes'          => array(
							'type'              => 'array',
							'minItems'          => 1,
							'uniqueItems'       => true,
							'items'             => array(
								'type' => 'string',
								'enum' => array(
									'read',
									'write',
									'contact',
									'sensitive',
									'destructive',
									'manage_tokens',
									'manage_access',
								),
							),
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Scopes.', 'cartbay' ),
						),
						'expires_in_days' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 365,
							'default'           => 90,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Days until the token expires.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_tokens_schema' ),
			)
		);

		// /agent/tokens/(?P<public_id>[a-z0-9]{12}): One CartBay Bearer token.
		// - DELETABLE (DELETE): The token stops working at once.
		register_rest_route(
			self::NAMESPACE,
			'/agent/tokens/(?P<public_id>[a-z0-9]{12})',
			array(
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->revoke_token( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'revoke_token' ),
					'args'                => array(
						'public_id' => array(
							'type'              => 'string',
							'pattern'           => '^[a-z0-9]{12}$',
							'required'          => true,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Public id of the token.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_token_schema' ),
			)
		);

		// /agent/audit-log: The redacted agent audit log, newest first.
		// - READABLE (GET): Agent calls, newest first: principal, surface, operation, sessions touched, decision (no PII).
		register_rest_route(
			self::NAMESPACE,
			'/agent/audit-log',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentController::class )->get_audit_log( $request ),
					'permission_callback' => static fn ( \WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, 'get_audit_log' ),
					'args'                => array(
						'page'     => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'default'           => 1,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Page number.', 'cartbay' ),
						),
						'per_page' => array(
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 200,
							'default'           => 50,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'rest_sanitize_request_arg',
							'description'       => __( 'Entries per page.', 'cartbay' ),
						),
					),
				),
				'schema' => array( self::class, 'agent_audit_log_schema' ),
			)
		);
	}

	/**
	 * JSON Schema of what `/capture` answers: the `schema` callback, shown by an OPTIONS request.
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
	 * JSON Schema of what `/settings` answers: the `schema` callback, shown by an OPTIONS request.
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
	 * JSON Schema of what `/campaign` answers: the `schema` callback, shown by an OPTIONS request.
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
	 * JSON Schema of what `/test/trigger` answers: the `schema` callback, shown by an OPTIONS request.
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
	 * JSON Schema of what `/test/email` answers: the `schema` callback, shown by an OPTIONS request.
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

	/**
	 * JSON Schema of what `/mail-environment` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function mail_environment_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_mail_environment',
			'type'       => 'object',
			'properties' => array(
				'confidence' => array(
					'description' => __( 'The strongest finding: high, medium or low; none without one.', 'cartbay' ),
					'type'        => 'string',
					'enum'        => array(
						'high',
						'medium',
						'low',
						'none',
					),
				),
				'service'    => array(
					'description' => __( 'Name of the strongest finding (plugin, callback or function), or null.', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'detections' => array(
					'description' => __( 'Every finding, strongest first: confidence, name, source (plugin or hook) and detail (plugin file or hook name).', 'cartbay' ),
					'type'        => 'array',
				),
				'loggers'    => array(
					'description' => __( 'Active email logger plugins: name and plugin file.', 'cartbay' ),
					'type'        => 'array',
				),
				'from_email' => array(
					'description' => __( 'From email of a recovery email: WooCommerce’s sender option through wp_mail_from, as WooCommerce applies it.', 'cartbay' ),
					'type'        => 'string',
				),
				'from_name'  => array(
					'description' => __( 'From name of a recovery email, through wp_mail_from_name likewise.', 'cartbay' ),
					'type'        => 'string',
				),
				'recipient'  => array(
					'description' => __( 'Default recipient of the test email: the current user’s email.', 'cartbay' ),
					'type'        => 'string',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/analytics` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function analytics_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_analytics',
			'type'       => 'object',
			'properties' => array(
				'days'          => array(
					'description' => __( 'The reporting period used, in days.', 'cartbay' ),
					'type'        => 'integer',
					'enum'        => array(
						7,
						30,
						90,
					),
				),
				'from'          => array(
					'description' => __( 'First day of the period (site time zone).', 'cartbay' ),
					'type'        => 'string',
					'format'      => 'date',
				),
				'to'            => array(
					'description' => __( 'Last day of the period: today (site time zone).', 'cartbay' ),
					'type'        => 'string',
					'format'      => 'date',
				),
				'metrics'       => array(
					'description' => __( 'Each card of the period, by metric key (definitions in the schema and README).', 'cartbay' ),
					'type'        => 'object',
				),
				'steps'         => array(
					'description' => __( 'Per recovery step: emails sent, restore clicks, recoveries and recovered revenue.', 'cartbay' ),
					'type'        => 'array',
				),
				'notifications' => array(
					'description' => __( 'Notifications of the period’s sessions by lifecycle state.', 'cartbay' ),
					'type'        => 'object',
				),
				'series'        => array(
					'description' => __( 'One entry per day of the period: tracked, abandoned, recovered, recovered revenue.', 'cartbay' ),
					'type'        => 'array',
				),
				'statuses'      => array(
					'description' => __( 'Current session counts by status (not limited to the period).', 'cartbay' ),
					'type'        => 'object',
				),
				'currency'      => array(
					'description' => __( 'Store currency the money figures are in.', 'cartbay' ),
					'type'        => 'string',
				),
				'generated_at'  => array(
					'description' => __( 'When the cached figures were computed (ISO 8601, UTC).', 'cartbay' ),
					'type'        => 'string',
					'format'      => 'date-time',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/analytics/rebuild` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function analytics_rebuild_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_analytics_rebuild',
			'type'       => 'object',
			'properties' => array(
				'state'       => array(
					'description' => __( 'idle, running or done.', 'cartbay' ),
					'type'        => 'string',
					'enum'        => array(
						'idle',
						'running',
						'done',
					),
				),
				'processed'   => array(
					'description' => __( 'Sessions read so far.', 'cartbay' ),
					'type'        => 'integer',
				),
				'started_at'  => array(
					'description' => __( 'When the rebuild started (ISO 8601, UTC).', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'finished_at' => array(
					'description' => __( 'When it finished (ISO 8601, UTC).', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/sessions` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function session_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_session',
			'type'       => 'object',
			'properties' => array(
				'session_id'       => array(
					'description' => __( 'CartBay session id.', 'cartbay' ),
					'type'        => 'string',
				),
				'order_id'         => array(
					'description' => __( 'The WooCommerce order backing the session.', 'cartbay' ),
					'type'        => 'integer',
				),
				'email'            => array(
					'description' => __( 'Captured email.', 'cartbay' ),
					'type'        => 'string',
				),
				'status'           => array(
					'description' => __( 'Current status key.', 'cartbay' ),
					'type'        => 'string',
				),
				'cart_total'       => array(
					'description' => __( 'Cart total at the last capture.', 'cartbay' ),
					'type'        => 'number',
				),
				'created_at'       => array(
					'description' => __( 'Created (ISO 8601, UTC).', 'cartbay' ),
					'type'        => 'string',
				),
				'last_activity_at' => array(
					'description' => __( 'Last captured activity (ISO 8601, UTC).', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'emails_sent'      => array(
					'description' => __( 'Recovery emails sent or delivered.', 'cartbay' ),
					'type'        => 'integer',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/exports/(?P<kind>sessions|emails)` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function export_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_export',
			'type'       => 'object',
			'properties' => array(),
		);
	}

	/**
	 * JSON Schema of what `/sessions/(?P<id>[A-Za-z0-9]{32})` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function session_detail_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_session_detail',
			'type'       => 'object',
			'properties' => array(
				'session_id'    => array(
					'description' => __( 'CartBay session id.', 'cartbay' ),
					'type'        => 'string',
				),
				'events'        => array(
					'description' => __( 'The events timeline, oldest first.', 'cartbay' ),
					'type'        => 'array',
				),
				'notifications' => array(
					'description' => __( 'Notification records.', 'cartbay' ),
					'type'        => 'array',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/notifications` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function notification_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_notification',
			'type'       => 'object',
			'properties' => array(
				'notification_id' => array(
					'description' => __( 'Notification id.', 'cartbay' ),
					'type'        => 'string',
				),
				'session_id'      => array(
					'description' => __( 'CartBay session id.', 'cartbay' ),
					'type'        => 'string',
				),
				'status'          => array(
					'description' => __( 'Lifecycle state.', 'cartbay' ),
					'type'        => 'string',
				),
				'recipient'       => array(
					'description' => __( 'Recipient email.', 'cartbay' ),
					'type'        => 'string',
				),
				'step'            => array(
					'description' => __( 'Recovery step.', 'cartbay' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 3,
				),
				'email_type'      => array(
					'description' => __( 'WooCommerce email id of the step.', 'cartbay' ),
					'type'        => 'string',
				),
				'scheduled_at'    => array(
					'description' => __( 'Scheduled send time (ISO 8601, UTC).', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/notifications/(?P<id>ntf_[a-z0-9]{16})` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function notification_detail_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_notification_detail',
			'type'       => 'object',
			'properties' => array(
				'notification_id' => array(
					'description' => __( 'Notification id.', 'cartbay' ),
					'type'        => 'string',
				),
				'timestamps'      => array(
					'description' => __( 'Lifecycle state → when it was entered.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/coupons` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function coupon_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_coupon',
			'type'       => 'object',
			'properties' => array(
				'coupon_id' => array(
					'description' => __( 'Coupon post id.', 'cartbay' ),
					'type'        => 'integer',
				),
				'code'      => array(
					'description' => __( 'Masked coupon code.', 'cartbay' ),
					'type'        => 'string',
				),
				'status'    => array(
					'description' => __( 'active, used, expired.', 'cartbay' ),
					'type'        => 'string',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/coupons/(?P<id>[1-9][0-9]{0,19})` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function coupon_detail_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_coupon_detail',
			'type'       => 'object',
			'properties' => array(
				'coupon_id' => array(
					'description' => __( 'Coupon post id.', 'cartbay' ),
					'type'        => 'integer',
				),
				'code'      => array(
					'description' => __( 'Full coupon code.', 'cartbay' ),
					'type'        => 'string',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/license/activate`, `/license/status`, `/license/deactivate` answer: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function license_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_license',
			'type'       => 'object',
			'properties' => array(
				'status'     => array(
					'description' => __( 'active, inactive, expired, invalid, dev_mode or server_error.', 'cartbay' ),
					'type'        => 'string',
				),
				'label'      => array(
					'description' => __( 'The status, translated.', 'cartbay' ),
					'type'        => 'string',
				),
				'key'        => array(
					'description' => __( 'The stored key, masked (never the full key).', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'expires_at' => array(
					'description' => __( 'License term end, when the server gave one.', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'plan'       => array(
					'description' => __( 'Plan name, when the server gave one.', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'checked_at' => array(
					'description' => __( 'Last check with the license server (ISO 8601, UTC).', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
				'message'    => array(
					'description' => __( 'What the last activation or check said (translated), when it said something.', 'cartbay' ),
					'type'        => array(
						'string',
						'null',
					),
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/wizard` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function wizard_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_wizard',
			'type'       => 'object',
			'properties' => array(
				'complete' => array(
					'description' => __( 'Whether the wizard is complete.', 'cartbay' ),
					'type'        => 'boolean',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/logs` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function log_entry_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_log_entry',
			'type'       => 'object',
			'properties' => array(
				'time'    => array(
					'description' => __( 'When it was written (ISO 8601, UTC).', 'cartbay' ),
					'type'        => 'string',
				),
				'level'   => array(
					'description' => __( 'info, warning or error.', 'cartbay' ),
					'type'        => 'string',
				),
				'source'  => array(
					'description' => __( 'What wrote it (capture, email, …).', 'cartbay' ),
					'type'        => 'string',
				),
				'event'   => array(
					'description' => __( 'Event name.', 'cartbay' ),
					'type'        => 'string',
				),
				'context' => array(
					'description' => __( 'Sanitized details: ids, counts and reasons; never an email, token or key.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/manifest` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_manifest_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_manifest',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'The manifest.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/sessions` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_sessions_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_sessions',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'One page of sessions.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/sessions/(?P<id>[A-Za-z0-9]{32})` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_session_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_session',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'The session.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/sessions/(?P<id>[A-Za-z0-9]{32})/actions` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_session_action_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_session_action',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'What the action did.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/analytics` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_analytics_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_analytics',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'The analytics report.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/settings` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_settings_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_settings',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'The settings.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/campaign` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_campaign_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_campaign',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'The campaign.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/tokens` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_tokens_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_tokens',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'Token records.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/tokens/(?P<public_id>[a-z0-9]{12})` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_token_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_token',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'The revoked token record.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}

	/**
	 * JSON Schema of what `/agent/audit-log` answers: the `schema` callback, shown by an OPTIONS request.
	 *
	 * @return array<string, mixed>
	 */
	public static function agent_audit_log_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'cartbay_agent_audit_log',
			'type'       => 'object',
			'properties' => array(
				'data' => array(
					'description' => __( 'One page of audit entries.', 'cartbay' ),
					'type'        => 'object',
				),
			),
		);
	}
}
