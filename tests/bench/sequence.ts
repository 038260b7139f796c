/**
 * Recovery sequence load on the local store (one fresh site per run, CartBay from plugin/ source):
 *
 *   npx tsx tests/bench/sequence.ts [--sessions 5000] [--sends 1000] [--hpos off|on] [--seq-json out.json]
 *
 * (a) scanner: `--sessions` captured sessions past their timeout; real Action Scheduler queue runs (as
 *     WP-Cron would start them) until every one is abandoned with its sequence queued. Budget: all of
 *     them within one 5-minute window (300 s). Reports time per session, scanner runs and peak memory.
 * (b) sends: abandoned sessions whose three steps are all overdue (the queue was stopped for days),
 *     `--sends` due send jobs in all; two queue runners run at the same time until none is due.
 *     Budget: every step sent exactly once (captured mail counted per recipient and subject) and every
 *     notification `sent`.
 *
 * Prints `skipped: why` without PHP or the WordPress/WooCommerce cache; exits 1 when over budget.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jobs } from '../../plugin/schema';
import { phpUnavailableReason } from '../php-runtime';
import { createSite, ensureCache, type Site } from '../../tools/store';
import { lastJson } from '../support/php';

const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '../..' );
const SCAN_WINDOW_SECONDS = (
	jobs.find( ( j ) => j.hook === 'cartbay_detect_abandonment' ) as {
		intervalSeconds: number;
	}
 ).intervalSeconds;

function arg( name: string, fallback: string ): string {
	const i = process.argv.indexOf( `--${ name }` );
	return i >= 0 ? ( process.argv[ i + 1 ] ?? fallback ) : fallback;
}

/**
 * PHP: `$count` sessions of `$status` from `$offset`, idle 31 minutes (or abandoned 4 days ago, sequence queued).
 * @param count
 * @param offset
 * @param abandoned
 */
const MAKE_SESSIONS = ( count: number, offset: number, abandoned: boolean ) => `
$sequence = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Email\\EmailSequenceService::class );
$sessions = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Data\\SessionRepository::class );
$products = wc_get_products( array( 'limit' => 2, 'type' => 'simple', 'return' => 'ids' ) );
for ( $i = ${ offset }; $i < ${ offset + count }; $i++ ) {
	$email = "bench$i@example.test";
	$order = $sessions->create(); // As capture makes them (a new session id, the lean first save).
	$order->set_status( ${ abandoned ? "'cartbay-abandoned'" : "'cartbay-captured'" } );
	$order->update_meta_data( '_cartbay_email', $email );
	$order->update_meta_data( '_cartbay_email_hash', hash( 'sha256', $email ) );
	$order->update_meta_data( '_cartbay_source', 'classic' );
	$order->update_meta_data( '_cartbay_cart_snapshot', array( 'items' => array_map( fn ( $id ) => array( 'product_id' => $id, 'variation_id' => 0, 'quantity' => 1, 'variation' => array() ), $products ), 'total' => '42.00', 'currency' => 'USD', 'item_count' => 2 ) );
	$order->update_meta_data( '_cartbay_cart_total', '42.00' );
	$order->update_meta_data( '_cartbay_captured_at', time() - 5 * DAY_IN_SECONDS );
	$order->update_meta_data( '_cartbay_last_activity_at', time() - ${ abandoned ? '5 * DAY_IN_SECONDS' : '31 * MINUTE_IN_SECONDS' } );
	${ abandoned ? "$order->update_meta_data( '_cartbay_abandoned_at', time() - 4 * DAY_IN_SECONDS ); $sequence->start( $order );" : '' }
	$sessions->save( $order );
	if ( 0 === $i % 100 ) { wp_cache_flush_runtime(); }
}
echo json_encode( ${ count } ), "\\n";`;

/** PHP: real queue runs, as WP-Cron starts them, until no captured session is left or the window is over. */
const SCAN_WINDOW = `
$scans = array();
$start = null;
add_action( 'action_scheduler_before_execute', function ( $id ) use ( &$scans, &$start ) {
	if ( 'cartbay_detect_abandonment' === ActionScheduler::store()->fetch_action( $id )->get_hook() ) {
		$start = $start ?? microtime( true );
		$scans[] = array( 'began' => microtime( true ) );
	}
} );
add_action( 'action_scheduler_after_execute', function ( $id ) use ( &$scans ) {
	if ( $scans && ! isset( $scans[ count( $scans ) - 1 ]['ended'] ) ) { $scans[ count( $scans ) - 1 ]['ended'] = microtime( true ); }
} );
$captured = fn () => count( wc_get_orders( array( 'status' => 'cartbay-captured', 'created_via' => 'cartbay', 'limit' => -1, 'return' => 'ids' ) ) );
// A scanner run (the recurring one, or a continuation it left) is due.
$scanner_due = fn () => (bool) as_get_scheduled_actions( array( 'hook' => 'cartbay_detect_abandonment', 'status' => ActionScheduler_Store::STATUS_PENDING, 'date' => as_get_datetime_object(), 'date_compare' => '<=', 'per_page' => 1 ), 'ids' );
$began = microtime( true );
while ( $scanner_due() && microtime( true ) - $began < ${ SCAN_WINDOW_SECONDS } ) {
	ActionScheduler_QueueRunner::instance()->run( 'CartBay bench' );
}
$ended = microtime( true );
$pending = as_get_scheduled_actions( array( 'hook' => 'cartbay_send_recovery_email', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ), 'ids' );
echo wp_json_encode( array(
	'left'          => $captured(),
	'abandoned'     => count( wc_get_orders( array( 'status' => 'cartbay-abandoned', 'created_via' => 'cartbay', 'limit' => -1, 'return' => 'ids' ) ) ),
	'pending_sends' => count( $pending ),
	'seconds'       => $ended - ( $start ?? $began ),
	'scan_seconds'  => array_sum( array_map( fn ( $s ) => ( $s['ended'] ?? $ended ) - $s['began'], $scans ) ),
	'runs'          => count( $scans ),
	'peak_mb'       => memory_get_peak_usage( true ) / 1048576,
) ), "\\n";`;

/** PHP: one queue runner, run again and again until no CartBay send is due. */
const SEND_RUNNER = `
$due = fn () => count( as_get_scheduled_actions( array( 'hook' => 'cartbay_send_recovery_email', 'status' => ActionScheduler_Store::STATUS_PENDING, 'date' => as_get_datetime_object(), 'date_compare' => '<=', 'per_page' => 1 ), 'ids' ) );
$ran = 0;
add_action( 'action_scheduler_after_execute', function () use ( &$ran ) { $ran++; } );
$began = microtime( true );
while ( $due() > 0 && microtime( true ) - $began < 900 ) {
	ActionScheduler_QueueRunner::instance()->run( 'CartBay bench' );
}
echo wp_json_encode( array( 'ran' => $ran, 'seconds' => microtime( true ) - $began, 'peak_mb' => memory_get_peak_usage( true ) / 1048576 ) ), "\\n";`;

const NOTIFICATION_STATES = `
$counts = array();
foreach ( wc_get_orders( array( 'status' => 'cartbay-abandoned', 'created_via' => 'cartbay', 'limit' => -1 ) ) as $order ) {
	foreach ( \\WPAnchorBay\\CartBay\\Notifications\\NotificationLog::all( $order ) as $record ) { $counts[ $record['status'] ] = ( $counts[ $record['status'] ] ?? 0 ) + 1; }
}
echo wp_json_encode( $counts ), "\\n";`;

async function makeSessions(
	site: Site,
	total: number,
	abandoned: boolean,
	log: ( s: string ) => void
): Promise< void > {
	const chunk = 500;
	const started = performance.now();
	for ( let offset = 0; offset < total; offset += chunk ) {
		await site.runPhpOrThrow(
			MAKE_SESSIONS(
				Math.min( chunk, total - offset ),
				abandoned ? 100000 + offset : offset,
				abandoned
			),
			{ timeoutMs: 600_000 }
		);
	}
	log(
		`${ total } ${ abandoned ? 'overdue abandoned' : 'idle captured' } sessions made in ${ ( ( performance.now() - started ) / 1000 ).toFixed( 1 ) } s`
	);
}

async function main(): Promise< number > {
	const phpReason = phpUnavailableReason();
	if ( phpReason ) {
		console.log( `skipped: ${ phpReason }` );
		return 0;
	}
	const cache = await ensureCache();
	if ( ! cache.ok ) {
		console.log(
			`skipped: WordPress/WooCommerce cache is empty: ${ cache.reason }`
		);
		return 0;
	}
	const sessions = Number( arg( 'sessions', '5000' ) );
	const sends = Number( arg( 'sends', '1000' ) );
	const hpos = arg( 'hpos', 'off' ) === 'on';
	const log = ( line: string ) => console.log( `# ${ line }` );
	const dir = mkdtempSync( join( tmpdir(), 'cartbay-bench-seq-' ) );
	rmSync( dir, { recursive: true, force: true } );
	const site = await createSite( {
		dir,
		url: 'http://127.0.0.1:8901',
		hpos,
	} );
	let over = 0;
	const results: Record< string, unknown > = { hpos, sessions, sends };
	try {
		await site.linkPlugin( join( root, 'plugin' ), 'cartbay' );
		await site.activatePlugin( 'cartbay/cartbay.php' );
		// Queue runs from the CLI must not try to spawn HTTP runners against a server that is not there.
		writeFileSync(
			join( site.paths.muPlugins, 'cartbay-bench.php' ),
			"<?php\nadd_filter( 'action_scheduler_allow_async_request_runner', '__return_false' );\n"
		);
		log( `site ready (HPOS ${ hpos ? 'on' : 'off' }, ${ dir })` );

		// (a) The fallback scanner against a backlog.
		await makeSessions( site, sessions, false, log );
		const scan = lastJson< {
			left: number;
			abandoned: number;
			pending_sends: number;
			seconds: number;
			scan_seconds: number;
			runs: number;
			peak_mb: number;
		} >(
			await site.runPhpOrThrow( SCAN_WINDOW, {
				timeoutMs: ( SCAN_WINDOW_SECONDS + 120 ) * 1000,
			} )
		);
		const scanOk =
			scan.left === 0 &&
			scan.abandoned === sessions &&
			scan.pending_sends === sessions * 3 &&
			scan.seconds <= SCAN_WINDOW_SECONDS;
		over += scanOk ? 0 : 1;
		results.scan = scan;
		console.log(
			`scanner: ${ scan.abandoned }/${ sessions } abandoned (${ scan.pending_sends } sends queued) in ${ scan.seconds.toFixed( 1 ) } s over ${ scan.runs } runs; ` +
				`${ ( ( scan.scan_seconds * 1000 ) / Math.max( 1, scan.abandoned ) ).toFixed( 2 ) } ms/session; peak memory ${ scan.peak_mb.toFixed( 1 ) } MB; ` +
				`budget ${ SCAN_WINDOW_SECONDS } s → ${ scanOk ? 'ok' : 'OVER' }`
		);

		// (b) Overdue sends with two queue runners at once. Scanner-made jobs are not due yet; remove them first.
		await site.runPhpOrThrow(
			`as_unschedule_all_actions( 'cartbay_send_recovery_email' ); foreach ( wc_get_orders( array( 'status' => 'cartbay-abandoned', 'created_via' => 'cartbay', 'limit' => -1 ) ) as $o ) { $o->delete( true ); }`,
			{ timeoutMs: 600_000 }
		);
		await site.clearMail();
		const overdue = Math.ceil( sends / 3 );
		await makeSessions( site, overdue, true, log );
		const [ a, b ] = await Promise.all( [
			site.runPhpOrThrow( SEND_RUNNER, { timeoutMs: 1_000_000 } ),
			site.runPhpOrThrow( SEND_RUNNER, { timeoutMs: 1_000_000 } ),
		] ).then( ( outs ) =>
			outs.map( ( o ) =>
				lastJson< { ran: number; seconds: number; peak_mb: number } >(
					o
				)
			)
		);
		const mails = site.readMailTo( 'bench' );
		const unique = new Set(
			mails.map( ( m ) => `${ JSON.stringify( m.to ) }|${ m.subject }` )
		).size;
		const states = lastJson< Record< string, number > >(
			await site.runPhpOrThrow( NOTIFICATION_STATES, {
				timeoutMs: 600_000,
			} )
		);
		const expected = overdue * 3;
		const sendOk =
			mails.length === expected &&
			unique === expected &&
			states.sent === expected &&
			Object.keys( states ).length === 1;
		over += sendOk ? 0 : 1;
		const seconds = Math.max( a?.seconds ?? 0, b?.seconds ?? 0 );
		results.sends = {
			expected,
			mails: mails.length,
			unique,
			states,
			runners: [ a, b ],
			seconds,
		};
		console.log(
			`sends: ${ expected } due, two runners ran ${ a?.ran } + ${ b?.ran } actions in ${ seconds.toFixed( 1 ) } s (${ ( expected / seconds ).toFixed( 1 ) } emails/s); ` +
				`${ mails.length } emails, ${ unique } distinct, notifications ${ JSON.stringify( states ) } → ${ sendOk ? 'ok: each step exactly once' : 'OVER' }`
		);
	} finally {
		if ( ! process.env.CARTBAY_BENCH_KEEP ) {
			rmSync( dir, { recursive: true, force: true } );
		}
	}
	const json = process.argv.indexOf( '--seq-json' );
	if ( json >= 0 && process.argv[ json + 1 ] ) {
		writeFileSync(
			process.argv[ json + 1 ] as string,
			JSON.stringify( results, null, 2 )
		);
	}
	console.log(
		over === 0
			? 'sequence budgets met'
			: `${ over } sequence budget(s) not met`
	);
	return over === 0 ? 0 : 1;
}

main().then(
	( code ) => process.exit( code ),
	( error ) => {
		console.error( error );
		process.exit( 1 );
	}
);
