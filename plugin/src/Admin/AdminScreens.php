<?php
/**
 * CartBay's admin screens.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Admin;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Email\EmailRegistry;
use WPAnchorBay\CartBay\Generated\AgentSchema;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\RestRoutes;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the two places CartBay is managed from, and loads the admin app (build/admin.js) on them only:
 *
 * - WooCommerce > CartBay (admin.php?page=cartbay), when the "WooCommerce Menu Shortcut" setting is on;
 * - WooCommerce > Settings > Cart (admin.php?page=wc-settings&tab=cartbay), always.
 *
 * Both render the same React root; the app saves through the CartBay REST routes, so WooCommerce's own
 * settings form and Save button are not used on the Cart tab. Also adds an "Overview" link to CartBay's row
 * on the Plugins screen.
 */
final class AdminScreens implements HookSubscriber {

	/**
	 * Slug of the WooCommerce > CartBay page.
	 *
	 * @var string
	 */
	public const PAGE_SLUG = 'cartbay';

	/**
	 * Slug of the setup wizard's page: registered without a menu entry, opened by the first-run redirect
	 * and by the Settings section's link.
	 *
	 * @var string
	 */
	public const WIZARD_SLUG = 'cartbay-setup';

	/**
	 * Id of CartBay's tab in WooCommerce > Settings.
	 *
	 * @var string
	 */
	public const SETTINGS_TAB = 'cartbay';

	/**
	 * Handle of the admin script (build/admin.js) and of its stylesheet (build/admin.css).
	 *
	 * @var string
	 */
	public const SCRIPT_HANDLE = 'cartbay-admin';

	/**
	 * Id of the element the admin app mounts into; passed to the script in its boot data.
	 *
	 * @var string
	 */
	public const ROOT_ID = 'cartbay-admin-root';

	/**
	 * Capability needed to see any CartBay screen (the REST routes check the same one).
	 *
	 * @var string
	 */
	public const CAPABILITY = 'manage_woocommerce';

	/**
	 * Settings source; created on first use when the class exists.
	 *
	 * @var SettingsRepository|null
	 */
	private ?SettingsRepository $settings;

	/**
	 * Main plugin file (for the Plugins-list link).
	 *
	 * @var string
	 */
	private string $plugin_file;

	/**
	 * Plugin folder path, with a trailing slash.
	 *
	 * @var string
	 */
	private string $plugin_dir;

	/**
	 * Plugin folder URL, with a trailing slash.
	 *
	 * @var string
	 */
	private string $plugin_url;

	/**
	 * Hook suffix of the WooCommerce > CartBay page, once it is added.
	 *
	 * @var string|null
	 */
	private ?string $page_hook = null;

	/**
	 * Hook suffix of the setup wizard's page, once registered.
	 *
	 * @var string|null
	 */
	private ?string $wizard_hook = null;

	/**
	 * Sets up the screens (built by the first admin hook that fires).
	 *
	 * @param SettingsRepository|null $settings    Settings source. Default: a new SettingsRepository, when that class exists.
	 * @param string|null             $plugin_file Main plugin file. Default: CARTBAY_FILE (and CARTBAY_DIR / CARTBAY_URL).
	 */
	public function __construct( ?SettingsRepository $settings = null, ?string $plugin_file = null ) {
		$this->settings    = $settings;
		$this->plugin_file = $plugin_file ?? CARTBAY_FILE;
		$this->plugin_dir  = null === $plugin_file ? CARTBAY_DIR : plugin_dir_path( $plugin_file );
		$this->plugin_url  = null === $plugin_file ? CARTBAY_URL : plugin_dir_url( $plugin_file );
	}

	/**
	 * The hooks this service handles, on admin requests only. The menu entry comes after WooCommerce's own
	 * Settings entry (priority 50), before Status (60).
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		if ( ! is_admin() ) {
			return array();
		}
		return array(
			'admin_menu'                                       => array( 55, 1 ),
			'woocommerce_settings_tabs_array'                  => array( 50, 1 ),
			'woocommerce_settings_' . self::SETTINGS_TAB       => array( 10, 1 ),
			'woocommerce_after_settings_' . self::SETTINGS_TAB => array( 10, 1 ),
			'admin_enqueue_scripts'                            => array( 10, 1 ),
			'plugin_action_links'                              => array( 10, 2 ),
		);
	}

	/**
	 * Adds WooCommerce > CartBay when the menu shortcut setting is on.
	 */
	public function handle_admin_menu(): void {
		// An empty parent registers the page without a menu entry.
		$wizard            = add_submenu_page(
			'',
			__( 'CartBay Setup', 'cartbay' ),
			__( 'CartBay Setup', 'cartbay' ),
			self::CAPABILITY,
			self::WIZARD_SLUG,
			array( $this, 'render_wizard_page' )
		);
		$this->wizard_hook = false === $wizard ? null : $wizard;
		if ( null !== $this->wizard_hook ) {
			add_action( 'load-' . $this->wizard_hook, array( $this, 'set_wizard_title' ) );
		}

		if ( ! $this->is_menu_shortcut_enabled() ) {
			return;
		}

		$hook = add_submenu_page(
			'woocommerce',
			__( 'CartBay', 'cartbay' ),
			__( 'CartBay', 'cartbay' ),
			self::CAPABILITY,
			self::PAGE_SLUG,
			array( $this, 'render_page' )
		);

		$this->page_hook = false === $hook ? null : $hook;
	}

	/**
	 * Adds the Cart tab to WooCommerce > Settings.
	 *
	 * @param array<string, string> $tabs Settings tabs, id => label.
	 * @return array<string, string> The tabs with CartBay's.
	 */
	public function handle_woocommerce_settings_tabs_array( $tabs ): array {
		$tabs = is_array( $tabs ) ? $tabs : array();

		$tabs[ self::SETTINGS_TAB ] = _x( 'Cart', 'WooCommerce settings tab', 'cartbay' );

		return $tabs;
	}

	/**
	 * `woocommerce_settings_cartbay`, inside WooCommerce's settings form on the Cart tab: hides its Save
	 * button, since the app saves through the REST API. The app itself is rendered after the form
	 * (`woocommerce_after_settings_cartbay`), so its fields never post with WooCommerce's form.
	 */
	public function handle_woocommerce_settings_cartbay(): void {
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- WooCommerce's documented switch for its Save button.
		$GLOBALS['hide_save_button'] = true;
	}

	/**
	 * `woocommerce_after_settings_cartbay`: the app's root, after WooCommerce's settings form.
	 */
	public function handle_woocommerce_after_settings_cartbay(): void {
		$this->render_root();
	}

	/**
	 * Prints the WooCommerce > CartBay page.
	 */
	public function render_page(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'CartBay', 'cartbay' ); ?></h1>
			<?php $this->render_root(); ?>
		</div>
		<?php
	}

	/**
	 * Prints the setup wizard's page: the same app root, which shows the wizard on this page.
	 */
	public function render_wizard_page(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'CartBay Setup', 'cartbay' ); ?></h1>
			<?php $this->render_root(); ?>
		</div>
		<?php
	}

	/**
	 * `load-{wizard page}`: the page's title. A page without a menu entry has none for the admin header
	 * (which would pass null to strip_tags()), so it is set here.
	 */
	public function set_wizard_title(): void {
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the admin header's documented title global.
		$GLOBALS['title'] = __( 'CartBay Setup', 'cartbay' );
	}

	/**
	 * URL of the setup wizard.
	 *
	 * @return string Admin URL (not escaped).
	 */
	public static function wizard_url(): string {
		return add_query_arg( 'page', self::WIZARD_SLUG, admin_url( 'admin.php' ) );
	}

	/**
	 * Prints the element the admin app mounts into (also inside the WooCommerce > CartBay page).
	 *
	 * The wc-settings-prevent-change-event class keeps WooCommerce's "unsaved changes" prompt from
	 * reacting to the app's fields, which are saved through the REST API.
	 */
	public function render_root(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}

		printf(
			'<div id="%1$s" class="cartbay-admin wc-settings-prevent-change-event"><noscript><p>%2$s</p></noscript></div>',
			esc_attr( self::ROOT_ID ),
			esc_html__( 'CartBay settings need JavaScript. Please enable JavaScript in your browser to manage CartBay.', 'cartbay' )
		);
	}

	/**
	 * Loads the admin app on the two CartBay screens, and nowhere else.
	 *
	 * @param string $hook_suffix Hook suffix of the current admin page.
	 */
	public function handle_admin_enqueue_scripts( $hook_suffix ): void {
		if ( ! $this->is_cartbay_screen( (string) $hook_suffix ) || ! current_user_can( self::CAPABILITY ) ) {
			return;
		}

		$asset_file = $this->plugin_dir . 'build/admin.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}

		$asset        = require $asset_file;
		$dependencies = isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? $asset['dependencies'] : array();
		$version      = isset( $asset['version'] ) ? (string) $asset['version'] : (string) CARTBAY_VERSION;

		wp_enqueue_script(
			self::SCRIPT_HANDLE,
			$this->plugin_url . 'build/admin.js',
			$dependencies,
			$version,
			array( 'in_footer' => true )
		);
		wp_set_script_translations( self::SCRIPT_HANDLE, 'cartbay', $this->plugin_dir . 'languages' );
		wp_add_inline_script(
			self::SCRIPT_HANDLE,
			sprintf( 'window.cartbayAdmin = %s;', wp_json_encode( $this->boot_data( (string) $hook_suffix ) ) ),
			'before'
		);

		wp_enqueue_style( 'wp-components' );
		if ( is_readable( $this->plugin_dir . 'build/admin.css' ) ) {
			wp_enqueue_style( self::SCRIPT_HANDLE, $this->plugin_url . 'build/admin.css', array( 'wp-components' ), $version );
			wp_style_add_data( self::SCRIPT_HANDLE, 'rtl', 'replace' );
		}
	}

	/**
	 * `plugin_action_links`: adds "Overview" to CartBay's row on the Plugins screen.
	 *
	 * @param array<int|string, string> $links       Action links (HTML).
	 * @param string                    $plugin_file Plugin of the row, relative to the plugins folder.
	 * @return array<int|string, string> The links, CartBay's first on its own row.
	 */
	public function handle_plugin_action_links( $links, $plugin_file = '' ) {
		if ( plugin_basename( $this->plugin_file ) !== $plugin_file ) {
			return $links;
		}
		$links = is_array( $links ) ? $links : array();
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return $links;
		}

		$overview = sprintf(
			'<a href="%1$s">%2$s</a>',
			esc_url( $this->screen_url() ),
			esc_html__( 'Overview', 'cartbay' )
		);

		return array_merge( array( 'cartbay-overview' => $overview ), $links );
	}

	/**
	 * URL of CartBay's admin screen: WooCommerce > CartBay when the shortcut is on, else the Cart settings tab.
	 *
	 * @return string Admin URL (not escaped).
	 */
	public function screen_url(): string {
		if ( $this->is_menu_shortcut_enabled() ) {
			return add_query_arg( 'page', self::PAGE_SLUG, admin_url( 'admin.php' ) );
		}

		return add_query_arg(
			array(
				'page' => 'wc-settings',
				'tab'  => self::SETTINGS_TAB,
			),
			admin_url( 'admin.php' )
		);
	}

	/**
	 * Whether the current admin page is WooCommerce > CartBay or the Cart settings tab.
	 *
	 * @param string $hook_suffix Hook suffix of the current admin page.
	 * @return bool
	 */
	private function is_cartbay_screen( string $hook_suffix ): bool {
		if ( null !== $this->page_hook && $hook_suffix === $this->page_hook ) {
			return true;
		}
		if ( $this->is_wizard_screen( $hook_suffix ) ) {
			return true;
		}

		// Only reads which page is shown; nothing is saved.
		// phpcs:disable WordPress.Security.NonceVerification.Recommended
		$page = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : '';
		$tab  = isset( $_GET['tab'] ) ? sanitize_key( wp_unslash( $_GET['tab'] ) ) : '';
		// phpcs:enable WordPress.Security.NonceVerification.Recommended

		return 'wc-settings' === $page && self::SETTINGS_TAB === $tab;
	}

	/**
	 * Whether the current admin page is the setup wizard.
	 *
	 * @param string $hook_suffix Hook suffix of the current admin page.
	 * @return bool
	 */
	private function is_wizard_screen( string $hook_suffix ): bool {
		return null !== $this->wizard_hook && $hook_suffix === $this->wizard_hook;
	}

	/**
	 * Whether the "WooCommerce Menu Shortcut" setting is on.
	 *
	 * Until the settings repository exists, the page is shown, so CartBay stays reachable.
	 *
	 * @return bool
	 */
	private function is_menu_shortcut_enabled(): bool {
		$settings = $this->settings_repository();
		if ( null === $settings ) {
			return true;
		}

		return (bool) $settings->get( SettingsKeys::MENU_SHORTCUT_ENABLED );
	}

	/**
	 * The settings repository, created on first use.
	 *
	 * @return SettingsRepository|null
	 */
	private function settings_repository(): ?SettingsRepository {
		if ( null === $this->settings && class_exists( SettingsRepository::class ) ) {
			$this->settings = new SettingsRepository();
		}

		return $this->settings;
	}

	/**
	 * Data the admin app reads from window.cartbayAdmin.
	 *
	 * The REST root and a `wp_rest` nonce let the app build links the browser follows itself (the CSV
	 * exports), which api-fetch's nonce middleware cannot sign.
	 *
	 * The email subjects are the ones saved in WooCommerce > Settings > Emails (the Templates section shows
	 * them); no REST answer carries them.
	 *
	 * Whether the user may open or close the AI agent gates (the settings route refuses it otherwise), so
	 * the Settings section shows them read-only instead of failing on save.
	 *
	 * `view` is `wizard` on the setup wizard's page; the wizard's and the app's URLs link one to the other.
	 *
	 * The store currency lets the Offers section word a fixed-cart discount in money before it is saved.
	 *
	 * @param string $hook_suffix Hook suffix of the current admin page.
	 * @return array{view: string, wizardUrl: string, screenUrl: string, restNamespace: string, rootId: string, restUrl: string, restNonce: string, emailSubjects: array<string, string>, canManageAgentAccess: bool, currency: string}
	 */
	private function boot_data( string $hook_suffix ): array {
		return array(
			'view'                 => $this->is_wizard_screen( $hook_suffix ) ? 'wizard' : 'app',
			'wizardUrl'            => self::wizard_url(),
			'screenUrl'            => $this->screen_url(),
			'restNamespace'        => $this->rest_namespace(),
			'rootId'               => self::ROOT_ID,
			'restUrl'              => esc_url_raw( rest_url() ),
			'restNonce'            => wp_create_nonce( 'wp_rest' ),
			'emailSubjects'        => $this->email_subjects(),
			'canManageAgentAccess' => current_user_can( AgentSchema::ACCESS['manage_access']['capability'] ),
			'currency'             => function_exists( 'get_woocommerce_currency' ) ? (string) get_woocommerce_currency() : '',
		);
	}

	/**
	 * The subject saved for each recovery email, keyed by email id; "Default" when none is saved (the email
	 * then uses its default subject) or the email is not registered. Tags are stripped: the app prints
	 * the text as text, so HTML entities would show as typed.
	 *
	 * @return array<string, string>
	 */
	private function email_subjects(): array {
		$subjects = array();
		if ( ! function_exists( 'WC' ) || ! class_exists( EmailClasses::class ) ) {
			return $subjects;
		}
		foreach ( array_keys( EmailClasses::by_step() ) as $step ) {
			$email = EmailRegistry::for_step( (int) $step );
			if ( ! $email instanceof \WC_Email ) {
				continue;
			}
			$subject                = trim( wp_strip_all_tags( (string) $email->get_option( 'subject', '' ) ) );
			$subjects[ $email->id ] = '' !== $subject ? $subject : __( 'Default', 'cartbay' );
		}
		return $subjects;
	}

	/**
	 * CartBay's REST namespace (plugin/schema/plugin.ts).
	 *
	 * @return string
	 */
	private function rest_namespace(): string {
		return RestRoutes::NAMESPACE;
	}
}
