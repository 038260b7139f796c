/**
 * Agent access inside real WordPress + WooCommerce (issue 14): the authorization matrix generated from the
 * schema (every agent route × principals × gate settings → exactly the allow/deny the schema says, with
 * codes, each call in the audit log), Bearer tokens (hash-only storage, shown once, never WordPress
 * authentication elsewhere, rate-limited failures, no escalation, owner demotion), masking over sessions in
 * every state, the session actions and their preconditions, protected settings, the agent-gate capability on
 * the admin settings route, the read-only health check and the controlled send, and capabilities by role.
 *
 * On WordPress 6.9+ (a folder named by CARTBAY_WP_ABILITIES_DIR, or `$CACHE/wordpress-abilities`) the same
 * matrix runs over the Abilities REST API, the two workflows run through `wp-abilities/v1/…/run`, and — when
 * the WordPress MCP Adapter (CARTBAY_MCP_ADAPTER_DIR or `$CACHE/mcp-adapter`) and a wp-cli.phar
 * (CARTBAY_WP_CLI or `$CACHE/wp-cli.phar`) are there — its STDIO transport lists and runs the CartBay
 * abilities only while MCP exposure is on. Each missing part prints one `skipped:` line with the reason.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
	agentAccess,
	agentErrors,
	agentGates,
	agentOperations,
	agentProtectedSettings,
	agentRole,
	agentTokens,
	sessionActions,
	type AgentAccessKey,
	type AgentGateKey,
	type AgentOperationDef,
} from '../../plugin/schema/agent';
import { agentRoutes } from '../../plugin/schema/agent-routes';
import { captureLimits } from '../../plugin/schema';
import {
	cachePaths,
	createSite,
	freePort,
	startServer,
	type Site,
} from '../../tools/store';
import { opcacheArgs, runPhpProcess } from '../../tools/store/php';
import type { Checks } from '../support/checks';
import { debugLogProblems } from '../support/debug-log';
import { phpCall, phpJson, type PhpJson } from '../support/php';
import { META, OPTION, STATUS, TRANSIENT } from '../support/schema-names';
import {
	COMMON_TEST_HELPERS,
	RECOVERY_TEST_HELPERS,
	REAL_RATE_LIMIT,
	TRACE_HEADER,
	addresses,
	installMuPlugins,
	readTrace,
	recoveryFixtures,
} from '../support/store-fixtures';

const AGENT = '\\WPAnchorBay\\CartBay\\Agent';
const SERVICE = ( name: string ): string =>
	`\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( ${ AGENT }\\${ name }::class )`;

/** The agent suite's must-use plugin: users, tokens, gates, in-process REST calls and the matrix runner. */
export const AGENT_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay agent test helpers
 */

/** Opens or closes gates (gate key => bool); the others keep their value. */
function cartbay_test_agent_gates( array $gates ) {
	$map      = \WPAnchorBay\CartBay\Generated\AgentSchema::GATES;
	$settings = (array) get_option( '${ OPTION.SETTINGS }', array() );
	foreach ( $gates as $gate => $open ) {
		$settings[ $map[ $gate ] ] = (bool) $open;
	}
	update_option( '${ OPTION.SETTINGS }', $settings );
	return true;
}

/** The suite's users (created once): login => id. */
function cartbay_test_agent_users() {
	$ids = array();
	foreach ( array( 'cb_agent_subscriber' => 'subscriber', 'cb_agent_manager' => 'shop_manager', 'cb_agent_admin' => 'administrator', 'cb_agent_owner' => 'administrator' ) as $login => $role ) {
		$user = get_user_by( 'login', $login );
		$id   = $user ? $user->ID : wp_insert_user( array( 'user_login' => $login, 'user_pass' => wp_generate_password(), 'user_email' => $login . '@example.test', 'role' => $role ) );
		( new WP_User( $id ) )->set_role( $role );
		$ids[ $login ] = $id;
	}
	return $ids;
}

/** A token of $owner with $scopes; 'revoked' / 'expired' as $state make it so. Returns the raw token and its id. */
function cartbay_test_agent_token( $owner, array $scopes, $state = 'active', $label = 'test' ) {
	$tokens  = ${ SERVICE( 'AgentTokens' ) };
	$created = $tokens->create( \WPAnchorBay\CartBay\Agent\Principal::user( (int) $owner ), $label, $scopes, 30 );
	if ( is_wp_error( $created ) ) {
		return array( 'error' => $created->get_error_code() );
	}
	$id = $created['record']['public_id'];
	if ( 'revoked' === $state ) {
		$tokens->revoke( $id );
	}
	if ( 'expired' === $state ) {
		$records = get_option( '${ OPTION.AGENT_TOKENS }' );
		$records[ $id ]['expires_at'] = time() - 1;
		update_option( '${ OPTION.AGENT_TOKENS }', $records, false );
	}
	return array( 'token' => $created['token'], 'id' => $id );
}

/** One REST call in this process as $user (0: nobody), optionally with a Bearer token. */
function cartbay_test_agent_rest( $user, $method, $route, $query = array(), $body = null, $bearer = '' ) {
	wp_set_current_user( (int) $user );
	$request = new WP_REST_Request( $method, $route );
	if ( $query ) {
		$request->set_query_params( $query );
	}
	if ( null !== $body ) {
		$request->set_header( 'content-type', 'application/json' );
		$request->set_body( wp_json_encode( $body ) );
	}
	if ( '' !== $bearer ) {
		$request->set_header( 'authorization', 'Bearer ' . $bearer );
	}
	$response = rest_do_request( $request );
	$data     = rest_get_server()->response_to_data( $response, false );
	wp_set_current_user( 0 );
	return array(
		'status' => $response->get_status(),
		'code'   => is_array( $data ) && isset( $data['code'] ) && is_string( $data['code'] ) ? $data['code'] : null,
		'data'   => $data,
	);
}

/**
 * Every call × every principal (name => { user, bearer }): status and code of each, and the audit log the
 * run wrote. Tokens created by allowed calls are dropped afterwards (the token option is put back).
 */
function cartbay_test_agent_matrix( array $principals, array $calls ) {
	$tokens_before = get_option( '${ OPTION.AGENT_TOKENS }' );
	delete_option( '${ OPTION.AGENT_AUDIT_LOG }' );
	$results = array();
	foreach ( $calls as $i => $call ) {
		foreach ( $principals as $name => $who ) {
			$r = cartbay_test_agent_rest( $who['user'], $call['method'], $call['route'], $call['query'] ?? array(), $call['body'] ?? null, $who['bearer'] ?? '' );
			$results[ $i ][ $name ] = array( $r['status'], $r['code'] );
		}
	}
	update_option( '${ OPTION.AGENT_TOKENS }', $tokens_before, false );
	$audit = array_map(
		static fn ( $e ) => array( $e['principal'], $e['operation'], $e['decision'], $e['code'] ),
		(array) get_option( '${ OPTION.AGENT_AUDIT_LOG }', array() )
	);
	return array( 'results' => $results, 'audit' => $audit );
}

/** Appends $count audit entries as user:$worker, operation "burst", as fast as the log allows. */
function cartbay_test_agent_audit_burst( $worker, $count ) {
	$audit = new \WPAnchorBay\CartBay\Agent\AgentAudit();
	for ( $i = 0; $i < $count; $i++ ) {
		$audit->record( array( 'principal' => 'user:' . $worker, 'surface' => 'rest', 'operation' => 'burst', 'decision' => 'allow' ) );
	}
	return $count;
}

/** The audit log, oldest first. */
function cartbay_test_agent_audit() {
	return array_values( (array) get_option( '${ OPTION.AGENT_AUDIT_LOG }', array() ) );
}

/** Each role's cartbay_agent_* capabilities. */
function cartbay_test_agent_role_caps() {
	$caps = array();
	foreach ( array( 'administrator', 'shop_manager', 'subscriber', '${ agentRole.slug }' ) as $role ) {
		$object        = get_role( $role );
		$caps[ $role ] = $object ? array_values( array_filter( array_keys( array_filter( $object->capabilities ) ), static fn ( $cap ) => 0 === strpos( $cap, 'cartbay_agent_' ) ) ) : array();
		sort( $caps[ $role ] );
	}
	return $caps;
}

/** A regular (non-CartBay) processing order that carries a forged CartBay session id. */
function cartbay_test_agent_foreign_order( $session_id ) {
	$order = wc_create_order();
	$order->update_meta_data( '${ META.SESSION_ID }', $session_id );
	$order->set_status( 'processing' );
	$order->save();
	return $order->get_id();
}

/** A captured session (not abandoned yet) of $email. */
function cartbay_test_agent_captured( $email ) {
	$order = cartbay_test_new_session( $email, array( array( 'CB-EBOOK', 1 ) ) );
	$order->set_status( 'wc-${ STATUS.captured }' );
	$order->update_meta_data( '${ META.CAPTURED_AT }', time() - 60 );
	$order->update_meta_data( '${ META.LAST_ACTIVITY_AT }', time() - 60 );
	${ '\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Data\\SessionRepository::class )' }->save( $order );
	return array( 'id' => $order->get_id(), 'session_id' => (string) $order->get_meta( '${ META.SESSION_ID }' ) );
}

/** Marks a session recovered by a new paid order; returns that order's id. */
function cartbay_test_agent_recover( $order_id ) {
	$session = wc_get_order( $order_id );
	$paid    = wc_create_order();
	$paid->set_billing_email( 'paid.' . $order_id . '@example.test' );
	$paid->set_status( 'processing' );
	$paid->save();
	$session->update_meta_data( '${ META.RECOVERED_ORDER_ID }', $paid->get_id() );
	$session->set_status( 'wc-${ STATUS.recovered }' );
	$session->save();
	return $paid->get_id();
}
`;

type Principal = { user: number; bearer?: string };

/** A permission code of the schema (a denial); anything else means the call got past the decision. */
const DENIAL_CODES = new Set< string >(
	[
		'disabled',
		'surface_disabled',
		'unauthenticated',
		'token_invalid',
		'token_revoked',
		'token_expired',
		'forbidden',
		'scope_missing',
		'gate_closed',
	].map( ( k ) => agentErrors[ k as keyof typeof agentErrors ].code )
);

type GateState = Record< AgentGateKey, boolean >;

/** What a principal is, for the expected decision. */
interface PrincipalKind {
	kind: 'anonymous' | 'user' | 'token';
	/** Access kinds the user (or the token's owner) has by role. */
	capabilities: readonly AgentAccessKey[];
	/** Token scopes. */
	scopes?: readonly AgentAccessKey[];
	state?: 'active' | 'revoked' | 'expired' | 'invalid';
}

const ALL_ACCESS = agentAccess.map( ( a ) => a.key );
const SHOP_MANAGER_ACCESS = agentAccess
	.filter( ( a ) => a.shopManager )
	.map( ( a ) => a.key );

/**
 * The spec's decision, written from the schema independently of PermissionService: 'allow' or the code.
 * @param gates
 * @param who
 * @param access
 * @param surfaceGates
 */
function expectedDecision(
	gates: GateState,
	who: PrincipalKind,
	access: AgentAccessKey,
	surfaceGates: readonly AgentGateKey[]
): string {
	if ( ! gates.master ) {
		return agentErrors.disabled.code;
	}
	if ( surfaceGates.some( ( g ) => ! gates[ g ] ) ) {
		return agentErrors.surface_disabled.code;
	}
	if ( who.kind === 'anonymous' ) {
		return agentErrors.unauthenticated.code;
	}
	if ( who.state === 'invalid' ) {
		return agentErrors.token_invalid.code;
	}
	if ( who.state === 'revoked' ) {
		return agentErrors.token_revoked.code;
	}
	if ( who.state === 'expired' ) {
		return agentErrors.token_expired.code;
	}
	if ( who.scopes && ! who.scopes.includes( access ) ) {
		return agentErrors.scope_missing.code;
	}
	if ( ! who.capabilities.includes( access ) ) {
		return agentErrors.forbidden.code;
	}
	const gate = agentAccess.find( ( a ) => a.key === access )?.gate ?? null;
	if ( gate && ! gates[ gate ] ) {
		return agentErrors.gate_closed.code;
	}
	return 'allow';
}

/** The gate settings the matrix runs under. */
function gateConfigs(): { name: string; gates: GateState }[] {
	const closed: GateState = {
		master: false,
		rest: true,
		abilities: true,
		mcp: false,
		write: false,
		contact: false,
		sensitive: false,
		destructive: false,
	};
	const open = { ...closed, master: true };
	const all = {
		...open,
		write: true,
		contact: true,
		sensitive: true,
		destructive: true,
	};
	return [
		{ name: 'master gate off (defaults)', gates: closed },
		{
			name: 'master on, REST and Abilities off',
			gates: { ...open, rest: false, abilities: false },
		},
		{ name: 'master on, every access gate off', gates: open },
		{ name: 'master on, every access gate on', gates: all },
		...( [ 'write', 'contact', 'sensitive', 'destructive' ] as const ).map(
			( gate ) => ( {
				name: `every access gate on but ${ gate }`,
				gates: { ...all, [ gate ]: false },
			} )
		),
	];
}

/** One REST call of the matrix: the route, its method, the operation and input that reach the decision. */
interface MatrixCall {
	label: string;
	method: string;
	route: string;
	access: AgentAccessKey;
	query?: Record< string, unknown >;
	body?: unknown;
}

/**
 * Every agent endpoint of the schema, with an input that gets past validation and changes nothing that
 * matters when allowed (an unknown session, an empty update, an unknown token); each session action once.
 * @param unknownSession
 */
function restMatrixCalls( unknownSession: string ): MatrixCall[] {
	const calls: MatrixCall[] = [];
	for ( const route of agentRoutes ) {
		for ( const endpoint of route.endpoints ) {
			const op = agentOperations.find(
				( o ) =>
					typeof endpoint.permission === 'object' &&
					o.key === endpoint.permission.agent
			)!;
			const path = `/cartbay/v1${ route.path
				.replace( /\(\?P<id>[^)]*\)/, unknownSession )
				.replace( /\(\?P<public_id>[^)]*\)/, 'zzzzzzzzzzzz' ) }`;
			if ( op.access === 'action' ) {
				for ( const action of sessionActions ) {
					calls.push( {
						label: `POST ${ route.path } ${ action.key }`,
						method: endpoint.method,
						route: path,
						access: action.access,
						body: { action: action.key, step: 1 },
					} );
				}
				continue;
			}
			const body =
				op.key === 'create_token'
					? { label: 'matrix', scopes: [ 'read' ] }
					: endpoint.method === 'PATCH'
						? {}
						: undefined;
			calls.push( {
				label: `${ endpoint.method } ${ route.path }`,
				method: endpoint.method,
				route: path,
				access: op.access,
				body,
			} );
		}
	}
	return calls;
}

interface MatrixAnswer {
	results: Record< string, Record< string, [ number, string | null ] > >;
	audit: [ string, string, string, string ][];
}

/**
 * Where the optional parts come from: an environment variable, else a folder in the store cache.
 * @param env
 * @param cacheName
 */
function optionalPart( env: string, cacheName: string ): string {
	const named = process.env[ env ];
	if ( named ) {
		return resolve( named );
	}
	const cached = join( cachePaths().root, cacheName );
	return existsSync( cached ) ? cached : '';
}

export async function agentScenarios(
	t: Checks,
	site: Site,
	options: { abilitiesLayer: boolean }
): Promise< void > {
	const remove = installMuPlugins( site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-agent.php': AGENT_TEST_HELPERS,
	} );
	const php = phpJson( site );
	try {
		await restScenarios( t, site, php );
	} finally {
		// The suite's tokens, usage and audit entries go: later suites (uninstall) start without them.
		await php(
			`delete_option( '${ OPTION.AGENT_TOKENS }' ); delete_option( '${ OPTION.AGENT_TOKEN_USAGE }' ); delete_option( '${ OPTION.AGENT_AUDIT_LOG }' ); echo 1, "\\n";`
		);
		await phpCall( php, 'cartbay_test_agent_gates', {
			master: false,
			rest: true,
			abilities: true,
			mcp: false,
			write: false,
			contact: false,
			sensitive: false,
			destructive: false,
		} );
		remove();
	}
	if ( options.abilitiesLayer ) {
		await abilitiesLayer( t, site.config.hpos );
	}
}

async function restScenarios(
	t: Checks,
	site: Site,
	php: PhpJson
): Promise< void > {
	const users = await phpCall< Record< string, number > >(
		php,
		'cartbay_test_agent_users'
	);
	const admin = users.cb_agent_admin!;
	const owner = users.cb_agent_owner!;
	const email = addresses( 'agent-' );
	const fixtures = recoveryFixtures( php );
	const rest = (
		user: number,
		method: string,
		route: string,
		query: Record< string, unknown > = {},
		body: unknown = null,
		bearer = ''
	) =>
		phpCall< { status: number; code: string | null; data: any } >(
			php,
			'cartbay_test_agent_rest',
			user,
			method,
			`/cartbay/v1/agent${ route }`,
			query,
			body,
			bearer
		);
	const gates = ( g: Partial< GateState > ) =>
		phpCall( php, 'cartbay_test_agent_gates', g );
	const clearAuthFailures = () =>
		php(
			`global $wpdb; $wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '%${ TRANSIENT.RATE_LIMIT_PREFIX }${ agentTokens.rateLimitBucket }%'" ); echo 1, "\\n";`
		);

	await t.group(
		'without the Abilities API (WordPress before 6.9): nothing registered, nothing said',
		async () => {
			const state = await php< { api: boolean; version: string } >(
				`echo wp_json_encode( array( 'api' => function_exists( 'wp_register_ability' ), 'version' => get_bloginfo( 'version' ) ) ), "\\n";`
			);
			if ( state.api ) {
				t.check(
					'this store has the Abilities API: covered by the Abilities layer',
					true
				);
				return;
			}
			await gates( { master: true, rest: true, abilities: true } );
			const manifest = await rest( admin, 'GET', '/manifest' );
			await gates( { master: false } );
			t.equal(
				`WordPress ${ state.version }: the manifest says the Abilities API is absent`,
				[ manifest.status, manifest.data?.abilities_api ],
				[ 200, false ]
			);
		}
	);

	await t.group( 'capabilities by role (added on activation)', async () => {
		const caps = await phpCall< Record< string, string[] > >(
			php,
			'cartbay_test_agent_role_caps'
		);
		t.equal(
			'administrator: every agent capability; shop manager: read, write, contact; subscriber: none; the agent role: read',
			caps,
			{
				administrator: agentAccess.map( ( a ) => a.capability ).sort(),
				shop_manager: agentAccess
					.filter( ( a ) => a.shopManager )
					.map( ( a ) => a.capability )
					.sort(),
				subscriber: [],
				[ agentRole.slug ]: agentRole.access.map(
					( k ) =>
						agentAccess.find( ( a ) => a.key === k )!.capability
				),
			}
		);
	} );

	await t.group(
		'authorization matrix over the REST routes (from the schema)',
		async () => {
			const tokens: Record< string, { token: string; id: string } > = {};
			const principals: Record< string, Principal > = {
				anonymous: { user: 0 },
				subscriber: { user: users.cb_agent_subscriber! },
				shop_manager: { user: users.cb_agent_manager! },
				administrator: { user: admin },
			};
			const kinds: Record< string, PrincipalKind > = {
				anonymous: { kind: 'anonymous', capabilities: [] },
				subscriber: { kind: 'user', capabilities: [] },
				shop_manager: {
					kind: 'user',
					capabilities: SHOP_MANAGER_ACCESS,
				},
				administrator: { kind: 'user', capabilities: ALL_ACCESS },
			};
			const specs: [
				string,
				AgentAccessKey[],
				'active' | 'revoked' | 'expired',
			][] = [
				...ALL_ACCESS.map(
					( s ): [ string, AgentAccessKey[], 'active' ] => [
						`token_${ s }`,
						[ s ],
						'active',
					]
				),
				[ 'token_all', [ ...ALL_ACCESS ], 'active' ],
				[ 'token_revoked', [ ...ALL_ACCESS ], 'revoked' ],
				[ 'token_expired', [ ...ALL_ACCESS ], 'expired' ],
			];
			for ( const [ name, scopes, state ] of specs ) {
				tokens[ name ] = await phpCall(
					php,
					'cartbay_test_agent_token',
					owner,
					scopes,
					state,
					name
				);
				principals[ name ] = { user: 0, bearer: tokens[ name ]!.token };
				kinds[ name ] = {
					kind: 'token',
					capabilities: ALL_ACCESS,
					scopes,
					state,
				};
			}
			// A signed-in administrator who also sends a bad Bearer token is refused: no fallback to the cookie user.
			principals.admin_with_bad_token = {
				user: admin,
				bearer: `cartbay_${ 'a'.repeat( 12 ) }_${ 'b'.repeat( 40 ) }`,
			};
			kinds.admin_with_bad_token = {
				kind: 'token',
				capabilities: ALL_ACCESS,
				state: 'invalid',
			};

			const calls = restMatrixCalls( 'Z'.repeat( 32 ) );
			for ( const config of gateConfigs() ) {
				await gates( config.gates );
				const answer = await phpCall< MatrixAnswer >(
					php,
					'cartbay_test_agent_matrix',
					principals,
					calls
				);
				const expectedAudit: [ string, string, string ][] = [];
				calls.forEach( ( call, i ) => {
					const actual: Record< string, string > = {};
					const expected: Record< string, string > = {};
					for ( const name of Object.keys( principals ) ) {
						const [ got, code ] = answer.results[ i ]![ name ]!;
						actual[ name ] =
							code !== null && DENIAL_CODES.has( code )
								? `${ code } ${ got }`
								: 'allow';
						const decision = expectedDecision(
							config.gates,
							kinds[ name ]!,
							call.access,
							[ 'rest' ]
						);
						const status =
							decision === 'allow'
								? ''
								: Object.values( agentErrors ).find(
										( e ) => e.code === decision
									)!.status;
						expected[ name ] =
							decision === 'allow'
								? 'allow'
								: `${ decision } ${ status }`;
						expectedAudit.push( [
							name,
							call.label,
							decision === 'allow' ? 'allow' : 'deny',
						] );
					}
					t.equal(
						`${ config.name }: ${ call.label }`,
						actual,
						expected
					);
				} );
				t.equal(
					`${ config.name }: one audit entry per call, in order, with its decision`,
					answer.audit.map( ( e ) => e[ 2 ] ),
					expectedAudit.map( ( e ) => e[ 2 ] )
				);
				t.check(
					`${ config.name }: denials are audited with the code the caller got`,
					answer.audit.every(
						( e ) =>
							e[ 2 ] === 'allow' || DENIAL_CODES.has( e[ 3 ] )
					),
					answer.audit
						.filter(
							( e ) =>
								e[ 2 ] === 'deny' &&
								! DENIAL_CODES.has( e[ 3 ] )
						)
						.slice( 0, 5 )
				);
			}
		}
	);

	// From here on: everything open, calls as the administrator unless said otherwise.
	await gates( {
		master: true,
		rest: true,
		write: true,
		contact: true,
		sensitive: true,
		destructive: true,
	} );

	await t.group(
		'Bearer tokens: hash-only, shown once, scoped, only on agent routes',
		async () => {
			const created = await rest(
				admin,
				'POST',
				'/tokens',
				{},
				{
					label: 'ci <b>bot</b>',
					scopes: [ 'read', 'contact' ],
					expires_in_days: 7,
				}
			);
			const token = String( created.data?.token ?? '' );
			const id = String( created.data?.record?.public_id ?? '' );
			t.check(
				'POST /agent/tokens: 201 with the token, once',
				created.status === 201 &&
					/^cartbay_[a-z0-9]{12}_[A-Za-z0-9]{40}$/.test( token ),
				created
			);
			const stored = await php< {
				raw: string;
				hash: boolean;
				label: string;
			} >(
				`$r = get_option( '${ OPTION.AGENT_TOKENS }' ); echo wp_json_encode( array( 'raw' => serialize( $r ), 'hash' => isset( $r['${ id }']['hash'] ) && hash( 'sha256', substr( '${ token }', -40 ) ) === $r['${ id }']['hash'], 'label' => $r['${ id }']['label'] ?? '' ) ), "\\n";`
			);
			t.check(
				'only the SHA-256 of the secret is stored; the label is sanitized',
				! stored.raw.includes( token.slice( -40 ) ) &&
					stored.hash &&
					stored.label === 'ci bot',
				{ hash: stored.hash, label: stored.label }
			);
			const list = await rest( admin, 'GET', '/tokens' );
			t.check(
				'GET /agent/tokens lists the record without secret or hash',
				list.status === 200 &&
					JSON.stringify( list.data ).includes( id ) &&
					! JSON.stringify( list.data ).includes(
						token.slice( -40 )
					) &&
					! JSON.stringify( list.data ).includes( '"hash"' ),
				list.data
			);
			const manifest = await rest(
				0,
				'GET',
				'/manifest',
				{},
				null,
				token
			);
			t.equal(
				'the token reads the manifest as itself, with its scopes',
				[
					manifest.status,
					manifest.data?.principal,
					manifest.data?.granted,
				],
				[ 200, { type: 'token', id }, [ 'read', 'contact' ] ]
			);
			const audit = await phpCall<
				{ principal: string; operation: string }[]
			>( php, 'cartbay_test_agent_audit' );
			t.check(
				'the audit log names the token by its public id, never the secret',
				audit.some( ( e ) => e.principal === `token:${ id }` ) &&
					! JSON.stringify( audit ).includes( token.slice( -40 ) ),
				audit.slice( -2 )
			);

			// No escalation: a token cannot mint tokens (one that outlives its revocation), and a user cannot give a
			// token access the user lacks.
			const minter = await phpCall< { token: string } >(
				php,
				'cartbay_test_agent_token',
				owner,
				[ 'manage_tokens', 'read' ]
			);
			const escalate = await rest(
				0,
				'POST',
				'/tokens',
				{},
				{ label: 'x', scopes: [ 'read', 'destructive' ] },
				minter.token
			);
			t.equal(
				'a token (even with manage_tokens) cannot create tokens',
				[ escalate.status, escalate.code ],
				[ 403, agentErrors.token_cannot_mint.code ]
			);
			const limitedUser = await php< number >(
				`$id = wp_insert_user( array( 'user_login' => 'cb_agent_minter', 'user_pass' => wp_generate_password(), 'user_email' => 'minter@example.test', 'role' => 'subscriber' ) ); $u = new WP_User( $id ); $u->add_cap( 'cartbay_agent_manage_tokens' ); $u->add_cap( 'cartbay_agent_read' ); echo wp_json_encode( $id ), "\\n";`
			);
			const beyond = await rest(
				limitedUser,
				'POST',
				'/tokens',
				{},
				{ label: 'x', scopes: [ 'read', 'destructive' ] }
			);
			const within = await rest(
				limitedUser,
				'POST',
				'/tokens',
				{},
				{ label: 'x', scopes: [ 'read' ] }
			);
			t.equal(
				'a user cannot create a token with access the user lacks; within it, the token records who made it',
				[
					beyond.status,
					beyond.code,
					within.status,
					within.data?.record?.created_by,
				],
				[
					403,
					agentErrors.token_scope_exceeds.code,
					201,
					`user:${ limitedUser }`,
				]
			);
			const manager = await rest(
				users.cb_agent_manager!,
				'POST',
				'/tokens',
				{},
				{ label: 'x', scopes: [ 'read' ] }
			);
			t.equal(
				'a shop manager (no manage_tokens) cannot create tokens',
				[ manager.status, manager.code ],
				[ 403, agentErrors.forbidden.code ]
			);

			// The owner loses the capability: the token loses it at once.
			const ownerToken = await phpCall< { token: string } >(
				php,
				'cartbay_test_agent_token',
				owner,
				[ 'read' ]
			);
			await php(
				`( new WP_User( ${ owner } ) )->set_role( 'subscriber' ); echo 1, "\\n";`
			);
			const demoted = await rest(
				0,
				'GET',
				'/manifest',
				{},
				null,
				ownerToken.token
			);
			await php(
				`( new WP_User( ${ owner } ) )->set_role( 'administrator' ); echo 1, "\\n";`
			);
			t.equal(
				'a token whose owner lost the capability is refused',
				[ demoted.status, demoted.code ],
				[ 403, agentErrors.forbidden.code ]
			);

			const revoked = await rest( admin, 'DELETE', `/tokens/${ id }` );
			const after = await rest( 0, 'GET', '/manifest', {}, null, token );
			t.equal(
				'DELETE /agent/tokens/{id} revokes at once',
				[ revoked.status, revoked.data?.status, after.code ],
				[ 200, 'revoked', agentErrors.token_revoked.code ]
			);

			// Over HTTP: the token works on an agent route and is nobody anywhere else.
			const good = await phpCall< { token: string } >(
				php,
				'cartbay_test_agent_token',
				owner,
				[ 'read' ]
			);
			const server = await startServer( site, await freePort() );
			try {
				const base = server.url.replace( /\/$/, '' );
				const get = (
					path: string,
					headers: Record< string, string > = {}
				) =>
					fetch(
						`${ base }/?rest_route=${ encodeURIComponent( path ) }`,
						{ headers }
					);
				const agentAnswer = await get( '/cartbay/v1/agent/manifest', {
					Authorization: `Bearer ${ good.token }`,
				} );
				t.equal(
					'over HTTP: the Bearer token reads /agent/manifest',
					agentAnswer.status,
					200
				);
				for ( const path of [
					'/wp/v2/users/me',
					'/wc/v3/orders',
					'/cartbay/v1/settings',
					'/cartbay/v1/sessions',
				] ) {
					const answer = await get( path, {
						Authorization: `Bearer ${ good.token }`,
					} );
					t.equal(
						`over HTTP: the token is no login on ${ path }`,
						answer.status,
						401
					);
				}
				// Failed Bearer checks are rate limited per IP before any token lookup (the in-process matrix
				// counted its bad tokens in the same bucket: start from an empty one).
				await clearAuthFailures();
				const bad = `cartbay_${ 'q'.repeat( 12 ) }_${ 'w'.repeat( 40 ) }`;
				const statuses: number[] = [];
				for ( let i = 0; i < 12; i++ ) {
					statuses.push(
						(
							await get( '/cartbay/v1/agent/manifest', {
								Authorization: `Bearer ${ bad }`,
								...REAL_RATE_LIMIT,
							} )
						).status
					);
				}
				const trace = `agent${ process.pid }`;
				const limited = await get( '/cartbay/v1/agent/manifest', {
					Authorization: `Bearer ${ good.token }`,
					...REAL_RATE_LIMIT,
					[ TRACE_HEADER ]: trace,
				} );
				const queries = await readTrace( site, trace );
				// Anonymous refusals count in the same bucket and stop being written once it is full: nobody
				// can flush the audit log's real entries from outside.
				await clearAuthFailures();
				const auditBefore = (
					await phpCall< unknown[] >(
						php,
						'cartbay_test_agent_audit'
					)
				).length;
				const anonymous: number[] = [];
				for (
					let i = 0;
					i < 3 * captureLimits.rateLimitRequests;
					i++
				) {
					anonymous.push(
						(
							await get( '/cartbay/v1/agent/manifest', {
								...REAL_RATE_LIMIT,
							} )
						).status
					);
				}
				const written =
					(
						await phpCall< unknown[] >(
							php,
							'cartbay_test_agent_audit'
						)
					).length - auditBefore;
				t.check(
					'anonymous refusals: 401 until the limit, then 429 and no longer audited',
					anonymous[ 0 ] === 401 &&
						anonymous.includes( 429 ) &&
						written <= captureLimits.rateLimitRequests + 1,
					{ anonymous, written }
				);
				t.check(
					'bad tokens: 401 until the limit, then 429 (a good token too) without reading the tokens',
					statuses[ 0 ] === 401 &&
						statuses.includes( 429 ) &&
						limited.status === 429 &&
						! queries.some( ( q ) =>
							q.includes( OPTION.AGENT_TOKENS )
						),
					{
						statuses,
						limited: limited.status,
						queries: queries.filter( ( q ) =>
							q.includes( 'agent' )
						),
					}
				);
			} finally {
				await server.stop();
				await clearAuthFailures();
			}
		}
	);

	await t.group(
		'parallel agent calls: every call keeps its audit line',
		async () => {
			await php(
				`delete_option( '${ OPTION.AGENT_AUDIT_LOG }' ); echo 1, "\\n";`
			);
			const workers = [ 1, 2, 3, 4 ];
			const perWorker = 100;
			// Four PHP processes append at once, as four agent requests finishing together would.
			await Promise.all(
				workers.map( ( worker ) =>
					phpCall(
						php,
						'cartbay_test_agent_audit_burst',
						worker,
						perWorker
					)
				)
			);
			const audit = await phpCall<
				{ principal: string; operation: string }[]
			>( php, 'cartbay_test_agent_audit' );
			const counts = workers.map(
				( worker ) =>
					audit.filter(
						( e ) =>
							e.operation === 'burst' &&
							e.principal === `user:${ worker }`
					).length
			);
			t.equal(
				`${ workers.length } processes × ${ perWorker } appends at once: all ${ workers.length * perWorker } entries kept, none lost to another's write`,
				counts,
				workers.map( () => perWorker )
			);
			const lock = await php< { held: number } >(
				`global $wpdb; echo wp_json_encode( array( 'held' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name = %s", 'cartbay_lock_' . md5( 'agent_audit_log' ) ) ) ) ), "\\n";`
			);
			t.equal( 'the audit lock row is gone afterwards', lock.held, 0 );
		}
	);

	await t.group( 'masking over sessions in every state', async () => {
		const mail = Object.fromEntries(
			[
				'abandoned',
				'captured',
				'recovered',
				'expired',
				'suppressed',
			].map( ( k ) => [ k, email( `masked-${ k }` ) ] )
		) as Record< string, string >;
		const abandoned = await fixtures.session( {
			email: mail.abandoned!,
			items: [ [ 'CB-EBOOK', 1 ] ],
			coupon: true,
		} );
		const captured = await phpCall< { id: number; session_id: string } >(
			php,
			'cartbay_test_agent_captured',
			mail.captured!
		);
		const recovered = await fixtures.session( {
			email: mail.recovered!,
			items: [ [ 'CB-MUG', 2 ] ],
			coupon: true,
		} );
		const expired = await fixtures.session( {
			email: mail.expired!,
			items: [ [ 'CB-EBOOK', 1 ] ],
			status: `wc-${ STATUS.expired }`,
		} );
		const suppressed = await fixtures.session( {
			email: mail.suppressed!,
			items: [ [ 'CB-EBOOK', 1 ] ],
			status: `wc-${ STATUS.suppressed }`,
		} );
		await phpCall( php, 'cartbay_test_agent_recover', recovered.id );
		const all = [
			{ ...abandoned, email: mail.abandoned! },
			{ ...captured, email: mail.captured!, coupon: '' },
			{ ...recovered, email: mail.recovered! },
			{ ...expired, email: mail.expired! },
			{ ...suppressed, email: mail.suppressed! },
		];
		const readToken = (
			await phpCall< { token: string } >(
				php,
				'cartbay_test_agent_token',
				owner,
				[ 'read' ]
			)
		).token;
		const sensitiveToken = (
			await phpCall< { token: string } >(
				php,
				'cartbay_test_agent_token',
				owner,
				[ 'read', 'sensitive' ]
			)
		).token;
		const leaks = (
			json: string,
			s: ( typeof all )[ number ]
		): string[] => {
			const found: string[] = [];
			if ( json.includes( s.email ) ) {
				found.push( 'email' );
			}
			if (
				s.coupon &&
				json.toLowerCase().includes( s.coupon.toLowerCase() )
			) {
				found.push( 'coupon code' );
			}
			for ( const key of [
				'"order_id"',
				'"recovered_order_id"',
				'"order"',
				'"cart"',
				'"items"',
				'"recipient"',
				'"last_error"',
				'"data"',
			] ) {
				if ( json.includes( key ) ) {
					found.push( key );
				}
			}
			if ( json.includes( 'CartBay Test' ) ) {
				found.push( 'cart line' );
			}
			return found;
		};
		const masked: Record< string, string[] > = {};
		const unmasked: Record< string, boolean > = {};
		for ( const s of all ) {
			const views = [
				await rest(
					0,
					'GET',
					`/sessions/${ s.session_id }`,
					{},
					null,
					readToken
				),
				await rest(
					0,
					'GET',
					'/sessions',
					{ search: s.session_id },
					null,
					readToken
				),
				await rest(
					users.cb_agent_manager!,
					'GET',
					`/sessions/${ s.session_id }`
				),
			];
			// The sensitive gate closed: even a sensitive token and an administrator see it masked.
			await gates( { sensitive: false } );
			views.push(
				await rest(
					0,
					'GET',
					`/sessions/${ s.session_id }`,
					{},
					null,
					sensitiveToken
				)
			);
			views.push(
				await rest( admin, 'GET', `/sessions/${ s.session_id }` )
			);
			await gates( { sensitive: true } );
			masked[ s.session_id ] = views.flatMap( ( v, i ) =>
				v.status === 200
					? leaks( JSON.stringify( v.data ), s ).map(
							( l ) => `view ${ i }: ${ l }`
						)
					: [ `view ${ i }: status ${ v.status }` ]
			);
			const open = await rest(
				0,
				'GET',
				`/sessions/${ s.session_id }`,
				{},
				null,
				sensitiveToken
			);
			unmasked[ s.session_id ] =
				open.status === 200 &&
				open.data?.email === s.email &&
				open.data?.masked === false;
		}
		t.equal(
			'no raw email, coupon code, cart, order id or mailer error without sensitive access and gate',
			masked,
			Object.fromEntries( all.map( ( s ) => [ s.session_id, [] ] ) )
		);
		t.equal(
			'sensitive access + gate: the raw email and details',
			unmasked,
			Object.fromEntries( all.map( ( s ) => [ s.session_id, true ] ) )
		);
		const first = await rest(
			0,
			'GET',
			`/sessions/${ abandoned.session_id }`,
			{},
			null,
			readToken
		);
		t.equal(
			'the masked email keeps the first character and the domain',
			first.data?.email,
			`${ mail.abandoned![ 0 ] }***@example.test`
		);
		const byEmail = await rest(
			0,
			'GET',
			'/sessions',
			{ search: mail.abandoned! },
			null,
			readToken
		);
		t.check(
			'a masked caller cannot search by email (no lookup oracle)',
			byEmail.status === 200 &&
				( byEmail.data?.sessions ?? [] ).every(
					( r: { email: string } ) => r.email !== mail.abandoned!
				) &&
				byEmail.data?.masked === true,
			byEmail.data
		);
		const audit = await phpCall<
			{ operation: string; pii: boolean; principal: string }[]
		>( php, 'cartbay_test_agent_audit' );
		t.check(
			'the audit log marks the unmasked reads (pii) and only them',
			audit.some( ( e ) => e.pii ) &&
				audit
					.filter( ( e ) => e.pii )
					.every(
						( e ) =>
							e.operation === 'get_session' ||
							e.operation === 'list_sessions'
					),
			audit.filter( ( e ) => e.pii ).slice( 0, 3 )
		);
	} );

	await t.group( 'session actions and their preconditions', async () => {
		const act = (
			sessionId: string,
			action: string,
			extra: Record< string, unknown > = {}
		) =>
			rest(
				admin,
				'POST',
				`/sessions/${ sessionId }/actions`,
				{},
				{ action, ...extra }
			);
		const mails = () =>
			php< number >(
				`echo count( file( '${ site.paths.mailFile }', FILE_SKIP_EMPTY_LINES ) ), "\\n";`
			);

		const captured = await phpCall< { id: number; session_id: string } >(
			php,
			'cartbay_test_agent_captured',
			email( 'act-captured' )
		);
		const notYet = await act( captured.session_id, 'send_email_step_now', {
			step: 1,
		} );
		t.equal(
			'send_email_step_now on a captured session: 409 not_abandoned',
			[ notYet.status, notYet.data?.data?.reason ],
			[ 409, 'not_abandoned' ]
		);
		const marked = await act( captured.session_id, 'mark_abandoned_now' );
		const state = await fixtures.state( captured.id );
		t.check(
			'mark_abandoned_now: abandoned, recovery emails queued, agent event',
			marked.status === 200 &&
				state?.status === STATUS.abandoned &&
				( state?.pending_sends ?? 0 ) >= 1 &&
				state!.events.includes( 'agent_action' ),
			{ marked: marked.data, state }
		);
		const again = await act( captured.session_id, 'mark_abandoned_now' );
		t.equal(
			'mark_abandoned_now twice: 409 not_captured',
			[ again.status, again.data?.data?.reason ],
			[ 409, 'not_captured' ]
		);

		const before = await mails();
		const sent = await act( captured.session_id, 'send_email_step_now', {
			step: 1,
		} );
		const twice = await act( captured.session_id, 'send_email_step_now', {
			step: 1,
		} );
		const resent = await act( captured.session_id, 'send_email_step_now', {
			step: 1,
			resend: true,
		} );
		const unknown = await act( captured.session_id, 'send_email_step_now', {
			step: 9,
		} );
		t.equal(
			'send_email_step_now: sends once; again 409 step_already_sent; resend: true sends again; step 9 409 step_unknown',
			[
				sent.status,
				twice.data?.data?.reason,
				resent.status,
				unknown.data?.data?.reason,
				( await mails() ) - before,
			],
			[ 200, 'step_already_sent', 200, 'step_unknown', 2 ]
		);

		const canceled = await act(
			captured.session_id,
			'cancel_pending_emails'
		);
		const afterCancel = await fixtures.state( captured.id );
		t.check(
			'cancel_pending_emails: every pending email canceled (reason agent), no send job left',
			canceled.status === 200 &&
				canceled.data?.canceled >= 1 &&
				afterCancel!.pending_sends === 0 &&
				afterCancel!.notifications.every(
					( n ) =>
						! [ 'queued', 'retry_queued', 'attempted' ].includes(
							n.status
						)
				),
			{
				canceled: canceled.data,
				notifications: afterCancel?.notifications,
			}
		);

		const suppressedEmail = email( 'act-suppressed' );
		const suppressed = await fixtures.session( {
			email: suppressedEmail,
			items: [ [ 'CB-EBOOK', 1 ] ],
		} );
		await php(
			`${ '\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Suppression\\SuppressionList::class )' }->suppress( '${ suppressedEmail }' ); echo 1, "\\n";`
		);
		const toSuppressed = await act(
			suppressed.session_id,
			'send_email_step_now',
			{ step: 1 }
		);
		const recovered = await fixtures.session( {
			email: email( 'act-recovered' ),
			items: [ [ 'CB-EBOOK', 1 ] ],
		} );
		await phpCall( php, 'cartbay_test_agent_recover', recovered.id );
		const toRecovered = await act(
			recovered.session_id,
			'send_email_step_now',
			{ step: 1 }
		);
		t.equal(
			'send_email_step_now refuses a suppressed and a recovered session',
			[ toSuppressed.data?.data?.reason, toRecovered.data?.data?.reason ],
			[ 'suppressed', 'recovered' ]
		);

		const expiring = await fixtures.session( {
			email: email( 'act-expire' ),
			items: [ [ 'CB-EBOOK', 1 ] ],
		} );
		const expired = await act( expiring.session_id, 'expire_session' );
		const expiredState = await fixtures.state( expiring.id );
		const reExpire = await act( expiring.session_id, 'expire_session' );
		const expireRecovered = await act(
			recovered.session_id,
			'expire_session'
		);
		t.check(
			'expire_session: expired, pending canceled, no send job; twice 409 already_expired; a recovered session 409',
			expired.status === 200 &&
				expiredState?.status === STATUS.expired &&
				expiredState.pending_sends === 0 &&
				reExpire.data?.data?.reason === 'already_expired' &&
				expireRecovered.data?.data?.reason === 'recovered',
			{
				expired: expired.data,
				expiredState,
				reExpire: reExpire.data,
				expireRecovered: expireRecovered.data,
			}
		);

		const deleting = await fixtures.session( {
			email: email( 'act-delete' ),
			items: [ [ 'CB-EBOOK', 1 ] ],
			coupon: true,
		} );
		const deleted = await act( deleting.session_id, 'delete_session' );
		t.check(
			'delete_session: the session is gone',
			deleted.status === 200 &&
				( await fixtures.state( deleting.id ) ) === null,
			deleted.data
		);
		const forged = 'F'.repeat( 32 );
		const foreign = await phpCall< number >(
			php,
			'cartbay_test_agent_foreign_order',
			forged
		);
		const refuse = await act( forged, 'delete_session' );
		const still = await php< string | null >(
			`$o = wc_get_order( ${ foreign } ); echo wp_json_encode( $o ? $o->get_status() : null ), "\\n";`
		);
		t.equal(
			'delete_session never reaches another order (a forged session id): 404, order kept',
			[ refuse.status, refuse.code, still ],
			[ 404, agentErrors.session_not_found.code, 'processing' ]
		);
		// The session is the one in the path: a body id cannot redirect the action (or its audit entry).
		const pathSession = await fixtures.session( {
			email: email( 'act-path' ),
			items: [ [ 'CB-EBOOK', 1 ] ],
		} );
		const bodySession = await fixtures.session( {
			email: email( 'act-body' ),
			items: [ [ 'CB-EBOOK', 1 ] ],
		} );
		const redirected = await rest(
			admin,
			'POST',
			`/sessions/${ pathSession.session_id }/actions`,
			{},
			{ action: 'expire_session', id: bodySession.session_id }
		);
		t.equal(
			'a body id cannot redirect an action: the path session is expired, the other untouched',
			[
				redirected.status,
				redirected.data?.session_id,
				( await fixtures.state( pathSession.id ) )?.status,
				( await fixtures.state( bodySession.id ) )?.status,
			],
			[ 200, pathSession.session_id, STATUS.expired, STATUS.abandoned ]
		);
	} );

	await t.group(
		'settings and campaign: safe fields only; agent gates need manage_access',
		async () => {
			for ( const key of agentProtectedSettings ) {
				const answer = await rest(
					admin,
					'PATCH',
					'/settings',
					{},
					{
						[ key ]: key.startsWith( 'agent_' ) ? false : 5,
						logging_enabled: false,
					}
				);
				t.equal(
					`PATCH /agent/settings with ${ key }: 403, nothing changed`,
					[ answer.status, answer.code ],
					[ 403, agentErrors.setting_protected.code ]
				);
			}
			const logging = await php< boolean >(
				`echo wp_json_encode( get_option( '${ OPTION.SETTINGS }' )['logging_enabled'] ?? null ), "\\n";`
			);
			t.equal( 'the refused requests changed nothing', logging, true );
			const safe = await rest(
				admin,
				'PATCH',
				'/settings',
				{},
				{ abandonment_timeout: 99999 }
			);
			t.check(
				'a safe setting is saved normalized (clamped)',
				safe.status === 200 &&
					typeof safe.data?.abandonment_timeout === 'number' &&
					safe.data.abandonment_timeout < 99999,
				safe.data
			);
			await rest(
				admin,
				'PATCH',
				'/settings',
				{},
				{ abandonment_timeout: 60 }
			);
			const campaign = await rest(
				admin,
				'PATCH',
				'/campaign',
				{},
				{ enabled: true }
			);
			t.equal(
				'PATCH /agent/campaign saves',
				[ campaign.status, campaign.data?.enabled ],
				[ 200, true ]
			);

			const asManager = await phpCall< {
				status: number;
				code: string | null;
			} >(
				php,
				'cartbay_test_agent_rest',
				users.cb_agent_manager!,
				'PATCH',
				'/cartbay/v1/settings',
				{},
				{ [ agentGates.sensitive ]: false }
			);
			const asManagerSafe = await phpCall< { status: number } >(
				php,
				'cartbay_test_agent_rest',
				users.cb_agent_manager!,
				'PATCH',
				'/cartbay/v1/settings',
				{},
				{ [ agentGates.sensitive ]: true, logging_enabled: true }
			);
			const asAdmin = await phpCall< { status: number } >(
				php,
				'cartbay_test_agent_rest',
				admin,
				'PATCH',
				'/cartbay/v1/settings',
				{},
				{ [ agentGates.sensitive ]: true }
			);
			t.equal(
				'admin settings route: a shop manager cannot change an agent gate (403) but may resend it unchanged; an administrator can',
				[
					asManager.status,
					asManager.code,
					asManagerSafe.status,
					asAdmin.status,
				],
				[ 403, agentErrors.forbidden.code, 200, 200 ]
			);
		}
	);

	await t.group(
		'workflows over REST: read-only health check and controlled send',
		async () => {
			await workflows(
				t,
				php,
				site,
				'REST',
				async ( operation, input, bearer ) => {
					const paths: Record< string, [ string, string ] > = {
						get_manifest: [ 'GET', '/manifest' ],
						get_analytics: [ 'GET', '/analytics' ],
						list_sessions: [ 'GET', '/sessions' ],
						get_session: [
							'GET',
							`/sessions/${ String( input.id ?? '' ) }`,
						],
						run_session_action: [
							'POST',
							`/sessions/${ String( input.id ?? '' ) }/actions`,
						],
						get_audit_log: [ 'GET', '/audit-log' ],
					};
					const [ method, path ] = paths[ operation ]!;
					const { id: _id, ...restInput } = input;
					const answer = await rest(
						0,
						method,
						path,
						method === 'GET' ? restInput : {},
						method === 'GET' ? null : restInput,
						bearer
					);
					return { status: answer.status, data: answer.data };
				},
				owner
			);
		}
	);
}

type Runner = (
	operation: string,
	input: Record< string, unknown >,
	bearer: string
) => Promise< { status: number; data: any } >;

/**
 * The read-only health check and the controlled send of automation-workflows.txt, through one surface.
 * @param t
 * @param php
 * @param site
 * @param surface
 * @param run
 * @param owner
 */
async function workflows(
	t: Checks,
	php: PhpJson,
	site: Site,
	surface: string,
	run: Runner,
	owner: number
): Promise< string > {
	const email = addresses( `wf-${ surface.toLowerCase() }-` );
	const fixtures = recoveryFixtures( php );
	const readToken = (
		await phpCall< { token: string } >(
			php,
			'cartbay_test_agent_token',
			owner,
			[ 'read' ]
		)
	).token;
	const sendToken = (
		await phpCall< { token: string } >(
			php,
			'cartbay_test_agent_token',
			owner,
			[ 'read', 'contact' ]
		)
	).token;
	const targetEmail = email( 'send' );
	const target = await fixtures.session( {
		email: targetEmail,
		items: [ [ 'CB-EBOOK', 1 ] ],
	} );
	const settingsBefore = await php< unknown >(
		`echo wp_json_encode( get_option( '${ OPTION.SETTINGS }' ) ), "\\n";`
	);

	// Read-only health check: manifest, analytics for 7/30/90 days, recent sessions masked.
	const reads = [
		await run( 'get_manifest', {}, readToken ),
		await run( 'get_analytics', { days: 7 }, readToken ),
		await run( 'get_analytics', { days: 30 }, readToken ),
		await run( 'get_analytics', { days: 90 }, readToken ),
		await run( 'list_sessions', { days: 7 }, readToken ),
	];
	const settingsAfter = await php< unknown >(
		`echo wp_json_encode( get_option( '${ OPTION.SETTINGS }' ) ), "\\n";`
	);
	t.check(
		`${ surface }: health check reads manifest, 7/30/90-day analytics and masked sessions, changes nothing`,
		reads.every( ( r ) => r.status === 200 ) &&
			[ 7, 30, 90 ].every(
				( d, i ) => reads[ i + 1 ]!.data?.days === d
			) &&
			reads[ 4 ]!.data?.masked === true &&
			! JSON.stringify( reads ).includes( targetEmail ) &&
			JSON.stringify( settingsBefore ) ===
				JSON.stringify( settingsAfter ),
		reads.map( ( r ) => r.status )
	);

	// Controlled send: read the target, check it, send step 1 once, re-read notifications and the audit log.
	const mailsBefore = await php< number >(
		`echo count( file( '${ site.paths.mailFile }', FILE_SKIP_EMPTY_LINES ) ), "\\n";`
	);
	const auditBefore = (
		await phpCall< unknown[] >( php, 'cartbay_test_agent_audit' )
	).length;
	const session = await run(
		'get_session',
		{ id: target.session_id },
		sendToken
	);
	const ready =
		session.status === 200 &&
		session.data?.status === 'abandoned' &&
		session.data?.has_recovered_order === false;
	const sent = ready
		? await run(
				'run_session_action',
				{
					id: target.session_id,
					action: 'send_email_step_now',
					step: 1,
				},
				sendToken
			)
		: { status: 0, data: null };
	const reread = await run(
		'get_session',
		{ id: target.session_id },
		sendToken
	);
	const audit = await phpCall<
		{
			operation: string;
			action: string;
			decision: string;
			code: string;
			session_ids: string[];
		}[]
	>( php, 'cartbay_test_agent_audit' );
	const sends = audit
		.slice( auditBefore )
		.filter( ( e ) => e.operation === 'run_session_action' );
	const mailsAfter = await php< number >(
		`echo count( file( '${ site.paths.mailFile }', FILE_SKIP_EMPTY_LINES ) ), "\\n";`
	);
	t.equal(
		`${ surface }: controlled send: exactly one email and one audit row for the send`,
		{
			sent: sent.status,
			emails: mailsAfter - mailsBefore,
			step1: ( reread.data?.notifications ?? [] ).filter(
				( n: { step: number; status: string } ) =>
					n.step === 1 && n.status === 'sent'
			).length,
			audit: sends.map( ( e ) => [
				e.action,
				e.decision,
				e.code,
				e.session_ids,
			] ),
		},
		{
			sent: 200,
			emails: 1,
			step1: 1,
			audit: [
				[ 'send_email_step_now', 'allow', 'ok', [ target.session_id ] ],
			],
		}
	);
	return target.session_id;
}

/**
 * The Abilities layer: a WordPress 6.9+ site of its own.
 * @param t
 * @param hpos
 */
async function abilitiesLayer( t: Checks, hpos: boolean ): Promise< void > {
	const wordpress = optionalPart(
		'CARTBAY_WP_ABILITIES_DIR',
		'wordpress-abilities'
	);
	if ( wordpress === '' ) {
		console.log(
			'skipped: the Abilities layer needs WordPress 6.9+ (CARTBAY_WP_ABILITIES_DIR, or a copy in $CACHE/wordpress-abilities)'
		);
		return;
	}
	const dir = mkdtempSync( join( tmpdir(), 'cartbay-it-wp69-' ) );
	rmSync( dir, { recursive: true, force: true } );
	const site = await createSite( {
		dir,
		url: `http://127.0.0.1:${ process.env.CARTBAY_IT_PORT ?? '8899' }`,
		hpos,
		wordpress,
	} );
	try {
		await site.linkPlugin( join( __dirname, '../../plugin' ), 'cartbay' );
		await site.runPhpOrThrow( `activate_plugin( 'cartbay/cartbay.php' );` );
		const remove = installMuPlugins( site, {
			'cartbay-test-common.php': COMMON_TEST_HELPERS,
			'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
			'cartbay-test-agent.php': AGENT_TEST_HELPERS,
		} );
		try {
			await abilityScenarios( t, site );
		} finally {
			remove();
		}
		t.equal(
			'WordPress 6.9 site: no CartBay PHP notice, warning or deprecation in wp-debug.log',
			debugLogProblems( site ),
			[]
		);
	} finally {
		rmSync( site.dir, { recursive: true, force: true } );
	}
}

async function abilityScenarios( t: Checks, site: Site ): Promise< void > {
	const php = phpJson( site );
	const version = await php< string >(
		`echo wp_json_encode( get_bloginfo( 'version' ) . ( function_exists( 'wp_register_ability' ) ? ' abilities' : '' ) ), "\\n";`
	);
	t.check(
		'Abilities layer: WordPress 6.9+ with the Abilities API',
		/ abilities$/.test( version ),
		version
	);
	const users = await phpCall< Record< string, number > >(
		php,
		'cartbay_test_agent_users'
	);
	const abilities = agentOperations.filter( ( o ) => o.ability !== null );

	await t.group(
		'authorization matrix over the Abilities REST API',
		async () => {
			const principals: Record< string, number > = {
				anonymous: 0,
				subscriber: users.cb_agent_subscriber!,
				shop_manager: users.cb_agent_manager!,
				administrator: users.cb_agent_admin!,
			};
			const kinds: Record< string, PrincipalKind > = {
				anonymous: { kind: 'anonymous', capabilities: [] },
				subscriber: { kind: 'user', capabilities: [] },
				shop_manager: {
					kind: 'user',
					capabilities: SHOP_MANAGER_ACCESS,
				},
				administrator: { kind: 'user', capabilities: ALL_ACCESS },
			};
			interface AbilityCall {
				op: AgentOperationDef;
				access: AgentAccessKey;
				input: Record< string, unknown >;
				label: string;
			}
			const calls = ( abilities as readonly AgentOperationDef[] ).flatMap(
				( o ): AbilityCall[] =>
					o.access === 'action'
						? sessionActions.map( ( a ) => ( {
								op: o,
								access: a.access as AgentAccessKey,
								input: {
									id: 'Z'.repeat( 32 ),
									action: a.key,
									step: 1,
								},
								label: `${ o.ability } ${ a.key }`,
							} ) )
						: [
								{
									op: o,
									access: o.access as AgentAccessKey,
									input: o.key.startsWith( 'update_' )
										? {
												[ o.key === 'update_settings'
													? 'settings'
													: 'campaign' ]: {},
											}
										: o.key === 'get_session'
											? { id: 'Z'.repeat( 32 ) }
											: {},
									label: o.ability!,
								},
							]
			);
			for ( const config of gateConfigs() ) {
				// Abilities register once per request: each configuration runs in its own PHP process.
				await phpCall( php, 'cartbay_test_agent_gates', config.gates );
				const code = `
$out = array();
foreach ( json_decode( ${ JSON.stringify( JSON.stringify( calls.map( ( c ) => ( { name: c.op.ability, input: c.input, readonly: c.op.annotations.readonly, delete: c.op.annotations.destructive && c.op.annotations.idempotent } ) ) ) ).replace( /\$/g, '\\$' ) }, true ) as $i => $call ) {
	foreach ( json_decode( '${ JSON.stringify( principals ) }', true ) as $name => $user ) {
		$method = $call['readonly'] ? 'GET' : ( $call['delete'] ? 'DELETE' : 'POST' );
		$route  = '/wp-abilities/v1/abilities/' . $call['name'] . '/run';
		$r = 'POST' === $method ? cartbay_test_agent_rest( $user, $method, $route, array(), array( 'input' => $call['input'] ) ) : cartbay_test_agent_rest( $user, $method, $route, array( 'input' => $call['input'] ) );
		$out[ $i ][ $name ] = array( $r['status'], $r['code'] );
	}
}
echo wp_json_encode( $out ), "\\n";`;
				const results =
					await php<
						Record<
							string,
							Record< string, [ number, string | null ] >
						>
					>( code );
				calls.forEach( ( call, i ) => {
					const actual: Record< string, string > = {};
					const expected: Record< string, string > = {};
					for ( const name of Object.keys( principals ) ) {
						const [ status, answerCode ] = results[ i ]![ name ]!;
						actual[ name ] =
							answerCode !== null &&
							( DENIAL_CODES.has( answerCode ) ||
								answerCode === 'rest_ability_not_found' )
								? `${ answerCode } ${ status }`
								: 'allow';
						const decision = expectedDecision(
							config.gates,
							kinds[ name ]!,
							call.access,
							[ 'abilities' ]
						);
						// A closed door is not registered at all: WordPress answers 404 for an unknown ability.
						expected[ name ] =
							decision === agentErrors.disabled.code ||
							decision === agentErrors.surface_disabled.code
								? 'rest_ability_not_found 404'
								: decision === 'allow'
									? 'allow'
									: `${ decision } ${ decision === agentErrors.unauthenticated.code ? 401 : 403 }`;
					}
					t.equal(
						`abilities, ${ config.name }: ${ call.label }`,
						actual,
						expected
					);
				} );
			}
		}
	);

	await phpCall( php, 'cartbay_test_agent_gates', {
		master: true,
		abilities: true,
		contact: true,
		sensitive: false,
		mcp: false,
	} );
	await t.group(
		'abilities: registration, schemas, annotations, MCP flag',
		async () => {
			const listed = await php<
				{
					name: string;
					meta: Record< string, any >;
					input_schema: Record< string, unknown >;
				}[]
			>(
				`echo wp_json_encode( array_values( array_map( static fn ( $a ) => array( 'name' => $a->get_name(), 'meta' => $a->get_meta(), 'input_schema' => $a->get_input_schema() ), array_filter( wp_get_abilities(), static fn ( $a ) => 0 === strpos( $a->get_name(), 'cartbay/' ) ) ) ) ), "\\n";`
			);
			t.equal(
				'the nine abilities of the spec are registered',
				listed.map( ( a ) => a.name ).sort(),
				abilities.map( ( o ) => o.ability! ).sort()
			);
			t.check(
				'annotations: only the true ones; shown in REST; no MCP flag while exposure is off',
				listed.every( ( a ) => {
					const op = abilities.find( ( o ) => o.ability === a.name )!;
					return (
						Object.entries( op.annotations ).every(
							( [ k, v ] ) =>
								( a.meta.annotations?.[ k ] === true ) === v
						) &&
						a.meta.show_in_rest === true &&
						a.meta.mcp === undefined &&
						a.meta.public === undefined
					);
				} ),
				listed.map( ( a ) => [ a.name, a.meta ] )
			);
			await phpCall( php, 'cartbay_test_agent_gates', { mcp: true } );
			const exposed = await php< Record< string, any >[] >(
				`echo wp_json_encode( array_values( array_map( static fn ( $a ) => $a->get_meta(), array_filter( wp_get_abilities(), static fn ( $a ) => 0 === strpos( $a->get_name(), 'cartbay/' ) ) ) ) ), "\\n";`
			);
			t.check(
				'MCP exposure on: meta.mcp.public and meta.public on every ability',
				exposed.length === abilities.length &&
					exposed.every(
						( m ) => m.mcp?.public === true && m.public === true
					),
				exposed[ 0 ]
			);
			await phpCall( php, 'cartbay_test_agent_gates', { mcp: false } );
			const manifest = await phpCall< { status: number; data: any } >(
				php,
				'cartbay_test_agent_rest',
				users.cb_agent_admin!,
				'GET',
				'/wp-abilities/v1/abilities/cartbay/get-agent-manifest/run',
				{}
			);
			t.equal(
				'GET …/cartbay/get-agent-manifest/run as an administrator: 200, abilities API detected',
				[
					manifest.status,
					manifest.data?.abilities_api,
					manifest.data?.surface,
				],
				[ 200, true, 'ability' ]
			);
		}
	);

	await t.group( 'workflows through the Abilities', async () => {
		// Abilities run as WordPress users: the read-only one is a shop manager without contact, the sender a shop manager.
		const readOnly = await php< number >(
			`$id = wp_insert_user( array( 'user_login' => 'cb_agent_reader', 'user_pass' => wp_generate_password(), 'user_email' => 'reader@example.test', 'role' => 'subscriber' ) ); $u = new WP_User( $id ); $u->add_cap( 'cartbay_agent_read' ); echo wp_json_encode( $id ), "\\n";`
		);
		const byToken: Record< string, number > = {};
		const sentSession = await workflows(
			t,
			php,
			site,
			'Abilities',
			async ( operation, input, bearer ) => {
				// The workflows name principals by token; here the same access comes from a WordPress user.
				const user =
					byToken[ bearer ] ??
					( Object.keys( byToken ).length === 0
						? readOnly
						: users.cb_agent_manager! );
				byToken[ bearer ] = user;
				const op = agentOperations.find(
					( o ) => o.key === operation
				)!;
				if ( op.ability === null ) {
					return { status: 0, data: null };
				}
				const route = `/wp-abilities/v1/abilities/${ op.ability }/run`;
				const answer = op.annotations.readonly
					? await phpCall< { status: number; data: any } >(
							php,
							'cartbay_test_agent_rest',
							user,
							'GET',
							route,
							{ input }
						)
					: await phpCall< { status: number; data: any } >(
							php,
							'cartbay_test_agent_rest',
							user,
							'POST',
							route,
							{},
							{ input }
						);
				return { status: answer.status, data: answer.data };
			},
			users.cb_agent_owner!
		);
		// The Abilities API validates input without coercing it: a string "false" must not resend.
		const stringFalse = await phpCall< { status: number; data: any } >(
			php,
			'cartbay_test_agent_rest',
			users.cb_agent_manager!,
			'POST',
			'/wp-abilities/v1/abilities/cartbay/run-session-action/run',
			{},
			{
				input: {
					id: sentSession,
					action: 'send_email_step_now',
					step: 1,
					resend: 'false',
				},
			}
		);
		t.equal(
			'resend: "false" through the Abilities is false: 409 step_already_sent, nothing sent',
			[ stringFalse.status, stringFalse.data?.data?.reason ],
			[ 409, 'step_already_sent' ]
		);
		const audit = await phpCall< { surface: string; principal: string }[] >(
			php,
			'cartbay_test_agent_audit'
		);
		t.check(
			'ability calls are audited with surface ability and the WordPress user',
			audit.some(
				( e ) =>
					e.surface === 'ability' &&
					e.principal === `user:${ readOnly }`
			),
			audit.slice( -3 )
		);
	} );

	await mcpLayer( t, site, php, users );
}

/**
 * The WordPress MCP Adapter over its STDIO transport (WP-CLI), when both are available.
 * @param t
 * @param site
 * @param php
 * @param users
 */
async function mcpLayer(
	t: Checks,
	site: Site,
	php: PhpJson,
	users: Record< string, number >
): Promise< void > {
	const adapter = optionalPart( 'CARTBAY_MCP_ADAPTER_DIR', 'mcp-adapter' );
	const phar =
		process.env.CARTBAY_WP_CLI ??
		( existsSync( join( cachePaths().root, 'wp-cli.phar' ) )
			? join( cachePaths().root, 'wp-cli.phar' )
			: '' );
	if ( adapter === '' || phar === '' ) {
		console.log(
			`skipped: the MCP layer needs the WordPress MCP Adapter (CARTBAY_MCP_ADAPTER_DIR or $CACHE/mcp-adapter) and WP-CLI (CARTBAY_WP_CLI or $CACHE/wp-cli.phar): ${ adapter === '' ? 'no adapter' : 'no wp-cli.phar' }`
		);
		return;
	}
	await site.linkPlugin( adapter, 'mcp-adapter' );
	const activated = await php< string >(
		`$r = activate_plugin( 'mcp-adapter/mcp-adapter.php' ); echo wp_json_encode( is_wp_error( $r ) ? $r->get_error_message() : 'ok' ), "\\n";`
	);
	t.equal( 'the MCP Adapter activates', activated, 'ok' );
	const home = join( site.paths.tmp, 'wp-cli' );
	const serve = async ( lines: unknown[] ) => {
		const result = await runPhpProcess(
			[
				...opcacheArgs( site.paths.opcache, 'cli' ),
				phar,
				`--path=${ site.paths.wordpress }`,
				'--allow-root',
				`--user=${ users.cb_agent_admin }`,
				'mcp-adapter',
				'serve',
				'--server=mcp-adapter-default-server',
			],
			{
				cwd: site.dir,
				input:
					lines.map( ( l ) => JSON.stringify( l ) ).join( '\n' ) +
					'\n',
				env: {
					WP_CLI_CACHE_DIR: join( home, 'cache' ),
					WP_CLI_PACKAGES_DIR: join( home, 'packages' ),
					WP_CLI_CONFIG_PATH: join( home, 'config.yml' ),
					WP_CLI_DISABLE_AUTO_CHECK_UPDATE: '1',
				},
				timeoutMs: 120_000,
			}
		);
		return result.stdout
			.split( '\n' )
			.filter( ( l ) => l.startsWith( '{' ) )
			.map(
				( l ) =>
					JSON.parse( l ) as {
						id?: number;
						result?: any;
						error?: any;
					}
			);
	};
	const session = [
		{
			jsonrpc: '2.0',
			id: 1,
			method: 'initialize',
			params: {
				protocolVersion: '2025-06-18',
				capabilities: {},
				clientInfo: { name: 'cartbay-tests', version: '1' },
			},
		},
		{ jsonrpc: '2.0', method: 'notifications/initialized' },
		{ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} },
		{
			jsonrpc: '2.0',
			id: 3,
			method: 'tools/call',
			params: { name: 'mcp-adapter-discover-abilities', arguments: {} },
		},
		{
			jsonrpc: '2.0',
			id: 4,
			method: 'tools/call',
			params: {
				name: 'mcp-adapter-execute-ability',
				arguments: {
					ability_name: 'cartbay/get-agent-manifest',
					parameters: {},
				},
			},
		},
	];
	const cartbayTools = ( answers: { id?: number; result?: any }[] ) =>
		(
			( answers.find( ( a ) => a.id === 3 )?.result?.structuredContent
				?.abilities ?? [] ) as { name: string }[]
		 )
			.map( ( a ) => a.name )
			.filter( ( n ) => n.startsWith( 'cartbay/' ) )
			.sort();

	await t.group(
		'MCP Adapter (STDIO): CartBay tools only while exposure is on',
		async () => {
			await phpCall( php, 'cartbay_test_agent_gates', {
				master: true,
				abilities: true,
				mcp: false,
			} );
			const off = await serve( session );
			t.check(
				'exposure off: the adapter answers, tools/list works',
				off.some(
					( a ) => a.id === 2 && Array.isArray( a.result?.tools )
				),
				off
			);
			t.equal(
				'exposure off: no CartBay ability is discoverable over MCP',
				cartbayTools( off ),
				[]
			);
			t.check(
				'exposure off: executing a CartBay ability over MCP fails',
				off.find( ( a ) => a.id === 4 )?.result?.isError === true,
				off.find( ( a ) => a.id === 4 )
			);

			await phpCall( php, 'cartbay_test_agent_gates', { mcp: true } );
			const auditBefore = (
				await phpCall< unknown[] >( php, 'cartbay_test_agent_audit' )
			).length;
			const on = await serve( session );
			t.equal(
				'exposure on: every CartBay ability is discoverable over MCP',
				cartbayTools( on ),
				agentOperations
					.flatMap( ( o ) => ( o.ability ? [ o.ability ] : [] ) )
					.sort()
			);
			const executed = on.find( ( a ) => a.id === 4 )?.result;
			t.check(
				'exposure on: the manifest runs through the adapter as surface mcp',
				executed?.isError === false &&
					executed?.structuredContent?.data?.surface === 'mcp',
				executed
			);
			const audit = (
				await phpCall<
					{ surface: string; operation: string; decision: string }[]
				>( php, 'cartbay_test_agent_audit' )
			).slice( auditBefore );
			t.equal(
				'the MCP call is audited once, with surface mcp',
				audit.map( ( e ) => [ e.surface, e.operation, e.decision ] ),
				[ [ 'mcp', 'get_manifest', 'allow' ] ]
			);
			await phpCall( php, 'cartbay_test_agent_gates', { mcp: false } );
		}
	);
}
