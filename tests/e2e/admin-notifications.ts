/**
 * E2E: the admin Notifications section in Chromium, signed in as the administrator, on sessions seeded
 * through CartBay's own services with notifications in four lifecycle states: the tab follows Templates, the
 * cards and the More modal equal `GET /analytics`, the table lists what `GET /notifications` lists (page 1
 * and 2, a status filter, a search), the Details modal opens by keyboard with the lifecycle and the last
 * error and gives the focus back on Escape; the Email Delivery Test shows the test store's mail capture hook
 * (medium), then a delivery plugin added through `cartbay_mail_delivery_plugins` (high), and Send Test Email
 * reports the captured send and, with the store's mail failing, the mailer's error; axe-core finds no WCAG
 * 2.1 A/AA violation. Screenshots go to a temporary folder (their paths are printed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { jobs, publicHooks } from '../../plugin/schema';
import { formatMetric } from '../../admin-ui/src/format';
import { metrics } from '../../plugin/schema/analytics';
import {
	COMMON_TEST_HELPERS,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';
import { logIn, type AdminOverviewEnv } from './admin-overview';
import { listClient, restClient } from './admin-session';
import { checkAxe } from './axe';
import { resetSessions } from './sessions';

const NAME =
	'admin notifications: cards, table like GET /notifications, filter, search, details modal, Email Delivery Test';

const LOCALE = 'en-US';
const SCREEN =
	'/wp-admin/admin.php?page=wc-settings&tab=cartbay&section=notifications';
const ANALYTICS_HOOKS = jobs
	.map( ( job ) => job.hook )
	.filter( ( hook ) => hook.includes( 'analytics' ) );
const SERVICE = `\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Analytics\\AnalyticsService::class )`;
/** More than a page (20). */
const SEEDED = 23;
const CARD_KEYS = [
	'pending_queue',
	'emails_sent',
	'emails_failed',
	'acceptance_rate',
	'best_step',
];
const MAIL_ERROR = 'SMTP connect() failed (seeded).';
const RELAY_FOLDER = 'cartbay-e2e-relay';
const DELIVERY_FILTER = publicHooks.constants.find(
	( c ) => c.name === 'MAIL_DELIVERY_PLUGINS'
)!.value;

interface Analytics {
	metrics: Record< string, number | null >;
	notifications: Record< string, number >;
	currency: string;
}

interface Row {
	notification_id: string;
	session_id: string;
	status: string;
}

export async function adminNotificationsScenarios(
	env: AdminOverviewEnv
): Promise< void > {
	const { t, store, browser, filter } = env;
	if ( filter && ! NAME.includes( filter ) ) {
		return;
	}
	const url = store.url.replace( /\/$/, '' );
	await resetSessions( store.site );
	const remove = installMuPlugins( store.site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
	} );
	const relayDir = join( store.site.paths.plugins, RELAY_FOLDER );
	const contexts: BrowserContext[] = [];
	const shots = mkdtempSync( join( tmpdir(), 'cartbay-notifications-' ) );
	const refreshAnalytics = async () => {
		await store.site.runDueActions( { hooks: ANALYTICS_HOOKS } );
		await store.site.runPhpOrThrow(
			`${ SERVICE }->refresh_cache(); echo "ok\\n";`
		);
	};
	try {
		await t.group(
			NAME,
			async () => {
				// ---- seed: queued, sent, failed (with an error), retry queued --------------------------------
				await store.site.runPhpOrThrow( `
$log = '\\WPAnchorBay\\CartBay\\Notifications\\NotificationLog';
for ( $i = 0; $i < ${ SEEDED }; $i++ ) {
	$s = cartbay_test_session( array(
		'email' => sprintf( 'notify%02d.${ process.pid }@example.test', $i ),
		'items' => array( array( 'CB-MUG', 1 ) ),
	) );
	$o  = wc_get_order( $s['id'] );
	$id = $s['notification'];
	if ( 0 !== $i % 4 ) {
		$log::transition( $o, $id, 'attempted', array( 'attempts' => 1 ) );
	}
	if ( 1 === $i % 4 ) {
		$log::transition( $o, $id, 'sent' );
	} elseif ( 2 === $i % 4 ) {
		$log::transition( $o, $id, 'failed', array( 'attempts' => 3, 'last_error' => ${ JSON.stringify(
			MAIL_ERROR
		) } ) );
	} elseif ( 3 === $i % 4 ) {
		$log::transition( $o, $id, 'retry_queued', array( 'last_error' => ${ JSON.stringify(
			MAIL_ERROR
		) } ) );
	}
	$o->save();
}
update_option( 'cartbay_store_mail_fail', 'no' );
echo "ok\\n";` );
				await refreshAnalytics();

				const context = await browser.newContext();
				contexts.push( context );
				const page = await context.newPage();
				await logIn( page, url );
				const api = restClient( page );
				const list = listClient( page );
				const listed = () =>
					page
						.locator( '.cartbay-notifications__table tbody tr' )
						.evaluateAll( ( rows ) =>
							rows
								.map(
									( r ) =>
										r.getAttribute( 'data-notification' ) ??
										''
								)
								.filter( Boolean )
						);
				const waitForList = async ( ids: string[] ) => {
					await page.waitForFunction(
						( want ) =>
							JSON.stringify(
								Array.from(
									document.querySelectorAll(
										'.cartbay-notifications__table tbody tr[data-notification]'
									)
								).map( ( r ) =>
									r.getAttribute( 'data-notification' )
								)
							) === want &&
							document
								.querySelector(
									'.cartbay-notifications__table'
								)
								?.getAttribute( 'aria-busy' ) === 'false',
						JSON.stringify( ids )
					);
				};

				await page.goto( `${ url }${ SCREEN }` );
				await page.waitForSelector(
					'.cartbay-notifications .cartbay-stat'
				);
				const tabs = await page
					.locator( '[role="tab"]' )
					.allInnerTexts();
				t.check(
					'the Notifications tab follows Templates and is open from section=notifications',
					tabs.indexOf( 'Notifications' ) ===
						tabs.indexOf( 'Templates' ) + 1 &&
						( await page
							.locator( '[role="tab"][aria-selected="true"]' )
							.innerText() ) === 'Notifications',
					tabs
				);

				// ---- cards and the More modal equal GET /analytics ------------------------------------------
				const a30 = await api< Analytics >( '/analytics?days=30' );
				const shown: Record< string, string > = {};
				const want: Record< string, string > = {};
				for ( const key of CARD_KEYS ) {
					const metric = metrics.find( ( m ) => m.key === key )!;
					shown[ key ] = (
						await page
							.locator(
								`.cartbay-notifications .cartbay-stat[data-metric="${ key }"] .cartbay-stat__value`
							)
							.innerText()
					).trim();
					want[ key ] = formatMetric(
						a30.metrics[ key ],
						metric.format,
						a30.currency,
						LOCALE
					);
				}
				t.equal(
					'the five cards equal GET /analytics?days=30',
					shown,
					want
				);
				t.check(
					'fixture: the seeded states are counted',
					( a30.notifications.failed ?? 0 ) >= 5 &&
						( a30.notifications.sent ?? 0 ) >= 5,
					a30.notifications
				);
				const more = page.locator(
					'.cartbay-notification-stats__more'
				);
				await more.focus();
				await page.keyboard.press( 'Enter' );
				const dialog = page.getByRole( 'dialog' );
				await dialog.waitFor();
				const counts: Record< string, string > = {};
				for ( const item of await dialog
					.locator( '.cartbay-stat[data-state]' )
					.all() ) {
					counts[ ( await item.getAttribute( 'data-state' ) )! ] = (
						await item.locator( '.cartbay-stat__value' ).innerText()
					).trim();
				}
				t.equal(
					'More lists every state with the answer’s count',
					counts,
					Object.fromEntries(
						Object.keys( counts ).map( ( k ) => [
							k,
							String( a30.notifications[ k ] ?? 0 ),
						] )
					)
				);
				await page.keyboard.press( 'Escape' );
				await dialog.waitFor( { state: 'detached' } );
				t.check(
					'More closes with Escape and the focus is back on its button',
					await more.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				);

				// ---- the table: pages ----------------------------------------------------------------------
				const p1 = await list< Row >( '/notifications?days=30&page=1' );
				const ids1 = p1.rows.map( ( r ) => r.notification_id );
				await waitForList( ids1 );
				t.check(
					'page 1 lists GET /notifications’ page 1 in its order, with its total',
					ids1.length === 20 &&
						(
							await page
								.locator(
									'.cartbay-notifications-list .cartbay-sessions__count'
								)
								.innerText()
						).startsWith(
							`${ p1.total } notifications · page 1 of 2`
						),
					{ total: p1.total, listed: await listed() }
				);
				await page
					.locator( '.cartbay-notifications-list' )
					.getByRole( 'button', { name: 'Next page' } )
					.click();
				const p2 = await list< Row >( '/notifications?days=30&page=2' );
				await waitForList( p2.rows.map( ( r ) => r.notification_id ) );
				t.check(
					'Next page lists page 2',
					p2.rows.length === Number( p1.total ) - 20,
					p2.rows.length
				);

				// ---- status filter and search ----------------------------------------------------------------
				await page
					.locator( '.cartbay-notifications-list' )
					.getByLabel( 'Status' )
					.selectOption( 'failed' );
				const failed = await list< Row >(
					'/notifications?days=30&status=failed'
				);
				await waitForList(
					failed.rows.map( ( r ) => r.notification_id )
				);
				t.check(
					'the Failed filter lists GET /notifications?status=failed (from page 1)',
					failed.rows.length > 0 &&
						failed.rows.every( ( r ) => r.status === 'failed' ),
					failed.rows.length
				);
				await page
					.locator( '.cartbay-notifications-list' )
					.getByLabel( 'Status' )
					.selectOption( 'all' );
				const target = p2.rows[ 0 ]!;
				await page
					.getByLabel( 'Search notifications' )
					.fill( target.session_id );
				await page.keyboard.press( 'Enter' );
				const found = await list< Row >(
					`/notifications?days=30&search=${ target.session_id }`
				);
				await waitForList(
					found.rows.map( ( r ) => r.notification_id )
				);
				t.check(
					'searching a session id lists what GET /notifications finds: that session’s notification',
					found.rows.length === 1 &&
						found.rows[ 0 ]!.notification_id ===
							target.notification_id,
					found.rows
				);
				await page
					.getByLabel( 'Search notifications' )
					.fill( 'no-such-thing' );
				await page.keyboard.press( 'Enter' );
				await waitForList( [] );
				t.check(
					'a search without matches says what to change',
					(
						await page
							.locator( '.cartbay-notifications__table tbody' )
							.innerText()
					).includes( 'clear the search' )
				);

				// ---- details by keyboard, Escape, focus back -----------------------------------------------
				const failedId = failed.rows[ 0 ]!.notification_id;
				await page
					.getByLabel( 'Search notifications' )
					.fill( failedId );
				await page.keyboard.press( 'Enter' );
				await waitForList( [ failedId ] );
				const open = page
					.locator( '.cartbay-notifications__open' )
					.first();
				await open.focus();
				await page.keyboard.press( 'Enter' );
				await dialog.waitFor();
				await dialog
					.locator( '.cartbay-notification-detail__lifecycle' )
					.waitFor();
				const detail = await api< {
					timestamps: Record< string, string | null >;
					attempts: number;
				} >( `/notifications/${ failedId }` );
				const text = await dialog.innerText();
				t.check(
					'Enter opens the details: id, status, attempts, the last error and one lifecycle line per moment',
					text.includes( `Notification ${ failedId }` ) &&
						text.includes( 'Failed' ) &&
						text.includes( MAIL_ERROR ) &&
						text.includes( String( detail.attempts ) ) &&
						( await dialog
							.locator(
								'.cartbay-notification-detail__lifecycle li'
							)
							.count() ) ===
							Object.values( detail.timestamps ).filter( Boolean )
								.length,
					text.slice( 0, 600 )
				);
				const detailShot = join(
					shots,
					'admin-notifications-detail.png'
				);
				await page.screenshot( { path: detailShot } );
				await page.keyboard.press( 'Escape' );
				await dialog.waitFor( { state: 'detached' } );
				t.check(
					'Escape closes it and the focus is back on the row’s Details button',
					await open.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				);

				// ---- Email Delivery Test: detection -------------------------------------------------------
				const panel = page.locator( '.cartbay-delivery-test' );
				await panel.locator( '.cartbay-delivery-test__form' ).waitFor();
				const envNow = await api< {
					confidence: string;
					from_email: string;
				} >( '/mail-environment' );
				t.check(
					'the test store’s pre_wp_mail capture is shown as a medium-confidence detection, with the From email',
					envNow.confidence === 'medium' &&
						( await panel.innerText() ).includes(
							'cartbay_store_capture_mail'
						) &&
						( await panel
							.locator( 'tr[data-confidence="medium"]' )
							.count() ) >= 1 &&
						( await panel.innerText() ).includes(
							envNow.from_email
						),
					envNow
				);
				mkdirSync( relayDir, { recursive: true } );
				writeFileSync(
					join( relayDir, `${ RELAY_FOLDER }.php` ),
					'<?php\n/**\n * Plugin Name: CartBay E2E relay\n */\n'
				);
				const removeFilter = installMuPlugins( store.site, {
					'cartbay-e2e-relay-known.php': `<?php
add_filter( '${ DELIVERY_FILTER }', static function ( $plugins ) { $plugins['${ RELAY_FOLDER }'] = 'E2E Relay'; return $plugins; } );
`,
				} );
				try {
					await store.site.runPhpOrThrow(
						`update_option( 'active_plugins', array_values( array_unique( array_merge( (array) get_option( 'active_plugins' ), array( '${ RELAY_FOLDER }/${ RELAY_FOLDER }.php' ) ) ) ) ); echo "ok\\n";`
					);
					await page.reload();
					await panel
						.locator( 'tr[data-confidence="high"]' )
						.waitFor();
					const panelText = await panel.innerText();
					t.check(
						'a delivery plugin added through cartbay_mail_delivery_plugins is detected with high confidence and named as the service',
						panelText.includes( 'E2E Relay' ) &&
							panelText.includes( 'High confidence' ) &&
							( await panel
								.locator( '.cartbay-delivery-test__status' )
								.getAttribute( 'class' ) )!.includes(
								'is-success'
							),
						panelText.slice( 0, 600 )
					);
					await checkAxe(
						t,
						page,
						'.cartbay-notifications',
						'axe-core finds no WCAG 2.1 A/AA violation in Notifications'
					);

					// ---- Send Test Email: accepted, then the mailer's error --------------------------------
					const to = `delivery.${ process.pid }@example.test`;
					await panel
						.getByLabel( 'Send the test email to' )
						.fill( to );
					await panel
						.getByRole( 'button', { name: 'Send Test Email' } )
						.click();
					await panel
						.locator( '.cartbay-delivery-test__ok' )
						.waitFor();
					const mails = store.site.readMailTo( to );
					t.check(
						'Send Test Email reports success and the store captured one test email to that address',
						mails.length === 1 &&
							/CartBay test email/.test(
								String(
									( mails[ 0 ] as { subject?: string } )
										.subject
								)
							) &&
							(
								await panel
									.locator( '.cartbay-delivery-test__result' )
									.innerText()
							).includes( to ),
						mails
					);
					const topShot = join(
						shots,
						'admin-notifications-delivery.png'
					);
					await panel.scrollIntoViewIfNeeded();
					await page.screenshot( { path: topShot } );
					await store.site.runPhpOrThrow(
						`update_option( 'cartbay_store_mail_fail', 'yes' ); echo "ok\\n";`
					);
					await panel
						.getByRole( 'button', { name: 'Send Test Email' } )
						.click();
					await panel
						.locator( '.cartbay-delivery-test__error' )
						.waitFor();
					t.check(
						'with mail failing, the result shows the mailer’s error',
						(
							await panel
								.locator( '.cartbay-delivery-test__error' )
								.innerText()
						).includes( 'Simulated mail failure' )
					);
					const fullShot = join( shots, 'admin-notifications.png' );
					await page.screenshot( { path: fullShot, fullPage: true } );
					console.log(
						`          screenshots: ${ fullShot }, ${ topShot }, ${ detailShot }`
					);
				} finally {
					removeFilter();
					await store.site.runPhpOrThrow(
						`update_option( 'cartbay_store_mail_fail', 'no' ); update_option( 'active_plugins', array_values( array_diff( (array) get_option( 'active_plugins' ), array( '${ RELAY_FOLDER }/${ RELAY_FOLDER }.php' ) ) ) ); echo "ok\\n";`
					);
				}
			},
			async () => {
				const page = contexts[ contexts.length - 1 ]?.pages()[ 0 ];
				const path = join( shots, 'admin-notifications-failure.png' );
				await page?.screenshot( { path, fullPage: true } );
				console.log( `          screenshot: ${ path }` );
			}
		);
	} finally {
		remove();
		rmSync( relayDir, { recursive: true, force: true } );
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
		await resetSessions( store.site );
	}
}
