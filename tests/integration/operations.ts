/**
 * Operations (issue 12): the one Logger (a sanitized line per flow, no email or token in the file), rotation
 * at the size cap, log retention, a log folder the web cannot read, GET /logs (filters, paging, 401/403), and
 * session retention working through a 1,500-session backlog in one daily run plus its continuations.
 */
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import {
	jobs,
	logFile,
	plugin,
	recoveryWork,
	settingsOption,
} from '../../plugin/schema';
import { phpCall } from '../support/php';
import { META, QUERY_ARG, STATUS, TRANSIENT } from '../support/schema-names';
import {
	addresses,
	openStore,
	RECOVERY_TEST_HELPERS,
	recoveryFixtures,
} from '../support/store-fixtures';
import { CAPTURE_PATH, HttpShopper as Shopper } from './http-shopper';

const PRUNE_HOOK = jobs.find(
	( j ) => j.hook === 'cartbay_prune_sessions'
)!.hook;
const CONTINUE_HOOK = jobs.find(
	( j ) => j.hook === 'cartbay_prune_sessions_continue'
)!.hook;
const RETENTION_DAYS = settingsOption.fields.find(
	( f ) => f.key === 'data_retention_days'
)!.default as number;
const LOG_DAYS = settingsOption.fields.find(
	( f ) => f.key === 'log_retention_days'
)!.default as number;
const LOG_MB = settingsOption.fields.find(
	( f ) => f.key === 'log_max_size_mb'
)!.default as number;
const BACKLOG = 1500;
/** The analytics ledger jobs (and nothing else: a due daily prune must not run early). */
const LEDGER_JOBS = {
	group: plugin.jobGroup,
	hooks: jobs
		.filter( ( j ) => /analytics/.test( j.hook ) )
		.map( ( j ) => j.hook ),
};

const OPERATIONS_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay test: operations
 */

use WPAnchorBay\CartBay\Logging\LogFile;
use WPAnchorBay\CartBay\Logging\Logger;

/** The log file and its backup: text and size (empty when missing), and the folder guards. */
function cartbay_ops_log() {
	$read = static fn ( $file ) => file_exists( $file ) ? (string) file_get_contents( $file ) : '';
	clearstatcache();
	return array(
		'path'        => LogFile::path(),
		'url'         => trailingslashit( wp_upload_dir( null, false )['baseurl'] ) . '${ logFile.directory }/${ logFile.fileName }',
		'text'        => $read( LogFile::path() ),
		'backup'      => $read( LogFile::backup_path() ),
		'size'        => file_exists( LogFile::path() ) ? filesize( LogFile::path() ) : 0,
		'backup_size' => file_exists( LogFile::backup_path() ) ? filesize( LogFile::backup_path() ) : 0,
		'index'       => file_exists( LogFile::directory() . '/index.php' ),
		'htaccess'    => $read( LogFile::directory() . '/.htaccess' ),
	);
}

/** Removes the log file and its backup. */
function cartbay_ops_log_reset() {
	wp_delete_file( LogFile::path() );
	wp_delete_file( LogFile::backup_path() );
	return true;
}

/** Logs $count entries of about 400 bytes each until the file rotates (or $count is reached). */
function cartbay_ops_fill( $count ) {
	$pad = str_repeat( 'pad ', 70 );
	for ( $i = 0; $i < $count; $i++ ) {
		Logger::info( 'retention.test_fill', array( 'n' => $i, 'pad' => $pad ) );
		if ( 0 === $i % 100 ) {
			clearstatcache();
			if ( file_exists( LogFile::backup_path() ) ) {
				return $i + 1;
			}
		}
	}
	return $count;
}

/** Appends raw lines (as an older plugin or a hand edit would leave them): $lines of array( ts, event, context ). */
function cartbay_ops_raw( array $lines ) {
	foreach ( $lines as $line ) {
		LogFile::append( wp_json_encode( array( 'time' => gmdate( 'Y-m-d\TH:i:s\Z', $line[0] ), 'ts' => $line[0], 'level' => $line[3] ?? 'info', 'source' => 'retention', 'event' => $line[1], 'context' => $line[2] ) ), PHP_INT_MAX );
	}
	return true;
}

/** A REST request as $user ('' = anonymous; 'subscriber' is made when missing): status, headers, data. */
function cartbay_ops_rest( $user, $path, array $query = array() ) {
	wp_set_current_user( 0 );
	if ( '' !== $user ) {
		if ( ! get_user_by( 'login', $user ) ) {
			wp_insert_user( array( 'user_login' => $user, 'user_pass' => wp_generate_password(), 'user_email' => $user . '@ops.example.test', 'role' => $user ) );
		}
		wp_set_current_user( get_user_by( 'login', $user )->ID );
	}
	$request = new WP_REST_Request( 'GET', '/${ plugin.restNamespace }' . $path );
	foreach ( $query as $key => $value ) {
		$request->set_param( $key, $value );
	}
	$response = rest_get_server()->dispatch( $request );
	$headers  = $response->get_headers();
	return array(
		'status' => $response->get_status(),
		'total'  => (int) ( $headers['X-WP-Total'] ?? -1 ),
		'pages'  => (int) ( $headers['X-WP-TotalPages'] ?? -1 ),
		'data'   => rest_get_server()->response_to_data( $response, false ),
	);
}

/** Sends step $step of a session now (the send job's handler). */
function cartbay_ops_send( $session_id, $step ) {
	return \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Email\EmailSequenceService::class )->send_step( $session_id, (int) $step );
}

/**
 * $count abandoned sessions last changed $days_ago days ago. The first four carry a notification with its
 * context transient, a pending send and a coupon; coupons of the first two are used (the first session
 * recovered order $order_link). Returns ids, session ids, coupon ids, used coupon ids and notification ids.
 */
function cartbay_ops_backlog( $count, $prefix, $days_ago, $order_link ) {
	global $wpdb;
	$repo    = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$issuer  = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Offers\CouponIssuer::class );
	$out     = array( 'ids' => array(), 'sids' => array(), 'coupons' => array(), 'used' => array(), 'notifications' => array() );
	for ( $i = 0; $i < $count; $i++ ) {
		$order = cartbay_test_new_session( $prefix . $i . '@example.test', array( array( 'CB-EBOOK', 1 ) ) );
		$order->set_status( 'wc-${ STATUS.abandoned }' );
		$order->update_meta_data( '${ META.ABANDONED_AT }', time() - $days_ago * DAY_IN_SECONDS );
		if ( $i < 4 ) {
			$nid = \WPAnchorBay\CartBay\Notifications\NotificationLog::queue( $order, 1, time() + HOUR_IN_SECONDS, 'abandonment' );
			set_transient( '${ TRANSIENT.NOTIFICATION_CONTEXT_PREFIX }' . $nid, array( 'test' => true ), DAY_IN_SECONDS );
			$out['notifications'][] = $nid;
			$coupon = $issuer->ensure( $order );
			if ( 0 === $i ) {
				$order->update_meta_data( '${ META.RECOVERED_ORDER_ID }', (int) $order_link );
			}
		}
		$repo->save( $order );
		$sid = (string) $order->get_meta( '${ META.SESSION_ID }' );
		if ( $i < 4 ) {
			as_schedule_single_action( time() + HOUR_IN_SECONDS, '${ jobs.find( ( j ) => j.hook === 'cartbay_send_recovery_email' )!.hook }', array( $sid, 2 ), '${ plugin.jobGroup }' );
			if ( $coupon ) {
				$out['coupons'][] = $coupon->get_id();
				if ( $i < 2 ) {
					$coupon->set_usage_count( 1 );
					$coupon->save();
					$out['used'][] = $coupon->get_id();
				}
			}
		}
		$out['ids'][]  = $order->get_id();
		$out['sids'][] = $sid;
	}
	// Age them in storage (WordPress stamps "now" on every save, so CRUD cannot write an old modified date).
	$gmt  = gmdate( 'Y-m-d H:i:s', time() - $days_ago * DAY_IN_SECONDS );
	$hpos = \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
	foreach ( array_chunk( $out['ids'], 500 ) as $chunk ) {
		$in = implode( ',', array_map( 'intval', $chunk ) );
		if ( $hpos ) {
			$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}wc_orders SET date_updated_gmt = %s WHERE id IN ($in)", $gmt ) );
		} else {
			$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->posts} SET post_modified_gmt = %s, post_modified = %s WHERE ID IN ($in)", $gmt, get_date_from_gmt( $gmt ) ) );
		}
	}
	wp_cache_flush();
	return $out;
}

/** What is left of a backlog: sessions, pending sends, context transients, coupons (state of each). */
function cartbay_ops_left( array $backlog ) {
	wp_cache_flush();
	$left = 0;
	foreach ( $backlog['ids'] as $id ) {
		$left += wc_get_order( $id ) ? 1 : 0;
	}
	$pending = 0;
	foreach ( $backlog['sids'] as $sid ) {
		$pending += as_has_scheduled_action( '${ jobs.find( ( j ) => j.hook === 'cartbay_send_recovery_email' )!.hook }', array( $sid, 2 ), '${ plugin.jobGroup }' ) ? 1 : 0;
	}
	$transients = 0;
	foreach ( $backlog['notifications'] as $nid ) {
		$transients += false !== get_transient( '${ TRANSIENT.NOTIFICATION_CONTEXT_PREFIX }' . $nid ) ? 1 : 0;
	}
	$coupons = array();
	foreach ( $backlog['coupons'] as $cid ) {
		$coupon          = new WC_Coupon( (int) $cid );
		$coupons[ $cid ] = $coupon->get_id() ? array(
			'restrictions' => $coupon->get_email_restrictions(),
			'email'        => (string) $coupon->get_meta( '${ META.EMAIL }' ),
			'order'        => (int) $coupon->get_meta( '${ META.RECOVERED_ORDER_ID }' ),
			'used'         => $coupon->get_usage_count(),
		) : null;
	}
	return array( 'sessions' => $left, 'pending_sends' => $pending, 'transients' => $transients, 'coupons' => $coupons );
}

/** Pending actions of some hooks. */
function cartbay_ops_pending( array $hooks ) {
	$n = 0;
	foreach ( $hooks as $hook ) {
		$n += count( as_get_scheduled_actions( array( 'hook' => $hook, 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ), 'ids' ) );
	}
	return $n;
}

/** Pending continuation actions. */
function cartbay_ops_pending_continuations() {
	return count( as_get_scheduled_actions( array( 'hook' => '${ CONTINUE_HOOK }', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ) ) );
}
`;

interface LogState {
	path: string;
	url: string;
	text: string;
	backup: string;
	size: number;
	backup_size: number;
	index: boolean;
	htaccess: string;
}
interface LogEntry {
	time: string;
	level: string;
	source: string;
	event: string;
	context: Record< string, unknown >;
}
interface RestAnswer< T > {
	status: number;
	total: number;
	pages: number;
	data: T;
}
interface Backlog {
	ids: number[];
	sids: string[];
	coupons: number[];
	used: number[];
	notifications: string[];
}
interface Left {
	sessions: number;
	pending_sends: number;
	transients: number;
	coupons: Record<
		string,
		{
			restrictions: string[];
			email: string;
			order: number;
			used: number;
		} | null
	>;
}

const address = addresses( 'ops-' );

function pathOf( link: string ): string {
	const url = new URL( link );
	return `${ url.pathname }${ url.search }`;
}

const entriesOf = ( text: string ): LogEntry[] =>
	text
		.split( '\n' )
		.filter( ( l ) => l.trim() !== '' )
		.map( ( l ) => JSON.parse( l ) as LogEntry );

export async function operationsScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-operations.php': OPERATIONS_TEST_HELPERS,
	} );
	const { base, sku, php } = store;
	const fixtures = recoveryFixtures( php );
	const log = () => phpCall< LogState >( php, 'cartbay_ops_log' );
	const rest = < T >(
		user: string,
		path: string,
		query: Record< string, unknown > = {}
	) =>
		phpCall< RestAnswer< T > >(
			php,
			'cartbay_ops_rest',
			user,
			path,
			query
		);
	const secrets: string[] = [];
	/** Runs the ledger jobs until none is pending (the apply job works in bounded batches). */
	const drainLedger = async () => {
		for ( let i = 0; i < 40; i++ ) {
			await site.runDueActions( LEDGER_JOBS );
			if (
				( await phpCall< number >(
					php,
					'cartbay_ops_pending',
					LEDGER_JOBS.hooks
				) ) === 0
			) {
				return;
			}
		}
	};
	/**
	 * The period's figures but the live queue (pruning cancels the pruned sessions' pending sends).
	 * @param metrics
	 */
	const ledgerFigures = ( metrics: unknown ) => {
		const { pending_queue: queue, ...rest } = metrics as Record<
			string,
			unknown
		>;
		return { figures: rest, queue };
	};

	try {
		await phpCall( php, 'cartbay_ops_log_reset' );

		await t.group(
			'a sanitized log line per flow: capture over HTTP, a send, a restore, an unsubscribe',
			async () => {
				// Capture over real HTTP.
				const captureEmail = address( 'Capture' );
				secrets.push( captureEmail, captureEmail.toLowerCase() );
				const shopper = new Shopper( base );
				await shopper.get( `/?add-to-cart=${ sku( 'CB-EBOOK' ) }` );
				const captured = await shopper.request( CAPTURE_PATH, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify( {
						email: captureEmail,
						consent: true,
						source: 'classic',
					} ),
				} );
				// A send, a restore and an unsubscribe on a fixture session.
				const email = address( 'Flow' );
				secrets.push( email, email.toLowerCase() );
				const fixture = await fixtures.session( {
					email,
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				const sent = await phpCall< boolean >(
					php,
					'cartbay_ops_send',
					fixture.session_id,
					1
				);
				const restoreToken =
					new URL( fixture.restore ).searchParams.get(
						QUERY_ARG.RESTORE
					) ?? '';
				const unsubToken =
					new URL( fixture.unsubscribe ).searchParams.get(
						QUERY_ARG.UNSUBSCRIBE
					) ?? '';
				secrets.push( restoreToken, unsubToken, fixture.session_id );
				const visitor = new Shopper( base );
				await visitor.get( pathOf( fixture.restore ) );
				const unsub = await new Shopper( base ).request(
					pathOf( fixture.unsubscribe ),
					{
						method: 'POST',
						headers: {
							'Content-Type': 'application/x-www-form-urlencoded',
						},
						body: `${ QUERY_ARG.UNSUBSCRIBE_CONFIRM }=1`,
					}
				);
				const state = await log();
				const entries = entriesOf( state.text );
				const events = entries.map( ( e ) => e.event );
				t.equal(
					'capture 200, send accepted, unsubscribe 200',
					[ captured.status, sent, unsub.status ],
					[ 200, true, 200 ]
				);
				t.check(
					'log lines: capture.created, email.sent, restore.ok, unsubscribe.done + unsubscribe.suppressed',
					[
						'capture.created',
						'email.sent',
						'restore.ok',
						'unsubscribe.done',
						'unsubscribe.suppressed',
					].every( ( e ) => events.includes( e ) ),
					events
				);
				t.check(
					'each entry: time, level, source = event prefix; capture.created and email.sent name the session order id',
					entries.every(
						( e ) =>
							/^\d{4}-\d\d-\d\dT/.test( e.time ) &&
							[ 'info', 'warning', 'error' ].includes(
								e.level
							) &&
							e.event.startsWith( `${ e.source }.` )
					) &&
						entries
							.filter( ( e ) =>
								[ 'capture.created', 'email.sent' ].includes(
									e.event
								)
							)
							.every( ( e ) => Number( e.context.order_id ) > 0 ),
					entries.slice( 0, 5 )
				);
				const leaked = secrets.filter(
					( s ) =>
						s !== '' &&
						( state.text.includes( s ) ||
							state.text.includes( encodeURIComponent( s ) ) )
				);
				t.equal(
					'no test email, restore or unsubscribe token or session id in the file',
					leaked,
					[]
				);
				const wcLogs = await fixtures.wcLogs();
				t.check(
					'the same events reach the WooCommerce log (source cartbay), also without emails or tokens',
					wcLogs.includes( 'email.sent' ) &&
						secrets.every(
							( s ) => s === '' || ! wcLogs.includes( s )
						),
					secrets.filter( ( s ) => s !== '' && wcLogs.includes( s ) )
				);
			}
		);

		await t.group( 'the log folder is not web-readable', async () => {
			const state = await log();
			const response = await fetch( state.url, { redirect: 'manual' } );
			t.check(
				'folder guards: index.php and a deny-all .htaccess',
				state.index && /Require all denied/.test( state.htaccess ),
				{ index: state.index, htaccess: state.htaccess }
			);
			t.check(
				`GET ${ new URL( state.url ).pathname } → 403 or 404 (the test server honours the deny-all .htaccess like Apache)`,
				[ 403, 404 ].includes( response.status ),
				response.status
			);
		} );

		await t.group(
			'GET /logs: permissions, filters, paging, nothing unsanitized',
			async () => {
				const rawEmail = address( 'raw' );
				const rawToken =
					'a'.repeat( 20 ) + '0123456789abcdef0123456789';
				const now = Math.floor( Date.now() / 1000 );
				await phpCall( php, 'cartbay_ops_raw', [
					[
						now,
						'retention.hand_edit',
						{
							note: `mail ${ rawEmail } token ${ rawToken }`,
							restore_token: rawToken,
						},
						'error',
					],
				] );
				const anonymous = await rest( '', '/logs' );
				const subscriber = await rest( 'subscriber', '/logs' );
				t.equal(
					'anonymous 401, subscriber 403',
					[ anonymous.status, subscriber.status ],
					[ 401, 403 ]
				);
				const all = await rest< LogEntry[] >( 'admin', '/logs', {
					per_page: 200,
				} );
				t.check(
					'admin 200, newest first, X-WP-Total = entries in the file',
					all.status === 200 &&
						all.total ===
							entriesOf( ( await log() ).text ).length &&
						all.data[ 0 ]?.event === 'retention.hand_edit',
					{
						status: all.status,
						total: all.total,
						first: all.data[ 0 ],
					}
				);
				const text = JSON.stringify( all.data );
				t.check(
					'a raw email or token written into the file is never answered',
					! text.includes( rawEmail ) &&
						! text.includes( rawToken ) &&
						text.includes( 'o***@example.test' ),
					all.data[ 0 ]
				);
				const warnings = await rest< LogEntry[] >( 'admin', '/logs', {
					level: 'error',
				} );
				const email = await rest< LogEntry[] >( 'admin', '/logs', {
					source: 'email',
				} );
				const prefix = await rest< LogEntry[] >( 'admin', '/logs', {
					event: 'restore.',
				} );
				const search = await rest< LogEntry[] >( 'admin', '/logs', {
					search: 'HAND_EDIT',
				} );
				t.check(
					'level, source, event prefix and text filters',
					warnings.data.length >= 1 &&
						warnings.data.every( ( e ) => e.level === 'error' ) &&
						email.data.length >= 1 &&
						email.data.every( ( e ) => e.source === 'email' ) &&
						prefix.data.length >= 1 &&
						prefix.data.every( ( e ) =>
							e.event.startsWith( 'restore.' )
						) &&
						search.total === 1,
					{
						error: warnings.data.length,
						email: email.data.map( ( e ) => e.event ),
						prefix: prefix.data.map( ( e ) => e.event ),
						search: search.total,
					}
				);
				const page2 = await rest< LogEntry[] >( 'admin', '/logs', {
					per_page: 2,
					page: 2,
				} );
				t.check(
					'paging: page 2 of 2 per page is entries 3–4, X-WP-TotalPages follows',
					page2.data.length === 2 &&
						JSON.stringify( page2.data ) ===
							JSON.stringify( all.data.slice( 2, 4 ) ) &&
						page2.pages === Math.ceil( all.total / 2 ),
					{ pages: page2.pages, total: all.total }
				);
			}
		);

		await t.group(
			`rotation at ${ LOG_MB } MB: ${ logFile.fileName } → ${ logFile.fileName }${ logFile.backupSuffix }, one backup`,
			async () => {
				const written = await phpCall< number >(
					php,
					'cartbay_ops_fill',
					30000
				);
				const state = await log();
				const cap = LOG_MB * 1024 * 1024;
				t.check(
					`after ${ written } entries: a backup just under ${ LOG_MB } MB and a small new file`,
					state.backup_size > cap - 2048 &&
						state.backup_size <= cap &&
						state.size > 0 &&
						state.size < 100_000,
					{ written, backup: state.backup_size, size: state.size }
				);
			}
		);

		await t.group(
			`log entries older than ${ LOG_DAYS } days go on the daily ${ PRUNE_HOOK } run`,
			async () => {
				const now = Math.floor( Date.now() / 1000 );
				await phpCall( php, 'cartbay_ops_log_reset' );
				await phpCall( php, 'cartbay_ops_raw', [
					[ now - ( LOG_DAYS + 1 ) * 86400, 'retention.old_one', {} ],
					[ now - ( LOG_DAYS + 2 ) * 86400, 'retention.old_two', {} ],
					[ now - 3600, 'retention.recent', {} ],
				] );
				await site.runPhpOrThrow( `do_action( '${ PRUNE_HOOK }' );` );
				const events = entriesOf( ( await log() ).text ).map(
					( e ) => e.event
				);
				t.check(
					'old entries removed, the recent one kept, the prune runs logged',
					! events.includes( 'retention.old_one' ) &&
						! events.includes( 'retention.old_two' ) &&
						events.includes( 'retention.recent' ) &&
						events.includes( 'retention.log_pruned' ) &&
						events.includes( 'retention.sessions_pruned' ),
					events
				);
			}
		);

		await t.group(
			`retention works through ${ BACKLOG } sessions past ${ RETENTION_DAYS } days in one daily run plus continuations`,
			async () => {
				await drainLedger();
				const before = await rest< { metrics: unknown } >(
					'admin',
					'/analytics',
					{ days: 90 }
				);
				const started = Date.now();
				const backlog = await phpCall< Backlog >(
					php,
					'cartbay_ops_backlog',
					BACKLOG,
					`ops-backlog-${ process.pid }-`,
					RETENTION_DAYS + 10,
					987654
				);
				const made = Date.now() - started;
				// The ledger takes in the new sessions (their contributions) before the figures are read; only the
				// ledger jobs run here, so the daily prune below is the first one to see the backlog.
				await drainLedger();
				const mid = await rest< { metrics: unknown } >(
					'admin',
					'/analytics',
					{ days: 90 }
				);
				const pruneStart = Date.now();
				await site.runPhpOrThrow( `do_action( '${ PRUNE_HOOK }' );` );
				let continuations = 0;
				let left = await phpCall< Left >(
					php,
					'cartbay_ops_left',
					backlog
				);
				while ( left.sessions > 0 && continuations < 30 ) {
					const pending = await phpCall< number >(
						php,
						'cartbay_ops_pending_continuations'
					);
					if ( pending !== 1 ) {
						break;
					}
					await site.runDueActions( {
						group: plugin.jobGroup,
						hooks: [ CONTINUE_HOOK ],
					} );
					continuations++;
					left = await phpCall< Left >(
						php,
						'cartbay_ops_left',
						backlog
					);
				}
				const took = Date.now() - pruneStart;
				await drainLedger();
				const after = await rest< { metrics: unknown } >(
					'admin',
					'/analytics',
					{ days: 90 }
				);
				t.equal(
					`all ${ BACKLOG } gone (created in ${ ( made / 1000 ).toFixed( 1 ) } s; pruned in ${ ( took / 1000 ).toFixed( 1 ) } s by the daily run + ${ continuations } continuation(s), budget ${ recoveryWork.pruneTimeBudgetSeconds } s a run)`,
					{
						sessions: left.sessions,
						pending_sends: left.pending_sends,
						transients: left.transients,
						continuations_pending: await phpCall< number >(
							php,
							'cartbay_ops_pending_continuations'
						),
					},
					{
						sessions: 0,
						pending_sends: 0,
						transients: 0,
						continuations_pending: 0,
					}
				);
				const used = backlog.used.map(
					( id ) => left.coupons[ String( id ) ]
				);
				const unused = backlog.coupons
					.filter( ( id ) => ! backlog.used.includes( id ) )
					.map( ( id ) => left.coupons[ String( id ) ] );
				t.check(
					'used coupons kept without the email (meta and restriction), the recovered order recorded; unused ones deleted',
					used.length === 2 &&
						used.every(
							( c ) =>
								!! c &&
								c.email === '' &&
								c.restrictions.length === 0 &&
								c.used === 1
						) &&
						used[ 0 ]?.order === 987654 &&
						unused.length === 2 &&
						unused.every( ( c ) => c === null ),
					{ used, unused }
				);
				t.check(
					'analytics figures for 90 days unchanged by pruning (ledger kept; the live pending queue left aside)',
					JSON.stringify(
						ledgerFigures( after.data.metrics ).figures
					) ===
						JSON.stringify(
							ledgerFigures( mid.data.metrics ).figures
						) &&
						after.status === 200 &&
						before.status === 200,
					{ mid: mid.data.metrics, after: after.data.metrics }
				);
				const state = await log();
				const runs = entriesOf( state.text ).filter(
					( e ) => e.event === 'retention.sessions_pruned'
				);
				t.check(
					'each run logged with its counts; no backlog email in the log',
					runs.reduce(
						( n, e ) => n + Number( e.context.sessions ?? 0 ),
						0
					) >= BACKLOG &&
						! state.text.includes(
							`ops-backlog-${ process.pid }-`
						),
					runs.map( ( e ) => e.context )
				);
			}
		);
	} finally {
		await store.close();
	}
}
