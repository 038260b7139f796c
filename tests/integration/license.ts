/**
 * Licensing inside real WordPress + WooCommerce, against a loopback license server (tests/support/license-server.ts):
 * the license routes (permissions, key format checked before any request, Dev Mode without a request,
 * activation, status and refresh, removal), failing open when the server is down, slow or answers garbage
 * (and the documented rate limits), no license request on any shopper request while the server hangs, private
 * updates through WordPress's own update flow and "View details" modal, and the full key kept only in
 * `cartbay_license_data` (never in another option, an answer or a log).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	licenseKeyFormat,
	licenseServerRoutes,
	licenseStatuses,
	licenseTiming,
	plugin,
} from '../../plugin/schema';
import { freePort, startServer, type Site } from '../../tools/store';
import { isPortFree } from '../../tools/store/ports';
import type { Checks } from '../support/checks';
import {
	EXPIRED_ON,
	LoopbackLicenseServer,
	PLAN,
	README_SECTIONS,
	VALID_UNTIL,
} from '../support/license-server';
import { phpCall, phpJson, phpString } from '../support/php';
import { HOOK, OPTION, TRANSIENT } from '../support/schema-names';
import {
	COMMON_TEST_HELPERS,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
	recoveryFixtures,
} from '../support/store-fixtures';
import { HttpShopper } from './http-shopper';

const KEYS = {
	valid: 'WPAB-7QX2M9KD4L1Z-R8T5W3N6A4C1',
	expired: 'WPAB-EXP1RED00000-0000000000E1',
	invalid: 'WPAB-1NVAL1D00000-0000000000F2',
	/** Well formed, unknown to the server. */
	unknown: 'WPAB-UNKN0WN00000-0000000000D3',
} as const;
const ALL_KEYS = Object.values( KEYS );
const LABEL = Object.fromEntries(
	licenseStatuses.map( ( s ) => [ s.key, s.label ] )
) as Record< ( typeof licenseStatuses )[ number ][ 'key' ], string >;
const TIMEOUT_MS = licenseTiming.requestTimeoutSeconds * 1000;
const MANAGER = 'cb_license_manager';
const SUBSCRIBER = 'cb_license_subscriber';
const ACTIVATE = '/license/activate';
const STATUS = '/license/status';
const DEACTIVATE = '/license/deactivate';
/** Option the test plugin reads the license server URL from. */
const SERVER_OPTION = 'cartbay_test_license_server';
/** Option forcing the Dev Mode bypass: 'on', 'off', or absent for CartBay's own decision. */
const BYPASS_OPTION = 'cartbay_test_dev_bypass';

/**
 * The key as every answer must show it: prefix, dashes and the last characters.
 * @param key
 */
function masked( key: string ): string {
	const head = licenseKeyFormat.prefix.length + 1;
	return [ ...key ]
		.map( ( c, i ) =>
			i < head ||
			i >= key.length - licenseKeyFormat.visibleTail ||
			c === '-'
				? c
				: licenseKeyFormat.maskCharacter
		)
		.join( '' );
}

/** The license suite's must-use plugin: the loopback server URL and Dev Mode switch, WordPress's own update flow back on, and readers. */
const LICENSE_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay license test helpers
 */

// The loopback license server (the filter is CartBay's documented way to point elsewhere).
add_filter( '${ HOOK.LICENSE_SERVER_URL }', static fn ( $url ) => get_option( '${ SERVER_OPTION }', $url ) );
add_filter(
	'${ HOOK.LICENSE_DEV_DOMAIN_BYPASS }',
	static function ( $bypass, $host ) {
		update_option( '${ BYPASS_OPTION }_host', $host );
		$forced = get_option( '${ BYPASS_OPTION }', '' );
		return '' === $forced ? $bypass : 'on' === $forced;
	},
	10,
	2
);
// The store answers "no updates" without asking: this suite needs WordPress's real update transient.
remove_filter( 'pre_site_transient_update_plugins', 'cartbay_store_no_updates' );
// WordPress.org's plugin update check, answered here (the store blocks it, and a failed check warns).
add_filter(
	'pre_http_request',
	static function ( $response, $args, $url ) {
		if ( false !== $response || ! str_contains( (string) $url, 'api.wordpress.org/plugins/update-check/' ) ) {
			return $response;
		}
		return array(
			'headers'  => array(),
			'body'     => wp_json_encode( array( 'plugins' => array(), 'translations' => array(), 'no_update' => array() ) ),
			'response' => array( 'code' => 200, 'message' => 'OK' ),
			'cookies'  => array(),
			'filename' => null,
		);
	},
	10,
	3
);
// download_url() only fetches from ports 80, 443 and 8080: the loopback server's port is allowed too.
add_filter(
	'http_allowed_safe_ports',
	static function ( $ports ) {
		$port = wp_parse_url( (string) get_option( '${ SERVER_OPTION }', '' ), PHP_URL_PORT );
		return $port ? array_merge( $ports, array( $port ) ) : $ports;
	}
);

/** Dispatches REST calls (method, path, user, raw JSON body, query) and times each. */
function cartbay_license_test_rest( array $calls ) {
	$out = array();
	foreach ( $calls as $call ) {
		wp_set_current_user( 0 );
		if ( ! empty( $call['user'] ) ) {
			wp_set_current_user( get_user_by( 'login', $call['user'] )->ID );
		}
		$request = new WP_REST_Request( $call['method'], '/${ plugin.restNamespace }' . $call['path'] );
		if ( isset( $call['body'] ) ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( $call['body'] );
		}
		if ( ! empty( $call['query'] ) ) {
			$request->set_query_params( $call['query'] );
		}
		$started  = microtime( true );
		$response = rest_get_server()->dispatch( $request );
		$out[]    = array(
			'status' => $response->get_status(),
			'data'   => rest_get_server()->response_to_data( $response, false ),
			'ms'     => (int) round( ( microtime( true ) - $started ) * 1000 ),
		);
	}
	return $out;
}

/** The stored license (option row, its autoload, the cached status, the update caches) and every option holding each key. */
function cartbay_license_test_storage( array $keys ) {
	global $wpdb;
	$row     = $wpdb->get_row( $wpdb->prepare( "SELECT option_value, autoload FROM {$wpdb->options} WHERE option_name = %s", '${ OPTION.LICENSE_DATA }' ) );
	$holders = array();
	foreach ( $keys as $key ) {
		$holders[ $key ] = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_value LIKE %s", '%' . $wpdb->esc_like( $key ) . '%' ) );
	}
	return array(
		'data'           => $row ? maybe_unserialize( $row->option_value ) : null,
		'autoload'       => $row ? $row->autoload : null,
		'valid'          => get_transient( '${ TRANSIENT.LICENSE_VALID }' ),
		'update_info'    => false !== get_transient( '${ TRANSIENT.UPDATE_INFO }' ),
		'update_plugins' => false !== get_site_transient( 'update_plugins' ),
		'holders'        => $holders,
	);
}

/** Runs WordPress's plugin update check (from scratch) and returns CartBay's entries in the update transient. */
function cartbay_license_test_updates( $forget_cache ) {
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	if ( $forget_cache ) {
		delete_transient( '${ TRANSIENT.UPDATE_INFO }' );
	}
	wp_clean_plugins_cache( true );
	wp_update_plugins();
	$current  = get_site_transient( 'update_plugins' );
	$basename = plugin_basename( CARTBAY_FILE );
	return array(
		'basename'  => $basename,
		'checked'   => is_object( $current ) && isset( $current->checked[ $basename ] ) ? $current->checked[ $basename ] : null,
		'response'  => is_object( $current ) && isset( $current->response[ $basename ] ) ? (array) $current->response[ $basename ] : null,
		'no_update' => is_object( $current ) && isset( $current->no_update[ $basename ] ) ? (array) $current->no_update[ $basename ] : null,
	);
}

/** plugins_api( plugin_information ) for CartBay: the "View details" modal. */
function cartbay_license_test_details() {
	require_once ABSPATH . 'wp-admin/includes/plugin-install.php';
	$info = plugins_api( 'plugin_information', array( 'slug' => '${ plugin.slug }' ) );
	if ( is_wp_error( $info ) ) {
		return array( 'error' => $info->get_error_code() );
	}
	return array(
		'name'          => $info->name,
		'version'       => $info->version,
		'sections'      => $info->sections,
		'download_link' => $info->download_link,
	);
}

/** What an upgrade of CartBay (and of another plugin) downloads from a package URL, and the first bytes of that download. */
function cartbay_license_test_package( $package, $key ) {
	require_once ABSPATH . 'wp-admin/includes/file.php';
	$ours  = apply_filters( 'upgrader_package_options', array( 'package' => $package, 'hook_extra' => array( 'plugin' => plugin_basename( CARTBAY_FILE ) ) ) );
	$other = apply_filters( 'upgrader_package_options', array( 'package' => $package, 'hook_extra' => array( 'plugin' => 'other/other.php' ) ) );
	$file  = download_url( $ours['package'], 10 );
	$head  = is_wp_error( $file ) ? $file->get_error_code() . ': ' . $file->get_error_message() : bin2hex( (string) file_get_contents( $file, false, null, 0, 4 ) );
	if ( ! is_wp_error( $file ) ) {
		wp_delete_file( $file );
	}
	return array(
		'real'            => str_replace( $key, '{KEY}', $ours['package'] ),
		'other_unchanged' => $other['package'] === $package,
		'zip_head'        => $head,
	);
}

/** Dev Mode decisions for hosts (CartBay's own and through the filter). */
function cartbay_license_test_dev_hosts( array $hosts ) {
	$out = array();
	foreach ( $hosts as $host ) {
		$out[ $host ] = \WPAnchorBay\CartBay\License\DevDomain::is_development_host( $host );
	}
	return $out;
}
`;

interface RestCall {
	method: string;
	path: string;
	user?: string;
	body?: string;
	query?: Record< string, unknown >;
}
interface RestAnswer {
	status: number;
	data: {
		code?: string;
		message?: string;
		status?: string;
		label?: string;
		key?: string | null;
		expires_at?: string | null;
		plan?: string | null;
		checked_at?: string | null;
		data?: { status?: number; key?: string };
	} & Record< string, unknown >;
	ms: number;
}
interface Storage {
	data: Record< string, unknown > | null;
	autoload: string | null;
	valid: string | false;
	update_info: boolean;
	update_plugins: boolean;
	holders: Record< string, string[] >;
}
interface UpdateEntry {
	slug: string;
	plugin: string;
	new_version: string;
	package: string;
	tested: string;
	requires_php: string;
	url: string;
}
interface Updates {
	basename: string;
	checked: string | null;
	response: UpdateEntry | null;
	no_update: UpdateEntry | null;
}

export async function licenseScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const removeMuPlugins = installMuPlugins( site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-license.php': LICENSE_TEST_HELPERS,
	} );
	const php = phpJson( site );
	const fixtures = recoveryFixtures( php );
	// The store on its own port (CARTBAY_IT_PORT), the license server on a free one.
	const sitePort = Number( new URL( site.url ).port );
	const store = await startServer(
		site,
		( await isPortFree( sitePort ) ) ? sitePort : await freePort()
	);
	const base = store.url.replace( /\/$/, '' );
	const server = await LoopbackLicenseServer.start( await freePort(), {
		keys: {
			[ KEYS.valid ]: 'valid',
			[ KEYS.expired ]: 'expired',
			[ KEYS.invalid ]: 'invalid',
		},
		version: '9.0.0',
	} );
	const debugLog = join( site.dir, 'logs/wp-debug.log' );
	const readDebugLog = (): string => {
		try {
			return readFileSync( debugLog, 'utf8' );
		} catch {
			return '';
		}
	};
	const debugLogAtStart = readDebugLog().length;
	/** Every REST answer of the suite, to prove none carries a full key. */
	const answers: RestAnswer[] = [];

	const rest = async ( calls: RestCall[] ): Promise< RestAnswer[] > => {
		const results = await phpCall< RestAnswer[] >(
			php,
			'cartbay_license_test_rest',
			calls
		);
		answers.push( ...results );
		return results;
	};
	const one = async ( call: RestCall ): Promise< RestAnswer > =>
		( await rest( [ call ] ) )[ 0 ]!;
	const activate = ( key: unknown ) =>
		one( {
			method: 'POST',
			path: ACTIVATE,
			user: MANAGER,
			body: JSON.stringify( { license_key: key } ),
		} );
	const status = ( refresh = false ) =>
		one( {
			method: 'GET',
			path: STATUS,
			user: MANAGER,
			query: refresh ? { refresh: true } : {},
		} );
	const storage = (): Promise< Storage > =>
		phpCall< Storage >( php, 'cartbay_license_test_storage', ALL_KEYS );
	const updates = ( forgetCache: boolean ): Promise< Updates > =>
		phpCall< Updates >( php, 'cartbay_license_test_updates', forgetCache );
	const setOption = ( name: string, value: string | null ) =>
		site.runPhpOrThrow(
			value === null
				? `delete_option( ${ phpString( name ) } );`
				: `update_option( ${ phpString( name ) }, ${ phpString( value ) } );`
		);
	const forgetCachedStatus = () =>
		site.runPhpOrThrow(
			`delete_transient( '${ TRANSIENT.LICENSE_VALID }' );`
		);
	const shape = ( answer: RestAnswer ) => [
		answer.status,
		answer.data.status,
		answer.data.label,
		answer.data.key,
	];
	const activationPath = `${ server.base.replace( /^http:\/\/[^/]+/, '' ) }${ licenseServerRoutes.activatePath }`;

	try {
		await site.runPhpOrThrow( `
foreach ( array( '${ MANAGER }' => 'shop_manager', '${ SUBSCRIBER }' => 'subscriber' ) as $login => $role ) {
	if ( ! get_user_by( 'login', $login ) ) {
		wp_insert_user( array( 'user_login' => $login, 'user_pass' => wp_generate_password(), 'user_email' => "$login@example.test", 'role' => $role ) );
	}
}
delete_option( '${ OPTION.LICENSE_DATA }' );
delete_transient( '${ TRANSIENT.LICENSE_VALID }' );
delete_transient( '${ TRANSIENT.UPDATE_INFO }' );
delete_option( 'cartbay_settings' );
update_option( 'cartbay_store_mail_fail', 'no' );
update_option( '${ SERVER_OPTION }', ${ phpString( server.base ) } );
delete_option( '${ BYPASS_OPTION }' );` );

		await t.group(
			'license routes: manage_woocommerce only, refused with a WP_Error code',
			async () => {
				const calls: RestCall[] = [
					{
						method: 'POST',
						path: ACTIVATE,
						body: JSON.stringify( { license_key: KEYS.valid } ),
					},
					{ method: 'GET', path: STATUS },
					{ method: 'POST', path: DEACTIVATE, body: '{}' },
				];
				const anonymous = await rest( calls );
				const subscriber = await rest(
					calls.map( ( c ) => ( { ...c, user: SUBSCRIBER } ) )
				);
				t.equal(
					'anonymous → 401, subscriber → 403 (cartbay_rest_forbidden) on activate, status and deactivate',
					[
						anonymous.map( ( a ) => [ a.status, a.data.code ] ),
						subscriber.map( ( a ) => [ a.status, a.data.code ] ),
					],
					[
						calls.map( () => [ 401, 'cartbay_rest_forbidden' ] ),
						calls.map( () => [ 403, 'cartbay_rest_forbidden' ] ),
					]
				);
				const described = await rest(
					[ ACTIVATE, STATUS, DEACTIVATE ].map( ( path ) => ( {
						method: 'OPTIONS',
						path,
						user: MANAGER,
					} ) )
				);
				t.equal(
					'an OPTIONS request on each license route describes the one license answer (title, key fields)',
					described.map( ( a ) => {
						const schema = a.data.schema as
							{ title?: string; properties?: object } | undefined;
						return [
							a.status,
							schema?.title,
							Object.keys( schema?.properties ?? {} ).slice(
								0,
								3
							),
						];
					} ),
					[ ACTIVATE, STATUS, DEACTIVATE ].map( () => [
						200,
						'cartbay_license',
						[ 'status', 'label', 'key' ],
					] )
				);
				const none = await status();
				t.equal(
					'a shop manager sees Inactive with no key before any activation',
					[ ...shape( none ), none.data.checked_at ],
					[ 200, 'inactive', LABEL.inactive, null, null ]
				);
				t.equal(
					'no request reached the license server',
					server.requests.length,
					0
				);
			}
		);

		await t.group(
			'the key format is checked before any request; hostile input gets a 400 WP_Error and no PHP warning',
			async () => {
				// Not Dev Mode: a well-formed key would go to the server.
				await setOption( BYPASS_OPTION, 'off' );
				const from = server.requests.length;
				const malformed = [
					'',
					'   ',
					'WPAB-123',
					'WPAX-7QX2M9KD4L1Z-R8T5W3N6A4C1',
					'WPAB-7QX2M9KD4L1!-R8T5W3N6A4C1',
					'WPAB-7QX2M9 D4L1Z-R8T5W3N6A4C1',
					'WPAB_7QX2M9KD4L1Z_R8T5W3N6A4C1',
					'WPAB-7QX2M9KD4L1ZR8T5W3N6A4C1',
					'WPAB-ÄQX2M9KD4L1Z-R8T5W3N6A4C1',
					'WPAB-😀X2M9KD4L1Z-R8T5W3N6A4C',
					'WPAB-7QX2M9KD4L1Z-R8T5W3N6A4C1\nWPAB',
					"WPAB-' OR 1=1 -- -R8T5W3N6A4C1",
					'<script>alert(1)</script>',
				];
				const formatAnswers = await rest(
					malformed.map( ( key ) => ( {
						method: 'POST',
						path: ACTIVATE,
						user: MANAGER,
						body: JSON.stringify( { license_key: key } ),
					} ) )
				);
				t.equal(
					`${ malformed.length } malformed keys → 400 cartbay_license_key_format`,
					formatAnswers.map( ( a ) => [ a.status, a.data.code ] ),
					malformed.map( () => [ 400, 'cartbay_license_key_format' ] )
				);
				t.check(
					'the format error explains the expected format (translated message)',
					( formatAnswers[ 0 ]?.data.message ?? '' ).includes(
						'WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX'
					),
					formatAnswers[ 0 ]
				);
				const hostile: [ string, string ][] = [
					[ 'no key', JSON.stringify( {} ) ],
					[ 'null', JSON.stringify( { license_key: null } ) ],
					[ 'a number', JSON.stringify( { license_key: 12345 } ) ],
					[ 'true', JSON.stringify( { license_key: true } ) ],
					[
						'an array',
						JSON.stringify( { license_key: [ KEYS.valid ] } ),
					],
					[
						'an object',
						JSON.stringify( { license_key: { key: KEYS.valid } } ),
					],
					[
						'65 characters',
						JSON.stringify( { license_key: 'W'.repeat( 65 ) } ),
					],
					[
						'100,000 characters',
						JSON.stringify( {
							license_key: 'WPAB-'.repeat( 20000 ),
						} ),
					],
					[ 'a JSON list body', JSON.stringify( [ KEYS.valid ] ) ],
					[ 'a body that is not JSON', 'license_key=' ],
				];
				const hostileAnswers = await rest(
					hostile.map( ( [ , body ] ) => ( {
						method: 'POST',
						path: ACTIVATE,
						user: MANAGER,
						body,
					} ) )
				);
				hostile.forEach( ( [ name ], i ) => {
					const answer = hostileAnswers[ i ]!;
					t.check(
						`${ name } → 400 with a WP_Error code`,
						answer.status === 400 &&
							typeof answer.data.code === 'string' &&
							/^(cartbay_|rest_)/.test( answer.data.code ),
						answer
					);
				} );
				const refresh = await rest( [
					{
						method: 'GET',
						path: STATUS,
						user: MANAGER,
						query: { refresh: 'banana' },
					},
					{
						method: 'GET',
						path: STATUS,
						user: MANAGER,
						query: { refresh: [ 1, 2 ] },
					},
				] );
				t.equal(
					'refresh=banana and refresh[]= → 400 rest_invalid_param',
					refresh.map( ( a ) => [ a.status, a.data.code ] ),
					[
						[ 400, 'rest_invalid_param' ],
						[ 400, 'rest_invalid_param' ],
					]
				);
				t.equal(
					'nothing stored, no request sent',
					[ ( await storage() ).data, server.since( from ).length ],
					[ null, 0 ]
				);
			}
		);

		await t.group(
			'development host (127.0.0.1): Dev Mode without a request; the filter decides',
			async () => {
				await setOption( BYPASS_OPTION, null );
				const from = server.requests.length;
				const answer = await activate(
					`  ${ KEYS.valid.toLowerCase() }  `
				);
				t.equal(
					'a trimmed, lower-case key → 200 Dev Mode with the masked key',
					shape( answer ),
					[ 200, 'dev_mode', LABEL.dev_mode, masked( KEYS.valid ) ]
				);
				t.check(
					'masked like WPAB-************-********A4C1',
					answer.data.key === 'WPAB-************-********A4C1',
					answer.data.key
				);
				const stored = await storage();
				t.equal(
					'stored: the full key (upper case), dev_mode, cached status dev_mode',
					[ stored.data?.key, stored.data?.status, stored.valid ],
					[ KEYS.valid, 'dev_mode', 'dev_mode' ]
				);
				const refreshed = await status( true );
				t.equal( 'refresh=true stays Dev Mode', shape( refreshed ), [
					200,
					'dev_mode',
					LABEL.dev_mode,
					masked( KEYS.valid ),
				] );
				const offered = await updates( true );
				t.equal(
					'Dev Mode is offered no update (no activation on the server)',
					[ offered.response, offered.no_update ],
					[ null, null ]
				);
				t.equal(
					'no request reached the license server',
					server.since( from ),
					[]
				);
				t.equal(
					'the bypass filter was asked about the host of home_url()',
					await php< string >(
						`echo wp_json_encode( get_option( '${ BYPASS_OPTION }_host' ) ), "\\n";`
					),
					'127.0.0.1'
				);
				const hosts = await phpCall< Record< string, boolean > >(
					php,
					'cartbay_license_test_dev_hosts',
					[
						'localhost',
						'127.0.0.1',
						'[::1]',
						'shop.local',
						'Shop.Test',
						'shop.dev',
						'app.localhost',
						'staging.shop.com',
						'staging-shop.host.cloud',
						'shop.staging.host.com',
						'shop.local.',
						'shop.com',
						'localhost.shop.com',
						'mystaging.com',
						'shop.development.com',
						'shop.testing.com',
						'',
					]
				);
				t.equal(
					'development hosts by name (and nothing else)',
					Object.entries( hosts )
						.filter( ( [ , dev ] ) => dev )
						.map( ( [ host ] ) => host ),
					[
						'localhost',
						'127.0.0.1',
						'[::1]',
						'shop.local',
						'Shop.Test',
						'shop.dev',
						'app.localhost',
						'staging.shop.com',
						'staging-shop.host.cloud',
						'shop.staging.host.com',
						'shop.local.',
					]
				);
			}
		);

		await t.group(
			'activation against the license server (bypass filter off)',
			async () => {
				await setOption( BYPASS_OPTION, 'off' );
				await site.runPhpOrThrow(
					`set_site_transient( 'update_plugins', (object) array( 'last_checked' => time(), 'response' => array() ) );`
				);
				const from = server.requests.length;
				const answer = await activate( KEYS.valid );
				t.equal(
					'a valid key → 200 Active, masked key, term end (ISO 8601) and plan',
					[
						...shape( answer ),
						answer.data.expires_at,
						answer.data.plan,
					],
					[
						200,
						'active',
						LABEL.active,
						masked( KEYS.valid ),
						`${ VALID_UNTIL.replace( ' ', 'T' ) }Z`,
						PLAN,
					]
				);
				const sent = server.since( from );
				t.equal(
					'one POST /activate with license_key, slug and the host of home_url()',
					sent.map( ( r ) => [ r.method, r.path, r.body ] ),
					[
						[
							'POST',
							activationPath,
							{
								license_key: KEYS.valid,
								slug: plugin.slug,
								domain: '127.0.0.1',
							},
						],
					]
				);
				const stored = await storage();
				t.equal(
					'stored in cartbay_license_data, not autoloaded; cached status active; plugin update transient cleared',
					[
						stored.data?.key,
						stored.data?.status,
						stored.data?.domain,
						[ 'off', 'no' ].includes( stored.autoload ?? '' ),
						stored.valid,
						stored.update_plugins,
					],
					[ KEYS.valid, 'active', '127.0.0.1', true, 'active', false ]
				);

				const expired = await activate( KEYS.expired );
				t.equal(
					'an expired key → 200 Expired (stored, to be renewed)',
					[ ...shape( expired ), expired.data.expires_at ],
					[
						200,
						'expired',
						LABEL.expired,
						masked( KEYS.expired ),
						`${ EXPIRED_ON.replace( ' ', 'T' ) }Z`,
					]
				);
				await activate( KEYS.valid );
				const rejected = await rest( [
					{
						method: 'POST',
						path: ACTIVATE,
						user: MANAGER,
						body: JSON.stringify( { license_key: KEYS.invalid } ),
					},
					{
						method: 'POST',
						path: ACTIVATE,
						user: MANAGER,
						body: JSON.stringify( { license_key: KEYS.unknown } ),
					},
				] );
				t.equal(
					'a rejected or unknown key → 422 cartbay_license_invalid with the masked key',
					rejected.map( ( a ) => [
						a.status,
						a.data.code,
						a.data.data?.key,
					] ),
					[
						[
							422,
							'cartbay_license_invalid',
							masked( KEYS.invalid ),
						],
						[
							422,
							'cartbay_license_invalid',
							masked( KEYS.unknown ),
						],
					]
				);
				t.check(
					"the server's message, which echoes the key, is passed on with the key masked",
					( rejected[ 0 ]?.data.message ?? '' ).includes(
						masked( KEYS.invalid )
					) &&
						! ( rejected[ 0 ]?.data.message ?? '' ).includes(
							KEYS.invalid
						),
					rejected[ 0 ]?.data.message
				);
				const after = await status();
				t.equal(
					'a rejected key changes nothing: the valid key is still active',
					shape( after ),
					[ 200, 'active', LABEL.active, masked( KEYS.valid ) ]
				);
			}
		);

		await t.group(
			'status: stored state without a request; refresh checks with the server and follows it',
			async () => {
				let from = server.requests.length;
				const plain = await status();
				t.equal(
					'GET /license/status → stored state, no request',
					[ ...shape( plain ), server.since( from ).length ],
					[ 200, 'active', LABEL.active, masked( KEYS.valid ), 0 ]
				);
				from = server.requests.length;
				const fresh = await status( true );
				const sent = server.since( from );
				t.equal(
					'refresh=true → one GET /check with the key, slug and domain',
					[
						shape( fresh ),
						sent.map( ( r ) => [
							r.method,
							r.route,
							r.query.license_key,
							r.query.slug,
							r.query.domain,
						] ),
					],
					[
						[ 200, 'active', LABEL.active, masked( KEYS.valid ) ],
						[
							[
								'GET',
								'check',
								KEYS.valid,
								plugin.slug,
								'127.0.0.1',
							],
						],
					]
				);
				t.check(
					'checked_at is the time of that check (ISO 8601, UTC)',
					/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(
						String( fresh.data.checked_at )
					) &&
						Math.abs(
							Date.parse( String( fresh.data.checked_at ) ) -
								Date.now()
						) < 120_000,
					fresh.data.checked_at
				);
				server.setKey( KEYS.valid, 'expired' );
				const nowExpired = await status( true );
				server.setKey( KEYS.valid, 'invalid' );
				const nowInvalid = await status( true );
				server.setKey( KEYS.valid, 'valid' );
				from = server.requests.length;
				const again = await status( true );
				t.equal(
					'the server says expired → Expired; invalid → Invalid (key kept); valid again → activated again, Active',
					[
						shape( nowExpired ),
						shape( nowInvalid ),
						shape( again ),
						server.since( from ).map( ( r ) => r.route ),
					],
					[
						[ 200, 'expired', LABEL.expired, masked( KEYS.valid ) ],
						[ 200, 'invalid', LABEL.invalid, masked( KEYS.valid ) ],
						[ 200, 'active', LABEL.active, masked( KEYS.valid ) ],
						[ 'activate' ],
					]
				);

				from = server.requests.length;
				await site.runPhpOrThrow(
					`do_action( 'cartbay_check_license' );`
				);
				const cached = server.since( from ).length;
				await forgetCachedStatus();
				await site.runPhpOrThrow(
					`do_action( 'cartbay_check_license' );`
				);
				t.equal(
					'the daily job: nothing while the 12-hour status cache is fresh, one check once it is gone',
					[ cached, server.since( from ).map( ( r ) => r.route ) ],
					[ 0, [ 'check' ] ]
				);
			}
		);

		await t.group(
			'fail open: down, slow and garbage → Server Error within the timeout; the key stays',
			async () => {
				for ( const mode of [ 'down', 'slow', 'garbage' ] as const ) {
					await server.setMode( mode );
					const answer = await status( true );
					const limit = mode === 'slow' ? TIMEOUT_MS + 3000 : 3000;
					t.check(
						`${ mode }: refresh → 200 Server Error with a message, key kept, in ${ answer.ms } ms (< ${ limit })`,
						answer.status === 200 &&
							answer.data.status === 'server_error' &&
							answer.data.label === LABEL.server_error &&
							answer.data.key === masked( KEYS.valid ) &&
							typeof answer.data.message === 'string' &&
							answer.data.message !== '' &&
							answer.ms < limit &&
							( mode !== 'slow' ||
								answer.ms >= TIMEOUT_MS - 500 ),
						answer
					);
				}
				const garbageActivation = await activate( KEYS.valid );
				t.equal(
					'garbage: an activation is not an error either → 200 Server Error',
					shape( garbageActivation ),
					[
						200,
						'server_error',
						LABEL.server_error,
						masked( KEYS.valid ),
					]
				);
				await server.setMode( 'slow' );
				await forgetCachedStatus();
				const started = Date.now();
				await site.runPhpOrThrow(
					`do_action( 'cartbay_check_license' );`
				);
				const jobMs = Date.now() - started;
				const afterJob = await storage();
				t.check(
					`slow: the daily job ends within the timeout (${ jobMs } ms incl. PHP start) with server_error, key kept`,
					jobMs < TIMEOUT_MS + 4000 &&
						afterJob.data?.status === 'server_error' &&
						afterJob.data?.key === KEYS.valid,
					{ jobMs, status: afterJob.data?.status }
				);
				await server.setMode( 'normal' );
				await setOption(
					SERVER_OPTION,
					server.base.replace( '127.0.0.1', 'license.example.com' )
				);
				const from = server.requests.length;
				const insecure = await status( true );
				await setOption( SERVER_OPTION, server.base );
				t.check(
					'a plain-http license server URL on another host: the key is not sent, Server Error saying why',
					insecure.data.status === 'server_error' &&
						/https/.test( String( insecure.data.message ) ) &&
						server.since( from ).length === 0 &&
						/license server URL refused/.test(
							await fixtures.wcLogs()
						),
					insecure
				);
				const back = await status( true );
				t.equal(
					'server back → the next check makes it Active again',
					shape( back ),
					[ 200, 'active', LABEL.active, masked( KEYS.valid ) ]
				);

				server.resetLimits();
				const burst = await rest(
					Array.from( { length: 11 }, () => ( {
						method: 'POST',
						path: ACTIVATE,
						user: MANAGER,
						body: JSON.stringify( { license_key: KEYS.valid } ),
					} ) )
				);
				t.equal(
					'activation limit (10 per 60 s): the 11th gets 429 → Server Error ("busy"), not an error',
					burst.map( ( a ) => a.data.status ),
					[
						...Array< string >( 10 ).fill( 'active' ),
						'server_error',
					]
				);
				t.equal(
					'the server answered 429 with Retry-After',
					server.requests.at( -1 )?.status,
					429
				);
				server.resetLimits();
				await status( true ); // Activates again (the 11th attempt left the key unconfirmed).
				server.resetLimits();
				const checks = await rest(
					Array.from( { length: 61 }, () => ( {
						method: 'GET',
						path: STATUS,
						user: MANAGER,
						query: { refresh: true },
					} ) )
				);
				t.equal(
					'check limit (60 per 60 s): the 61st → Server Error',
					[
						checks
							.slice( 0, 60 )
							.every( ( a ) => a.data.status === 'active' ),
						checks.at( -1 )?.data.status,
					],
					[ true, 'server_error' ]
				);
				server.resetLimits();
				t.equal(
					'and the next check after the window is Active again',
					( await status( true ) ).data.status,
					'active'
				);
			}
		);

		await t.group(
			'no license request on shopper requests: capture, restore, checkout and an email send stay fast while the server hangs',
			async () => {
				await site.runPhpOrThrow(
					`delete_transient( '${ TRANSIENT.LICENSE_VALID }' ); delete_transient( '${ TRANSIENT.UPDATE_INFO }' );`
				);
				await server.setMode( 'slow' );
				const from = server.requests.length;
				const ids = await php< { mug: number; checkout: string } >(
					`echo wp_json_encode( array( 'mug' => wc_get_product_id_by_sku( 'CB-MUG' ), 'checkout' => wc_get_checkout_url() ) ), "\\n";`
				);
				const shopper = new HttpShopper( base );
				await shopper.get( `/?add-to-cart=${ ids.mug }` );
				let started = Date.now();
				const captured = await shopper.capture( {
					email: `license-shopper.${ process.pid }@example.test`,
					consent: true,
					source: 'classic',
				} );
				const captureMs = Date.now() - started;
				started = Date.now();
				const checkoutUrl = new URL( ids.checkout );
				const checkout = await shopper.get(
					`${ checkoutUrl.pathname }${ checkoutUrl.search }`
				);
				const checkoutMs = Date.now() - started;
				const fixture = await fixtures.session( {
					email: `license-restore.${ process.pid }@example.test`,
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				const restoreUrl = new URL(
					fixture.restore.replace( /&amp;/g, '&' )
				);
				started = Date.now();
				const restored = await new HttpShopper( base ).get(
					`${ restoreUrl.pathname }${ restoreUrl.search }`
				);
				const restoreMs = Date.now() - started;
				const sent = await php< { sent: boolean; ms: number } >( `
$started = microtime( true );
$sent    = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Email\\EmailSequenceService::class )->send_step( ${ phpString( fixture.session_id ) }, 1 );
echo wp_json_encode( array( 'sent' => $sent, 'ms' => (int) round( ( microtime( true ) - $started ) * 1000 ) ) ), "\\n";` );
				t.check(
					`capture 200 in ${ captureMs } ms, checkout 200 in ${ checkoutMs } ms, restore redirect in ${ restoreMs } ms, email sent in ${ sent.ms } ms (each < the ${ TIMEOUT_MS } ms license timeout)`,
					captured.status === 200 &&
						checkout.status === 200 &&
						restored.status === 302 &&
						sent.sent &&
						Math.max( captureMs, checkoutMs, restoreMs, sent.ms ) <
							TIMEOUT_MS,
					{
						capture: [ captured.status, captureMs ],
						checkout: [ checkout.status, checkoutMs ],
						restore: [ restored.status, restoreMs ],
						sent,
					}
				);
				t.equal(
					'the license server received no request from any of them',
					server.since( from ),
					[]
				);
				await server.setMode( 'normal' );
			}
		);

		await t.group(
			'private updates: the update check feeds WordPress, "View details" shows the readme, the package is the protected download',
			async () => {
				server.version = '9.0.0';
				let from = server.requests.length;
				const first = await updates( true );
				const checks = server.since( from );
				const packageUrl = `${ server.base }${ licenseServerRoutes.downloadPath }/${ plugin.slug }/${ masked( KEYS.valid ) }?host=127.0.0.1`;
				t.equal(
					"wp_update_plugins() → CartBay's update (9.0.0) with the download URL as package, key masked",
					[
						first.basename,
						first.response?.slug,
						first.response?.plugin,
						first.response?.new_version,
						first.response?.package,
						first.response?.tested,
						first.response?.requires_php,
						first.no_update,
					],
					[
						`${ plugin.slug }/${ plugin.slug }.php`,
						plugin.slug,
						`${ plugin.slug }/${ plugin.slug }.php`,
						'9.0.0',
						packageUrl,
						'6.8',
						'8.2',
						null,
					]
				);
				t.equal(
					'one GET /update-check/{slug}/{key}?host',
					checks.map( ( r ) => [
						r.route,
						r.path.endsWith( `/${ plugin.slug }/${ KEYS.valid }` ),
						r.query.host,
					] ),
					[ [ 'update-check', true, '127.0.0.1' ] ]
				);
				from = server.requests.length;
				const second = await updates( false );
				t.equal(
					'the answer is cached: the next update check asks the server nothing',
					[
						second.response?.new_version,
						server.since( from ).length,
					],
					[ '9.0.0', 0 ]
				);
				const details = await phpCall< {
					name?: string;
					version?: string;
					sections?: Record< string, string >;
					download_link?: string;
					error?: string;
				} >( php, 'cartbay_license_test_details' );
				t.check(
					'plugins_api( plugin_information ) → name, version, readme sections (script stripped), masked download link',
					details.name === plugin.name &&
						details.version === '9.0.0' &&
						details.sections?.description ===
							README_SECTIONS.description &&
						( details.sections?.changelog ?? '' ).includes(
							'Faster capture.'
						) &&
						! ( details.sections?.changelog ?? '' ).includes(
							'<script'
						) &&
						details.download_link === packageUrl,
					details
				);
				const download = await phpCall< {
					real: string;
					other_unchanged: boolean;
					zip_head: string;
				} >(
					php,
					'cartbay_license_test_package',
					packageUrl,
					KEYS.valid
				);
				t.equal(
					"an upgrade of CartBay downloads with the real key (a zip); another plugin's package is left alone",
					download,
					{
						real: packageUrl.replace(
							masked( KEYS.valid ),
							'{KEY}'
						),
						other_unchanged: true,
						zip_head: '504b0304',
					}
				);

				server.version = plugin.version;
				const same = await updates( true );
				t.equal(
					'the same version offered → no update, CartBay listed under no_update',
					[ same.response, same.no_update?.new_version ],
					[ null, plugin.version ]
				);
				server.version = '9.0.0';

				await server.setMode( 'garbage' );
				from = server.requests.length;
				const broken = await updates( true );
				const brokenAgain = await updates( false );
				await server.setMode( 'normal' );
				t.equal(
					'a garbage update check → no offer, no warning, and it is not asked again at once (failure cached)',
					[
						broken.response,
						brokenAgain.response,
						server.since( from ).length,
					],
					[ null, null, 1 ]
				);

				server.setKey( KEYS.valid, 'expired' );
				await status( true );
				from = server.requests.length;
				const expired = await updates( true );
				const asked = server.since( from ).length;
				server.setKey( KEYS.valid, 'valid' );
				await status( true );
				t.equal(
					'an expired license is offered nothing and asks nothing',
					[ expired.response, asked ],
					[ null, 0 ]
				);
				t.equal(
					'active again → offered again',
					( await updates( true ) ).response?.new_version,
					'9.0.0'
				);
			}
		);

		await t.group(
			'the full key is only in cartbay_license_data: not in another option, an answer or a log',
			async () => {
				const stored = await storage();
				t.equal(
					'options holding each key: only cartbay_license_data for the stored one, none for the others',
					stored.holders,
					{
						[ KEYS.valid ]: [ OPTION.LICENSE_DATA ],
						[ KEYS.expired ]: [],
						[ KEYS.invalid ]: [],
						[ KEYS.unknown ]: [],
					}
				);
				t.check(
					'the update transient and the update cache exist, with the key masked',
					stored.update_info && stored.update_plugins,
					stored
				);
				const logs = await fixtures.wcLogs();
				t.check(
					'the WooCommerce logs hold license warnings (masked key) and no full key',
					/CartBay license server/.test( logs ) &&
						ALL_KEYS.every( ( key ) => ! logs.includes( key ) ),
					logs
						.split( '\n' )
						.filter( ( l ) => /license/i.test( l ) )
						.slice( -5 )
				);
				const leaked = answers.filter( ( a ) =>
					ALL_KEYS.some( ( key ) =>
						JSON.stringify( a ).includes( key )
					)
				);
				t.equal(
					`none of the ${ answers.length } REST answers carries a full key`,
					leaked,
					[]
				);
				const debug = readDebugLog();
				t.check(
					'wp-debug.log: no full key, and no PHP notice or warning during this suite',
					ALL_KEYS.every( ( key ) => ! debug.includes( key ) ) &&
						! /PHP (Notice|Warning|Deprecated|Fatal)/i.test(
							debug.slice( debugLogAtStart )
						),
					debug.slice( debugLogAtStart ).slice( -2000 )
				);
			}
		);

		await t.group(
			'deactivate: key and caches removed; recovery keeps running',
			async () => {
				const from = server.requests.length;
				const answer = await one( {
					method: 'POST',
					path: DEACTIVATE,
					user: MANAGER,
					body: '{}',
				} );
				t.equal(
					'POST /license/deactivate → 200 Inactive, no key',
					[ ...shape( answer ), answer.data.expires_at ],
					[ 200, 'inactive', LABEL.inactive, null, null ]
				);
				const stored = await storage();
				t.equal(
					'option, cached status and update cache gone; the key is in no option',
					[
						stored.data,
						stored.valid,
						stored.update_info,
						stored.holders[ KEYS.valid ],
					],
					[ null, false, false, [] ]
				);
				const offered = await updates( true );
				t.equal(
					'no update offered, nothing asked',
					[ offered.response, server.since( from ).length ],
					[ null, 0 ]
				);
				const ids = await php< { mug: number } >(
					`echo wp_json_encode( array( 'mug' => wc_get_product_id_by_sku( 'CB-MUG' ) ) ), "\\n";`
				);
				const shopper = new HttpShopper( base );
				await shopper.get( `/?add-to-cart=${ ids.mug }` );
				const captured = await shopper.capture( {
					email: `license-after.${ process.pid }@example.test`,
					consent: true,
					source: 'classic',
				} );
				// Asked hook by hook: earlier suites leave more than a page of other pending actions.
				const jobs = await php< string[] >( `
$hooks = array();
foreach ( array( 'cartbay_detect_abandonment', 'cartbay_check_license' ) as $hook ) {
	if ( as_has_scheduled_action( $hook, null, '${ plugin.jobGroup }' ) ) {
		$hooks[] = $hook;
	}
}
echo wp_json_encode( $hooks ), "\\n";` );
				t.check(
					'capture still answers 200 and the recurring jobs (license check included) stay scheduled',
					captured.status === 200 &&
						jobs.includes( 'cartbay_detect_abandonment' ) &&
						jobs.includes( 'cartbay_check_license' ),
					{ captured, jobs }
				);
				const job = await site.runPhp(
					`echo wp_json_encode( \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\License\\LicenseClient::class )->refresh_status() ), "\\n";`
				);
				t.check(
					'the daily job without a key: inactive, no request',
					job.code === 0 &&
						job.stdout.trim().endsWith( '"inactive"' ) &&
						server.since( from ).length === 0,
					job
				);
			}
		);
	} finally {
		await server.close();
		await store.stop();
		removeMuPlugins();
		await site.runPhp(
			`delete_option( '${ SERVER_OPTION }' ); delete_option( '${ BYPASS_OPTION }' ); delete_option( '${ BYPASS_OPTION }_host' ); delete_option( '${ OPTION.LICENSE_DATA }' ); delete_transient( '${ TRANSIENT.LICENSE_VALID }' ); delete_transient( '${ TRANSIENT.UPDATE_INFO }' );`
		);
	}
}
