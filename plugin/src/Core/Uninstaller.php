<?php
/**
 * What deleting CartBay removes, when the store owner asked for it.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Core;

use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\LogSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\PostTypes;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Generated\SettingsSchema;

defined( 'ABSPATH' ) || exit;

/**
 * Removes every option, transient, session, generated coupon, suppression record, scheduled action, log file
 * and order meta CartBay created, in batches, with HPOS on or off. With "Delete Data on Uninstall" off it
 * removes nothing: deleting the plugin files must never cost a store its data by surprise.
 *
 * Orders are removed through WooCommerce CRUD, so WooCommerce must be active for sessions and order meta to
 * go; without it the options, posts, actions and files still go, and the sessions stay for a later uninstall.
 */
final class Uninstaller {

	/**
	 * Rows one query loads at a time.
	 */
	private const BATCH = 200;

	/**
	 * Removes CartBay's data when the setting asks for it.
	 *
	 * @return bool Whether anything was removed.
	 */
	public static function run(): bool {
		$settings = get_option( SettingsSchema::SETTINGS_OPTION );
		if ( ! is_array( $settings ) || true !== ( $settings[ SettingsKeys::DELETE_DATA_ON_UNINSTALL ] ?? false ) ) {
			return false;
		}
		if ( function_exists( 'wc_get_orders' ) ) {
			self::delete_sessions();
			self::delete_real_order_meta();
		}
		self::delete_posts_with_meta( 'shop_coupon', MetaKeys::COUPON_GENERATED );
		self::delete_posts_of_type( PostTypes::SUPPRESSED );
		self::delete_scheduled_actions();
		self::delete_options();
		self::delete_user_meta();
		self::delete_uploads();
		wp_cache_flush();
		return true;
	}

	/**
	 * Deletes every session order (its statuses registered first: the plugin is not running now).
	 */
	private static function delete_sessions(): void {
		$post_statuses = OrderStatuses::handle_register_shop_order_post_statuses( array() );
		foreach ( $post_statuses as $status => $args ) {
			register_post_status( $status, $args );
		}
		add_filter( 'wc_order_statuses', array( OrderStatuses::class, 'handle_wc_order_statuses' ) );
		do {
			$ids = wc_get_orders(
				array(
					'status'      => array_values( OrderStatuses::by_key() ),
					'created_via' => CARTBAY_CREATED_VIA,
					'limit'       => self::BATCH,
					'return'      => 'ids',
				)
			);
			foreach ( $ids as $id ) {
				$order = wc_get_order( $id );
				if ( $order instanceof \WC_Order ) {
					$order->delete( true );
				}
			}
		} while ( self::BATCH === count( $ids ) );
	}

	/**
	 * Removes CartBay's meta from the store's real orders (the orders themselves stay).
	 */
	private static function delete_real_order_meta(): void {
		// CartBay is not running: its legacy-storage meta query translation is added by hand.
		add_filter( 'woocommerce_order_data_store_cpt_get_orders_query', array( OrderMetaQuery::class, 'handle_woocommerce_order_data_store_cpt_get_orders_query' ), 10, 2 );
		// Every CartBay meta key (restore and attribution keys, and any other a flow left on a real order),
		// and the Block Checkout consent field's value.
		$keys = array_unique( array_merge( array_values( ( new \ReflectionClass( MetaKeys::class ) )->getConstants() ), self::checkout_field_meta() ) );
		foreach ( $keys as $key ) {
			do {
				$ids = wc_get_orders(
					array(
						// Every type (refunds too) and every status, the trash included: "any" leaves the trash out.
						'type'   => wc_get_order_types(),
						'status' => array_merge( array_keys( wc_get_order_statuses() ), array( 'trash', 'auto-draft', 'draft' ) ),
						'limit'  => self::BATCH,
						'return' => 'ids',
					) + OrderMetaQuery::args(
						array(
							array(
								'key'     => $key,
								'compare' => 'EXISTS',
							),
						)
					)
				);
				foreach ( $ids as $id ) {
					$order = wc_get_order( $id );
					if ( $order instanceof \WC_Abstract_Order ) {
						$order->delete_meta_data( $key );
						$order->save_meta_data();
					}
				}
			} while ( self::BATCH === count( $ids ) );
		}
	}

	/**
	 * The meta key WooCommerce stores the Block Checkout consent field's value under on orders (every
	 * order placed through Block Checkout while CartBay was active, drafts included).
	 *
	 * @return string[]
	 */
	private static function checkout_field_meta(): array {
		$fields = '\Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields';
		if ( ! class_exists( $fields ) || ! defined( $fields . '::OTHER_FIELDS_PREFIX' ) ) {
			return array();
		}
		return array( constant( $fields . '::OTHER_FIELDS_PREFIX' ) . CaptureSchema::CONSENT_FIELD_ID );
	}

	/**
	 * Deletes the posts of one type that carry a meta key.
	 *
	 * @param string $post_type Post type.
	 * @param string $meta_key  Meta key.
	 */
	private static function delete_posts_with_meta( string $post_type, string $meta_key ): void {
		self::delete_posts(
			array(
				'post_type' => $post_type,
				'meta_key'  => $meta_key, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- once, at uninstall.
			)
		);
	}

	/**
	 * Deletes every post of a type.
	 *
	 * @param string $post_type Post type.
	 */
	private static function delete_posts_of_type( string $post_type ): void {
		self::delete_posts( array( 'post_type' => $post_type ) );
	}

	/**
	 * Deletes the posts a query finds, a batch at a time.
	 *
	 * @param array $query The get_posts() arguments.
	 */
	private static function delete_posts( array $query ): void {
		do {
			$ids = get_posts(
				$query + array(
					'post_status'      => 'any',
					'posts_per_page'   => self::BATCH,
					'fields'           => 'ids',
					'no_found_rows'    => true,
					'suppress_filters' => true,
				)
			);
			foreach ( $ids as $id ) {
				wp_delete_post( (int) $id, true );
			}
		} while ( self::BATCH === count( $ids ) );
	}

	/**
	 * Deletes every action of CartBay's Action Scheduler group, whatever its state, with its logs and group.
	 */
	private static function delete_scheduled_actions(): void {
		global $wpdb;
		if ( ! class_exists( 'ActionScheduler' ) || ! function_exists( 'as_get_scheduled_actions' ) ) {
			return;
		}
		$store = \ActionScheduler::store();
		do {
			$ids = as_get_scheduled_actions(
				array(
					'group'    => ScheduledJobs::GROUP,
					'status'   => '',
					'per_page' => self::BATCH,
				),
				'ids'
			);
			foreach ( $ids as $id ) {
				$store->delete_action( (int) $id ); // Its logs go with it (Action Scheduler's own hook).
			}
		} while ( self::BATCH === count( $ids ) );
		// The group row itself: Action Scheduler has no API to delete a group.
		$wpdb->delete( $wpdb->prefix . 'actionscheduler_groups', array( 'slug' => ScheduledJobs::GROUP ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- once, at uninstall.
	}

	/**
	 * Deletes every CartBay option and transient (settings, license, ledger months, caches, rate-limit
	 * counters) and the WooCommerce settings of CartBay's emails.
	 */
	private static function delete_options(): void {
		global $wpdb;
		$patterns = array( 'cartbay_%', '_transient_cartbay_%', '_transient_timeout_cartbay_%', '_site_transient_cartbay_%', '_site_transient_timeout_cartbay_%' );
		foreach ( $patterns as $pattern ) {
			$names = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", self::like( $pattern ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- once, at uninstall: no API lists options by prefix.
			foreach ( $names as $name ) {
				delete_option( $name );
			}
		}
		foreach ( EmailClasses::ids() as $email_id ) {
			delete_option( 'woocommerce_' . $email_id . '_settings' );
		}
	}

	/**
	 * A LIKE pattern whose literal underscores are escaped (only the trailing % is a wildcard).
	 *
	 * @param string $pattern Prefix followed by %.
	 * @return string
	 */
	private static function like( string $pattern ): string {
		global $wpdb;
		return $wpdb->esc_like( substr( $pattern, 0, -1 ) ) . '%';
	}

	/**
	 * Deletes user meta CartBay wrote (dismissed notices and screen state; keys start with cartbay_ or _cartbay_).
	 */
	private static function delete_user_meta(): void {
		global $wpdb;
		foreach ( array( 'cartbay_%', '_cartbay_%' ) as $pattern ) {
			$keys = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", self::like( $pattern ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- once, at uninstall.
			foreach ( $keys as $key ) {
				delete_metadata( 'user', 0, $key, '', true );
			}
		}
		// WooCommerce keeps a contact-location checkout field's value on the customer too.
		foreach ( self::checkout_field_meta() as $key ) {
			delete_metadata( 'user', 0, $key, '', true );
		}
	}

	/**
	 * Deletes CartBay's folder in uploads (its log files).
	 */
	private static function delete_uploads(): void {
		$uploads = wp_upload_dir( null, false );
		$dir     = trailingslashit( (string) $uploads['basedir'] ) . LogSchema::DIRECTORY;
		if ( '' === (string) $uploads['basedir'] || ! is_dir( $dir ) ) {
			return;
		}
		require_once ABSPATH . 'wp-admin/includes/file.php';
		if ( WP_Filesystem() ) {
			global $wp_filesystem;
			$wp_filesystem->delete( $dir, true );
		}
	}
}
