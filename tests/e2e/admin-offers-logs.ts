/**
 * E2E: the admin Offers and Logs sections in Chromium, signed in as the administrator.
 *
 * Offers: the Discount Summary follows the coupon fields as they are typed (nothing saved), the percentage
 * warning appears with a percentage and turns into an error at the cap; Coupon History, on coupons issued
 * through CartBay's own CouponIssuer (tests/support/store-fixtures.ts), shows the cards and rows of
 * `GET /coupons` page by page, and a coupon's More details show its full code (`GET /coupons/{id}`), the
 * focus going back to the button on Escape.
 *
 * Logs (hidden, no tab): opened from Settings' "Open CartBay Logs", it lists what `GET /logs` lists for
 * entries written through CartBay's Logger, a level filter and a search narrow it as the route does, an
 * entry's details show its context and Copy puts the entry on the clipboard and says so; Back and Forward
 * move between Settings and Logs. axe-core finds no WCAG 2.1 A/AA violation in either section. Screenshots
 * go to a temporary folder (their paths are printed).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
	metaKeys,
	plugin,
	reportLimits,
	settingsOption,
} from '../../plugin/schema';
import { normalizeSettings } from '../../plugin/schema/normalize';
import {
	couponStatusLabel,
	discountSummary,
	percentCap,
} from '../../admin-ui/src/offers';
import { logEntryText } from '../../admin-ui/src/logs';
import type {
	CouponDetail,
	CouponRow,
	LogEntry,
} from '../../admin-ui/src/store/types';
import {
	COMMON_TEST_HELPERS,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';
import { logIn, type AdminOverviewEnv } from './admin-overview';
import { restClient } from './admin-session';
import { checkAxe } from './axe';
import { resetSessions } from './sessions';

const NAME =
	'admin offers and logs: live discount summary, percentage warning, coupon history as GET /coupons, coupon details, Logs as GET /logs, filters, Copy, back/forward';

/** The admin page's language (WordPress prints `lang="en-US"`): texts are worded as the app words them. */
const LOCALE = 'en-US';
const SCREEN = '/wp-admin/admin.php?page=wc-settings&tab=cartbay';
/** More coupons than one page holds. */
const COUPONS = reportLimits.pageSize + 3;
const GENERATED = metaKeys.constants.find(
	( c ) => c.name === 'COUPON_GENERATED'
)!.value;
const COUPON_DEFAULTS = Object.fromEntries(
	settingsOption.fields
		.filter( ( f ) => f.section === 'offers' )
		.map( ( f ) => [ f.key, f.default ] )
);
/** Deletes every CartBay-generated coupon (a clean count before, nothing left after). */
const DELETE_COUPONS = `
foreach ( get_posts( array( 'post_type' => 'shop_coupon', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids', 'meta_key' => ${ JSON.stringify(
	GENERATED
) }, 'meta_value' => 'yes' ) ) as $id ) { wp_delete_post( $id, true ); }
echo "ok\\n";`;

interface CouponsAnswer {
	cards: Record< string, number >;
	coupons: CouponRow[];
}

export async function adminOffersLogsScenarios(
	env: AdminOverviewEnv
): Promise< void > {
	const { t, store, browser, filter } = env;
	if ( filter && ! NAME.includes( filter ) ) {
		return;
	}
	const url = store.url.replace( /\/$/, '' );
	await resetSessions( store.site );
	await store.site.runPhpOrThrow( DELETE_COUPONS );
	const remove = installMuPlugins( store.site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
	} );
	const contexts: BrowserContext[] = [];
	const shots = mkdtempSync( join( tmpdir(), 'cartbay-offers-logs-' ) );
	try {
		await t.group(
			NAME,
			async () => {
				const context = await browser.newContext();
				contexts.push( context );
				await context.grantPermissions(
					[ 'clipboard-read', 'clipboard-write' ],
					{ origin: new URL( url ).origin }
				);
				const page = await context.newPage();
				await logIn( page, url );
				const api = restClient( page );
				const query = () => new URL( page.url() ).searchParams;

				// ---- the offer: the schema defaults, saved -------------------------------------------------
				await page.goto( `${ url }${ SCREEN }&section=offers` );
				await api( '/settings', 'PATCH', COUPON_DEFAULTS );
				await page.reload();
				const currency = await page.evaluate(
					() =>
						(
							window as unknown as {
								cartbayAdmin?: { currency?: string };
							}
						 ).cartbayAdmin?.currency ?? ''
				);
				const summary = page.locator( '.cartbay-offers__summary-text' );
				const warning = page.locator( '.cartbay-offers__warning' );
				await summary.waitFor();
				/**
				 * Waits until the summary says what the app words for these (normalized) values.
				 * @param label  Check name.
				 * @param values Field values typed so far.
				 */
				const checkSummary = async (
					label: string,
					values: Record< string, unknown >
				) => {
					const want = discountSummary(
						normalizeSettings( { ...COUPON_DEFAULTS, ...values } ),
						currency,
						LOCALE
					);
					await page
						.waitForFunction(
							( w ) =>
								document
									.querySelector(
										'.cartbay-offers__summary-text'
									)
									?.textContent?.trim() === w,
							want,
							{ timeout: 5_000 }
						)
						.catch( () => undefined );
					t.equal(
						label,
						( await summary.innerText() ).trim(),
						want
					);
				};
				await checkSummary( 'the summary words the saved offer', {} );
				t.check(
					'a fixed cart discount has no percentage warning',
					( await warning.count() ) === 0
				);

				// ---- the summary follows the fields as they are typed --------------------------------------
				const amount = page.getByLabel( 'Coupon Amount', {
					exact: true,
				} );
				const expiry = page.getByLabel( 'Coupon Expiry (days)', {
					exact: true,
				} );
				await amount.fill( '25' );
				await checkSummary( 'typing 25 changes the summary at once', {
					coupon_amount: 25,
				} );
				await expiry.fill( '3' );
				await checkSummary( 'typing 3 days changes the expiry', {
					coupon_amount: 25,
					coupon_expiry_days: 3,
				} );
				await page
					.getByLabel( 'Coupon Type', { exact: true } )
					.selectOption( 'percent' );
				await checkSummary( 'choosing Percentage words 25% off', {
					coupon_type: 'percent',
					coupon_amount: 25,
					coupon_expiry_days: 3,
				} );
				await warning.waitFor();
				t.check(
					'a percentage shows the warning about the full cart total',
					( await warning.innerText() ).includes(
						'full cart total'
					) &&
						( await warning.getAttribute( 'class' ) )?.includes(
							'notice-warning'
						) === true,
					await warning.innerText()
				);
				const cap = percentCap() ?? 100;
				await amount.fill( String( cap + 50 ) );
				await checkSummary(
					'a percentage above the cap is summarized as the cap the server would save',
					{
						coupon_type: 'percent',
						coupon_amount: cap + 50,
						coupon_expiry_days: 3,
					}
				);
				await page
					.waitForFunction(
						() =>
							document
								.querySelector( '.cartbay-offers__warning' )
								?.classList.contains( 'notice-error' ),
						undefined,
						{ timeout: 5_000 }
					)
					.catch( () => undefined );
				t.check(
					'at the cap the warning says the whole cart is free',
					( await warning.innerText() ).includes(
						'makes the whole cart free'
					),
					await warning.innerText()
				);
				const saved =
					await api< Record< string, unknown > >( '/settings' );
				t.check(
					'nothing was saved while typing',
					saved.coupon_type === COUPON_DEFAULTS.coupon_type &&
						saved.coupon_amount === COUPON_DEFAULTS.coupon_amount,
					saved
				);
				await amount.fill( String( COUPON_DEFAULTS.coupon_amount ) );
				const offersShot = join( shots, 'admin-offers-summary.png' );
				await page.screenshot( { path: offersShot, fullPage: true } );
				console.log( `          screenshot: ${ offersShot }` );

				// ---- Coupon History: empty, then coupons issued by CartBay ---------------------------------
				await page.reload();
				const history = page.getByRole( 'button', {
					name: 'View coupon history and details',
				} );
				await history.click();
				await page.locator( '.cartbay-coupons__empty' ).waitFor();
				t.check(
					'no coupons: the empty state points at Recovery Sequence',
					(
						( await page
							.locator( '.cartbay-coupons__empty a' )
							.getAttribute( 'href' ) ) ?? ''
					).includes( 'section=recovery-sequence' )
				);

				await store.site.runPhpOrThrow( `
for ( $i = 0; $i < ${ COUPONS }; $i++ ) {
	$s = cartbay_test_session( array(
		'email'  => sprintf( 'coupon%02d.${ process.pid }@example.test', $i ),
		'items'  => array( array( 'CB-MUG', 1 ) ),
		'coupon' => true,
	) );
	$c = new WC_Coupon( $s['coupon'] );
	if ( 0 === $i ) { $c->set_usage_count( 1 ); }
	if ( 1 === $i || 2 === $i ) { $c->set_date_expires( time() - DAY_IN_SECONDS ); }
	$c->save();
}
echo "ok\\n";` );
				const first = await api< CouponsAnswer >( '/coupons?page=1' );
				const second = await api< CouponsAnswer >( '/coupons?page=2' );
				t.check(
					'fixture: CartBay issued every coupon, over two pages',
					first.cards.generated === COUPONS &&
						first.coupons.length === reportLimits.pageSize &&
						second.coupons.length ===
							COUPONS - reportLimits.pageSize,
					first.cards
				);

				await page.reload();
				await history.click();
				await page.locator( '.cartbay-coupons__table' ).waitFor();
				const cards: Record< string, number > = {};
				for ( const card of Object.keys( first.cards ) ) {
					cards[ card ] = Number(
						await page
							.locator(
								`.cartbay-coupons__cards [data-card="${ card }"] .cartbay-stat__value`
							)
							.innerText()
					);
				}
				t.equal(
					'the four cards equal GET /coupons',
					cards,
					first.cards
				);
				t.check(
					'the cards count used, expired and active coupons',
					first.cards.used === 1 &&
						first.cards.expired === 2 &&
						first.cards.active === COUPONS - 3,
					first.cards
				);
				const rowsShown = () =>
					page
						.locator( '.cartbay-coupons__table tbody tr' )
						.evaluateAll( ( rows ) =>
							rows.map( ( r ) => ( {
								id: Number( r.getAttribute( 'data-coupon' ) ),
								code: r.querySelector( 'code' )?.textContent,
								status: r
									.querySelector( '.cartbay-status' )
									?.textContent?.trim(),
							} ) )
						);
				const rowsOf = ( answer: CouponsAnswer ) =>
					answer.coupons.map( ( c ) => ( {
						id: c.coupon_id,
						code: c.code,
						status: couponStatusLabel( c.status ),
					} ) );
				t.equal(
					'page 1: the rows (masked codes, statuses) equal GET /coupons',
					await rowsShown(),
					rowsOf( first )
				);
				t.check(
					'the codes in the table are masked',
					first.coupons.every( ( c ) => c.code.includes( '*' ) ),
					first.coupons.map( ( c ) => c.code )
				);
				await page
					.getByRole( 'navigation', { name: 'Coupon History pages' } )
					.getByRole( 'button', { name: 'Next page' } )
					.click();
				await page
					.waitForFunction(
						( id ) =>
							document
								.querySelector(
									'.cartbay-coupons__table tbody tr'
								)
								?.getAttribute( 'data-coupon' ) ===
							String( id ),
						second.coupons[ 0 ]!.coupon_id,
						{ timeout: 10_000 }
					)
					.catch( () => undefined );
				t.equal(
					'page 2: the rows equal GET /coupons?page=2',
					await rowsShown(),
					rowsOf( second )
				);

				// ---- More details: the full code, by keyboard; focus back on Escape ------------------------
				const target = second.coupons[ 0 ]!;
				const detail = await api< CouponDetail >(
					`/coupons/${ target.coupon_id }`
				);
				const more = page.locator(
					`.cartbay-coupons__table tr[data-coupon="${ target.coupon_id }"] button`
				);
				await more.focus();
				await page.keyboard.press( 'Enter' );
				const dialog = page.getByRole( 'dialog' );
				await dialog.locator( '.cartbay-coupon-modal__code' ).waitFor();
				const fullCode = (
					await dialog
						.locator( '.cartbay-coupon-modal__code' )
						.innerText()
				).trim();
				t.check(
					'More details show the full code of GET /coupons/{id} (not the masked one)',
					fullCode === detail.code &&
						fullCode !== target.code &&
						! fullCode.includes( '*' ),
					{ fullCode, detail: detail.code, masked: target.code }
				);
				t.check(
					'the details show the email the coupon is restricted to',
					detail.email_restrictions.length > 0 &&
						( await dialog.innerText() ).includes(
							detail.email_restrictions[ 0 ]!
						),
					detail.email_restrictions
				);
				const modalShot = join( shots, 'admin-offers-coupon.png' );
				await page.screenshot( { path: modalShot, fullPage: true } );
				console.log( `          screenshot: ${ modalShot }` );
				await page.keyboard.press( 'Escape' );
				await dialog.waitFor( { state: 'detached' } );
				t.check(
					'the details close with Escape and the focus is back on More',
					await more.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				);
				await checkAxe(
					t,
					page,
					'.cartbay-admin__screen',
					'axe-core finds no WCAG 2.1 A/AA violation in Offers (with Coupon History)'
				);
				const historyShot = join( shots, 'admin-offers-history.png' );
				await page.screenshot( { path: historyShot, fullPage: true } );
				console.log( `          screenshot: ${ historyShot }` );

				// ---- Logs: entries written through CartBay's Logger -------------------------------------------
				const marker = `e2e${ process.pid }`;
				await store.site.runPhpOrThrow( `
\\WPAnchorBay\\CartBay\\Logging\\Logger::info( 'email.sent', array( 'order_id' => 101, 'note' => '${ marker }-sent' ) );
\\WPAnchorBay\\CartBay\\Logging\\Logger::warning( 'restore.failed', array( 'order_id' => 102, 'reason' => '${ marker }-expired' ) );
\\WPAnchorBay\\CartBay\\Logging\\Logger::error( 'email.failed', array( 'order_id' => 103, 'reason' => '${ marker }-smtp' ) );
echo "ok\\n";` );

				await page.goto( `${ url }${ SCREEN }&section=settings` );
				const open = page.getByRole( 'link', {
					name: 'Open CartBay Logs',
				} );
				await open.waitFor();
				t.check(
					'Settings links to WooCommerce’s logs of the cartbay source',
					(
						( await page
							.getByRole( 'link', { name: 'View Logs' } )
							.getAttribute( 'href' ) ) ?? ''
					).includes(
						`page=wc-status&tab=logs&source=${ plugin.logSource }`
					)
				);
				await open.click();
				await page.locator( '.cartbay-logs__table' ).waitFor();
				t.check(
					'"Open CartBay Logs" opens section=logs without a tab, its title focused',
					query().get( 'section' ) === 'logs' &&
						( await page.locator( '[role="tab"]' ).count() ) ===
							0 &&
						( await page
							.locator( '.cartbay-admin__hidden-title' )
							.evaluate(
								( el ) => el === el.ownerDocument.activeElement
							) ),
					page.url()
				);

				const shownEntries = () =>
					page
						.locator( '.cartbay-logs__table tbody tr[data-event]' )
						.evaluateAll( ( rows ) =>
							rows.map( ( r ) => ( {
								event: r.getAttribute( 'data-event' ),
								level: r.getAttribute( 'data-level' ),
								time: r
									.querySelector( 'time' )
									?.getAttribute( 'datetime' ),
							} ) )
						);
				const entriesOf = ( entries: LogEntry[] ) =>
					entries.map( ( e ) => ( {
						event: e.event,
						level: e.level,
						time: e.time,
					} ) );
				const waitForRows = async ( count: number ) =>
					page
						.waitForFunction(
							( n ) =>
								document.querySelectorAll(
									'.cartbay-logs__table tbody tr[data-event]'
								).length === n,
							count,
							{ timeout: 10_000 }
						)
						.catch( () => undefined );
				const all = await api< LogEntry[] >( '/logs?page=1' );
				t.equal(
					'Logs lists what GET /logs lists (newest first)',
					await shownEntries(),
					entriesOf( all )
				);
				t.check(
					'fixture: the Logger’s three entries are listed',
					[ 'email.sent', 'restore.failed', 'email.failed' ].every(
						( event ) =>
							all.some(
								( e ) =>
									e.event === event &&
									JSON.stringify( e.context ).includes(
										marker
									)
							)
					),
					all.slice( 0, 5 )
				);

				await page
					.getByLabel( 'Level', { exact: true } )
					.selectOption( 'warning' );
				const warnings = await api< LogEntry[] >(
					'/logs?level=warning&page=1'
				);
				await waitForRows( warnings.length );
				t.check(
					'the Warning level narrows the list to GET /logs?level=warning',
					JSON.stringify( await shownEntries() ) ===
						JSON.stringify( entriesOf( warnings ) ) &&
						warnings.length < all.length &&
						warnings.every( ( e ) => e.level === 'warning' ),
					{ shown: await shownEntries(), warnings }
				);
				await page
					.getByLabel( 'Level', { exact: true } )
					.selectOption( 'all' );
				await page
					.getByLabel( 'Search logs', { exact: true } )
					.fill( `${ marker }-smtp` );
				await page
					.getByLabel( 'Search logs', { exact: true } )
					.press( 'Enter' );
				await waitForRows( 1 );
				const found = await api< LogEntry[] >(
					`/logs?search=${ marker }-smtp&page=1`
				);
				t.equal(
					'a search narrows the list to GET /logs?search=…',
					await shownEntries(),
					entriesOf( found )
				);
				t.check(
					'the count line uses the X-WP-Total header',
					(
						await page
							.locator( '.cartbay-logs .cartbay-sessions__count' )
							.innerText()
					).startsWith( `${ found.length } entr` )
				);

				// ---- details and Copy ------------------------------------------------------------------------
				const entry = found[ 0 ]!;
				const details = page
					.locator( '.cartbay-logs__table tbody tr[data-event]' )
					.first()
					.getByRole( 'button' );
				await details.focus();
				await page.keyboard.press( 'Enter' );
				const logDialog = page.getByRole( 'dialog' );
				await logDialog
					.locator( '.cartbay-log-modal__context' )
					.waitFor();
				t.equal(
					'the details show the entry’s context as JSON',
					JSON.parse(
						await logDialog
							.locator( '.cartbay-log-modal__context' )
							.innerText()
					),
					entry.context
				);
				await logDialog.getByRole( 'button', { name: 'Copy' } ).click();
				await logDialog
					.getByRole( 'status' )
					.filter( { hasText: 'copied' } )
					.waitFor( { timeout: 5_000 } )
					.catch( () => undefined );
				const copied = await page.evaluate( () =>
					navigator.clipboard.readText()
				);
				t.check(
					'Copy puts the entry on the clipboard as text and announces it',
					copied === logEntryText( entry ) &&
						(
							await logDialog
								.locator( '.cartbay-logs__copy-status' )
								.innerText()
						).includes( 'Entry copied to the clipboard.' ),
					copied
				);
				const logsModalShot = join( shots, 'admin-logs-entry.png' );
				await page.screenshot( {
					path: logsModalShot,
					fullPage: true,
				} );
				console.log( `          screenshot: ${ logsModalShot }` );
				await page.keyboard.press( 'Escape' );
				await logDialog.waitFor( { state: 'detached' } );
				t.check(
					'the details close with Escape and the focus is back on Details',
					await details.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				);
				await checkAxe(
					t,
					page,
					'.cartbay-admin__hidden',
					'axe-core finds no WCAG 2.1 A/AA violation in Logs'
				);
				const logsShot = join( shots, 'admin-logs.png' );
				await page.screenshot( { path: logsShot, fullPage: true } );
				console.log( `          screenshot: ${ logsShot }` );

				// ---- back/forward between Settings and Logs ------------------------------------------------
				await page.goBack();
				await page
					.getByRole( 'link', { name: 'Open CartBay Logs' } )
					.waitFor();
				t.check(
					'Back returns to Settings, its tab selected',
					query().get( 'section' ) === 'settings' &&
						( await page
							.locator( '[role="tab"][aria-selected="true"]' )
							.innerText() ) === 'Settings',
					page.url()
				);
				await page.goForward();
				await page.locator( '.cartbay-logs__table' ).waitFor();
				t.check(
					'Forward opens Logs again',
					query().get( 'section' ) === 'logs' &&
						( await page.locator( '[role="tab"]' ).count() ) === 0,
					page.url()
				);
				await page
					.getByRole( 'link', { name: /Back to Settings/ } )
					.click();
				await page
					.getByRole( 'link', { name: 'Open CartBay Logs' } )
					.waitFor();
				t.check(
					'its "Back to Settings" link opens Settings and focuses its tab',
					query().get( 'section' ) === 'settings' &&
						( await page
							.locator( '[role="tab"][aria-selected="true"]' )
							.evaluate(
								( el ) => el === el.ownerDocument.activeElement
							) ),
					page.url()
				);
			},
			async () => {
				const page = contexts[ contexts.length - 1 ]?.pages()[ 0 ];
				const path = join( shots, 'admin-offers-logs-failure.png' );
				await page?.screenshot( { path, fullPage: true } );
				console.log( `          screenshot: ${ path }` );
			}
		);
	} finally {
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
		remove();
		await store.site.runPhpOrThrow( DELETE_COUPONS );
		await resetSessions( store.site );
	}
}
