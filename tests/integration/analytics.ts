/**
 * Analytics that survive retention (issue 11), in real WordPress + WooCommerce: a known fixture of sessions
 * built through CartBay's own services on days inside and outside 7, 30 and 90 days, recovered, influenced
 * and refunded through real WooCommerce orders (payment_complete(), wc_create_refund()), then every card of
 * GET /analytics compared with a value computed by hand; the capture path only flags; applying twice changes
 * nothing; a fresh cache is never recomputed by a page view; a rebuild of a deleted ledger reproduces the
 * figures; pruning keeps them; deleting or trashing a session takes it out; unsupported periods mean 30 days;
 * anonymous and subscriber requests are refused.
 */
import {
	emailSteps,
	jobs,
	ledgerDerivation,
	metrics,
	orderStatuses,
	reportPeriods,
	type MetricKey,
} from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall } from '../support/php';
import {
	EVENT,
	META,
	NOTIFICATION,
	OPTION,
	STATUS,
	TRANSIENT,
	TRIGGER,
} from '../support/schema-names';
import {
	addresses,
	openStore,
	type OpenStore,
} from '../support/store-fixtures';

const HOOK = ( name: string ): string => {
	const job = jobs.find( ( j ) => j.hook === name );
	if ( ! job ) {
		throw new Error( `no job ${ name }` );
	}
	return job.hook;
};
const APPLY = HOOK( 'cartbay_apply_analytics' );
const FORGET = HOOK( 'cartbay_forget_analytics' );
const REBUILD = HOOK( 'cartbay_rebuild_analytics' );
const REFRESH = HOOK( 'cartbay_refresh_analytics' );
const SHORT = reportPeriods.shortDays;
const DEFAULT = reportPeriods.defaultDays;
const LONG = reportPeriods.longDays;

/** The store's catalogue prices of the fixture products (checked against the store first). */
const PRICE = { 'CB-HOODIE': 45, 'CB-MUG': 12.5, 'CB-EBOOK': 9.99 } as const;

const SERVICE = ( name: string ): string =>
	`\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\${ name }::class )`;
const LEDGER = '\\WPAnchorBay\\CartBay\\Analytics\\AnalyticsLedger';
const CONTRIBUTION = '\\WPAnchorBay\\CartBay\\Analytics\\SessionContribution';

/** This suite's helpers (a must-use plugin): sessions, orders, refunds, jobs, the REST answers, the ledger. */
const ANALYTICS_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay analytics test helpers
 */

/** A clean slate: every CartBay order deleted, the analytics jobs unscheduled, the ledger and cache gone. */
function cartbay_an_reset() {
	$statuses = array_merge( array_keys( wc_get_order_statuses() ), array( 'trash' ) );
	foreach ( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => $statuses, 'limit' => -1, 'return' => 'ids' ) ) as $id ) {
		$order = wc_get_order( $id );
		if ( $order ) {
			$order->delete( true );
		}
	}
	foreach ( array( '${ APPLY }', '${ FORGET }', '${ REBUILD }' ) as $hook ) {
		as_unschedule_all_actions( $hook, null, 'cartbay' );
	}
	cartbay_an_delete_ledger();
	delete_option( '${ OPTION.ANALYTICS_REBUILD }' );
	return true;
}

/** Deletes every ledger month (and staging month) and the cached report. */
function cartbay_an_delete_ledger() {
	foreach ( ${ LEDGER }::months() as $month ) {
		delete_option( ${ LEDGER }::option_name( $month ) );
	}
	foreach ( ${ LEDGER }::staging_months() as $month ) {
		delete_option( ${ LEDGER }::staging_option_name( $month ) );
	}
	delete_transient( '${ TRANSIENT.ANALYTICS_CACHE }' );
	return count( ${ LEDGER }::months() );
}

/** Every ledger month as stored. */
function cartbay_an_ledger() {
	$out = array();
	foreach ( ${ LEDGER }::months() as $month ) {
		$out[ $month ] = get_option( ${ LEDGER }::option_name( $month ) );
	}
	return $out;
}

/** Midday of the day $days_ago days before today, site time zone. */
function cartbay_an_day( $days_ago ) {
	return ( new DateTimeImmutable( 'today noon', wp_timezone() ) )->modify( '-' . (int) $days_ago . ' days' )->getTimestamp();
}

/**
 * A session created $days_ago days ago: { email, items, days_ago, abandoned?, notifications?: [ { step, state,
 * attempts?, sent_ago?, click? } ], events?: [ name ] }, built with CartBay's repository and notification log.
 */
function cartbay_an_session( array $a ) {
	$repo    = ${ SERVICE( 'Data\\SessionRepository' ) };
	$order   = cartbay_test_new_session( $a['email'], $a['items'] );
	$created = cartbay_an_day( $a['days_ago'] );
	$order->set_date_created( $created );
	$order->update_meta_data( '${ META.CAPTURED_AT }', $created );
	$order->update_meta_data( '${ META.LAST_ACTIVITY_AT }', $created );
	if ( ! empty( $a['abandoned'] ) ) {
		$order->set_status( 'wc-${ STATUS.abandoned }' );
		$order->update_meta_data( '${ META.ABANDONED_AT }', time() - HOUR_IN_SECONDS );
	}
	foreach ( $a['notifications'] ?? array() as $n ) {
		$id = \WPAnchorBay\CartBay\Notifications\NotificationLog::queue( $order, (int) $n['step'], time() + HOUR_IN_SECONDS, '${ TRIGGER.ABANDONMENT }' );
		if ( '${ NOTIFICATION.QUEUED }' !== $n['state'] ) {
			\WPAnchorBay\CartBay\Notifications\NotificationLog::transition( $order, $id, $n['state'], array( 'attempts' => (int) ( $n['attempts'] ?? 1 ) ) );
		}
		if ( isset( $n['sent_ago'] ) ) {
			$at = time() - (int) $n['sent_ago'];
			\WPAnchorBay\CartBay\Notifications\NotificationLog::annotate( $order, $id, array( 'timestamps' => array( '${ NOTIFICATION.QUEUED }' => $at - 60, '${ NOTIFICATION.ATTEMPTED }' => $at, $n['state'] => $at ) ) );
		}
		if ( ! empty( $n['click'] ) ) {
			// What a restore link records (RestoreService): the event and the click on the notification.
			\WPAnchorBay\CartBay\Notifications\NotificationLog::annotate( $order, $id, array( 'restore_clicked_at' => time() - 1800 ) );
			$repo->add_event( $order, '${ EVENT.RESTORE_CLICKED }', array( 'notification_id' => $id ) );
		}
	}
	foreach ( $a['events'] ?? array() as $event ) {
		$repo->add_event( $order, $event );
	}
	$repo->save( $order );
	return array( 'id' => $order->get_id(), 'session_id' => (string) $order->get_meta( '${ META.SESSION_ID }' ) );
}

/** A shop order of one product, paid: { sku, email?, session_id? } (the session id as checkout stores it). */
function cartbay_an_pay( array $a ) {
	$order = wc_create_order( array( 'status' => 'pending' ) );
	$order->add_product( wc_get_product( wc_get_product_id_by_sku( $a['sku'] ) ), 1 );
	$order->set_billing_email( $a['email'] ?? 'buyer-' . wp_generate_password( 8, false ) . '@example.test' );
	$order->set_payment_method( 'cod' );
	if ( ! empty( $a['session_id'] ) ) {
		$order->update_meta_data( '${ META.SESSION_ID }', $a['session_id'] );
	}
	$order->calculate_totals( false );
	$order->save();
	wc_get_order( $order->get_id() )->payment_complete( 'txn-' . $order->get_id() );
	return $order->get_id();
}

/** A refund of an order (WooCommerce's own API: a full one moves the order to refunded). */
function cartbay_an_refund( $order_id, $amount ) {
	$refund = wc_create_refund( array( 'order_id' => $order_id, 'amount' => $amount, 'reason' => 'test' ) );
	if ( is_wp_error( $refund ) ) {
		throw new Exception( $refund->get_error_message() );
	}
	return true;
}

/** Runs the pending actions of a job the way Action Scheduler does; returns how many ran. */
function cartbay_an_run( $hook ) {
	$ids = as_get_scheduled_actions( array( 'hook' => $hook, 'group' => 'cartbay', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ), 'ids' );
	foreach ( $ids as $id ) {
		ActionScheduler::runner()->process_action( $id );
	}
	return count( $ids );
}

/** Pending actions of a job (their arguments). */
function cartbay_an_pending( $hook ) {
	$out = array();
	foreach ( as_get_scheduled_actions( array( 'hook' => $hook, 'group' => 'cartbay', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ) ) as $action ) {
		$out[] = $action->get_args();
	}
	return $out;
}

/** The apply job as Action Scheduler runs it. */
function cartbay_an_apply() {
	do_action( '${ APPLY }' );
	return true;
}

/** A REST request as a user ('' anonymous, 'admin' the first administrator, else a login). */
function cartbay_an_rest( $method, $path, $user, $query = array() ) {
	wp_set_current_user( 0 );
	if ( 'admin' === $user ) {
		wp_set_current_user( get_users( array( 'role' => 'administrator', 'number' => 1, 'fields' => 'ID' ) )[0] );
	} elseif ( '' !== $user ) {
		if ( ! get_user_by( 'login', $user ) ) {
			wp_insert_user( array( 'user_login' => $user, 'user_pass' => wp_generate_password(), 'user_email' => $user . '@example.test', 'role' => 'subscriber' ) );
		}
		wp_set_current_user( get_user_by( 'login', $user )->ID );
	}
	$request = new WP_REST_Request( $method, '/cartbay/v1' . $path );
	foreach ( $query as $key => $value ) {
		$request->set_param( $key, $value );
	}
	if ( 'POST' === $method ) {
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( '{}' );
	}
	$response = rest_get_server()->dispatch( $request );
	return array( 'status' => $response->get_status(), 'data' => rest_get_server()->response_to_data( $response, false ) );
}

/**
 * Sets the last-modified time of orders in storage (a test shortcut: WordPress stamps "now" on every post
 * update, so an old modified date cannot be saved through CRUD), $ages: order id => seconds ago.
 */
function cartbay_an_modified( array $ages ) {
	global $wpdb;
	$hpos = \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
	foreach ( $ages as $id => $ago ) {
		$gmt = gmdate( 'Y-m-d H:i:s', time() - (int) $ago );
		if ( $hpos ) {
			$wpdb->update( $wpdb->prefix . 'wc_orders', array( 'date_updated_gmt' => $gmt ), array( 'id' => (int) $id ) );
		} else {
			$wpdb->update( $wpdb->posts, array( 'post_modified_gmt' => $gmt, 'post_modified' => get_date_from_gmt( $gmt ) ), array( 'ID' => (int) $id ) );
			clean_post_cache( (int) $id );
		}
		wc_get_container()->get( \Automattic\WooCommerce\Caches\OrderCache::class )->remove( (int) $id );
	}
	return true;
}

/** Whether each order exists, and CartBay meta flags of the remaining ones. */
function cartbay_an_exists( array $ids ) {
	$out = array();
	foreach ( $ids as $id ) {
		$order      = wc_get_order( $id );
		$out[ $id ] = $order ? array( 'status' => $order->get_status(), 'pending' => (string) $order->get_meta( '${ META.ANALYTICS_PENDING }' ) ) : null;
	}
	return $out;
}
`;

type Card = Record< MetricKey, number | null >;

interface Step {
	step: number;
	email_id: string;
	sent: number;
	clicks: number;
	recoveries: number;
	revenue: number;
}

interface Report {
	days: number;
	from: string;
	to: string;
	metrics: Card;
	steps: Step[];
	notifications: Record< string, number >;
	series: {
		date: string;
		tracked: number;
		abandoned: number;
		recovered: number;
		recovered_revenue: number;
	}[];
	statuses: Record< string, number >;
	currency: string;
	generated_at: string;
}

interface Rest< T > {
	status: number;
	data: T & { code?: string };
}

interface Ref {
	id: number;
	session_id: string;
}

/**
 * Notification states in schema order, each with a count (0 unless given).
 * @param counts
 */
function states( counts: Partial< Record< string, number > > ) {
	return Object.fromEntries(
		Object.values( NOTIFICATION_STATES ).map( ( s ) => [
			s,
			counts[ s ] ?? 0,
		] )
	);
}
const NOTIFICATION_STATES = {
	QUEUED: NOTIFICATION.QUEUED!,
	ATTEMPTED: NOTIFICATION.ATTEMPTED!,
	SENT: NOTIFICATION.SENT!,
	DELIVERED: NOTIFICATION.DELIVERED!,
	FAILED: NOTIFICATION.FAILED!,
	RETRY_QUEUED: NOTIFICATION.RETRY_QUEUED!,
	CANCELED: NOTIFICATION.CANCELED!,
};

/**
 * Per-step figures: [ sent, clicks, recoveries, revenue ] for each step.
 * @param rows
 */
function steps( rows: [ number, number, number, number ][] ): Step[] {
	return emailSteps.map( ( s, i ) => ( {
		step: i + 1,
		email_id: s.id,
		sent: rows[ i ]![ 0 ],
		clicks: rows[ i ]![ 1 ],
		recoveries: rows[ i ]![ 2 ],
		revenue: rows[ i ]![ 3 ],
	} ) );
}

/**
 * Money as the report rounds it (the store's 2 decimals).
 * @param value
 */
const money = ( value: number ): number => Math.round( value * 100 ) / 100;

/**
 * What a report says, without when it was computed.
 * @param r
 */
const figuresOf = ( r: Report ) => ( {
	days: r.days,
	metrics: r.metrics,
	steps: r.steps,
	notifications: r.notifications,
	series: r.series,
	statuses: r.statuses,
} );

const address = addresses( 'analytics-' );

export async function analyticsScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-analytics.php': ANALYTICS_TEST_HELPERS,
	} );
	try {
		await analyticsGroups( t, store );
	} finally {
		// The next suites start without this suite's sessions or jobs.
		await phpCall( store.php, 'cartbay_an_reset' ).catch( () => undefined );
		await store.close();
	}
}

async function analyticsGroups(
	t: Checks,
	{ php }: OpenStore
): Promise< void > {
	const call = < T >( name: string, ...args: unknown[] ): Promise< T > =>
		phpCall< T >( php, name, ...args );
	const session = ( args: Record< string, unknown > ): Promise< Ref > =>
		call< Ref >( 'cartbay_an_session', args );
	const pay = ( args: Record< string, unknown > ): Promise< number > =>
		call< number >( 'cartbay_an_pay', args );
	const apply = (): Promise< boolean > =>
		call< boolean >( 'cartbay_an_apply' );
	const rest = < T >(
		method: string,
		path: string,
		user: string,
		query: Record< string, unknown > = {}
	): Promise< Rest< T > > =>
		call< Rest< T > >( 'cartbay_an_rest', method, path, user, query );
	const report = async ( days: unknown ): Promise< Report > => {
		const answer = await rest< Report >( 'GET', '/analytics', 'admin', {
			days,
		} );
		if ( answer.status !== 200 ) {
			throw new Error( `GET /analytics → ${ answer.status }` );
		}
		return answer.data;
	};
	/** The reports of the three periods, computed afresh from the ledger (the cache dropped first). */
	const fresh = async (): Promise< Record< number, Report > > => {
		await php(
			`delete_transient( '${ TRANSIENT.ANALYTICS_CACHE }' ); echo "1\\n";`
		);
		return {
			[ SHORT ]: await report( SHORT ),
			[ DEFAULT ]: await report( DEFAULT ),
			[ LONG ]: await report( LONG ),
		};
	};
	const metricKeys = metrics.map( ( m ) => m.key );
	/**
	 * A full card set: every metric of the schema, checked to be complete.
	 * @param values
	 */
	const card = ( values: Card ): Card => {
		const missing = metricKeys.filter( ( k ) => ! ( k in values ) );
		if ( missing.length ) {
			throw new Error( `expected cards lack ${ missing.join( ', ' ) }` );
		}
		return values;
	};

	await t.group(
		'a clean slate and the store the fixture expects',
		async () => {
			await call( 'cartbay_an_reset' );
			const prices = await php< Record< string, string > >( `
$out = array();
foreach ( array( 'CB-HOODIE', 'CB-MUG', 'CB-EBOOK' ) as $sku ) { $out[ $sku ] = wc_get_product( wc_get_product_id_by_sku( $sku ) )->get_price(); }
echo wp_json_encode( $out ), "\\n";` );
			t.equal(
				'fixture products have the prices the expected figures use',
				Object.fromEntries(
					Object.entries( prices ).map( ( [ k, v ] ) => [
						k,
						Number( v ),
					] )
				),
				PRICE
			);
		}
	);

	const s: Record< string, Ref > = {};
	const orders: Record< string, number > = {};

	await t.group(
		'capture only flags a session; a key event queues the apply job once',
		async () => {
			s.s1 = await session( {
				email: address( 's1' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
				days_ago: 0,
			} );
			const afterCapture = await call<
				Record< number, { pending: string } >
			>( 'cartbay_an_exists', [ s.s1.id ] );
			t.equal(
				'a captured session is flagged pending, and no apply job is queued for it',
				[
					afterCapture[ s.s1.id ]?.pending,
					( await call< unknown[] >( 'cartbay_an_pending', APPLY ) )
						.length,
				],
				[ '1', 0 ]
			);
			await php( `do_action( '${ REFRESH }' ); echo "1\\n";` );
			const refreshed = await call<
				Record< number, { pending: string } >
			>( 'cartbay_an_exists', [ s.s1.id ] );
			const first = await rest< { state: string } >(
				'GET',
				'/analytics/rebuild',
				'admin'
			);
			t.equal(
				'the hourly refresh applies it, and on a store without a ledger queues the first rebuild',
				[
					refreshed[ s.s1.id ]?.pending,
					( await report( SHORT ) ).metrics.tracked_carts,
					first.data.state,
					( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
						.length,
				],
				[ '', 1, 'running', 1 ]
			);
			await call( 'cartbay_an_run', REBUILD );
			t.equal(
				'that rebuild finishes with the same figure',
				[
					(
						await rest< { state: string } >(
							'GET',
							'/analytics/rebuild',
							'admin'
						)
					).data.state,
					( await fresh() )[ SHORT ]!.metrics.tracked_carts,
				],
				[ 'done', 1 ]
			);
			s.s2 = await session( {
				email: address( 's2' ),
				items: [ [ 'CB-MUG', 2 ] ],
				days_ago: 2,
				abandoned: true,
				notifications: [
					{
						step: 1,
						state: NOTIFICATION.SENT,
						attempts: 1,
						click: true,
					},
					{ step: 2, state: NOTIFICATION.QUEUED },
					{ step: 3, state: NOTIFICATION.QUEUED },
				],
			} );
			s.s3 = await session( {
				email: address( 's3' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
				days_ago: 5,
				abandoned: true,
				notifications: [
					{ step: 1, state: NOTIFICATION.SENT, sent_ago: 7200 },
					{ step: 2, state: NOTIFICATION.SENT, sent_ago: 3600 },
				],
			} );
			t.equal(
				'abandoned sessions queued the apply job, once',
				( await call< unknown[] >( 'cartbay_an_pending', APPLY ) )
					.length,
				1
			);
		}
	);

	await t.group(
		'the fixture: sessions on days in and out of each period, real orders recover, influence and refund',
		async () => {
			const more: [ string, Record< string, unknown > ][] = [
				[
					's4',
					{
						items: [ [ 'CB-EBOOK', 1 ] ],
						days_ago: 10,
						abandoned: true,
						notifications: [
							{
								step: 1,
								state: NOTIFICATION.FAILED,
								attempts: 3,
							},
							{
								step: 2,
								state: NOTIFICATION.RETRY_QUEUED,
								attempts: 1,
							},
							{ step: 3, state: NOTIFICATION.QUEUED },
						],
						events: [
							EVENT.RESTORE_CLICKED,
							EVENT.CART_RESTORE_FAILED,
						],
					},
				],
				[
					's5',
					{
						items: [ [ 'CB-HOODIE', 2 ] ],
						days_ago: 20,
						abandoned: true,
						notifications: [
							{ step: 1, state: NOTIFICATION.SENT, click: true },
							{
								step: 2,
								state: NOTIFICATION.ATTEMPTED,
								attempts: 1,
							},
							{ step: 3, state: NOTIFICATION.QUEUED },
						],
					},
				],
				[
					's6',
					{
						items: [ [ 'CB-MUG', 1 ] ],
						days_ago: 40,
						abandoned: true,
						notifications: [
							{
								step: 1,
								state: NOTIFICATION.DELIVERED,
								click: true,
							},
							{ step: 2, state: NOTIFICATION.SENT },
							{ step: 3, state: NOTIFICATION.QUEUED },
						],
					},
				],
				[
					's7',
					{
						items: [ [ 'CB-HOODIE', 1 ] ],
						days_ago: 100,
						abandoned: true,
						notifications: [
							{ step: 1, state: NOTIFICATION.SENT },
						],
					},
				],
				[
					's8',
					{
						items: [ [ 'CB-MUG', 1 ] ],
						days_ago: 25,
						abandoned: true,
						notifications: [
							{
								step: 1,
								state: NOTIFICATION.SENT,
								sent_ago: 10800,
							},
							{
								step: 2,
								state: NOTIFICATION.SENT,
								sent_ago: 7200,
							},
							{
								step: 3,
								state: NOTIFICATION.SENT,
								sent_ago: 3600,
							},
						],
					},
				],
				[ 's9', { items: [ [ 'CB-MUG', 1 ] ], days_ago: 6 } ],
				[ 's10', { items: [ [ 'CB-MUG', 1 ] ], days_ago: 7 } ],
				[
					's11',
					{
						items: [ [ 'CB-EBOOK', 1 ] ],
						days_ago: 30,
						abandoned: true,
					},
				],
				[ 's12', { items: [ [ 'CB-HOODIE', 1 ] ], days_ago: 89 } ],
				[ 's13', { items: [ [ 'CB-HOODIE', 1 ] ], days_ago: 90 } ],
			];
			const emails: Record< string, string > = {};
			for ( const [ key, args ] of more ) {
				emails[ key ] = address( key );
				s[ key ] = await session( { email: emails[ key ], ...args } );
			}
			// Recovered by session id (what checkout stores on the order), paid.
			orders.o2 = await pay( {
				sku: 'CB-HOODIE',
				session_id: s.s2!.session_id,
			} );
			orders.o6 = await pay( {
				sku: 'CB-EBOOK',
				session_id: s.s6!.session_id,
			} );
			orders.o7 = await pay( {
				sku: 'CB-MUG',
				session_id: s.s7!.session_id,
			} );
			orders.o8 = await pay( {
				sku: 'CB-HOODIE',
				session_id: s.s8!.session_id,
			} );
			// Influenced: the billing email only, within the window.
			orders.o4 = await pay( { sku: 'CB-MUG', email: emails.s4 } );
			const flags = await call< Record< number, { status: string } > >(
				'cartbay_an_exists',
				[ s.s2!.id, s.s4!.id, s.s6!.id ]
			);
			t.equal(
				'the orders were attributed: recovered, influenced (expired), recovered',
				[
					flags[ s.s2!.id ]?.status,
					flags[ s.s4!.id ]?.status,
					flags[ s.s6!.id ]?.status,
				],
				[ STATUS.recovered, STATUS.expired, STATUS.recovered ]
			);
			await apply();
			t.equal(
				`${ SHORT } days: recovered revenue is the recovered order's total`,
				( await report( SHORT ) ).metrics.recovered_revenue,
				PRICE[ 'CB-HOODIE' ]
			);

			await call( 'cartbay_an_refund', orders.o2, '10' );
			await apply();
			t.equal(
				'a partial refund lowers recovered revenue by the refund',
				( await report( SHORT ) ).metrics.recovered_revenue,
				PRICE[ 'CB-HOODIE' ] - 10
			);

			const before = ( await report( SHORT ) ).metrics;
			orders.o3 = await pay( {
				sku: 'CB-MUG',
				session_id: s.s3!.session_id,
			} );
			await apply();
			const recovered = await report( SHORT );
			t.equal(
				'a recovery adds its order (and its step: the last one sent before it)',
				[
					recovered.metrics.recovered_revenue,
					recovered.metrics.recovered_carts,
					recovered.steps[ 1 ]?.recoveries,
				],
				[
					money(
						( before.recovered_revenue as number ) +
							PRICE[ 'CB-MUG' ]
					),
					( before.recovered_carts as number ) + 1,
					1,
				]
			);
			await call(
				'cartbay_an_refund',
				orders.o3,
				String( PRICE[ 'CB-MUG' ] )
			);
			await apply();
			const refunded = await report( SHORT );
			t.equal(
				'then fully refunded: every card is back to its value before that recovery',
				refunded.metrics,
				before
			);
		}
	);

	// Hand-computed (see the fixture): s1 0d captured, s2 2d mug×2 recovered 45 − 10 (step 1, clicked),
	// s3 5d hoodie reverted, s9 6d captured | s10 7d captured, s4 10d ebook influenced 12.50 (1 failed,
	// 1 retry canceled, click + failed restore), s5 20d hoodie×2 (sent+click, attempted, queued), s8 25d mug
	// recovered 45 (step 3) | s11 30d ebook, s6 40d mug recovered 9.99 (step 1, delivered + click), s12 89d |
	// s13 90d, s7 100d: in no period.
	const expected: Record<
		number,
		Omit<
			Report,
			'from' | 'to' | 'currency' | 'generated_at' | 'statuses' | 'series'
		>
	> = {
		[ SHORT ]: {
			days: SHORT,
			metrics: card( {
				tracked_carts: 4,
				abandoned_carts: 2,
				recovered_carts: 1,
				link_restored_purchases: 1,
				abandoned_value: 70,
				recovered_revenue: 35,
				recovery_rate: 50,
				restore_clicks: 1,
				click_to_recovery_rate: 100,
				failed_restores: 0,
				influenced_orders: 0,
				influenced_revenue: 0,
				emails_sent: 3,
				emails_failed: 0,
				acceptance_rate: 100,
				pending_queue: 2,
				best_step: 1,
			} ),
			steps: steps( [
				[ 2, 1, 1, 35 ],
				[ 1, 0, 0, 0 ],
				[ 0, 0, 0, 0 ],
			] ),
			notifications: states( {
				[ NOTIFICATION.SENT! ]: 3,
				[ NOTIFICATION.CANCELED! ]: 2,
			} ),
		},
		[ DEFAULT ]: {
			days: DEFAULT,
			metrics: card( {
				tracked_carts: 8,
				abandoned_carts: 5,
				recovered_carts: 2,
				link_restored_purchases: 1,
				abandoned_value: 182.49,
				recovered_revenue: 80,
				recovery_rate: 40,
				restore_clicks: 3,
				click_to_recovery_rate: 33.3,
				failed_restores: 1,
				influenced_orders: 1,
				influenced_revenue: 12.5,
				emails_sent: 7,
				emails_failed: 1,
				acceptance_rate: 70,
				pending_queue: 2,
				best_step: 3,
			} ),
			steps: steps( [
				[ 4, 2, 1, 35 ],
				[ 2, 0, 0, 0 ],
				[ 1, 0, 1, 45 ],
			] ),
			notifications: states( {
				[ NOTIFICATION.QUEUED! ]: 1,
				[ NOTIFICATION.ATTEMPTED! ]: 1,
				[ NOTIFICATION.SENT! ]: 7,
				[ NOTIFICATION.FAILED! ]: 1,
				[ NOTIFICATION.CANCELED! ]: 4,
			} ),
		},
		[ LONG ]: {
			days: LONG,
			metrics: card( {
				tracked_carts: 11,
				abandoned_carts: 7,
				recovered_carts: 3,
				link_restored_purchases: 2,
				abandoned_value: 204.98,
				recovered_revenue: 89.99,
				recovery_rate: 42.9,
				restore_clicks: 4,
				click_to_recovery_rate: 50,
				failed_restores: 1,
				influenced_orders: 1,
				influenced_revenue: 12.5,
				emails_sent: 9,
				emails_failed: 1,
				acceptance_rate: 75,
				pending_queue: 2,
				best_step: 3,
			} ),
			steps: steps( [
				[ 5, 3, 2, 44.99 ],
				[ 3, 0, 0, 0 ],
				[ 1, 0, 1, 45 ],
			] ),
			notifications: states( {
				[ NOTIFICATION.QUEUED! ]: 1,
				[ NOTIFICATION.ATTEMPTED! ]: 1,
				[ NOTIFICATION.SENT! ]: 8,
				[ NOTIFICATION.DELIVERED! ]: 1,
				[ NOTIFICATION.FAILED! ]: 1,
				[ NOTIFICATION.CANCELED! ]: 5,
			} ),
		},
	};
	// Current sessions by status: s1 s9 s10 s12 s13 captured; s3 (reverted) s5 s11 abandoned; s2 s6 s7 s8
	// recovered; s4 (influenced) expired.
	const currentStatuses: Record<
		( typeof orderStatuses )[ number ][ 'key' ],
		number
	> = {
		captured: 5,
		abandoned: 3,
		recovered: 4,
		expired: 1,
		suppressed: 0,
	};
	const expectedStatuses = Object.fromEntries(
		orderStatuses.map( ( o ) => [ o.key, currentStatuses[ o.key ] ] )
	);

	let cards: Record< number, Report > = {};
	await t.group(
		'every card of 7, 30 and 90 days equals its hand-computed value',
		async () => {
			cards = await fresh();
			for ( const days of [ SHORT, DEFAULT, LONG ] ) {
				const r = cards[ days ]!;
				const want = expected[ days ]!;
				for ( const key of metricKeys ) {
					t.equal(
						`${ days } days: ${ key }`,
						r.metrics[ key ],
						want.metrics[ key ]
					);
				}
				t.equal(
					`${ days } days: per-step figures`,
					r.steps,
					want.steps
				);
				t.equal(
					`${ days } days: notifications by state`,
					r.notifications,
					want.notifications
				);
				t.equal(
					`${ days } days: current status counts`,
					r.statuses,
					expectedStatuses
				);
				t.check(
					`${ days } days: one series entry per day, from ${ r.from } to today, summing to the cards`,
					r.series.length === days &&
						r.series[ 0 ]?.date === r.from &&
						r.series[ days - 1 ]?.date === r.to &&
						r.series.reduce( ( n, d ) => n + d.tracked, 0 ) ===
							want.metrics.tracked_carts &&
						r.series.reduce( ( n, d ) => n + d.recovered, 0 ) ===
							want.metrics.recovered_carts,
					r.series.filter( ( d ) => d.tracked > 0 )
				);
			}
			const short = cards[ SHORT ]!;
			t.equal(
				`${ SHORT } days: the series by day (6, 5 and 2 days ago, today)`,
				short.series
					.filter( ( d ) => d.tracked > 0 )
					.map( ( d ) => [
						d.tracked,
						d.abandoned,
						d.recovered,
						d.recovered_revenue,
					] ),
				[
					[ 1, 0, 0, 0 ],
					[ 1, 1, 0, 0 ],
					[ 1, 1, 1, 35 ],
					[ 1, 0, 0, 0 ],
				]
			);
			const long = cards[ LONG ]!;
			t.check(
				'influenced never counts as recovered: its order is apart from recovered carts and revenue',
				long.metrics.influenced_orders === 1 &&
					long.metrics.recovered_carts === 3 &&
					long.metrics.recovered_revenue === money( 35 + 45 + 9.99 ),
				long.metrics
			);
			t.equal( 'the store currency', long.currency, 'USD' );
		}
	);

	await t.group(
		'applying the same state again changes nothing',
		async () => {
			const ledger = await call< unknown >( 'cartbay_an_ledger' );
			// Flag every session (meta only: on HPOS a plain meta save would re-save the order, and the unchanged
			// contribution would clear the flag again).
			const flaggedCount = await php< number >( `
add_filter( 'woocommerce_orders_table_datastore_should_save_after_meta_change', '__return_false' );
foreach ( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1 ) ) as $o ) {
	$o->update_meta_data( '${ META.ANALYTICS_PENDING }', '1' );
	$o->save_meta_data();
}
echo wp_json_encode( count( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1, 'return' => 'ids' ) + \\WPAnchorBay\\CartBay\\Data\\OrderMetaQuery::args( array( array( 'key' => '${ META.ANALYTICS_PENDING }', 'compare' => 'EXISTS' ) ) ) ) ) ), "\\n";` );
			t.equal(
				'every session is flagged pending',
				flaggedCount,
				Object.keys( s ).length
			);
			await apply();
			const once = await call< unknown >( 'cartbay_an_ledger' );
			await apply();
			const twice = await call< unknown >( 'cartbay_an_ledger' );
			t.equal(
				'every session applied again: the ledger is unchanged',
				once,
				ledger
			);
			t.equal(
				'and a second apply changes nothing either',
				twice,
				ledger
			);
			const flags = await call<
				Record< number, { pending: string } | null >
			>(
				'cartbay_an_exists',
				Object.values( s ).map( ( r ) => r.id )
			);
			t.equal(
				'no session is left flagged',
				Object.values( flags ).filter( ( f ) => f?.pending ),
				[]
			);
			t.equal(
				'the cards are unchanged',
				figuresOf( ( await fresh() )[ LONG ]! ),
				figuresOf( cards[ LONG ]! )
			);
		}
	);

	await t.group(
		'a page view answers from a fresh cache and never recomputes it',
		async () => {
			const first = await report( DEFAULT );
			// Change the ledger behind the cache: one more tracked cart today.
			const today = first.to;
			await php( `
$month = ${ LEDGER }::month_of( '${ today }' );
$data  = ${ LEDGER }::read_month( $month, true );
$data[ ${ LEDGER }::LIVE ]['${ today }'][ ${ CONTRIBUTION }::TRACKED ] = ( $data[ ${ LEDGER }::LIVE ]['${ today }'][ ${ CONTRIBUTION }::TRACKED ] ?? 0 ) + 5;
${ LEDGER }::write_month( $month, $data );
echo "1\\n";` );
			const cached = await report( DEFAULT );
			t.equal(
				'the second view is the cached answer (same figures, same generated_at)',
				[ cached.metrics.tracked_carts, cached.generated_at ],
				[ first.metrics.tracked_carts, first.generated_at ]
			);
			const recomputed = ( await fresh() )[ DEFAULT ]!;
			t.equal(
				'without the cache the same view reads the changed ledger (the check can fail)',
				recomputed.metrics.tracked_carts,
				( first.metrics.tracked_carts as number ) + 5
			);
			await php( `
$month = ${ LEDGER }::month_of( '${ today }' );
$data  = ${ LEDGER }::read_month( $month, true );
$data[ ${ LEDGER }::LIVE ]['${ today }'][ ${ CONTRIBUTION }::TRACKED ] -= 5;
${ LEDGER }::write_month( $month, $data );
delete_transient( '${ TRANSIENT.ANALYTICS_CACHE }' );
echo "1\\n";` );
		}
	);

	await t.group(
		'periods: 7, 30 and 90 days; anything else means 30',
		async () => {
			for ( const days of [ 13, 'abc', '', -7, '90abc' ] ) {
				const r = await rest< Report >( 'GET', '/analytics', 'admin', {
					days,
				} );
				t.equal(
					`days=${ JSON.stringify( days ) } → 200, ${ DEFAULT } days`,
					[ r.status, r.data.days ],
					[ 200, DEFAULT ]
				);
			}
			const none = await rest< Report >( 'GET', '/analytics', 'admin' );
			t.equal(
				`no days → ${ DEFAULT } days`,
				[ none.status, none.data.days ],
				[ 200, DEFAULT ]
			);
			const long = await rest< Report >( 'GET', '/analytics', 'admin', {
				days: String( LONG ),
			} );
			t.equal(
				`days="${ LONG }" → ${ LONG } days`,
				long.data.days,
				LONG
			);
		}
	);

	await t.group(
		'the analytics routes refuse anonymous and subscriber requests',
		async () => {
			for ( const [ method, path ] of [
				[ 'GET', '/analytics' ],
				[ 'GET', '/analytics/rebuild' ],
				[ 'POST', '/analytics/rebuild' ],
			] as const ) {
				const anonymous = await rest( method, path, '' );
				t.equal(
					`${ method } ${ path } anonymous → 401 with a WP_Error code`,
					[ anonymous.status, anonymous.data.code ],
					[ 401, 'cartbay_rest_forbidden' ]
				);
				const subscriber = await rest(
					method,
					path,
					'cb_an_subscriber'
				);
				t.equal(
					`${ method } ${ path } subscriber → 403 with a WP_Error code`,
					[ subscriber.status, subscriber.data.code ],
					[ 403, 'cartbay_rest_forbidden' ]
				);
			}
			t.equal(
				'refused rebuild requests started nothing',
				( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
					.length,
				0
			);
		}
	);

	await t.group(
		'a deleted ledger, rebuilt from the sessions, gives the same figures',
		async () => {
			const before = await fresh();
			t.equal(
				'the ledger months are deleted',
				await call< number >( 'cartbay_an_delete_ledger' ),
				0
			);
			t.equal(
				'without a ledger every figure is 0',
				( await fresh() )[ LONG ]!.metrics.tracked_carts,
				0
			);
			const started = await rest< { state: string } >(
				'POST',
				'/analytics/rebuild',
				'admin'
			);
			t.equal(
				'POST /analytics/rebuild → 202, running, its job queued',
				[
					started.status,
					started.data.state,
					( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
						.length,
				],
				[ 202, 'running', 1 ]
			);
			const again = await rest< { state: string } >(
				'POST',
				'/analytics/rebuild',
				'admin'
			);
			t.equal(
				'a second POST reports the running rebuild and queues nothing more',
				[
					again.data.state,
					( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
						.length,
				],
				[ 'running', 1 ]
			);
			let runs = 0;
			let progress = started.data as {
				state: string;
				processed?: number;
				finished_at?: string | null;
			};
			while ( progress.state === 'running' && runs < 10 ) {
				await call( 'cartbay_an_run', REBUILD );
				runs++;
				progress = (
					await rest< typeof progress >(
						'GET',
						'/analytics/rebuild',
						'admin'
					)
				).data;
			}
			t.check(
				`the rebuild finished (${ runs } run(s)), every session read`,
				progress.state === 'done' &&
					progress.processed === Object.keys( s ).length &&
					typeof progress.finished_at === 'string',
				progress
			);
			const after = await fresh();
			for ( const days of [ SHORT, DEFAULT, LONG ] ) {
				t.equal(
					`${ days } days: the rebuilt ledger gives the same figures`,
					figuresOf( after[ days ]! ),
					figuresOf( before[ days ]! )
				);
			}
		}
	);

	await t.group(
		'an update that changes what a rebuild derives rebuilds once, and brings each session order total back to its cart total',
		async () => {
			const ids = Object.values( s ).map( ( r ) => r.id );
			const before = await fresh();
			const totals = () =>
				php< Record< number, [ string, string ] > >( `
$out = array();
foreach ( ${ JSON.stringify( ids ) } as $id ) {
	$o          = wc_get_order( $id );
	$out[ $id ] = array( wc_format_decimal( $o->get_total(), 2 ), wc_format_decimal( $o->get_meta( '${ META.CART_TOTAL }' ), 2 ) );
}
echo wp_json_encode( $out ), "\n";` );
			const mismatched = ( all: Record< number, [ string, string ] > ) =>
				Object.entries( all ).filter( ( [ , [ a, b ] ] ) => a !== b );
			t.equal(
				'every session order’s total is its cart total',
				mismatched( await totals() ),
				[]
			);
			// What a session of an older version looks like (its order total never set), and a last rebuild
			// that recorded an older derivation version.
			const stale = s.s2!.id;
			await php( `
$o = wc_get_order( ${ stale } );
$o->set_total( 0 );
$o->save();
$progress            = get_option( '${ OPTION.ANALYTICS_REBUILD }' );
$progress['version'] = ${ ledgerDerivation.version - 1 };
update_option( '${ OPTION.ANALYTICS_REBUILD }', $progress, false );
echo "1\n";` );
			t.equal(
				'the stale session’s total differs from its cart total',
				mismatched( await totals() ).map( ( [ id ] ) => Number( id ) ),
				[ stale ]
			);
			await php( `do_action( '${ REFRESH }' ); echo "1\\n";` );
			t.equal(
				'the hourly refresh starts a rebuild (one job)',
				[
					(
						await rest< { state: string } >(
							'GET',
							'/analytics/rebuild',
							'admin'
						)
					).data.state,
					( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
						.length,
				],
				[ 'running', 1 ]
			);
			let runs = 0;
			while (
				( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
					.length > 0 &&
				runs < 10
			) {
				await call( 'cartbay_an_run', REBUILD );
				runs++;
			}
			const version = await php< number >(
				`echo wp_json_encode( (int) ( get_option( '${ OPTION.ANALYTICS_REBUILD }' )['version'] ?? 0 ) ), "\\n";`
			);
			t.equal(
				'the rebuild finished, recorded this version, and the stale total is the cart total again',
				[ version, mismatched( await totals() ) ],
				[ ledgerDerivation.version, [] ]
			);
			const after = await fresh();
			for ( const days of [ SHORT, DEFAULT, LONG ] ) {
				t.equal(
					`${ days } days: the same figures`,
					figuresOf( after[ days ]! ),
					figuresOf( before[ days ]! )
				);
			}
			await php( `do_action( '${ REFRESH }' ); echo "1\\n";` );
			t.equal(
				'the next refresh starts nothing (the version is current)',
				( await call< unknown[] >( 'cartbay_an_pending', REBUILD ) )
					.length,
				0
			);
		}
	);

	await t.group(
		'retention pruning removes sessions, not their figures',
		async () => {
			const before = await fresh();
			const pruned = [ 's2', 's4', 's5', 's6', 's11' ].map(
				( k ) => s[ k ]!.id
			);
			// One more click on s5, saved and not applied yet: pruning counts its current state.
			await php( `
$o = wc_get_order( ${ s.s5!.id } );
${ SERVICE( 'Data\\SessionRepository' ) }->add_event( $o, '${ EVENT.RESTORE_CLICKED }' );
$o->save();
echo "1\\n";` );
			// The pruned ones last changed 60 days ago, every other one just now.
			await call(
				'cartbay_an_modified',
				Object.fromEntries(
					Object.values( s ).map( ( r ) => [
						r.id,
						pruned.includes( r.id ) ? 60 * 86400 : 0,
					] )
				)
			);
			const flagged = await call< Record< number, { pending: string } > >(
				'cartbay_an_exists',
				[ s.s5!.id ]
			);
			t.equal(
				'the unapplied change is pending',
				flagged[ s.s5!.id ]?.pending,
				'1'
			);
			const deleted = await php< number >(
				`echo wp_json_encode( ${ SERVICE( 'Data\\SessionRepository' ) }->prune_expired() ), "\\n";`
			);
			const left = await call< Record< number, unknown > >(
				'cartbay_an_exists',
				Object.values( s ).map( ( r ) => r.id )
			);
			t.equal(
				'the old sessions are gone, the others kept',
				[
					deleted,
					pruned.filter( ( id ) => left[ id ] !== null ).length,
					Object.values( left ).filter( ( v ) => v !== null ).length,
				],
				[ pruned.length, 0, Object.keys( s ).length - pruned.length ]
			);
			t.equal(
				'pruning queued nothing to forget (what they counted is retired, not subtracted)',
				( await call< unknown[] >( 'cartbay_an_pending', FORGET ) )
					.length,
				0
			);
			const after = await fresh();
			for ( const days of [ SHORT, DEFAULT, LONG ] ) {
				const want = before[ days ]!;
				const clicks = days === SHORT ? 0 : 1;
				const restoreClicks =
					( want.metrics.restore_clicks as number ) + clicks;
				t.equal(
					`${ days } days: every figure unchanged (s5's unapplied click counted; the pending queue is current)`,
					{ ...figuresOf( after[ days ]! ), statuses: null },
					{
						...figuresOf( want ),
						statuses: null,
						metrics: {
							...want.metrics,
							restore_clicks: restoreClicks,
							click_to_recovery_rate:
								Math.round(
									( 1000 *
										( want.metrics
											.link_restored_purchases as number ) ) /
										restoreClicks
								) / 10,
							pending_queue: 0,
						},
					}
				);
			}
			const retired = await fresh();
			const started = await rest< { state: string } >(
				'POST',
				'/analytics/rebuild',
				'admin'
			);
			let state = started.data.state;
			for ( let i = 0; i < 10 && state === 'running'; i++ ) {
				await call( 'cartbay_an_run', REBUILD );
				state = (
					await rest< { state: string } >(
						'GET',
						'/analytics/rebuild',
						'admin'
					)
				).data.state;
			}
			const rebuilt = await fresh();
			t.check(
				'a rebuild after pruning keeps the pruned sessions’ figures (the retired layer is never rebuilt)',
				state === 'done' &&
					[ SHORT, DEFAULT, LONG ].every(
						( d ) =>
							JSON.stringify( figuresOf( rebuilt[ d ]! ) ) ===
							JSON.stringify( figuresOf( retired[ d ]! ) )
					),
				{
					state,
					rebuilt: rebuilt[ LONG ]?.metrics,
					retired: retired[ LONG ]?.metrics,
				}
			);
		}
	);

	await t.group(
		'deleting or trashing a session takes it out; restoring it counts it again',
		async () => {
			await call( 'cartbay_an_run', APPLY );
			const before = ( await fresh() )[ SHORT ]!;
			await php(
				`wc_get_order( ${ s.s1!.id } )->delete( true ); echo "1\\n";`
			);
			const queued = await call< unknown[][] >(
				'cartbay_an_pending',
				FORGET
			);
			t.check(
				'a deletion (as consent withdrawal makes) queues one forget job with the day and counters only',
				queued.length === 1 &&
					queued[ 0 ]![ 0 ] === s.s1!.id &&
					/^\d{4}-\d{2}-\d{2}$/.test( String( queued[ 0 ]![ 1 ] ) ) &&
					! String( queued[ 0 ]![ 2 ] ).includes( '@' ),
				queued
			);
			await call( 'cartbay_an_run', FORGET );
			const deleted = await report( SHORT );
			t.equal(
				'after the forget job: one tracked cart less (the job refreshed the cache)',
				deleted.metrics.tracked_carts,
				( before.metrics.tracked_carts as number ) - 1
			);
			await php(
				`wc_get_order( ${ s.s9!.id } )->delete( false ); echo "1\\n";`
			);
			await call( 'cartbay_an_run', FORGET );
			const trashed = await report( SHORT );
			t.equal(
				'a trashed session stops counting',
				trashed.metrics.tracked_carts,
				( before.metrics.tracked_carts as number ) - 2
			);
			t.equal(
				'trashing queued no apply job',
				( await call< unknown[] >( 'cartbay_an_pending', APPLY ) )
					.length,
				0
			);
			await php(
				`wc_get_order( ${ s.s9!.id } )->untrash(); echo "1\\n";`
			);
			t.equal(
				'restoring it queues the apply job',
				( await call< unknown[] >( 'cartbay_an_pending', APPLY ) )
					.length >= 1,
				true
			);
			await call( 'cartbay_an_run', APPLY );
			t.equal(
				'and it counts again',
				( await report( SHORT ) ).metrics.tracked_carts,
				( before.metrics.tracked_carts as number ) - 1
			);
		}
	);
}
