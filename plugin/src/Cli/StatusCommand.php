<?php
/**
 * `wp cartbay status`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Cli;

use Automattic\WooCommerce\Utilities\OrderUtil;
use WPAnchorBay\CartBay\Core\Plugin;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\License\LicenseState;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Shows CartBay's health in one place: versions, order storage, key settings, the job queue, sessions by
 * status and the license (its key masked; the license server is not asked).
 */
final class StatusCommand {

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Stored license state.
	 *
	 * @var LicenseState
	 */
	private $license;

	/**
	 * Queue counts.
	 *
	 * @var QueueHealth
	 */
	private $queue;

	/**
	 * Constructor (WP-CLI builds the command without arguments: services come from the container).
	 *
	 * @param SettingsRepository|null $settings Settings.
	 * @param LicenseState|null       $license  Stored license state.
	 * @param QueueHealth|null        $queue    Queue counts.
	 */
	public function __construct( ?SettingsRepository $settings = null, ?LicenseState $license = null, ?QueueHealth $queue = null ) {
		$this->settings = $settings ?? Plugin::instance()->service( SettingsRepository::class );
		$this->license  = $license ?? Plugin::instance()->service( LicenseState::class );
		$this->queue    = $queue ?? new QueueHealth();
	}

	/**
	 * Shows CartBay's status: versions, HPOS, key settings, queue health, sessions by status and license.
	 *
	 * Queue health counts CartBay's Action Scheduler actions by hook: pending, pending past their scheduled
	 * time (past_due: the queue is behind or not running) and failed. The license is read from this site
	 * only (its key masked); the license server is not asked.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format. `table` shows one row per field.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # Everything at a glance.
	 *     $ wp cartbay status
	 *
	 *     # For a monitoring script.
	 *     $ wp cartbay status --format=json
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void { // phpcs:ignore Generic.CodeAnalysis.UnusedFunctionParameter -- WP-CLI's command signature.
		$report = $this->report();
		$format = isset( $assoc_args['format'] ) ? (string) $assoc_args['format'] : 'table';
		if ( 'json' === $format ) {
			\WP_CLI::print_value( $report, array( 'format' => $format ) );
			return;
		}
		if ( 'yaml' === $format ) {
			// WP-CLI's YAML writer warns on null on PHP 8: an empty value reads the same.
			array_walk_recursive(
				$report,
				static function ( &$value ) {
					$value = $value ?? '';
				}
			);
			\WP_CLI::print_value( $report, array( 'format' => $format ) );
			return;
		}
		$rows = array();
		foreach ( self::flatten( $report ) as $field => $value ) {
			$rows[] = array(
				'Field' => $field,
				'Value' => $value,
			);
		}
		\WP_CLI\Utils\format_items( 'table', $rows, array( 'Field', 'Value' ) );
	}

	/**
	 * The status report.
	 *
	 * @return array<string, mixed>
	 */
	public function report(): array {
		$campaign = $this->settings->get_campaign();
		return array(
			'versions' => array(
				'cartbay'     => CARTBAY_VERSION,
				'wordpress'   => (string) get_bloginfo( 'version' ),
				'woocommerce' => function_exists( 'WC' ) ? (string) WC()->version : '',
				'php'         => PHP_VERSION,
			),
			'hpos'     => class_exists( OrderUtil::class ) && OrderUtil::custom_orders_table_usage_is_enabled(),
			'settings' => array(
				'capture_enabled'     => (bool) $this->settings->get( SettingsKeys::CAPTURE_ENABLED ),
				'abandonment_timeout' => (int) $this->settings->get( SettingsKeys::ABANDONMENT_TIMEOUT ),
				'sequence_enabled'    => (bool) $campaign[ SettingsKeys::CAMPAIGN_ENABLED ],
				'test_mode'           => (bool) $this->settings->get( SettingsKeys::TEST_MODE ),
			),
			'queue'    => $this->queue->counts(),
			'sessions' => $this->session_counts(),
			'license'  => LicenseState::describe( $this->license->read() ),
		);
	}

	/**
	 * CartBay sessions of each status (counted, not loaded).
	 *
	 * @return array<string, int>
	 */
	private function session_counts(): array {
		$counts = array();
		foreach ( OrderStatuses::by_key() as $key => $status ) {
			$result         = wc_get_orders(
				array(
					'type'        => 'shop_order',
					'status'      => array( $status ),
					'created_via' => CARTBAY_CREATED_VIA,
					'limit'       => 1,
					'paginate'    => true,
					'return'      => 'ids',
				)
			);
			$counts[ $key ] = is_object( $result ) ? (int) $result->total : 0;
		}
		return $counts;
	}

	/**
	 * A nested report as `section.field` => text rows (true/false and null written as JSON).
	 *
	 * @param array<string, mixed> $values Report (or part of it).
	 * @param string               $prefix Field name so far.
	 * @return array<string, string>
	 */
	private static function flatten( array $values, string $prefix = '' ): array {
		$rows = array();
		foreach ( $values as $key => $value ) {
			$field = '' === $prefix ? (string) $key : $prefix . '.' . $key;
			if ( is_array( $value ) ) {
				$rows += self::flatten( $value, $field );
			} else {
				$rows[ $field ] = is_string( $value ) ? $value : (string) wp_json_encode( $value );
			}
		}
		return $rows;
	}
}
