/**
 * Store fixtures shared by the integration suites (and the E2E restore flows): the test-only must-use
 * plugins, session fixtures built through CartBay's own services, state readers, and a served store a
 * suite opens and closes.
 *
 * Whatever a suite installs it removes again (`close()`, or the remover `installMuPlugins` returns), so no
 * suite sees another's helpers and the order the suites run in does not matter.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobs, plugin } from '../../plugin/schema';
import {
	freePort,
	type ServerHandle,
	type Site,
	startServer,
} from '../../tools/store';
import { type PhpJson, phpCall, phpJson } from './php';
import { HOOK, META, STATUS, TRIGGER } from './schema-names';

const SERVICE = ( name: string ): string =>
	`\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\${ name }::class )`;
const SEND_HOOK = jobs.find(
	( j ) => j.hook === 'cartbay_send_recovery_email'
)!.hook;

/** Header a request sends to get the real rate limit (every test request comes from 127.0.0.1). */
export const REAL_RATE_LIMIT = { 'X-CartBay-Test-Limit': '1' } as const;
/** Header naming a request whose SQL queries are recorded (see `readTrace`). */
export const TRACE_HEADER = 'X-CartBay-Test-Trace';

/**
 * Every suite's base helpers: the rate limit raised for every request but those with REAL_RATE_LIMIT (which
 * get the limit CartBay computes), SQL tracing of a request with TRACE_HEADER (written to
 * wp-content/cartbay-trace-{id}.json at shutdown, to prove a refusal made no lookup), a reader of an order's
 * CartBay meta, and a new session order with a snapshot of SKU lines.
 */
export const COMMON_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay test helpers (common)
 */
add_filter( '${ HOOK.RATE_LIMIT }', static fn ( $limit ) => isset( $_SERVER['HTTP_X_CARTBAY_TEST_LIMIT'] ) ? $limit : 100000, PHP_INT_MAX );

if ( isset( $_SERVER['HTTP_X_CARTBAY_TEST_TRACE'] ) ) {
	$GLOBALS['cartbay_test_trace'] = array();
	add_filter(
		'query',
		static function ( $sql ) {
			$GLOBALS['cartbay_test_trace'][] = $sql;
			return $sql;
		}
	);
	add_action(
		'shutdown',
		static function () {
			$id = preg_replace( '/[^A-Za-z0-9_-]/', '', (string) $_SERVER['HTTP_X_CARTBAY_TEST_TRACE'] );
			file_put_contents( WP_CONTENT_DIR . '/cartbay-trace-' . $id . '.json', wp_json_encode( $GLOBALS['cartbay_test_trace'] ) );
		},
		PHP_INT_MAX
	);
}

/** The CartBay meta of an order: key => value, or key => every value of the key when $all. */
function cartbay_test_meta( $order, $all = false ) {
	$meta = array();
	foreach ( $order->get_meta_data() as $m ) {
		$d = $m->get_data();
		if ( 0 === strpos( $d['key'], '_cartbay_' ) ) {
			if ( $all ) {
				$meta[ $d['key'] ][] = $d['value'];
			} else {
				$meta[ $d['key'] ] = $d['value'];
			}
		}
	}
	return $meta;
}

/** A new session order of $email (not saved yet) with a snapshot of [ SKU, quantity ] lines. */
function cartbay_test_new_session( $email, array $lines ) {
	$items = array();
	foreach ( $lines as $line ) {
		$id      = wc_get_product_id_by_sku( $line[0] );
		$product = wc_get_product( $id );
		$items[] = $product->is_type( 'variation' )
			? array( 'product_id' => $product->get_parent_id(), 'variation_id' => $id, 'quantity' => $line[1] )
			: array( 'product_id' => $id, 'quantity' => $line[1] );
	}
	$snapshot = \WPAnchorBay\CartBay\Capture\CartSnapshot::from_client( array( 'items' => $items ) );
	$order    = ${ SERVICE( 'Data\\SessionRepository' ) }->create();
	$order->update_meta_data( '${ META.EMAIL }', $email );
	$order->update_meta_data( '${ META.EMAIL_HASH }', \WPAnchorBay\CartBay\Security\TokenHelper::email_hash( $email ) );
	$order->update_meta_data( '${ META.CART_SNAPSHOT }', $snapshot );
	$order->update_meta_data( '${ META.CART_TOTAL }', wc_format_decimal( $snapshot['total'] ) );
	$order->update_meta_data( '${ META.CART_HASH }', \WPAnchorBay\CartBay\Capture\CartSnapshot::hash( $snapshot ) );
	$order->update_meta_data( '${ META.CART_FINGERPRINT }', \WPAnchorBay\CartBay\Capture\CartSnapshot::fingerprint( $snapshot ) );
	\WPAnchorBay\CartBay\Capture\CartSnapshot::sync_order_total( $order );
	return $order;
}
`;

/**
 * Recovery fixtures (on top of the common helpers): an abandoned session with links and pending work, its
 * state, the WooCommerce session behind a cookie, and the WooCommerce logs.
 */
export const RECOVERY_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay test helpers (recovery)
 */

/** An abandoned (or other status) session with a snapshot of SKU lines, a queued notification, links and a pending send job. */
function cartbay_test_session( array $args ) {
	$order = cartbay_test_new_session( $args['email'], $args['items'] );
	$order->set_status( $args['status'] ?? 'wc-${ STATUS.abandoned }' );
	$order->update_meta_data( '${ META.CAPTURED_AT }', time() - 2 * HOUR_IN_SECONDS );
	$order->update_meta_data( '${ META.ABANDONED_AT }', time() - HOUR_IN_SECONDS );
	foreach ( $args['meta'] ?? array() as $key => $value ) {
		$order->update_meta_data( $key, $value );
	}
	$notification = \WPAnchorBay\CartBay\Notifications\NotificationLog::queue( $order, 1, time() + HOUR_IN_SECONDS, '${ TRIGGER.ABANDONMENT }' );
	$restore      = \WPAnchorBay\CartBay\Recovery\RecoveryLinks::issue_restore( $order, $notification );
	$unsubscribe  = \WPAnchorBay\CartBay\Recovery\RecoveryLinks::issue_unsubscribe( $order );
	if ( ! empty( $args['coupon'] ) ) {
		${ SERVICE( 'Offers\\CouponIssuer' ) }->ensure( $order );
	}
	${ SERVICE( 'Data\\SessionRepository' ) }->save( $order );
	$sid = (string) $order->get_meta( '${ META.SESSION_ID }' );
	as_schedule_single_action( time() + HOUR_IN_SECONDS, '${ SEND_HOOK }', array( $sid, 2 ), '${ plugin.jobGroup }' );
	return array(
		'id'           => $order->get_id(),
		'session_id'   => $sid,
		'restore'      => $restore,
		'unsubscribe'  => $unsubscribe,
		'notification' => $notification,
		'coupon'       => (string) $order->get_meta( '${ META.COUPON_CODE }' ),
	);
}

/** A session's status, CartBay meta, event names, notifications and pending send jobs. */
function cartbay_test_state( $id ) {
	$order = wc_get_order( $id );
	if ( ! $order ) {
		return null;
	}
	$sid     = (string) $order->get_meta( '${ META.SESSION_ID }' );
	$pending = as_get_scheduled_actions( array( 'hook' => '${ SEND_HOOK }', 'group' => '${ plugin.jobGroup }', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ) );
	return array(
		'status'        => $order->get_status(),
		'meta'          => cartbay_test_meta( $order ),
		'events'        => array_column( (array) $order->get_meta( '${ META.EVENTS }' ), 'event' ),
		'notifications' => array_values( (array) $order->get_meta( '${ META.NOTIFICATIONS }' ) ),
		'pending_sends' => count( array_filter( $pending, fn ( $a ) => ( $a->get_args()[0] ?? '' ) === $sid ) ),
	);
}

/** The stored WooCommerce session behind a session cookie value. */
function cartbay_test_wc_session( $cookie ) {
	$parts = explode( '|', rawurldecode( (string) $cookie ) );
	$data  = ( new WC_Session_Handler() )->get_session( $parts[0], array() );
	$out   = array();
	foreach ( (array) $data as $key => $value ) {
		$out[ $key ] = maybe_unserialize( $value );
	}
	return (object) $out;
}

/** Concatenated WooCommerce log files (source cartbay and all others). */
function cartbay_test_wc_logs() {
	$text = '';
	foreach ( glob( trailingslashit( WC_LOG_DIR ) . '*.log' ) ?: array() as $file ) {
		$text .= file_get_contents( $file );
	}
	return $text;
}
`;

/** What `cartbay_test_session()` returns. */
export interface RecoveryFixture {
	id: number;
	session_id: string;
	restore: string;
	unsubscribe: string;
	notification: string;
	coupon: string;
}

/** What `cartbay_test_state()` returns. */
export interface RecoveryState {
	status: string;
	meta: Record< string, unknown >;
	events: string[];
	notifications: {
		id: string;
		status: string;
		cancel_reason: string;
		restore_clicked_at?: number;
		recovered_order_id?: number;
	}[];
	pending_sends: number;
}

/**
 * The recovery fixtures over a PHP runner (the site needs COMMON_TEST_HELPERS and RECOVERY_TEST_HELPERS).
 * @param php
 */
export function recoveryFixtures( php: PhpJson ) {
	return {
		/**
		 * An abandoned session: { email, items: [[SKU, quantity], ...], status?, meta?, coupon? }.
		 * @param args
		 */
		session: (
			args: Record< string, unknown >
		): Promise< RecoveryFixture > =>
			phpCall< RecoveryFixture >( php, 'cartbay_test_session', args ),
		/**
		 * A session's state, or null once it is gone.
		 * @param id
		 */
		state: ( id: number ): Promise< RecoveryState | null > =>
			phpCall< RecoveryState | null >( php, 'cartbay_test_state', id ),
		/**
		 * The WooCommerce session behind a session cookie value.
		 * @param cookie
		 */
		wcSession: ( cookie: string ): Promise< Record< string, unknown > > =>
			phpCall< Record< string, unknown > >(
				php,
				'cartbay_test_wc_session',
				cookie
			),
		/** Every WooCommerce log file, concatenated. */
		wcLogs: (): Promise< string > =>
			phpCall< string >( php, 'cartbay_test_wc_logs' ),
	};
}

/**
 * Writes must-use plugins (file name → code) into the site; the function it returns removes them again.
 * @param site
 * @param plugins
 */
export function installMuPlugins(
	site: Site,
	plugins: Record< string, string >
): () => void {
	const files = Object.entries( plugins ).map( ( [ name, code ] ) => {
		const file = join( site.paths.muPlugins, name );
		writeFileSync( file, code );
		return file;
	} );
	return () => {
		for ( const file of files ) {
			rmSync( file, { force: true } );
		}
	};
}

/**
 * The SQL queries of the request that sent `TRACE_HEADER: id` (waits up to 5 s for them), then forgets them.
 * @param site
 * @param id
 */
export async function readTrace( site: Site, id: string ): Promise< string[] > {
	const file = join( site.paths.content, `cartbay-trace-${ id }.json` );
	for ( let i = 0; i < 50 && ! existsSync( file ); i++ ) {
		await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	}
	if ( ! existsSync( file ) ) {
		return [];
	}
	const queries = JSON.parse( readFileSync( file, 'utf8' ) ) as string[];
	rmSync( file, { force: true } );
	return queries;
}

/** A served store for one suite: its helpers installed, a php -S server, product ids by SKU, a PHP runner. */
export interface OpenStore {
	server: ServerHandle;
	/** The server's URL without the trailing slash. */
	base: string;
	/** Product ids by SKU. */
	products: Record< string, number >;
	/** A product's id by SKU (0 when the store has none). */
	sku: ( name: string ) => number;
	php: PhpJson;
	/** Stops the server and removes the suite's must-use plugins. */
	close: () => Promise< void >;
}

/**
 * Installs COMMON_TEST_HELPERS plus the suite's own must-use plugins (file name → code) and starts a
 * server. Call `close()` in a `finally`.
 * @param site
 * @param muPlugins
 */
export async function openStore(
	site: Site,
	muPlugins: Record< string, string > = {}
): Promise< OpenStore > {
	const remove = installMuPlugins( site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		...muPlugins,
	} );
	try {
		const products = ( await site.info() ).woocommerce?.products ?? {};
		const server = await startServer( site, await freePort() );
		return {
			server,
			base: server.url.replace( /\/$/, '' ),
			products,
			sku: ( name ) => products[ name ] ?? 0,
			php: phpJson( site ),
			async close() {
				try {
					await server.stop();
				} finally {
					remove();
				}
			},
		};
	} catch ( error ) {
		remove();
		throw error;
	}
}

/**
 * Unique test addresses: `${prefix}${tag}.${pid}.${n}@example.test`.
 * @param prefix
 */
export function addresses( prefix = '' ): ( tag: string ) => string {
	let serial = 0;
	return ( tag ) =>
		`${ prefix }${ tag }.${ process.pid }.${ ++serial }@example.test`;
}
