/**
 * The Email Delivery Test's detection (`GET /mail-environment`, Notifications/MailEnvironment) in a real store:
 * known delivery plugins count only when active (high), the filters add plugins and loggers, outside callbacks
 * on phpmailer_init / pre_wp_mail are medium, keyword-named callbacks on wp_mail low, WordPress's,
 * WooCommerce's and a known plugin's own callbacks are never findings, the From email and name are the ones
 * WooCommerce sends recovery emails with (its options, its filters, then later wp_mail_from callbacks), and
 * `cartbay_mail_environment_status` may override the result without breaking its shape.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { lastJson, phpString } from '../support/php';
import { HOOK } from '../support/schema-names';
import { installMuPlugins } from '../support/store-fixtures';

interface Detection {
	confidence: string;
	name: string;
	source: string;
	detail: string;
}

interface Environment {
	confidence: string;
	service: string | null;
	detections: Detection[];
	loggers: { name: string; plugin: string }[];
	from_email: string;
	from_name: string;
	recipient: string;
}

interface RestResult {
	status: number;
	data: Environment & { code?: string };
}

async function get( site: Site, user: string ): Promise< RestResult > {
	return lastJson< RestResult >(
		await site.runPhpOrThrow( `
wp_set_current_user( 0 );
if ( '' !== ${ phpString( user ) } ) { wp_set_current_user( get_user_by( 'login', ${ phpString( user ) } )->ID ); }
$response = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/cartbay/v1/mail-environment' ) );
echo wp_json_encode( array( 'status' => $response->get_status(), 'data' => rest_get_server()->response_to_data( $response, false ) ) ), "\\n";` )
	);
}

/**
 * Sends the Email Delivery Test (`POST /test/email`, step 0) as an administrator and returns the From email
 * and name of the message the store captured.
 * @param site
 * @param to
 */
async function sendDeliveryTest(
	site: Site,
	to: string
): Promise< { status: number; from: string[] } > {
	const { status } = lastJson< { status: number } >(
		await site.runPhpOrThrow( `
wp_set_current_user( get_user_by( 'login', 'admin' )->ID );
$request = new WP_REST_Request( 'POST', '/cartbay/v1/test/email' );
$request->set_param( 'email', ${ phpString( to ) } );
$request->set_param( 'step', 0 );
echo wp_json_encode( array( 'status' => rest_get_server()->dispatch( $request )->get_status() ) ), "\\n";` )
	);
	const mail = site.readMailTo( to ).at( -1 );
	return { status, from: mail ? [ mail.from, mail.from_name ] : [] };
}

/**
 * Writes a plugin file under wp-content/plugins and returns its basename.
 * @param site
 * @param basename
 * @param body
 */
function addPlugin( site: Site, basename: string, body = '' ): string {
	const file = join( site.paths.plugins, basename );
	mkdirSync( join( file, '..' ), { recursive: true } );
	writeFileSync(
		file,
		`<?php\n/**\n * Plugin Name: CartBay test ${ basename }\n */\n${ body }\n`
	);
	return basename;
}

async function setActive( site: Site, extra: string[] ): Promise< void > {
	await site.runPhpOrThrow( `
$keep = get_option( 'cartbay_test_base_plugins' );
if ( false === $keep ) { $keep = (array) get_option( 'active_plugins', array() ); update_option( 'cartbay_test_base_plugins', $keep ); }
update_option( 'active_plugins', array_merge( $keep, json_decode( ${ phpString(
		JSON.stringify( extra )
	) }, true ) ) );
echo "ok\\n";` );
}

const STORE_MAIL = 'cartbay_store_capture_mail';

export async function mailEnvironmentScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const pluginDirs = [
		'wp-mail-smtp',
		'acme-relay',
		'acme-log',
		'wp-mail-logging',
	];
	const removeMu: ( () => void )[] = [];
	try {
		await site.runPhpOrThrow( `
update_option( 'woocommerce_email_from_address', 'orders@shop.example' );
update_option( 'woocommerce_email_from_name', 'Shop & Co' );
echo "ok\\n";` );

		await t.group(
			'mail environment: permissions, the store’s own capture hook, WooCommerce’s sender',
			async () => {
				t.equal(
					'anonymous → 401, subscriber → 403',
					[
						( await get( site, '' ) ).status,
						( await get( site, 'cb_subscriber' ) ).status,
					],
					[ 401, 403 ]
				);
				const manager = await get( site, 'cb_shop_manager' );
				t.equal( 'shop manager → 200', manager.status, 200 );
				const env = manager.data;
				t.equal(
					'the test store’s pre_wp_mail capture (a must-use plugin) is the one finding: medium, by function name',
					env.detections,
					[
						{
							confidence: 'medium',
							name: STORE_MAIL,
							source: 'hook',
							detail: 'pre_wp_mail',
						},
					]
				);
				t.equal(
					'confidence and service follow the strongest finding',
					[ env.confidence, env.service ],
					[ 'medium', STORE_MAIL ]
				);
				t.equal(
					'From email and name are WooCommerce’s sender options',
					[ env.from_email, env.from_name ],
					[ 'orders@shop.example', 'Shop & Co' ]
				);
				const email = await site.runPhpOrThrow(
					`echo get_user_by( 'login', 'cb_shop_manager' )->user_email, "\\n";`
				);
				t.equal(
					'the test email’s default recipient is the current user',
					env.recipient,
					email.trim()
				);
				t.equal( 'no email logger', env.loggers, [] );
			}
		);

		await t.group(
			'mail environment: known plugins count when active, and the filters extend both lists',
			async () => {
				addPlugin(
					site,
					'wp-mail-smtp/wp_mail_smtp.php',
					"add_action( 'phpmailer_init', 'cartbay_test_wp_mail_smtp_mailer' );\nfunction cartbay_test_wp_mail_smtp_mailer( $phpmailer ) {}"
				);
				addPlugin(
					site,
					'acme-relay/acme-relay.php',
					"add_filter( 'pre_wp_mail', array( 'Acme_Relay_Transport', 'send' ), 5, 2 );\nfinal class Acme_Relay_Transport { public static function send( $r, $a ) { return $r; } }"
				);
				addPlugin( site, 'acme-log/acme-log.php' );
				addPlugin( site, 'wp-mail-logging/wp-mail-logging.php' );

				let env = ( await get( site, 'admin' ) ).data;
				t.check(
					'installed but inactive plugins are not findings (detection reads the active plugins)',
					! env.detections.some( ( d ) =>
						[ 'WP Mail SMTP', 'Acme_Relay_Transport' ].includes(
							d.name
						)
					) && env.loggers.length === 0,
					env
				);

				await setActive( site, [
					'wp-mail-smtp/wp_mail_smtp.php',
					'wp-mail-logging/wp-mail-logging.php',
				] );
				env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'an active known delivery plugin is high confidence, named, first; its own phpmailer_init callback is not a second finding',
					env.detections.map( ( d ) => [ d.confidence, d.name ] ),
					[
						[ 'high', 'WP Mail SMTP' ],
						[ 'medium', STORE_MAIL ],
					]
				);
				t.equal(
					'service and confidence are the known plugin’s',
					[
						env.confidence,
						env.service,
						env.detections[ 0 ]!.detail,
					],
					[ 'high', 'WP Mail SMTP', 'wp-mail-smtp/wp_mail_smtp.php' ]
				);
				t.equal( 'an active known logger is listed', env.loggers, [
					{
						name: 'WP Mail Logging',
						plugin: 'wp-mail-logging/wp-mail-logging.php',
					},
				] );

				// Unknown plugin hooking pre_wp_mail: medium by class; then the filter makes it known.
				await setActive( site, [
					'acme-relay/acme-relay.php',
					'acme-log/acme-log.php',
				] );
				env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'an unknown plugin’s pre_wp_mail callback is medium, named by its class',
					env.detections.map( ( d ) => [
						d.confidence,
						d.name,
						d.detail,
					] ),
					[
						[ 'medium', 'Acme_Relay_Transport', 'pre_wp_mail' ],
						[ 'medium', STORE_MAIL, 'pre_wp_mail' ],
					]
				);
				removeMu.push(
					installMuPlugins( site, {
						'cartbay-test-mail-filters.php': `<?php
add_filter( '${ HOOK.MAIL_DELIVERY_PLUGINS }', function ( $plugins ) { $plugins['acme-relay'] = 'Acme <b>Relay</b>'; return $plugins; } );
add_filter( '${ HOOK.EMAIL_LOGGER_PLUGINS }', function ( $plugins ) { $plugins['acme-log/acme-log.php'] = 'Acme Log'; return $plugins; } );
`,
					} )
				);
				env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'cartbay_mail_delivery_plugins adds a plugin by folder: high, name without markup, and its hook is not counted again',
					env.detections.map( ( d ) => [ d.confidence, d.name ] ),
					[
						[ 'high', 'Acme Relay' ],
						[ 'medium', STORE_MAIL ],
					]
				);
				t.equal(
					'cartbay_email_logger_plugins adds a logger by basename',
					env.loggers.map( ( l ) => l.name ),
					[ 'Acme Log' ]
				);
			}
		);

		await t.group(
			'mail environment: wp_mail keyword callbacks are low; closures are named by file; WordPress’s own callbacks never count',
			async () => {
				await setActive( site, [] );
				removeMu.push(
					installMuPlugins( site, {
						'cartbay-test-mail-hooks.php': `<?php
function cartbay_test_sendgrid_headers( $atts ) { return $atts; }
function cartbay_test_add_footer( $atts ) { return $atts; }
add_filter( 'wp_mail', 'cartbay_test_sendgrid_headers' );
add_filter( 'wp_mail', 'cartbay_test_add_footer' );
add_action( 'phpmailer_init', static function ( $phpmailer ) {} );
`,
					} )
				);
				const env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'findings: the closure and the store capture (medium), the keyword callback (low); not the footer callback',
					env.detections.map( ( d ) => [
						d.confidence,
						d.name,
						d.detail,
					] ),
					[
						[
							'medium',
							'Closure in mu-plugins/cartbay-test-mail-hooks.php',
							'phpmailer_init',
						],
						[ 'medium', STORE_MAIL, 'pre_wp_mail' ],
						[ 'low', 'cartbay_test_sendgrid_headers', 'wp_mail' ],
					]
				);
				const core = await site.runPhpOrThrow(
					`echo has_filter( 'wp_mail', 'wp_staticize_emoji_for_email' ) ? 'yes' : 'no', "\\n";`
				);
				t.check(
					'WordPress’s own wp_mail callback (wp_staticize_emoji_for_email) is hooked and not listed',
					core.trim() === 'yes' &&
						! env.detections.some(
							( d ) => d.name === 'wp_staticize_emoji_for_email'
						),
					{ core, env }
				);
			}
		);

		await t.group(
			'mail environment: From follows WooCommerce’s filters, then later wp_mail_from callbacks',
			async () => {
				removeMu.push(
					installMuPlugins( site, {
						'cartbay-test-mail-from.php': `<?php
add_filter( 'wp_mail_from', static function () { return 'early@override.example'; }, 5 );
add_filter( 'woocommerce_email_from_name', static function ( $name ) { return $name . ' (filtered)'; } );
`,
					} )
				);
				let env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'a wp_mail_from callback before WooCommerce’s (priority 5) is overridden by WooCommerce; woocommerce_email_from_name applies',
					[ env.from_email, env.from_name ],
					[ 'orders@shop.example', 'Shop & Co (filtered)' ]
				);
				t.equal(
					'the delivery test (step 0) goes out with that same WooCommerce sender, not WordPress’s default',
					await sendDeliveryTest( site, 'sender-test@example.test' ),
					{
						status: 200,
						from: [ 'orders@shop.example', 'Shop & Co (filtered)' ],
					}
				);
				removeMu.push(
					installMuPlugins( site, {
						'cartbay-test-mail-from-late.php': `<?php
add_filter( 'wp_mail_from', static function () { return 'relay@smtp.example'; }, 99 );
add_filter( 'wp_mail_from_name', static function () { return 'Relay'; }, 99 );
`,
					} )
				);
				env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'an SMTP plugin’s later callback (priority 99) wins, as in a real send',
					[ env.from_email, env.from_name ],
					[ 'relay@smtp.example', 'Relay' ]
				);
				t.equal(
					'the delivery test (step 0) goes out with the sender the panel shows: the SMTP plugin’s here',
					await sendDeliveryTest( site, 'relay-test@example.test' ),
					{ status: 200, from: [ env.from_email, env.from_name ] }
				);
				const left = await site.runPhpOrThrow(
					`$email = \\WPAnchorBay\\CartBay\\Email\\EmailRegistry::for_step( 1 );
( new \\WPAnchorBay\\CartBay\\Notifications\\MailEnvironment() )->status( $email );
echo $email instanceof WC_Email && false === has_filter( 'wp_mail_from', array( $email, 'get_from_address' ) ) && false === has_filter( 'wp_mail_from_name', array( $email, 'get_from_name' ) ) ? 'clean' : 'left', "\\n";`
				);
				t.equal(
					'WooCommerce’s sender callbacks are removed again after the reading',
					left.trim(),
					'clean'
				);
			}
		);

		await t.group(
			'mail environment: cartbay_mail_environment_status overrides or enriches, the shape stays',
			async () => {
				const remove = installMuPlugins( site, {
					'cartbay-test-mail-status.php': `<?php
add_filter( '${ HOOK.MAIL_ENVIRONMENT_STATUS }', static function ( $status ) {
	$status['detections'][] = array( 'confidence' => 'high', 'name' => 'Host relay', 'detail' => 'hosting' );
	$status['detections'][] = array( 'confidence' => 'certain', 'name' => 'Bad level' );
	$status['from_name']    = array( 'not text' );
	return $status;
} );
`,
				} );
				let env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'an added finding is sorted first and sets confidence and service; an invalid one and a wrong-typed field are dropped',
					[
						env.confidence,
						env.service,
						env.detections[ 0 ],
						env.detections.some( ( d ) => d.name === 'Bad level' ),
						env.from_name,
					],
					[
						'high',
						'Host relay',
						{
							confidence: 'high',
							name: 'Host relay',
							source: 'filter',
							detail: 'hosting',
						},
						false,
						'Relay',
					]
				);
				remove();
				const remove2 = installMuPlugins( site, {
					'cartbay-test-mail-status.php': `<?php
add_filter( '${ HOOK.MAIL_ENVIRONMENT_STATUS }', static function ( $status ) {
	return array_merge( $status, array( 'confidence' => 'none', 'service' => null, 'detections' => array() ) );
} );
`,
				} );
				env = ( await get( site, 'admin' ) ).data;
				t.equal(
					'a filter may say no service at all',
					[ env.confidence, env.service, env.detections ],
					[ 'none', null, [] ]
				);
				remove2();
				const remove3 = installMuPlugins( site, {
					'cartbay-test-mail-status.php': `<?php
add_filter( '${ HOOK.MAIL_ENVIRONMENT_STATUS }', '__return_empty_string' );
`,
				} );
				env = ( await get( site, 'admin' ) ).data;
				t.check(
					'a filter returning something else than an array leaves the detected status',
					env.confidence === 'medium' &&
						Array.isArray( env.detections ) &&
						env.detections.length === 3,
					env
				);
				remove3();
			}
		);
	} finally {
		for ( const remove of removeMu ) {
			remove();
		}
		await site.runPhpOrThrow( `
$keep = get_option( 'cartbay_test_base_plugins' );
if ( false !== $keep ) { update_option( 'active_plugins', $keep ); delete_option( 'cartbay_test_base_plugins' ); }
echo "ok\\n";` );
		for ( const dir of pluginDirs ) {
			rmSync( join( site.paths.plugins, dir ), {
				recursive: true,
				force: true,
			} );
		}
	}
}
