<?php
/**
 * Private updates: CartBay in WordPress's plugin update flow.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\License;

use WPAnchorBay\CartBay\Core\HookSubscriber;
use WPAnchorBay\CartBay\Generated\LicenseSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Feeds WordPress's `update_plugins` transient and the "View details" modal from the license server's
 * update check (through ReleaseInfo's cache), and puts the key into the download URL only when an upgrade of
 * CartBay starts. The license server is asked only on admin, cron and command-line requests; anywhere else
 * (a shopper's request that happens to save the update transient) only the cache is read.
 */
final class PluginUpdater implements HookSubscriber {

	/**
	 * Release information.
	 *
	 * @var ReleaseInfo
	 */
	private $releases;

	/**
	 * Constructor.
	 *
	 * @param ReleaseInfo $releases Release information.
	 */
	public function __construct( ReleaseInfo $releases ) {
		$this->releases = $releases;
	}

	/**
	 * The hooks this service handles.
	 *
	 * @return array<string, array{0?: int, 1?: int}>
	 */
	public static function subscribed_hooks(): array {
		return array(
			'pre_set_site_transient_update_plugins' => array( 10, 1 ),
			'plugins_api'                           => array( 10, 3 ),
			'upgrader_package_options'              => array( 10, 1 ),
		);
	}

	/**
	 * Only update transients WordPress can read.
	 *
	 * @param mixed $transient The value being saved.
	 * @return bool
	 */
	public static function should_handle_pre_set_site_transient_update_plugins( $transient ): bool {
		return is_object( $transient );
	}

	/**
	 * `pre_set_site_transient_update_plugins`: CartBay's entry in `response` (a newer release, with its
	 * package URL) or in `no_update`; none when this site gets no updates.
	 *
	 * @param object $transient The update_plugins value being saved.
	 * @return object
	 */
	public function handle_pre_set_site_transient_update_plugins( $transient ) {
		$basename = plugin_basename( CARTBAY_FILE );
		$release  = $this->releases->latest( self::may_request() );
		$response = isset( $transient->response ) && is_array( $transient->response ) ? $transient->response : array();
		$current  = isset( $transient->no_update ) && is_array( $transient->no_update ) ? $transient->no_update : array();
		unset( $response[ $basename ], $current[ $basename ] );
		if ( null !== $release ) {
			$item = $this->item( $release, $basename );
			if ( version_compare( $release['version'], CARTBAY_VERSION, '>' ) ) {
				$response[ $basename ] = $item;
			} else {
				$current[ $basename ] = $item;
			}
		}
		$transient->response  = $response;
		$transient->no_update = $current;
		return $transient;
	}

	/**
	 * Only the plugin information of CartBay.
	 *
	 * @param mixed  $result Result so far.
	 * @param string $action Action of plugins_api().
	 * @param mixed  $args   Arguments.
	 * @return bool
	 */
	public static function should_handle_plugins_api( $result, $action = '', $args = null ): bool {
		unset( $result );
		return 'plugin_information' === $action && is_object( $args ) && isset( $args->slug ) && LicenseSchema::PRODUCT_SLUG === $args->slug;
	}

	/**
	 * `plugins_api` (plugin_information): the "View details" modal from the update check's readme sections.
	 *
	 * @param mixed  $result Result so far.
	 * @param string $action Action of plugins_api() (plugin_information, see the guard).
	 * @param object $args   Arguments (slug cartbay, see the guard).
	 * @return object|\WP_Error
	 */
	public function handle_plugins_api( $result, $action, $args ) {
		unset( $result, $action, $args );
		$release = $this->releases->latest( self::may_request() );
		if ( null === $release ) {
			return new \WP_Error( 'cartbay_update_details_unavailable', __( 'CartBay update details are not available: activate a license key in the CartBay settings, or try again later.', 'cartbay' ) );
		}
		$plugin = self::plugin_data();
		return (object) array(
			'name'          => $plugin['name'],
			'slug'          => LicenseSchema::PRODUCT_SLUG,
			'version'       => $release['version'],
			'author'        => '' === $plugin['author_uri'] ? esc_html( $plugin['author'] ) : sprintf( '<a href="%1$s">%2$s</a>', esc_url( $plugin['author_uri'] ), esc_html( $plugin['author'] ) ),
			'homepage'      => '' === $release['homepage'] ? $plugin['uri'] : $release['homepage'],
			'requires'      => $release['requires'],
			'tested'        => $release['tested'],
			'requires_php'  => $release['requires_php'],
			'last_updated'  => $release['last_updated'],
			'sections'      => $release['sections'],
			'download_link' => $release['package'],
			'banners'       => array(),
			'external'      => true,
		);
	}

	/**
	 * Only upgrades of CartBay.
	 *
	 * @param mixed $options Upgrader options.
	 * @return bool
	 */
	public static function should_handle_upgrader_package_options( $options ): bool {
		return is_array( $options )
			&& isset( $options['package'], $options['hook_extra']['plugin'] )
			&& is_string( $options['package'] )
			&& plugin_basename( CARTBAY_FILE ) === $options['hook_extra']['plugin'];
	}

	/**
	 * `upgrader_package_options`: the real (keyed) download URL, just before WordPress downloads it.
	 *
	 * @param array<string, mixed> $options Upgrader options.
	 * @return array<string, mixed>
	 */
	public function handle_upgrader_package_options( $options ) {
		$options['package'] = $this->releases->real_package( $options['package'] );
		return $options;
	}

	/**
	 * Whether this request may ask the license server: admin screens, cron and the command line. Never a
	 * shopper's request.
	 *
	 * @return bool
	 */
	private static function may_request(): bool {
		return is_admin() || wp_doing_cron() || 'cli' === PHP_SAPI;
	}

	/**
	 * CartBay's entry in the update transient.
	 *
	 * @param array<string, mixed> $release  Release (ReleaseInfo::latest()).
	 * @param string               $basename Plugin basename.
	 * @return object
	 */
	private function item( array $release, string $basename ) {
		$plugin = self::plugin_data();
		return (object) array(
			'id'            => '' === $plugin['update_uri'] ? $plugin['uri'] : $plugin['update_uri'],
			'slug'          => LicenseSchema::PRODUCT_SLUG,
			'plugin'        => $basename,
			'new_version'   => $release['version'],
			'url'           => '' === $release['homepage'] ? $plugin['uri'] : $release['homepage'],
			'package'       => $release['package'],
			'tested'        => $release['tested'],
			'requires'      => $release['requires'],
			'requires_php'  => $release['requires_php'],
			'icons'         => array(),
			'banners'       => array(),
			'banners_rtl'   => array(),
			'compatibility' => new \stdClass(),
		);
	}

	/**
	 * CartBay's own header fields.
	 *
	 * @return array{name: string, author: string, author_uri: string, uri: string, update_uri: string}
	 */
	private static function plugin_data(): array {
		return get_file_data(
			CARTBAY_FILE,
			array(
				'name'       => 'Plugin Name',
				'author'     => 'Author',
				'author_uri' => 'Author URI',
				'uri'        => 'Plugin URI',
				'update_uri' => 'Update URI',
			)
		);
	}
}
