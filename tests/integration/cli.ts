/**
 * `wp cartbay` (WP-CLI) against the test site, on both order storages: each command's real effect.
 *
 * WP-CLI is on no package registry here, so the suite takes a wp-cli.phar from CARTBAY_WP_CLI and runs
 * `php $CARTBAY_WP_CLI --path=<site>/wordpress --allow-root cartbay …` (the site's wp-config.php, one folder
 * above WordPress, and its SQLite drop-in load as on any request). Without CARTBAY_WP_CLI it prints one
 * `skipped:` line and counts nothing.
 *
 * Fixture sessions carry a tag of this run in their email addresses, and every list and export is asked
 * with `--search=<tag>`, so sessions other suites left do not change what is expected. The suite removes
 * its sessions, options and helpers when it ends.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
	csvFormulaGuard,
	jobs,
	plugin,
	settingsOption,
} from '../../plugin/schema';
import type { Site } from '../../tools/store';
import {
	opcacheArgs,
	type PhpResult,
	runPhpProcess,
} from '../../tools/store/php';
import type { Checks } from '../support/checks';
import { lastJson, phpString, phpValue } from '../support/php';
import { META, OPTION, STATUS, TRIGGER } from '../support/schema-names';
import { installMuPlugins } from '../support/store-fixtures';

const SKIP_LINE =
	'skipped: wp cartbay tests need CARTBAY_WP_CLI (a wp-cli.phar)';
const DAY = 86400;
const HOUR = 3600;

type StatusKey = keyof typeof STATUS;

/** Whether the skip line was printed already. */
let skipReported = false;

/** A fixture session, as cartbay_cli_session() builds it. */
interface SessionSpec {
	email: string;
	status: StatusKey;
	total: string;
	/** Seconds ago. */
	created: number;
	/** Seconds ago. */
	activity: number;
	/** Queued notifications (steps). */
	steps?: number[];
}

interface Built {
	order_id: number;
	session_id: string;
}

interface ListItem {
	session_id: string;
	status: string;
	email: string;
	cart_total: string;
	created_at: string;
	last_activity_at: string | null;
	emails_sent: number;
}

interface StatusReport {
	versions: Record< string, string >;
	hpos: boolean;
	settings: Record< string, unknown >;
	queue: Record<
		string,
		{ pending: number; past_due: number; failed: number }
	>;
	sessions: Record< string, number >;
	license: Record< string, string | null >;
}

const CLI_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay WP-CLI test helpers
 */

/** A session from a spec (see SessionSpec in tests/integration/cli.ts). */
function cartbay_cli_session( array $spec ) {
	$repo  = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$order = $repo->create();
	$now   = time();
	$order->set_status( 'wc-' . $spec['status'] );
	$order->set_currency( 'USD' );
	$order->set_date_created( $now - $spec['created'] );
	$order->update_meta_data( '${ META.EMAIL }', $spec['email'] );
	$order->update_meta_data( '${ META.EMAIL_HASH }', \WPAnchorBay\CartBay\Security\TokenHelper::email_hash( $spec['email'] ) );
	$order->update_meta_data( '${ META.CART_TOTAL }', $spec['total'] );
	\WPAnchorBay\CartBay\Capture\CartSnapshot::sync_order_total( $order );
	$order->update_meta_data( '${ META.CURRENCY }', 'USD' );
	$order->update_meta_data( '${ META.CAPTURED_AT }', $now - $spec['created'] );
	$order->update_meta_data( '${ META.LAST_ACTIVITY_AT }', (string) ( $now - $spec['activity'] ) );
	if ( '${ STATUS.abandoned }' === $spec['status'] ) {
		$order->update_meta_data( '${ META.ABANDONED_AT }', $now - $spec['activity'] );
	}
	foreach ( $spec['steps'] ?? array() as $step ) {
		\WPAnchorBay\CartBay\Notifications\NotificationLog::queue( $order, (int) $step, $now + HOUR_IN_SECONDS * (int) $step, '${ TRIGGER.ABANDONMENT }' );
	}
	$repo->save( $order );
	return array( 'order_id' => $order->get_id(), 'session_id' => (string) $order->get_meta( '${ META.SESSION_ID }' ) );
}

/** Status slug (without wc-) of each order id, null once deleted. */
function cartbay_cli_statuses( array $ids ) {
	$out = array();
	foreach ( $ids as $id ) {
		$order      = wc_get_order( (int) $id );
		$out[ $id ] = $order ? $order->get_status() : null;
	}
	return $out;
}

/** Sets orders' last-modified time in storage (CRUD always stamps "now"); $ages: order id => seconds ago. */
function cartbay_cli_modified( array $ages ) {
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

/** Changes some CartBay settings (the rest kept). */
function cartbay_cli_settings( array $changes ) {
	update_option( '${ settingsOption.option }', array_merge( cartbay_cli_current_settings(), $changes ) );
	return true;
}

/** CartBay's settings as the plugin reads them (defaults for what is not saved). */
function cartbay_cli_current_settings() {
	return \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Settings\SettingsRepository::class )->get_settings();
}

/** Deletes orders. */
function cartbay_cli_delete( array $ids ) {
	foreach ( $ids as $id ) {
		$order = wc_get_order( (int) $id );
		if ( $order ) {
			$order->delete( true );
		}
	}
	return true;
}

/** The CSV the REST export answers for the same arguments, as written to a stream. */
function cartbay_cli_rest_export( $kind, array $params ) {
	wp_set_current_user( get_user_by( 'login', 'admin' )->ID );
	$request = new WP_REST_Request( 'GET', '/cartbay/v1/exports/' . $kind );
	foreach ( $params as $name => $value ) {
		$request->set_param( $name, $value );
	}
	$response = rest_get_server()->dispatch( $request );
	if ( ! $response instanceof \WPAnchorBay\CartBay\Reports\CsvStreamResponse ) {
		return array( 'status' => $response->get_status(), 'csv' => '' );
	}
	$stream = fopen( 'php://memory', 'w+' );
	$response->stream( $stream );
	rewind( $stream );
	return array( 'status' => $response->get_status(), 'csv' => base64_encode( stream_get_contents( $stream ) ) );
}
`;

/**
 * Parses RFC 4180 CSV: quoted cells with doubled quotes; a leading byte order mark is dropped.
 * @param text
 */
function csvRows( text: string ): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let inQuotes = false;
	const body = text.replace( /^\uFEFF/, '' );
	for ( let i = 0; i < body.length; i++ ) {
		const char = body[ i ]!;
		if ( inQuotes ) {
			if ( char === '"' ) {
				if ( body[ i + 1 ] === '"' ) {
					cell += '"';
					i++;
				} else {
					inQuotes = false;
				}
			} else {
				cell += char;
			}
			continue;
		}
		if ( char === '"' ) {
			inQuotes = true;
		} else if ( char === ',' ) {
			row.push( cell );
			cell = '';
		} else if ( char === '\n' ) {
			rows.push( [ ...row, cell ] );
			row = [];
			cell = '';
		} else if ( char !== '\r' ) {
			cell += char;
		}
	}
	if ( cell !== '' || row.length > 0 ) {
		rows.push( [ ...row, cell ] );
	}
	return rows;
}

/**
 * The masked form `wp cartbay sessions list` shows: first character of the local part and of the domain name, and the top-level domain.
 * @param email
 */
function masked( email: string ): string {
	const [ local, domain ] = email.split( '@' ) as [ string, string ];
	const dot = domain.lastIndexOf( '.' );
	return `${ local[ 0 ] }***@${ domain[ 0 ] }***${ domain.slice( dot ) }`;
}

export async function cliScenarios( t: Checks, site: Site ): Promise< void > {
	const phar = process.env.CARTBAY_WP_CLI ?? '';
	if ( phar === '' ) {
		// Once per run, not once per order storage.
		if ( ! skipReported ) {
			skipReported = true;
			console.log( SKIP_LINE );
		}
		return;
	}
	if ( ! existsSync( phar ) ) {
		t.check( 'CARTBAY_WP_CLI names an existing wp-cli.phar', false, phar );
		return;
	}
	const hpos = lastJson< boolean >(
		await site.runPhpOrThrow(
			`echo wp_json_encode( \\Automattic\\WooCommerce\\Utilities\\OrderUtil::custom_orders_table_usage_is_enabled() ), "\\n";`
		)
	);
	// WP-CLI's own files (cache, packages, config) stay inside the site; no update check goes out.
	const home = join( site.paths.tmp, 'wp-cli' );
	mkdirSync( home, { recursive: true } );
	const wp = ( ...args: string[] ): Promise< PhpResult > =>
		runPhpProcess(
			[
				...opcacheArgs( site.paths.opcache, 'cli' ),
				phar,
				`--path=${ site.paths.wordpress }`,
				'--allow-root',
				'cartbay',
				...args,
			],
			{
				cwd: site.dir,
				env: {
					WP_CLI_CACHE_DIR: join( home, 'cache' ),
					WP_CLI_PACKAGES_DIR: join( home, 'packages' ),
					WP_CLI_CONFIG_PATH: join( home, 'config.yml' ),
					WP_CLI_DISABLE_AUTO_CHECK_UPDATE: '1',
				},
				timeoutMs: 120_000,
			}
		);
	const php = async < T >( code: string ): Promise< T > =>
		lastJson< T >( await site.runPhpOrThrow( code ) );
	const call = < T >( name: string, ...args: unknown[] ): Promise< T > =>
		php< T >(
			`echo wp_json_encode( ${ name }( ${ args.map( phpValue ).join( ', ' ) } ) ), "\\n";`
		);

	const tag = `cli${ process.pid }${ randomBytes( 3 ).toString( 'hex' ) }`;
	const email = ( name: string ): string => `${ name }.${ tag }@example.test`;
	const made: number[] = [];
	const session = async ( spec: SessionSpec ): Promise< Built > => {
		const built = await call< Built >( 'cartbay_cli_session', {
			...spec,
			status: STATUS[ spec.status ],
		} );
		made.push( built.order_id );
		return built;
	};
	const statuses = ( ids: number[] ) =>
		call< Record< string, string | null > >( 'cartbay_cli_statuses', ids );
	const settings = ( changes: Record< string, unknown > ) =>
		call< boolean >( 'cartbay_cli_settings', changes );

	const remove = installMuPlugins( site, {
		'cartbay-test-cli.php': CLI_TEST_HELPERS,
	} );
	const savedSettings = await php< unknown >(
		`echo wp_json_encode( get_option( '${ settingsOption.option }' ) ), "\\n";`
	);
	const savedLicense = await php< unknown >(
		`echo wp_json_encode( get_option( '${ OPTION.LICENSE_DATA }', null ) ), "\\n";`
	);
	try {
		await settings( { test_mode: false } );

		await t.group(
			'wp cartbay status reports versions, storage, settings, queue, sessions and license',
			async () => {
				const key = 'WPAB-CLI7TEST8KEY-Q2W3E4R5T6Y7';
				await php(
					`update_option( '${ OPTION.LICENSE_DATA }', array( 'key' => ${ phpString( key ) }, 'status' => 'active', 'expires_at' => '2030-06-30 23:59:59', 'plan' => 'Agency', 'checked_at' => time(), 'domain' => '127.0.0.1', 'message' => '' ), false ); echo "1\\n";`
				);
				const facts = await php< {
					wordpress: string;
					woocommerce: string;
					settings: Record< string, unknown >;
					campaign: boolean;
					sessions: Record< string, number >;
					masked: string;
				} >( `
$counts = array();
foreach ( \\WPAnchorBay\\CartBay\\Generated\\OrderStatuses::by_key() as $k => $slug ) {
	$counts[ $k ] = count( wc_get_orders( array( 'type' => 'shop_order', 'status' => array( $slug ), 'created_via' => 'cartbay', 'limit' => -1, 'return' => 'ids' ) ) );
}
$settings = cartbay_cli_current_settings();
echo wp_json_encode( array(
	'wordpress'   => get_bloginfo( 'version' ),
	'woocommerce' => WC()->version,
	'settings'    => $settings,
	// Read as the plugin reads it: a stored campaign without the key means the default.
	'campaign'    => (bool) \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Settings\\SettingsRepository::class )->get_campaign()['enabled'],
	'sessions'    => $counts,
	'masked'      => \\WPAnchorBay\\CartBay\\License\\LicenseKey::mask( ${ phpString( key ) } ),
) ), "\\n";` );
				// One past-due action and one failed one of a CartBay hook, to see the queue counts move.
				const before = await wp( 'status', '--format=json' );
				const queued = await php< { due: number; failed: number } >( `
$due    = as_schedule_single_action( time() - 120, 'cartbay_send_recovery_email', array( 'cli-${ tag }', 1 ), 'cartbay' );
$failed = as_schedule_single_action( time() - 120, 'cartbay_send_recovery_email', array( 'cli-${ tag }', 2 ), 'cartbay' );
ActionScheduler::store()->mark_failure( $failed );
echo wp_json_encode( array( 'due' => $due, 'failed' => $failed ) ), "\\n";` );
				const after = await wp( 'status', '--format=json' );
				await php(
					`ActionScheduler::store()->delete_action( ${ queued.due } ); ActionScheduler::store()->delete_action( ${ queued.failed } ); echo "1\\n";`
				);
				t.check(
					'status --format=json exits 0 with JSON and nothing on stderr',
					before.code === 0 &&
						after.code === 0 &&
						before.stderr.trim() === '',
					{ before, after }
				);
				const report = JSON.parse( before.stdout ) as StatusReport;
				const moved = JSON.parse( after.stdout ) as StatusReport;
				t.equal(
					'versions: CartBay, WordPress, WooCommerce',
					[
						report.versions.cartbay,
						report.versions.wordpress,
						report.versions.woocommerce,
					],
					[ plugin.version, facts.wordpress, facts.woocommerce ]
				);
				t.equal( `hpos is ${ hpos }`, report.hpos, hpos );
				t.equal(
					'key settings: capture, timeout, sequence, test mode',
					report.settings,
					{
						capture_enabled: facts.settings.capture_enabled,
						abandonment_timeout: facts.settings.abandonment_timeout,
						sequence_enabled: facts.campaign,
						test_mode: false,
					}
				);
				t.equal(
					'queue: every CartBay job hook, each with pending / past_due / failed',
					Object.keys( report.queue ).sort(),
					jobs.map( ( j ) => j.hook ).sort()
				);
				const sends = report.queue.cartbay_send_recovery_email!;
				const sendsAfter = moved.queue.cartbay_send_recovery_email!;
				t.equal(
					'a past-due action counts as pending and past due, a failed one as failed',
					[
						sendsAfter.pending - sends.pending,
						sendsAfter.past_due - sends.past_due,
						sendsAfter.failed - sends.failed,
					],
					[ 1, 1, 1 ]
				);
				t.equal(
					'sessions by status equal the stored counts',
					report.sessions,
					facts.sessions
				);
				t.check(
					'license: status and plan, the key masked, never in full',
					report.license.status === 'active' &&
						report.license.plan === 'Agency' &&
						report.license.key === facts.masked &&
						! before.stdout.includes( key ),
					report.license
				);
				const table = await wp( 'status' );
				const yaml = await wp( 'status', '--format=yaml' );
				t.check(
					'table and yaml formats: one row per field, masked key, no warnings',
					table.code === 0 &&
						/^hpos\s+(true|false)$/m.test( table.stdout ) &&
						table.stdout.includes( facts.masked ) &&
						! table.stdout.includes( key ) &&
						yaml.code === 0 &&
						/^\s+sequence_enabled: (true|false)$/m.test(
							yaml.stdout
						) &&
						table.stderr.trim() === '' &&
						yaml.stderr.trim() === '',
					{ table, yaml }
				);
			}
		);

		await t.group(
			'wp cartbay sessions list filters, limits and masks',
			async () => {
				const fresh = await session( {
					email: email( 'fresh' ),
					status: 'captured',
					total: '12.50',
					created: HOUR,
					activity: 60,
				} );
				const recent = await session( {
					email: email( 'recent' ),
					status: 'abandoned',
					total: '30',
					created: 2 * HOUR,
					activity: 2 * HOUR,
				} );
				const older = await session( {
					email: email( 'older' ),
					status: 'abandoned',
					total: '7.25',
					created: 20 * DAY,
					activity: 20 * DAY,
				} );
				const oldest = await session( {
					email: email( 'oldest' ),
					status: 'recovered',
					total: '99',
					created: 40 * DAY,
					activity: 40 * DAY,
				} );
				const emails = [ 'fresh', 'recent', 'older', 'oldest' ].map(
					email
				);
				const list = async ( ...args: string[] ) => {
					const result = await wp(
						'sessions',
						'list',
						`--search=${ tag }`,
						...args
					);
					let items: ListItem[] = [];
					try {
						items = JSON.parse( result.stdout ) as ListItem[];
					} catch {
						items = [];
					}
					return {
						result,
						items,
						ids: items.map( ( i ) => i.session_id ),
					};
				};

				const all = await list( '--format=json' );
				t.equal( 'default: the last 30 days, newest first', all.ids, [
					fresh.session_id,
					recent.session_id,
					older.session_id,
				] );
				t.equal(
					'columns: session id, status, masked email, cart total, created, last activity, emails sent',
					all.items[ 0 ] && Object.keys( all.items[ 0 ] ),
					[
						'session_id',
						'status',
						'email',
						'cart_total',
						'created_at',
						'last_activity_at',
						'emails_sent',
					]
				);
				t.equal(
					'row values: status key, masked email, total with currency, emails sent',
					all.items[ 1 ] && [
						all.items[ 1 ].status,
						all.items[ 1 ].email,
						all.items[ 1 ].cart_total,
						all.items[ 1 ].emails_sent,
					],
					[ 'abandoned', masked( email( 'recent' ) ), '30.00 USD', 0 ]
				);
				t.equal(
					'--status=abandoned',
					( await list( '--format=json', '--status=abandoned' ) ).ids,
					[ recent.session_id, older.session_id ]
				);
				t.equal(
					'--days=7',
					( await list( '--format=json', '--days=7' ) ).ids,
					[ fresh.session_id, recent.session_id ]
				);
				t.equal(
					'--days=90 --limit=3',
					( await list( '--format=json', '--days=90', '--limit=3' ) )
						.ids,
					[ fresh.session_id, recent.session_id, older.session_id ]
				);
				const everything = await list(
					'--format=json',
					'--days=90',
					'--status=recovered'
				);
				t.equal( '--days=90 --status=recovered', everything.ids, [
					oldest.session_id,
				] );
				const table = await list( '--days=90' );
				t.check(
					'no plain email without --unmask (table and JSON)',
					table.result.code === 0 &&
						emails.every(
							( e ) =>
								! table.result.stdout.includes( e ) &&
								! all.result.stdout.includes( e )
						) &&
						table.result.stdout.includes(
							masked( email( 'oldest' ) )
						),
					table.result
				);
				const unmasked = await list(
					'--format=json',
					'--days=90',
					'--unmask'
				);
				t.equal(
					'--unmask shows the addresses',
					unmasked.items.map( ( i ) => i.email ),
					emails
				);
				const exact = await wp(
					'sessions',
					'list',
					`--search=${ email( 'older' ) }`,
					'--format=json'
				);
				t.equal(
					'--search with a full address finds that session',
					( JSON.parse( exact.stdout || '[]' ) as ListItem[] ).map(
						( i ) => i.session_id
					),
					[ older.session_id ]
				);
				const bad = await Promise.all( [
					wp( 'sessions', 'list', '--days=5' ),
					wp( 'sessions', 'list', '--status=nope' ),
					wp( 'sessions', 'list', '--limit=0' ),
				] );
				t.check(
					'--days=5, an unknown --status and --limit=0 are refused with an error',
					bad.every(
						( r ) => r.code !== 0 && /^Error: /m.test( r.stderr )
					),
					bad
				);
			}
		);

		await t.group(
			'wp cartbay scan abandons idle captured sessions now',
			async () => {
				const timeout = Number(
					(
						await php< Record< string, unknown > >(
							`echo wp_json_encode( cartbay_cli_current_settings() ), "\\n";`
						)
					).abandonment_timeout
				);
				const idle = await session( {
					email: email( 'idle' ),
					status: 'captured',
					total: '5',
					created: HOUR,
					activity: ( timeout + 5 ) * 60,
				} );
				const busy = await session( {
					email: email( 'busy' ),
					status: 'captured',
					total: '5',
					created: HOUR,
					activity: 60,
				} );
				const due = await php< number >( `
echo wp_json_encode( count( wc_get_orders( array( 'type' => 'shop_order', 'status' => array( 'wc-${ STATUS.captured }' ), 'created_via' => 'cartbay', 'limit' => -1, 'return' => 'ids' ) + \\WPAnchorBay\\CartBay\\Data\\OrderMetaQuery::args( array( array( 'key' => '${ META.LAST_ACTIVITY_AT }', 'value' => time() - ${ timeout } * MINUTE_IN_SECONDS, 'compare' => '<=', 'type' => 'NUMERIC' ) ) ) ) ) ), "\\n";` );
				const result = await wp( 'scan' );
				const count = Number(
					/Success: (\d+) sessions? became abandoned\./.exec(
						result.stdout
					)?.[ 1 ] ?? -1
				);
				t.equal(
					'prints how many sessions became abandoned',
					[ result.code, count ],
					[ 0, due ]
				);
				t.equal(
					'the idle session is abandoned, the active one still captured',
					Object.values(
						await statuses( [ idle.order_id, busy.order_id ] )
					),
					[ STATUS.abandoned, STATUS.captured ]
				);
			}
		);

		await t.group(
			'wp cartbay test-flow needs Test Mode, then starts the test flow',
			async () => {
				const to = email( 'testflow' );
				const find = () =>
					php< {
						order: number;
						id: string;
						status: string;
						source: string;
						job: boolean;
					} | null >( `
$orders = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Data\\SessionRepository::class )->find_by_email( ${ phpString( to ) }, array_values( \\WPAnchorBay\\CartBay\\Generated\\OrderStatuses::by_key() ), 5 );
$order  = $orders[0] ?? null;
echo wp_json_encode( $order ? array( 'order' => $order->get_id(), 'id' => (string) $order->get_meta( '${ META.SESSION_ID }' ), 'status' => $order->get_status(), 'source' => (string) $order->get_meta( '${ META.SOURCE }' ), 'job' => as_has_scheduled_action( 'cartbay_send_recovery_email', array( (string) $order->get_meta( '${ META.SESSION_ID }' ), 1 ), 'cartbay' ) ) : null ), "\\n";` );
				const refused = await wp( 'test-flow', `--email=${ to }` );
				t.check(
					'Test Mode off: an error, exit 1, no session',
					refused.code === 1 &&
						/^Error: .*Test Mode/m.test( refused.stderr ) &&
						( await find() ) === null,
					refused
				);
				await settings( { test_mode: true } );
				const started = await wp( 'test-flow', `--email=${ to }` );
				const found = await find();
				if ( found ) {
					made.push( found.order );
				}
				t.check(
					'Test Mode on: an abandoned test session with email 1 queued, named in the output',
					started.code === 0 &&
						found !== null &&
						found.status === STATUS.abandoned &&
						found.source === 'test' &&
						found.job &&
						started.stdout.includes(
							`Test session ${ found.id } `
						),
					{ started, found }
				);
				await settings( { test_mode: false } );
			}
		);

		await t.group(
			'wp cartbay prune deletes sessions past retention',
			async () => {
				const retention = Number(
					(
						await php< Record< string, unknown > >(
							`echo wp_json_encode( cartbay_cli_current_settings() ), "\\n";`
						)
					).data_retention_days
				);
				const stale = await session( {
					email: email( 'stale' ),
					status: 'abandoned',
					total: '3',
					created: ( retention + 3 ) * DAY,
					activity: ( retention + 3 ) * DAY,
				} );
				const kept = await session( {
					email: email( 'kept' ),
					status: 'abandoned',
					total: '3',
					created: ( retention + 3 ) * DAY,
					activity: ( retention + 3 ) * DAY,
				} );
				// Both were created long ago (a new post's modified date is its date); only one changed since.
				await call( 'cartbay_cli_modified', {
					[ stale.order_id ]: ( retention + 2 ) * DAY,
					[ kept.order_id ]: 0,
				} );
				const due = await php< number >( `
echo wp_json_encode( count( wc_get_orders( array( 'type' => 'shop_order', 'status' => array_values( \\WPAnchorBay\\CartBay\\Generated\\OrderStatuses::by_key() ), 'created_via' => 'cartbay', 'date_modified' => '<' . ( time() - ${ retention } * DAY_IN_SECONDS ), 'limit' => -1, 'return' => 'ids' ) ) ) ), "\\n";` );
				const result = await wp( 'prune' );
				const count = Number(
					/Success: Deleted (\d+) expired sessions?\./.exec(
						result.stdout
					)?.[ 1 ] ?? -1
				);
				t.equal(
					'prints how many were deleted',
					[ result.code, count ],
					[ 0, due ]
				);
				t.equal(
					'the session unchanged for longer than the retention is gone, the other kept',
					Object.values(
						await statuses( [ stale.order_id, kept.order_id ] )
					),
					[ null, STATUS.abandoned ]
				);
			}
		);

		await t.group(
			'wp cartbay export writes the REST export CSV, formula guard on',
			async () => {
				// Its own tag: the sessions above must not match this search.
				const exportTag = `exp${ process.pid }${ randomBytes( 3 ).toString( 'hex' ) }`;
				const address = ( name: string ) =>
					`${ name }.${ exportTag }@example.test`;
				const formula = await session( {
					email: address( '=sum' ),
					status: 'abandoned',
					total: '10',
					created: 3 * HOUR,
					activity: 3 * HOUR,
					steps: [ 1, 2 ],
				} );
				const plus = await session( {
					email: address( '+dial' ),
					status: 'abandoned',
					total: '11',
					created: 2 * HOUR,
					activity: 2 * HOUR,
					steps: [ 1 ],
				} );
				await session( {
					email: address( 'captured' ),
					status: 'captured',
					total: '12',
					created: HOUR,
					activity: 60,
				} );
				await session( {
					email: address( 'ancient' ),
					status: 'abandoned',
					total: '13',
					created: 40 * DAY,
					activity: 40 * DAY,
				} );
				const file = join(
					site.paths.tmp,
					`cli-export-${ exportTag }.csv`
				);
				const args = [
					'--status=abandoned',
					'--days=30',
					`--search=${ exportTag }`,
				];
				const written = await wp(
					'export',
					'--kind=sessions',
					...args,
					`--output=${ file }`
				);
				const csv = existsSync( file )
					? readFileSync( file, 'utf8' )
					: '';
				const rows = csvRows( csv );
				const rest = await call< { status: number; csv: string } >(
					'cartbay_cli_rest_export',
					'sessions',
					{ status: 'abandoned', days: 30, search: exportTag }
				);
				t.check(
					'--output: success names the rows and the file',
					written.code === 0 &&
						written.stdout.includes( `Wrote 2 rows to ${ file }` ),
					written
				);
				t.equal(
					'exactly the filtered sessions, newest first',
					rows.slice( 1 ).map( ( r ) => r[ 0 ] ),
					[ plus.session_id, formula.session_id ]
				);
				t.check(
					'byte for byte the CSV of GET /exports/sessions (byte order mark included)',
					rest.status === 200 &&
						Buffer.from( rest.csv, 'base64' ).toString( 'utf8' ) ===
							csv &&
						csv.startsWith( '\uFEFF' ),
					{
						rest: Buffer.from( rest.csv, 'base64' ).toString(
							'utf8'
						),
						csv,
					}
				);
				const emailCells = rows.slice( 1 ).map( ( r ) => r[ 2 ] );
				t.equal(
					'formula guard: cells starting with = or + are prefixed',
					emailCells,
					[
						`${ csvFormulaGuard.prefix }${ address( '+dial' ) }`,
						`${ csvFormulaGuard.prefix }${ address( '=sum' ) }`,
					]
				);
				const emails = await wp( 'export', '--kind=emails', ...args );
				const emailRows = csvRows( emails.stdout );
				const restEmails = await call< {
					status: number;
					csv: string;
				} >( 'cartbay_cli_rest_export', 'emails', {
					status: 'abandoned',
					days: 30,
					search: exportTag,
				} );
				t.check(
					'--kind=emails to standard output: one row per queued email, the REST CSV exactly',
					emails.code === 0 &&
						emailRows.length === 4 &&
						emails.stdout ===
							Buffer.from( restEmails.csv, 'base64' ).toString(
								'utf8'
							),
					{ emails, rest: restEmails }
				);
				const missing = join(
					site.paths.tmp,
					`cli-export-${ exportTag }-refused.csv`
				);
				const refused = await Promise.all( [
					wp(
						'export',
						'--kind=sessions',
						'--status=nope',
						`--output=${ missing }`
					),
					wp(
						'export',
						'--kind=sessions',
						'--days=12',
						`--output=${ missing }`
					),
					wp( 'export', '--kind=orders', `--output=${ missing }` ),
				] );
				t.check(
					'a bad --status, --days or --kind is an error and writes no file',
					refused.every(
						( r ) => r.code !== 0 && /Error: /.test( r.stderr )
					) && ! existsSync( missing ),
					refused
				);
				rmSync( file, { force: true } );
			}
		);
	} finally {
		await call( 'cartbay_cli_delete', made );
		await php(
			savedSettings === false
				? `delete_option( '${ settingsOption.option }' ); echo "1\\n";`
				: `update_option( '${ settingsOption.option }', ${ phpValue( savedSettings ) } ); echo "1\\n";`
		);
		await php(
			savedLicense === null
				? `delete_option( '${ OPTION.LICENSE_DATA }' ); echo "1\\n";`
				: `update_option( '${ OPTION.LICENSE_DATA }', ${ phpValue( savedLicense ) }, false ); echo "1\\n";`
		);
		remove();
	}
}
