<?php
/**
 * AgentAbilities: the cartbay-agent ability category and CartBay's WordPress Abilities.
 *
 * Registered by AbilityBridge only while the agent master and Abilities gates are open (WordPress 6.9+).
 *
 * Generated from plugin/schema/agent.ts by codegen/emitters/agent.ts. Do not edit:
 * change the schema and run `npm run codegen`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Generated;

use WPAnchorBay\CartBay\Agent\AbilityBridge;

defined( 'ABSPATH' ) || exit;

/**
 * Registers CartBay's ability category and abilities.
 */
final class AgentAbilities {

	/**
	 * Slug of the ability category.
	 */
	public const CATEGORY = 'cartbay-agent';

	/**
	 * Registers the category. Must run on `wp_abilities_api_categories_init`.
	 */
	public static function register_category(): void {
		if ( ! doing_action( 'wp_abilities_api_categories_init' ) ) {
			_doing_it_wrong( __METHOD__, esc_html__( 'CartBay ability categories must be registered on wp_abilities_api_categories_init.', 'cartbay' ), '0.1.0' );
			return;
		}
		wp_register_ability_category(
			self::CATEGORY,
			array(
				'label'       => __( 'CartBay agent', 'cartbay' ),
				'description' => __( 'Abandoned-cart recovery: sessions, analytics, settings and campaign, under CartBay’s agent gates.', 'cartbay' ),
			)
		);
	}

	/**
	 * Registers the abilities. Must run on `wp_abilities_api_init`.
	 *
	 * With MCP exposure on, each carries `meta.mcp` (public tool) and `meta.public`: the WordPress MCP Adapter
	 * then offers it to MCP clients.
	 *
	 * @param AbilityBridge $bridge     Permission and execute callbacks.
	 * @param bool          $mcp_public Whether MCP exposure is on.
	 */
	public static function register( AbilityBridge $bridge, bool $mcp_public ): void {
		if ( ! doing_action( 'wp_abilities_api_init' ) ) {
			_doing_it_wrong( __METHOD__, esc_html__( 'CartBay abilities must be registered on wp_abilities_api_init.', 'cartbay' ), '0.1.0' );
			return;
		}
		$mcp = $mcp_public ? array(
			'mcp'    => array(
				'public' => true,
				'type'   => 'tool',
			),
			'public' => true,
		) : array();

		// cartbay/get-agent-manifest: What this principal may do: open gates, granted access, routes, abilities, session actions and workflows.
		wp_register_ability(
			'cartbay/get-agent-manifest',
			array(
				'label'               => __( 'Get CartBay agent manifest', 'cartbay' ),
				'description'         => __( 'What this principal may do: open gates, granted access, routes, abilities, session actions and workflows.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(),
					'additionalProperties' => false,
					'default'              => array(),
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'get_manifest', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'get_manifest', $input ),
				'meta'                => array(
					'annotations'  => array(
						'readonly'   => true,
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/list-sessions: Recovery sessions created in the period, newest first, emails masked unless sensitive access is granted and open.
		wp_register_ability(
			'cartbay/list-sessions',
			array(
				'label'               => __( 'List CartBay sessions', 'cartbay' ),
				'description'         => __( 'Recovery sessions created in the period, newest first, emails masked unless sensitive access is granted and open.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'days'     => array(
							'type'        => 'integer',
							'enum'        => array(
								7,
								30,
								90,
							),
							'default'     => 30,
							'description' => 'Reporting period in days.',
						),
						'status'   => array(
							'type'        => 'string',
							'enum'        => array(
								'all',
								'captured',
								'abandoned',
								'recovered',
								'expired',
								'suppressed',
							),
							'default'     => 'all',
							'description' => 'Session status.',
						),
						'search'   => array(
							'type'        => 'string',
							'maxLength'   => 254,
							'description' => 'A session id; an email only with sensitive access (ignored otherwise).',
						),
						'page'     => array(
							'type'        => 'integer',
							'minimum'     => 1,
							'default'     => 1,
							'description' => 'Page number.',
						),
						'per_page' => array(
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => 50,
							'default'     => 20,
							'description' => 'Sessions per page.',
						),
					),
					'additionalProperties' => false,
					'default'              => array(),
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'list_sessions', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'list_sessions', $input ),
				'meta'                => array(
					'annotations'  => array(
						'readonly'   => true,
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/get-session: One session: status, timeline and notifications; email, cart, coupon code and orders only with sensitive access.
		wp_register_ability(
			'cartbay/get-session',
			array(
				'label'               => __( 'Get a CartBay session', 'cartbay' ),
				'description'         => __( 'One session: status, timeline and notifications; email, cart, coupon code and orders only with sensitive access.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'id' => array(
							'type'        => 'string',
							'pattern'     => '^[A-Za-z0-9]{32}$',
							'description' => 'CartBay session id.',
						),
					),
					'required'             => array(
						'id',
					),
					'additionalProperties' => false,
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'get_session', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'get_session', $input ),
				'meta'                => array(
					'annotations'  => array(
						'readonly'   => true,
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/run-session-action: Run one session action after checking its preconditions; contact and destructive actions need their gate open.
		wp_register_ability(
			'cartbay/run-session-action',
			array(
				'label'               => __( 'Run a CartBay session action', 'cartbay' ),
				'description'         => __( 'Run one session action after checking its preconditions; contact and destructive actions need their gate open.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'id'     => array(
							'type'        => 'string',
							'pattern'     => '^[A-Za-z0-9]{32}$',
							'description' => 'CartBay session id.',
						),
						'action' => array(
							'type'        => 'string',
							'enum'        => array(
								'mark_abandoned_now',
								'cancel_pending_emails',
								'send_email_step_now',
								'expire_session',
								'delete_session',
							),
							'description' => 'Session action.',
						),
						'step'   => array(
							'type'        => 'integer',
							'minimum'     => 1,
							'description' => 'Email step (send_email_step_now).',
						),
						'resend' => array(
							'type'        => 'boolean',
							'default'     => false,
							'description' => 'Send a step that was already sent (send_email_step_now).',
						),
					),
					'required'             => array(
						'id',
						'action',
					),
					'additionalProperties' => false,
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'run_session_action', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'run_session_action', $input ),
				'meta'                => array(
					'annotations'  => array(
						'destructive' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/get-analytics: Recovery funnel metrics for 7, 30 or 90 days (no personal data).
		wp_register_ability(
			'cartbay/get-analytics',
			array(
				'label'               => __( 'Get CartBay analytics', 'cartbay' ),
				'description'         => __( 'Recovery funnel metrics for 7, 30 or 90 days (no personal data).', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'days' => array(
							'type'        => 'integer',
							'enum'        => array(
								7,
								30,
								90,
							),
							'default'     => 30,
							'description' => 'Reporting period in days.',
						),
					),
					'additionalProperties' => false,
					'default'              => array(),
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'get_analytics', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'get_analytics', $input ),
				'meta'                => array(
					'annotations'  => array(
						'readonly'   => true,
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/get-settings: The normalized CartBay settings, agent gates included.
		wp_register_ability(
			'cartbay/get-settings',
			array(
				'label'               => __( 'Get CartBay settings', 'cartbay' ),
				'description'         => __( 'The normalized CartBay settings, agent gates included.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(),
					'additionalProperties' => false,
					'default'              => array(),
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'get_settings', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'get_settings', $input ),
				'meta'                => array(
					'annotations'  => array(
						'readonly'   => true,
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/update-settings: Change safe settings (never agent gates, uninstall deletion, retention, Test Mode or the consent default); values are normalized.
		wp_register_ability(
			'cartbay/update-settings',
			array(
				'label'               => __( 'Update CartBay settings', 'cartbay' ),
				'description'         => __( 'Change safe settings (never agent gates, uninstall deletion, retention, Test Mode or the consent default); values are normalized.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'settings' => array(
							'type'        => 'object',
							'description' => 'Settings to change, by key.',
						),
					),
					'required'             => array(
						'settings',
					),
					'additionalProperties' => false,
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'update_settings', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'update_settings', $input ),
				'meta'                => array(
					'annotations'  => array(
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/get-campaign: Whether the recovery sequence sends, and each step’s delay and coupon switch.
		wp_register_ability(
			'cartbay/get-campaign',
			array(
				'label'               => __( 'Get the CartBay campaign', 'cartbay' ),
				'description'         => __( 'Whether the recovery sequence sends, and each step’s delay and coupon switch.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(),
					'additionalProperties' => false,
					'default'              => array(),
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'get_campaign', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'get_campaign', $input ),
				'meta'                => array(
					'annotations'  => array(
						'readonly'   => true,
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);

		// cartbay/update-campaign: Change the sequence switch, step delays or coupon switches; values are normalized.
		wp_register_ability(
			'cartbay/update-campaign',
			array(
				'label'               => __( 'Update the CartBay campaign', 'cartbay' ),
				'description'         => __( 'Change the sequence switch, step delays or coupon switches; values are normalized.', 'cartbay' ),
				'category'            => self::CATEGORY,
				'input_schema'        => array(
					'type'                 => 'object',
					'properties'           => array(
						'campaign' => array(
							'type'        => 'object',
							'description' => 'Campaign fields to change (enabled, steps).',
						),
					),
					'required'             => array(
						'campaign',
					),
					'additionalProperties' => false,
				),
				'output_schema'       => array(
					'type' => 'object',
				),
				'execute_callback'    => static fn ( $input = null ) => $bridge->execute( 'update_campaign', $input ),
				'permission_callback' => static fn ( $input = null ) => $bridge->permit( 'update_campaign', $input ),
				'meta'                => array(
					'annotations'  => array(
						'idempotent' => true,
					),
					'show_in_rest' => true,
				) + $mcp,
			)
		);
	}
}
