/**
 * Uninstall (issue 12): with "Delete Data on Uninstall" off, deleting CartBay removes nothing; with it on, no
 * CartBay row is left in options, posts/orders, post/order meta, Action Scheduler tables or user meta, and
 * no CartBay folder in uploads, with HPOS on or off. The store's real orders stay (only CartBay's meta goes).
 *
 * Runs last: it removes CartBay's data, then activates the plugin again for whatever follows.
 */
import type { Site } from '../../tools/store';
import { agentAccess, agentRole } from '../../plugin/schema/agent';
import type { Checks } from '../support/checks';
import { phpCall, phpJson } from '../support/php';
import {
	META,
	OPTION,
	POST_TYPE,
	settingDefault,
} from '../support/schema-names';
import { plugin } from '../../plugin/schema';
import {
	addresses,
	COMMON_TEST_HELPERS,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
	recoveryFixtures,
} from '../support/store-fixtures';

const PLUGIN_FILE = `${ plugin.slug }/${ plugin.slug }.php`;

/**
 * Everything CartBay left, by place: the queries README's operations guide lists.
 */
const LEFTOVERS = String.raw`<?php
/**
 * Plugin Name: CartBay test: uninstall leftovers
 */

/** Rows that still mention CartBay, by table; whether its uploads folder exists; whether a real order survives. */
function cartbay_test_leftovers( $real_order_id, $with_detail = false ) {
	global $wpdb;
	$like  = '%' . $wpdb->esc_like( '${ plugin.slug }' ) . '%';
	$count = static function ( $sql ) use ( $wpdb ) {
		return (int) $wpdb->get_var( $sql );
	};
	$out = array(
		'options'        => $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) ),
		'posts'          => $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_status LIKE %s OR post_type LIKE %s", $like, $like ) ),
		'postmeta'       => $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE meta_key LIKE %s", $like ) ),
		'usermeta'       => $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $like ) ),
		'as_actions'     => $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}actionscheduler_actions WHERE hook LIKE %s", $like ) ),
		'as_groups'      => $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}actionscheduler_groups WHERE slug LIKE %s", $like ) ),
		'uploads_folder' => is_dir( trailingslashit( wp_upload_dir( null, false )['basedir'] ) . '${ plugin.slug }' ) ? 1 : 0,
	);
	if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . 'wc_orders' ) ) ) {
		$out['wc_orders']      = $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_orders WHERE status LIKE %s", $like ) );
		$out['wc_orders_meta'] = $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_orders_meta WHERE meta_key LIKE %s", $like ) );
		$out['wc_operational'] = $count( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}wc_order_operational_data WHERE created_via LIKE %s", $like ) );
	}
	$out['real_order'] = wc_get_order( $real_order_id ) ? 1 : 0;
	// Which orders any leftover meta rows belong to (type, status, key): says what a failing check missed.
	$meta_table = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . 'wc_orders_meta' ) ) ? $wpdb->prefix . 'wc_orders_meta' : '';
	$detail     = $wpdb->get_results( $wpdb->prepare( "SELECT pm.post_id AS id, p.post_type AS type, p.post_status AS status, pm.meta_key AS meta_key FROM {$wpdb->postmeta} pm LEFT JOIN {$wpdb->posts} p ON p.ID = pm.post_id WHERE pm.meta_key LIKE %s LIMIT 10", $like ), ARRAY_A );
	if ( $meta_table ) {
		$detail = array_merge( $detail, $wpdb->get_results( $wpdb->prepare( "SELECT m.order_id AS id, o.type AS type, o.status AS status, m.meta_key AS meta_key FROM {$meta_table} m LEFT JOIN {$wpdb->prefix}wc_orders o ON o.id = m.order_id WHERE m.meta_key LIKE %s LIMIT 10", $like ), ARRAY_A ) );
	}
	if ( $with_detail ) {
		$out['detail'] = $detail;
	}
	return $out;
}

/** CartBay data of every kind: a session with a coupon, a suppression, a ledger month, a transient, user meta, a log file, a real order with CartBay meta. */
function cartbay_test_uninstall_fixture( $email ) {
	\WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Suppression\SuppressionList::class )->suppress( 'suppressed-' . $email );
	update_option( '${ OPTION.ANALYTICS_LEDGER_PREFIX }' . gmdate( 'Ym' ), array( 'live' => array(), 'retired' => array() ), false );
	set_transient( '${ OPTION.ANALYTICS_LEDGER_PREFIX }test_transient', 1, HOUR_IN_SECONDS );
	update_user_meta( 1, '${ plugin.slug }_test_dismissed', 1 );
	$dir = trailingslashit( wp_upload_dir()['basedir'] ) . '${ plugin.slug }';
	wp_mkdir_p( $dir );
	file_put_contents( $dir . '/${ plugin.slug }.log', "{}\n" );
	// Orders in the trash and refunds are orders too: a query for "any" status or the default types misses them.
	$trashed = wc_create_order( array( 'status' => 'cancelled' ) );
	$trashed->update_meta_data( '${ META.ATTRIBUTED_SESSION_ID }', 'x' );
	$trashed->save();
	$trashed->delete( false );
	$order = wc_create_order( array( 'status' => 'completed' ) );
	$order->update_meta_data( '${ META.RESTORED_SESSION_ID }', 'x' );
	// The Block Checkout consent field's value, as WooCommerce stores it on an order (drafts included).
	$order->update_meta_data( \Automattic\WooCommerce\Blocks\Domain\Services\CheckoutFields::OTHER_FIELDS_PREFIX . \WPAnchorBay\CartBay\Generated\CaptureSchema::CONSENT_FIELD_ID, '1' );
	$order->save();
	$refund = wc_create_refund( array( 'order_id' => $order->get_id(), 'amount' => 0 ) );
	if ( $refund instanceof WC_Order_Refund ) {
		$refund->update_meta_data( '${ META.RESTORED_SESSION_ID }', 'x' );
		$refund->save();
	}
	return $order->get_id();
}

/** Switches "Delete Data on Uninstall". */
function cartbay_test_delete_on_uninstall( $on ) {
	$settings = get_option( '${ OPTION.SETTINGS }' );
	$settings['delete_data_on_uninstall'] = (bool) $on;
	update_option( '${ OPTION.SETTINGS }', $settings );
	return true;
}
`;

type Leftovers = Record< string, number >;

export async function uninstallScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const remove = installMuPlugins( site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-uninstall.php': LEFTOVERS,
	} );
	const php = phpJson( site );
	const fixtures = recoveryFixtures( php );
	const email = addresses( 'uninstall-' )( 'shopper' );
	const uninstall = async (): Promise< void > => {
		await site.deactivatePlugin( PLUGIN_FILE );
		// A process of its own, as WordPress deletes a plugin: CartBay is not loaded, only its uninstall.php.
		await site.runPhpOrThrow(
			`require_once ABSPATH . 'wp-admin/includes/plugin.php'; uninstall_plugin( '${ PLUGIN_FILE }' );`
		);
	};
	// cartbay_agent_* capabilities held by any role.
	const agentCapabilityCount = () =>
		php< number >(
			`$n = 0; foreach ( wp_roles()->role_objects as $role ) { foreach ( array_keys( array_filter( $role->capabilities ) ) as $cap ) { $n += 0 === strpos( $cap, 'cartbay_agent_' ) ? 1 : 0; } } echo wp_json_encode( $n ), "\\n";`
		);
	try {
		await t.group(
			'uninstall removes nothing unless asked, everything when asked',
			async () => {
				t.equal(
					'"Delete Data on Uninstall" is off by default',
					settingDefault< boolean >( 'delete_data_on_uninstall' ),
					false
				);
				await fixtures.session( {
					email,
					items: [ [ 'CB-EBOOK', 1 ] ],
					coupon: true,
				} );
				const realOrder = await phpCall< number >(
					php,
					'cartbay_test_uninstall_fixture',
					email
				);
				const before = await phpCall< Leftovers >(
					php,
					'cartbay_test_leftovers',
					realOrder
				);
				// Sessions sit in posts or in the HPOS tables; the other places hold CartBay data either way.
				const placed = [
					'options',
					'posts',
					'postmeta',
					'usermeta',
					'as_actions',
					'as_groups',
					'uploads_folder',
				];
				t.check(
					'the fixture put CartBay data in every place checked',
					placed.every( ( k ) => ( before[ k ] ?? 0 ) > 0 ),
					before
				);

				// Deactivation itself forgets the installed version (install runs again on reactivation): measured after it.
				await site.deactivatePlugin( PLUGIN_FILE );
				const deactivated = await phpCall< Leftovers >(
					php,
					'cartbay_test_leftovers',
					realOrder
				);
				await uninstall();
				const kept = await phpCall< Leftovers >(
					php,
					'cartbay_test_leftovers',
					realOrder
				);
				t.equal( 'setting off: nothing removed', kept, deactivated );
				t.equal(
					'uninstall removes the agent capabilities from every role (whatever the setting)',
					await agentCapabilityCount(),
					0
				);

				await site.activatePlugin( PLUGIN_FILE );
				t.equal(
					'activating again grants them again (administrators all, shop managers theirs, the agent role read)',
					await agentCapabilityCount(),
					agentAccess.length +
						agentAccess.filter( ( a ) => a.shopManager ).length +
						agentRole.access.length
				);
				await phpCall( php, 'cartbay_test_delete_on_uninstall', true );
				await uninstall();
				const after = await phpCall< Leftovers >(
					php,
					'cartbay_test_leftovers',
					realOrder,
					true
				);
				const {
					real_order: realOrderLeft,
					detail,
					...rest
				} = after as Leftovers & { detail?: unknown };
				t.check(
					'setting on: no CartBay row or folder left anywhere',
					Object.values( rest ).every( ( n ) => n === 0 ),
					{ counts: rest, rows: detail }
				);
				t.equal( "the store's real order stays", realOrderLeft, 1 );
				t.check(
					`${ POST_TYPE.SUPPRESSED } records are among what went`,
					( before.posts ?? 0 ) > 0 && after.posts === 0,
					{ before: before.posts, after: after.posts }
				);
			}
		);
	} finally {
		remove();
		await site.activatePlugin( PLUGIN_FILE );
	}
}
