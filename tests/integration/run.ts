/**
 * PHP integration layer: CartBay inside real WordPress + WooCommerce (SQLite store from tools/store).
 *
 * Prints `skipped: why` when PHP or the WordPress/WooCommerce cache is missing; otherwise runs every
 * scenario with HPOS off and on and ends with `N passed, N failed`. Each suite installs the test helpers it
 * needs (tests/support/store-fixtures.ts) and removes them when it ends, so suites run in any order and
 * CARTBAY_IT_ONLY can pick any of them.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	campaign,
	defaultCampaign,
	defaultSettings,
	emailSteps,
	jobs,
	normalizeCampaign,
	normalizeSettings,
	orderStatuses,
	settingsOption,
} from '../../plugin/schema';
import { isPatchBody, loadVectors } from '../contract/vectors';
import { phpUnavailableReason } from '../php-runtime';
import { ensureCache } from '../../tools/store/cache';
import { createSite, type Site } from '../../tools/store/site';
import { agentGates } from '../../plugin/schema/agent';
import { agentScenarios } from './agent';
import { debugLogProblems } from '../support/debug-log';
import { abuseScenarios } from './abuse';
import { analyticsScenarios } from './analytics';
import { attributionScenarios } from './attribution';
import { captureScenarios } from './capture';
import { cliScenarios } from './cli';
import { coexistenceScenarios } from './coexistence';
import { hardeningScenarios } from './capture-hardening';
import { licenseScenarios } from './license';
import { limitsScenarios } from './limits';
import { mailEnvironmentScenarios } from './mail-environment';
import { operationsScenarios } from './operations';
import { privacyScenarios } from './privacy';
import { recoveryScenarios } from './recovery';
import { reportsScenarios } from './reports';
import { sequenceScenarios } from './sequence';
import { uninstallScenarios } from './uninstall';
import { Checks, sameJson } from '../support/checks';
import { lastJson, phpString } from '../support/php';
import {
	EVENT,
	settingDefault,
	STATUS,
	TRANSIENT,
} from '../support/schema-names';

const root = resolve( dirname( fileURLToPath( import.meta.url ) ), '../..' );
const PLUGIN = 'cartbay/cartbay.php';
const RECURRING = jobs
	.filter( ( j ) => j.kind === 'recurring' )
	.map( ( j ) => j.hook )
	.sort();
/** The default abandonment timeout, in minutes. */
const TIMEOUT = settingDefault< number >( 'abandonment_timeout' );

const vectors = loadVectors();

/** Pending CartBay actions, sorted hook names. */
const PENDING_JOBS = `
$ids = as_get_scheduled_actions( array( 'group' => 'cartbay', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => 100 ), 'ids' );
$hooks = array();
foreach ( $ids as $id ) { $hooks[] = ActionScheduler::store()->fetch_action( $id )->get_hook(); }
sort( $hooks );
echo json_encode( $hooks ), "\\n";`;

async function newSite(
	hpos: boolean,
	withWooCommerce = true
): Promise< Site > {
	const dir = mkdtempSync( join( tmpdir(), 'cartbay-it-' ) );
	rmSync( dir, { recursive: true, force: true } );
	const site = await createSite( {
		dir,
		// CARTBAY_IT_PORT lets two runs share a machine (each site lives in its own temporary folder).
		url: `http://127.0.0.1:${ process.env.CARTBAY_IT_PORT ?? '8899' }`,
		hpos,
		withWooCommerce,
	} );
	// The source folder is a complete plugin: cartbay.php, src/, generated/, templates/ (no built JS needed).
	await site.linkPlugin( join( root, 'plugin' ), 'cartbay' );
	return site;
}

async function activationScenario( t: Checks, site: Site ): Promise< void > {
	await t.group(
		`activation creates statuses, options, emails and ${ RECURRING.length } recurring jobs`,
		async () => {
			await site.activatePlugin( PLUGIN );
			const state = lastJson< {
				statuses: Record< string, string >;
				settings: unknown;
				campaign: unknown;
				emails: {
					id: string;
					subject: string;
					heading: string;
					enabled: boolean;
				}[];
				blogname: string;
			} >(
				await site.runPhpOrThrow( `
$statuses = array_filter( wc_get_order_statuses(), fn ( $k ) => 0 === strpos( $k, 'wc-cartbay-' ), ARRAY_FILTER_USE_KEY );
$emails = array();
foreach ( WC()->mailer()->get_emails() as $email ) {
	if ( 0 === strpos( $email->id, 'cartbay_' ) ) {
		$emails[] = array( 'id' => $email->id, 'subject' => $email->get_subject(), 'heading' => $email->get_heading(), 'enabled' => $email->is_enabled() );
	}
}
echo json_encode( array( 'statuses' => $statuses, 'settings' => get_option( 'cartbay_settings' ), 'campaign' => get_option( 'cartbay_campaign_settings' ), 'emails' => $emails, 'blogname' => get_option( 'blogname' ) ), JSON_PRESERVE_ZERO_FRACTION ), "\\n";` )
			);
			t.equal(
				`${ orderStatuses.length } statuses in wc_get_order_statuses()`,
				state.statuses,
				Object.fromEntries(
					orderStatuses.map( ( s ) => [ `wc-${ s.slug }`, s.label ] )
				)
			);
			t.check(
				'cartbay_settings holds the spec defaults',
				sameJson( state.settings, defaultSettings() ),
				{ actual: state.settings }
			);
			t.check(
				'cartbay_campaign_settings holds the spec defaults',
				sameJson( state.campaign, defaultCampaign() ),
				{
					actual: state.campaign,
				}
			);
			t.equal(
				`${ emailSteps.length } recovery emails registered with default subject and heading`,
				state.emails.map( ( e ) => [ e.id, e.subject, e.heading ] ),
				emailSteps.map( ( s ) => [
					s.id,
					s.defaults.subject.replace(
						'{site_title}',
						state.blogname
					),
					s.defaults.heading,
				] )
			);
			t.equal(
				`${ RECURRING.length } recurring jobs pending`,
				lastJson( await site.runPhpOrThrow( PENDING_JOBS ) ),
				RECURRING
			);
		}
	);

	await t.group(
		'activating again schedules nothing twice and keeps saved settings',
		async () => {
			await site.runPhpOrThrow(
				`update_option( 'cartbay_settings', array_merge( get_option( 'cartbay_settings' ), array( 'abandonment_timeout' => 90 ) ) );`
			);
			// The activation hook itself, twice (activate_plugin() skips an already active plugin).
			await site.runPhpOrThrow(
				`do_action( 'activate_${ PLUGIN }' ); do_action( 'activate_${ PLUGIN }' );`
			);
			t.equal(
				`still exactly ${ RECURRING.length } recurring jobs`,
				lastJson( await site.runPhpOrThrow( PENDING_JOBS ) ),
				RECURRING
			);
			await site.deactivatePlugin( PLUGIN );
			t.equal(
				'deactivation leaves no recurring job',
				lastJson( await site.runPhpOrThrow( PENDING_JOBS ) ),
				[]
			);
			await site.activatePlugin( PLUGIN );
			t.equal(
				`reactivation schedules exactly ${ RECURRING.length } again`,
				lastJson( await site.runPhpOrThrow( PENDING_JOBS ) ),
				RECURRING
			);
			const timeout = lastJson< number >(
				await site.runPhpOrThrow(
					`echo json_encode( get_option( 'cartbay_settings' )['abandonment_timeout'] ), "\\n";`
				)
			);
			t.equal( 'a saved setting survives reactivation', timeout, 90 );
		}
	);

	await t.group(
		'an admin request puts back a cancelled recurring job, checking at most hourly',
		async () => {
			const [ first ] = RECURRING;
			const cancelThenAdminInit = `
as_unschedule_all_actions( '${ first }', array(), 'cartbay' );
\\WPAnchorBay\\CartBay\\Core\\Installer::handle_admin_init();
${ PENDING_JOBS }`;
			await site.runPhpOrThrow(
				`delete_transient( '${ TRANSIENT.JOBS_CHECKED }' );`
			);
			t.equal(
				'the cancelled job is pending again after admin_init',
				lastJson( await site.runPhpOrThrow( cancelThenAdminInit ) ),
				RECURRING
			);
			t.equal(
				'within the hour the check is not repeated',
				lastJson( await site.runPhpOrThrow( cancelThenAdminInit ) ),
				RECURRING.filter( ( hook ) => hook !== first )
			);
			t.equal(
				'once the hour has passed it is put back',
				lastJson(
					await site.runPhpOrThrow(
						`delete_transient( '${ TRANSIENT.JOBS_CHECKED }' );\n\\WPAnchorBay\\CartBay\\Core\\Installer::handle_admin_init();\n${ PENDING_JOBS }`
					)
				),
				RECURRING
			);
		}
	);
}

async function statusScenario( t: Checks, site: Site ): Promise< void > {
	await t.group( 'every status survives a save and reload', async () => {
		const slugs = orderStatuses.map( ( s ) => s.slug );
		const stored = lastJson< string[] >(
			await site.runPhpOrThrow( `
$out = array();
foreach ( ${ JSON.stringify( slugs ).replace( /\[/, 'array(' ).replace( /\]$/, ')' ) } as $slug ) {
	$order = wc_create_order( array( 'status' => $slug, 'created_via' => 'cartbay' ) );
	$out[] = wc_get_order( $order->get_id() )->get_status();
	$order->delete( true );
}
echo json_encode( $out ), "\\n";` )
		);
		t.equal( 'statuses read back unchanged', stored, slugs );
	} );

	await t.group(
		'a CartBay status stays with CartBay sessions: another order keeps its own',
		async () => {
			const result = lastJson< {
				existing: string;
				notes: string[];
				created: string;
				session: string;
			} >(
				await site.runPhpOrThrow( `
$order = wc_create_order( array( 'status' => 'processing', 'created_via' => 'checkout' ) );
$order->set_status( '${ STATUS.abandoned }' );
$order->save();
$existing = wc_get_order( $order->get_id() );
$notes    = wc_get_order_notes( array( 'order_id' => $order->get_id() ) );
$created  = new WC_Order();
$created->set_created_via( 'admin' );
$created->set_status( '${ STATUS.recovered }' );
$created->save();
$session = wc_create_order( array( 'status' => 'processing', 'created_via' => 'cartbay' ) );
$session->set_status( '${ STATUS.abandoned }' );
$session->save();
echo wp_json_encode( array(
	'existing' => $existing->get_status(),
	'notes'    => wp_list_pluck( $notes, 'content' ),
	'created'  => wc_get_order( $created->get_id() )->get_status(),
	'session'  => wc_get_order( $session->get_id() )->get_status(),
) ), "\\n";
foreach ( array( $existing, $created, $session ) as $o ) { $o->delete( true ); }` )
			);
			t.equal(
				'an order from checkout stays processing; a new admin order is pending; a session moves',
				[ result.existing, result.created, result.session ],
				[
					'processing',
					'pending',
					STATUS.abandoned.replace( /^wc-/, '' ),
				]
			);
			t.check(
				'the refused change is explained in an order note, with no "changed from X to X" note beside it',
				result.notes.some( ( note ) =>
					/CartBay statuses belong to CartBay recovery sessions/.test(
						note
					)
				) &&
					! result.notes.some( ( note ) =>
						/changed from (.+) to \1\./.test( note )
					),
				result
			);
		}
	);
}

interface RestResult {
	status: number;
	data: { code?: string } & Record< string, unknown >;
}

async function rest(
	site: Site,
	method: string,
	path: string,
	user: string,
	body?: unknown
): Promise< RestResult > {
	const setBody =
		body === undefined
			? ''
			: `$request->set_header( 'Content-Type', 'application/json' ); $request->set_body( ${ phpString( JSON.stringify( body ) ) } );`;
	return lastJson< RestResult >(
		await site.runPhpOrThrow( `
wp_set_current_user( 0 );
if ( '' !== ${ phpString( user ) } ) { wp_set_current_user( get_user_by( 'login', ${ phpString( user ) } )->ID ); }
$request = new WP_REST_Request( ${ phpString( method ) }, ${ phpString( `/cartbay/v1${ path }` ) } );
${ setBody }
$response = rest_get_server()->dispatch( $request );
echo json_encode( array( 'status' => $response->get_status(), 'data' => rest_get_server()->response_to_data( $response, false ) ), JSON_PRESERVE_ZERO_FRACTION ), "\\n";` )
	);
}

async function restScenario( t: Checks, site: Site ): Promise< void > {
	await t.group( 'settings routes authorize with capabilities', async () => {
		await site.runPhpOrThrow( `
foreach ( array( 'subscriber', 'shop_manager' ) as $role ) {
	if ( ! get_user_by( 'login', "cb_$role" ) ) {
		wp_insert_user( array( 'user_login' => "cb_$role", 'user_pass' => wp_generate_password(), 'user_email' => "$role@example.test", 'role' => $role ) );
	}
}` );
		for ( const path of [ '/settings', '/campaign' ] ) {
			for ( const method of [ 'GET', 'PATCH' ] ) {
				const anonymous = await rest(
					site,
					method,
					path,
					'',
					method === 'PATCH' ? { test_mode: true } : undefined
				);
				t.equal(
					`${ method } ${ path } anonymous → 401 cartbay_rest_forbidden`,
					[ anonymous.status, anonymous.data.code ],
					[ 401, 'cartbay_rest_forbidden' ]
				);
				const subscriber = await rest(
					site,
					method,
					path,
					'cb_subscriber',
					method === 'PATCH' ? { test_mode: true } : undefined
				);
				t.equal(
					`${ method } ${ path } subscriber → 403 cartbay_rest_forbidden`,
					[ subscriber.status, subscriber.data.code ],
					[ 403, 'cartbay_rest_forbidden' ]
				);
			}
			const manager = await rest( site, 'GET', path, 'cb_shop_manager' );
			t.equal( `GET ${ path } shop manager → 200`, manager.status, 200 );
		}
		const settings = lastJson< Record< string, unknown > >(
			await site.runPhpOrThrow(
				`echo json_encode( get_option( 'cartbay_settings' ) ), "\\n";`
			)
		);
		t.equal(
			'refused PATCH requests changed nothing',
			settings.test_mode,
			false
		);
	} );

	await t.group(
		"PATCH answers each contract vector's expected result",
		async () => {
			for ( const vector of vectors ) {
				const path =
					vector.kind === 'settings' ? '/settings' : '/campaign';
				const option =
					vector.kind === 'settings'
						? settingsOption.option
						: campaign.option;
				const base =
					vector.kind === 'settings'
						? normalizeSettings(
								vector.base ?? {},
								defaultSettings()
							)
						: normalizeCampaign(
								vector.base ?? {},
								defaultCampaign()
							);
				await site.runPhpOrThrow(
					`update_option( ${ phpString( option ) }, json_decode( ${ phpString( JSON.stringify( base ) ) }, true ) );`
				);
				// Changing an agent gate takes cartbay_agent_manage_access (administrators): see the agent suite.
				const opensGates =
					isPatchBody( vector.input ) &&
					Object.keys( ( vector.input ?? {} ) as object ).some(
						( key ) =>
							(
								Object.values( agentGates ) as string[]
							 ).includes( key )
					);
				const result = await rest(
					site,
					'PATCH',
					path,
					opensGates ? 'admin' : 'cb_shop_manager',
					vector.input
				);
				if ( isPatchBody( vector.input ) ) {
					const stored = lastJson< unknown >(
						await site.runPhpOrThrow(
							`echo wp_json_encode( get_option( ${ phpString( option ) } ) ), "\\n";`
						)
					);
					t.check(
						`${ vector.kind }: ${ vector.name }`,
						result.status === 200 &&
							sameJson( result.data, vector.expected ) &&
							sameJson( stored, vector.expected ),
						{
							status: result.status,
							expected: vector.expected,
							answered: result.data,
							stored,
						}
					);
				} else {
					t.equal(
						`${ vector.kind }: ${ vector.name } → 400 cartbay_invalid_body`,
						[ result.status, result.data.code ],
						[ 400, 'cartbay_invalid_body' ]
					);
				}
			}
		}
	);
}

async function abandonmentScenario( t: Checks, site: Site ): Promise< void > {
	await t.group(
		'the fallback scanner marks an inactive captured session abandoned',
		async () => {
			const states = lastJson< {
				before: string;
				after: string;
				fresh: string;
				events: string[];
			} >(
				await site.runPhpOrThrow( `
delete_option( 'cartbay_settings' ); // Back to the defaults: a ${ TIMEOUT }-minute abandonment timeout.
$make = function ( $age ) {
	$order = wc_create_order( array( 'status' => '${ STATUS.captured }', 'created_via' => 'cartbay' ) );
	$order->update_meta_data( '_cartbay_session_id', wp_generate_password( 32, false ) );
	$order->update_meta_data( '_cartbay_last_activity_at', time() - $age );
	$order->save();
	return $order->get_id();
};
$old   = $make( ${ TIMEOUT + 1 } * MINUTE_IN_SECONDS );
$young = $make( ${ TIMEOUT - 1 } * MINUTE_IN_SECONDS );
$before = wc_get_order( $old )->get_status();
do_action( 'cartbay_detect_abandonment' );
do_action( 'cartbay_detect_abandonment' );
$after = wc_get_order( $old );
echo json_encode( array( 'before' => $before, 'after' => $after->get_status(), 'fresh' => wc_get_order( $young )->get_status(), 'events' => array_column( (array) $after->get_meta( '_cartbay_events' ), 'event' ) ) ), "\\n";` )
			);
			t.equal(
				`past the ${ TIMEOUT }-minute timeout → abandoned, once`,
				[ states.before, states.after, states.events ],
				[ STATUS.captured, STATUS.abandoned, [ EVENT.ABANDONED ] ]
			);
			t.equal(
				'inside the timeout → still captured',
				states.fresh,
				STATUS.captured
			);
		}
	);
}

async function sessionLookupScenario( t: Checks, site: Site ): Promise< void > {
	await t.group(
		'sessions are found by their CartBay session id on this order storage',
		async () => {
			const found = lastJson< {
				expected: number[];
				found: ( number | null )[];
			} >(
				await site.runPhpOrThrow( `
$ids = array();
foreach ( array( 'first-session', 'second-session' ) as $sid ) {
	$order = wc_create_order( array( 'status' => '${ STATUS.captured }', 'created_via' => 'cartbay' ) );
	$order->update_meta_data( '_cartbay_session_id', $sid );
	$order->save();
	$ids[] = $order->get_id();
}
$repo  = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Data\\SessionRepository::class );
$found = array();
foreach ( array( 'second-session', 'first-session', 'no-such-session' ) as $sid ) {
	$order   = $repo->find( $sid );
	$found[] = $order ? $order->get_id() : null;
}
echo json_encode( array( 'expected' => array( $ids[1], $ids[0] ), 'found' => $found ) ), "\\n";` )
			);
			t.equal(
				'each id finds its own session, an unknown id finds none',
				found.found,
				[ ...found.expected, null ]
			);
		}
	);
}

async function sendStepScenario( t: Checks, site: Site ): Promise< void > {
	await t.group(
		'a step is sent once, through its WooCommerce email, with hashed link tokens',
		async () => {
			await site.runPhpOrThrow(
				`update_option( 'cartbay_store_mail_fail', false );`
			);
			await site.clearMail();
			const state = lastJson< {
				first: boolean;
				second: boolean;
				tokenHash: string;
				stored: string;
			} >(
				await site.runPhpOrThrow( `
$order = wc_create_order( array( 'status' => '${ STATUS.abandoned }', 'created_via' => 'cartbay' ) );
$order->set_billing_email( 'shopper@example.test' );
$order->update_meta_data( '_cartbay_email', 'shopper@example.test' );
$order->update_meta_data( '_cartbay_session_id', 'send-step-session' );
$order->save();
$first  = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Email\\EmailSequenceService::class )->send_step( 'send-step-session', 1 );
$second = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Email\\EmailSequenceService::class )->send_step( 'send-step-session', 1 );
$saved  = wc_get_order( $order->get_id() );
echo json_encode( array( 'first' => $first, 'second' => $second, 'tokenHash' => (string) $saved->get_meta( '_cartbay_token_hash' ), 'stored' => wp_json_encode( $saved->get_meta_data() ) ) ), "\\n";` )
			);
			const mail = site
				.readMail()
				.filter(
					( m ) =>
						m.to === 'shopper@example.test' ||
						( Array.isArray( m.to ) &&
							m.to.includes( 'shopper@example.test' ) )
				);
			t.equal(
				'sent the first time, refused the second (step already sent)',
				[ state.first, state.second, mail.length ],
				[ true, false, 1 ]
			);
			const message = mail[ 0 ]?.message ?? '';
			const token =
				/cartbay_restore=([A-Za-z0-9_-]+)/.exec( message )?.[ 1 ] ?? '';
			const headers = JSON.stringify( mail[ 0 ]?.headers ?? '' );
			t.check(
				"subject is step 1's default",
				( mail[ 0 ]?.subject ?? '' ).startsWith(
					emailSteps[ 0 ]!.defaults.subject.split( '{' )[ 0 ]!
				),
				mail[ 0 ]?.subject
			);
			t.check(
				'restore link carries a token whose SHA-256 is stored, never the token',
				token.length >= 40 &&
					state.tokenHash ===
						createHash( 'sha256' )
							.update( token )
							.digest( 'hex' ) &&
					! state.stored.includes( token ),
				{ token, hash: state.tokenHash }
			);
			t.check(
				'List-Unsubscribe and one-click headers',
				headers.includes( 'List-Unsubscribe: <' ) &&
					headers.includes(
						'List-Unsubscribe-Post: List-Unsubscribe=One-Click'
					),
				headers
			);
		}
	);
}

async function noWooCommerceScenario( t: Checks ): Promise< void > {
	await t.group( 'without WooCommerce: a notice, nothing fatal', async () => {
		const site = await newSite( false, false );
		try {
			// WordPress itself refuses to activate a plugin whose "Requires Plugins" are missing.
			const refused = await site.runPhp(
				`$result = activate_plugin( '${ PLUGIN }' ); echo json_encode( is_wp_error( $result ) ? $result->get_error_message() : 'activated' ), "\\n";`,
				{ user: 'admin' }
			);
			t.check(
				"activation is refused with WordPress's dependency message, no fatal",
				refused.code === 0 &&
					/requires 1 plugin/i.test( refused.stdout ) &&
					refused.stdout.trim() !== '"activated"',
				refused
			);

			// WooCommerce removed while CartBay stays active (deleted, or deactivated behind WordPress's back).
			await site.runPhpOrThrow(
				`update_option( 'active_plugins', array( '${ PLUGIN }' ) );`
			);
			await site.runPhpOrThrow( `do_action( 'activate_${ PLUGIN }' );` );
			const state = lastJson< {
				notice: string;
				settings: boolean;
				booted: number;
			} >(
				await site.runPhpOrThrow(
					`
ob_start(); do_action( 'admin_notices' ); $notice = ob_get_clean();
echo json_encode( array( 'notice' => wp_strip_all_tags( $notice ), 'settings' => is_array( get_option( 'cartbay_settings' ) ), 'booted' => did_action( 'cartbay_loaded' ) ) ), "\\n";`,
					{ user: 'admin' }
				)
			);
			t.check(
				'admin notice says WooCommerce is needed',
				state.notice.includes( 'CartBay needs WooCommerce' ),
				state
			);
			t.equal(
				'default options still created; runtime not started',
				[ state.settings, state.booted ],
				[ true, 0 ]
			);
			t.equal(
				'no CartBay PHP notice, warning or fatal in the debug log',
				debugLogProblems( site ),
				[]
			);
		} finally {
			rmSync( site.dir, { recursive: true, force: true } );
		}
	} );
}

async function main(): Promise< void > {
	const phpReason = phpUnavailableReason();
	if ( phpReason ) {
		console.log( `skipped: ${ phpReason }` );
		return;
	}
	// Imports CARTBAY_WP_DIR / CARTBAY_WC_DIR into the cache on first use, when they are set.
	const cache = await ensureCache();
	if ( ! cache.ok ) {
		console.log(
			`skipped: WordPress/WooCommerce cache is empty: ${ cache.reason }`
		);
		return;
	}
	let passed = 0;
	let failed = 0;
	// CARTBAY_IT_HPOS=on|off runs one order storage only (quicker while developing).
	// CARTBAY_IT_ONLY=sequence,capture,… runs only those suites after the basic ones (quicker while developing).
	const only = ( process.env.CARTBAY_IT_ONLY ?? '' )
		.split( ',' )
		.filter( Boolean );
	const want = ( suite: string ) =>
		only.length === 0 || only.includes( suite );
	const modes = process.env.CARTBAY_IT_HPOS
		? [ process.env.CARTBAY_IT_HPOS === 'on' ]
		: [ false, true ];
	for ( const hpos of modes ) {
		const t = new Checks( `[HPOS ${ hpos ? 'on' : 'off' }] ` );
		const started = Date.now();
		const site = await newSite( hpos );
		try {
			await activationScenario( t, site );
			await statusScenario( t, site );
			await restScenario( t, site );
			await abandonmentScenario( t, site );
			await sessionLookupScenario( t, site );
			await sendStepScenario( t, site );
			if ( want( 'sequence' ) ) {
				await sequenceScenarios( t, site );
			}
			if ( want( 'capture' ) ) {
				await captureScenarios( t, site );
			}
			if ( want( 'hardening' ) ) {
				await hardeningScenarios( t, site );
			}
			if ( want( 'recovery' ) ) {
				await recoveryScenarios( t, site );
			}
			if ( want( 'abuse' ) ) {
				await abuseScenarios( t, site );
			}
			if ( want( 'attribution' ) ) {
				await attributionScenarios( t, site );
			}
			if ( want( 'limits' ) ) {
				await limitsScenarios( t, site );
			}
			if ( want( 'analytics' ) ) {
				await analyticsScenarios( t, site );
			}
			if ( want( 'reports' ) ) {
				await reportsScenarios( t, site );
			}
			if ( want( 'mail-environment' ) ) {
				await mailEnvironmentScenarios( t, site );
			}
			if ( want( 'coexistence' ) ) {
				await coexistenceScenarios( t, site );
			}
			if ( want( 'privacy' ) ) {
				await privacyScenarios( t, site );
			}
			if ( want( 'license' ) ) {
				await licenseScenarios( t, site );
			}
			if ( want( 'cli' ) ) {
				await cliScenarios( t, site );
			}
			if ( want( 'operations' ) ) {
				await operationsScenarios( t, site );
			}
			if ( want( 'agent' ) ) {
				// The WordPress 6.9 Abilities layer (a site of its own) runs once, with the last order storage.
				await agentScenarios( t, site, {
					abilitiesLayer: hpos === modes[ modes.length - 1 ],
				} );
			}
			// Last: it deletes CartBay's data (and activates the plugin again).
			if ( want( 'uninstall' ) ) {
				await uninstallScenarios( t, site );
			}
			t.equal(
				'no CartBay PHP notice, warning or deprecation in wp-debug.log',
				debugLogProblems( site ),
				[]
			);
		} finally {
			rmSync( site.dir, { recursive: true, force: true } );
		}
		console.log(
			`  (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s)`
		);
		passed += t.passed;
		failed += t.failed;
	}
	const t = new Checks( '' );
	await noWooCommerceScenario( t );
	passed += t.passed;
	failed += t.failed;
	console.log( `${ passed } passed, ${ failed } failed` );
}

main().catch( ( error: unknown ) => {
	console.log(
		`integration suite crashed: ${ ( error as Error ).stack ?? String( error ) }`
	);
	console.log( '0 passed, 1 failed' );
	process.exitCode = 1;
} );
