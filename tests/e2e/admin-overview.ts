/**
 * E2E: the admin Overview in Chromium, signed in as the store's administrator, on sessions seeded
 * through CartBay's own services (tests/support/store-fixtures.ts): the cards equal `GET /analytics` for
 * the period, the period is in the URL and back/forward move between periods and sections, the Sessions
 * table sorts and pages like `GET /sessions`, the export links are signed, the More and session modals
 * open and close by keyboard with the focus going back, and the page logs no console error.
 *
 * A screenshot goes to a temporary folder (its path is printed); nothing is written to the repository.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
	jobs,
	metrics,
	plugin,
	reportPeriods,
	reportLimits,
} from '../../plugin/schema';
import { formatMetric } from '../../admin-ui/src/format';
import { ADMIN } from '../../tools/store/install';
import type { Checks } from '../support/checks';
import {
	COMMON_TEST_HELPERS,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';
import { EVENT, STATUS } from '../support/schema-names';
import { collectErrors } from './checkout';
import type { BrowserEnv, StoreEnv } from './env';
import { signIn } from './admin-session';
import { checkAxe } from './axe';
import { resetSessions } from './sessions';

export interface AdminOverviewEnv {
	t: Checks;
	store: StoreEnv;
	browser: BrowserEnv;
	filter: string;
}

const NAME =
	'admin overview: cards equal GET /analytics, period in the URL, back/forward, table sort and pages, keyboard modals';

/** The admin page's language (WordPress prints `lang="en-US"`): figures are formatted as the app does. */
const LOCALE = 'en-US';
const SCREEN = '/wp-admin/admin.php?page=wc-settings&tab=cartbay';
const ANALYTICS_HOOKS = jobs
	.map( ( job ) => job.hook )
	.filter( ( hook ) => hook.includes( 'analytics' ) );
const SERVICE = `\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Analytics\\AnalyticsService::class )`;

/** Seeded sessions: 25 (more than a page), 6 of them created 20 days ago (in 30 days, not in 7). */
const SEEDED = 25;
const OLD = 6;

interface Analytics {
	days: number;
	metrics: Record< string, number | null >;
	currency: string;
	statuses: Record< string, number >;
}

interface Row {
	session_id: string;
	cart_total: number;
}

export async function adminOverviewScenarios(
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
	const contexts: BrowserContext[] = [];
	const shots = mkdtempSync( join( tmpdir(), 'cartbay-overview-' ) );
	/** Applies the queued ledger work and recomputes the cached report, as the hourly refresh does. */
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
				await refreshAnalytics();
				const context = await browser.newContext();
				contexts.push( context );
				const page = await context.newPage();
				const errors = collectErrors( page );
				// The harness aborts every non-loopback request (WooCommerce's admin asks for remote
				// resources); Chromium logs each as "Failed to load resource". Those, and only those, are expected.
				// A request cut short by leaving the page (net::ERR_ABORTED, core's compression test) is no error.
				const failed: string[] = [];
				page.on( 'requestfailed', ( request ) => {
					if ( request.failure()?.errorText !== 'net::ERR_ABORTED' ) {
						failed.push( request.url() );
					}
				} );
				await logIn( page, url );

				const api = < T >( path: string ) =>
					page.evaluate(
						async ( p ) =>
							(
								window as unknown as {
									wp: {
										apiFetch: ( o: {
											path: string;
										} ) => Promise< unknown >;
									};
								}
							 ).wp.apiFetch( { path: p } ),
						`/${ plugin.restNamespace }${ path }`
					) as Promise< T >;
				const cardValue = ( key: string ) =>
					page
						.locator(
							`.cartbay-stat[data-metric="${ key }"] .cartbay-stat__value`
						)
						.first()
						.innerText();
				/**
				 * Every main card (or the More modal's) against the answer, formatted as the app formats.
				 * @param label
				 * @param answer
				 * @param card
				 */
				const checkCards = async (
					label: string,
					answer: Analytics,
					card: 'main' | 'more'
				) => {
					const shown: Record< string, string > = {};
					const want: Record< string, string > = {};
					for ( const metric of metrics.filter(
						( m ) => m.card === card
					) ) {
						shown[ metric.key ] = await cardValue( metric.key );
						want[ metric.key ] = formatMetric(
							answer.metrics[ metric.key ],
							metric.format,
							answer.currency,
							LOCALE
						);
					}
					t.equal( label, shown, want );
				};
				const waitForCards = async ( answer: Analytics ) => {
					const key = 'tracked_carts';
					const want = formatMetric(
						answer.metrics[ key ],
						'count',
						answer.currency,
						LOCALE
					);
					await page.waitForFunction(
						( [ k, w ] ) =>
							document
								.querySelector(
									`.cartbay-stat[data-metric="${ k }"] .cartbay-stat__value`
								)
								?.textContent?.trim() === w,
						[ key, want ] as const
					);
				};
				const query = () => new URL( page.url() ).searchParams;

				// ---- empty store: the empty state points at the Capture section -------------------------
				await page.goto( `${ url }${ SCREEN }` );
				await page.waitForSelector( '.cartbay-stat' );
				const empty = await api< Analytics >(
					`/analytics?days=${ reportPeriods.defaultDays }`
				);
				const notice = page.locator( '.cartbay-overview__empty' );
				if ( empty.metrics.tracked_carts === 0 ) {
					t.check(
						'no tracked carts: the empty state is shown',
						await notice.isVisible()
					);
					await notice.getByRole( 'link' ).click();
					await page.waitForFunction(
						() =>
							document
								.querySelector(
									'[role="tab"][aria-selected="true"]'
								)
								?.textContent?.includes( 'Capture' ) ?? false
					);
					t.check(
						'its link opens the Capture section and focuses its tab',
						query().get( 'section' ) === 'capture' &&
							( await page
								.locator( '[role="tab"][aria-selected="true"]' )
								.evaluate(
									( el ) =>
										el === el.ownerDocument.activeElement
								) ),
						page.url()
					);
				} else {
					t.check(
						'tracked carts: no empty state',
						! ( await notice.isVisible() ),
						empty.metrics
					);
				}

				// ---- seed sessions in four statuses; some created 20 days ago ----------------------------
				const statuses = [
					STATUS.captured,
					STATUS.abandoned,
					STATUS.recovered,
					STATUS.suppressed,
				];
				const skus = [ 'CB-MUG', 'CB-HOODIE', 'CB-CAP', 'CB-EBOOK' ];
				await store.site.runPhpOrThrow( `
$statuses = ${ JSON.stringify( statuses ) };
$skus     = ${ JSON.stringify( skus ) };
for ( $i = 0; $i < ${ SEEDED }; $i++ ) {
	$s = cartbay_test_session( array(
		'email'  => sprintf( 'overview%02d.${ process.pid }@example.test', $i ),
		'items'  => array( array( $skus[ $i % 4 ], 1 + ( $i % 3 ) ) ),
		'status' => 'wc-' . $statuses[ $i % 4 ],
	) );
	// A timeline for the details: captured, then abandoned.
	$o    = wc_get_order( $s['id'] );
	$repo = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Data\\SessionRepository::class );
	$repo->add_event( $o, '${ EVENT.CAPTURED }' );
	$repo->add_event( $o, '${ EVENT.ABANDONED }' );
	if ( $i < ${ OLD } ) {
		$o->set_date_created( time() - 20 * DAY_IN_SECONDS );
	}
	$o->save();
}
echo "ok\\n";` );
				await refreshAnalytics();

				const a30 = await api< Analytics >( '/analytics?days=30' );
				const a7 = await api< Analytics >( '/analytics?days=7' );
				t.check(
					'fixture: 30 days track more carts than 7',
					( a30.metrics.tracked_carts ?? 0 ) >
						( a7.metrics.tracked_carts ?? 0 ),
					{ a30: a30.metrics, a7: a7.metrics }
				);

				// ---- the Overview of the default period ---------------------------------------------------
				await page.goto( `${ url }${ SCREEN }` );
				await page.waitForSelector( '.cartbay-stat' );
				t.check(
					'Overview is the first tab and opens by default',
					( await page
						.locator( '[role="tab"][aria-selected="true"]' )
						.innerText() ) === 'Overview'
				);
				await waitForCards( a30 );
				await checkCards(
					'main cards equal GET /analytics?days=30',
					a30,
					'main'
				);
				const guide: Record< string, string > = {};
				for ( const key of Object.keys( a30.statuses ) ) {
					guide[ key ] = (
						await page
							.locator(
								`.cartbay-status-guide__item[data-status="${ key }"] .cartbay-status-guide__count`
							)
							.innerText()
					).trim();
				}
				t.equal(
					'Status Guide counts equal the answer’s statuses',
					guide,
					Object.fromEntries(
						Object.entries( a30.statuses ).map( ( [ k, v ] ) => [
							k,
							String( v ),
						] )
					)
				);
				t.check(
					'the trend chart has a text alternative and a data table of every day',
					( await page
						.locator( '.cartbay-trend svg[role="img"] desc' )
						.count() ) === 1 &&
						( await page
							.locator( '.cartbay-trend__data tbody tr' )
							.count() ) === 30
				);

				// ---- More: opens with Space, closes with Escape, focus goes back ---------------------------
				const more = page.locator( '.cartbay-stats__more' );
				await more.focus();
				await page.keyboard.press( 'Space' );
				const dialog = page.getByRole( 'dialog' );
				await dialog.waitFor();
				await checkCards(
					'More cards equal GET /analytics?days=30',
					a30,
					'more'
				);
				await page.keyboard.press( 'Escape' );
				await dialog.waitFor( { state: 'detached' } );
				t.check(
					'More closes with Escape and the focus is back on its button',
					await more.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				);

				// ---- the period: 7 days, in the URL -------------------------------------------------------
				await page.getByLabel( 'Reporting period' ).selectOption( '7' );
				await waitForCards( a7 );
				t.check(
					'switching to 7 days puts period=7 in the URL',
					query().get( 'period' ) === '7',
					page.url()
				);
				await checkCards(
					'cards equal GET /analytics?days=7',
					a7,
					'main'
				);

				// ---- back/forward between sections and periods -------------------------------------------
				await page.getByRole( 'tab', { name: 'Capture' } ).click();
				await page.waitForFunction(
					() =>
						new URL( location.href ).searchParams.get(
							'section'
						) === 'capture'
				);
				await page.goBack();
				await page.waitForSelector( '.cartbay-stat' );
				await waitForCards( a7 );
				t.check(
					'Back returns to the Overview of 7 days',
					query().get( 'section' ) === 'overview' &&
						query().get( 'period' ) === '7',
					page.url()
				);
				await page.goBack();
				await waitForCards( a30 );
				t.check(
					'Back again returns to 30 days',
					query().get( 'period' ) === null,
					page.url()
				);
				await page.goForward();
				await waitForCards( a7 );
				await page.goForward();
				await page.waitForFunction(
					() =>
						document
							.querySelector(
								'[role="tab"][aria-selected="true"]'
							)
							?.textContent?.includes( 'Capture' ) ?? false
				);
				t.check(
					'Forward goes to 7 days, then to Capture',
					query().get( 'section' ) === 'capture',
					page.url()
				);
				await page.getByRole( 'tab', { name: 'Overview' } ).click();
				await page
					.getByLabel( 'Reporting period' )
					.selectOption( '30' );
				await waitForCards( a30 );

				// ---- the Sessions table: pages and sorting -----------------------------------------------
				const shownIds = async () =>
					page
						.locator(
							'.cartbay-sessions__table tbody tr[data-session]'
						)
						.evaluateAll( ( rows ) =>
							rows.map( ( r ) =>
								r.getAttribute( 'data-session' )
							)
						);
				const waitForIds = async ( want: string[] ) => {
					await page
						.waitForFunction(
							( w ) =>
								JSON.stringify(
									[
										...document.querySelectorAll(
											'.cartbay-sessions__table tbody tr[data-session]'
										),
									].map( ( r ) =>
										r.getAttribute( 'data-session' )
									)
								) === JSON.stringify( w ),
							want,
							{ timeout: 10_000 }
						)
						.catch( () => undefined );
				};
				const listIds = async ( args: string ) =>
					( await api< Row[] >( `/sessions?days=30&${ args }` ) ).map(
						( r ) => r.session_id
					);

				const created = await listIds(
					'orderby=created&order=desc&page=1'
				);
				await waitForIds( created );
				t.equal(
					`page 1 shows ${ reportLimits.pageSize } rows, as GET /sessions`,
					await shownIds(),
					created
				);
				t.check(
					'the count says every session and the pages',
					(
						await page
							.locator( '.cartbay-sessions__count' )
							.innerText()
					).includes( `${ SEEDED } sessions · page 1 of 2` ),
					await page.locator( '.cartbay-sessions__count' ).innerText()
				);
				await page.getByRole( 'button', { name: 'Next page' } ).click();
				const created2 = await listIds(
					'orderby=created&order=desc&page=2'
				);
				await waitForIds( created2 );
				t.equal(
					'Next page shows page 2 as GET /sessions',
					await shownIds(),
					created2
				);
				t.check(
					'page 2 holds the rest',
					created2.length === SEEDED - reportLimits.pageSize,
					created2
				);

				const sortButton = page.locator(
					'th[data-column="cart_total"] button'
				);
				await sortButton.click();
				const byTotalDesc = await listIds(
					'orderby=cart_total&order=desc&page=1'
				);
				await waitForIds( byTotalDesc );
				t.check(
					'sorting by cart total: descending first, aria-sort says so, back to page 1',
					( await page
						.locator( 'th[data-column="cart_total"]' )
						.getAttribute( 'aria-sort' ) ) === 'descending' &&
						( await page
							.locator( 'th[data-column="created"]' )
							.getAttribute( 'aria-sort' ) ) === 'none' &&
						JSON.stringify( await shownIds() ) ===
							JSON.stringify( byTotalDesc ),
					{ shown: await shownIds(), want: byTotalDesc }
				);
				// The keyboard sorts too: Enter on the focused header button.
				await sortButton.focus();
				await page.keyboard.press( 'Enter' );
				const byTotalAsc = await listIds(
					'orderby=cart_total&order=asc&page=1'
				);
				await waitForIds( byTotalAsc );
				t.check(
					'Enter on the header sorts ascending',
					( await page
						.locator( 'th[data-column="cart_total"]' )
						.getAttribute( 'aria-sort' ) ) === 'ascending' &&
						JSON.stringify( await shownIds() ) ===
							JSON.stringify( byTotalAsc ),
					{ shown: await shownIds(), want: byTotalAsc }
				);

				// ---- status filter and export links -------------------------------------------------------
				await page
					.getByLabel( 'Status', { exact: true } )
					.selectOption( 'abandoned' );
				const abandoned = await listIds(
					'status=abandoned&orderby=cart_total&order=asc&page=1'
				);
				await waitForIds( abandoned );
				t.equal(
					'the abandoned filter lists what GET /sessions lists',
					await shownIds(),
					abandoned
				);
				const href = await page
					.getByRole( 'link', { name: 'Export Sessions CSV' } )
					.getAttribute( 'href' );
				const exportUrl = new URL( href ?? '', url );
				t.check(
					'the export link carries the filters and the REST nonce',
					exportUrl.pathname.endsWith(
						`/${ plugin.restNamespace }/exports/sessions`
					) &&
						exportUrl.searchParams.get( 'status' ) ===
							'abandoned' &&
						exportUrl.searchParams.get( 'orderby' ) ===
							'cart_total' &&
						exportUrl.searchParams.get( 'days' ) === '30' &&
						( exportUrl.searchParams.get( '_wpnonce' ) ?? '' ) !==
							'',
					href
				);
				const csv = await page.evaluate( async ( u ) => {
					const response = await fetch( u, {
						credentials: 'same-origin',
					} );
					return {
						status: response.status,
						type: response.headers.get( 'content-type' ),
						lines: ( await response.text() ).trim().split( '\n' )
							.length,
					};
				}, exportUrl.toString() );
				t.check(
					'the signed export link downloads the CSV of those rows',
					csv.status === 200 &&
						( csv.type ?? '' ).includes( 'text/csv' ) &&
						csv.lines === abandoned.length + 1,
					csv
				);
				await page
					.getByLabel( 'Status', { exact: true } )
					.selectOption( 'all' );
				await waitForIds( byTotalAsc );

				// ---- search: an email matches its session -------------------------------------------------
				const wanted = `overview07.${ process.pid }@example.test`;
				const searched = (
					await api< Row[] >(
						`/sessions?days=30&orderby=cart_total&order=asc&search=${ encodeURIComponent( wanted ) }`
					)
				).map( ( r ) => r.session_id );
				await page.getByLabel( 'Search sessions' ).fill( wanted );
				await page.keyboard.press( 'Enter' );
				await waitForIds( searched );
				t.check(
					'searching an email lists its one session, as GET /sessions',
					searched.length === 1 &&
						JSON.stringify( await shownIds() ) ===
							JSON.stringify( searched ),
					{ shown: await shownIds(), want: searched }
				);
				await page.getByLabel( 'Search sessions' ).fill( '' );
				await page.keyboard.press( 'Enter' );
				await waitForIds( byTotalAsc );

				// ---- a session's details by keyboard ------------------------------------------------------
				const first = page.locator( '.cartbay-sessions__open' ).first();
				const firstId = ( await first.innerText() ).trim();
				await first.focus();
				await page.keyboard.press( 'Enter' );
				await dialog.waitFor();
				await dialog.locator( '.cartbay-session-detail' ).waitFor();
				const detail = await api< {
					email: string;
					events: unknown[];
				} >( `/sessions/${ firstId }` );
				const dialogText = await dialog.innerText();
				t.check(
					'Enter opens the session’s details: title, email, timeline of every event',
					detail.events.length > 0 &&
						dialogText.includes( `Session ${ firstId }` ) &&
						dialogText.includes( detail.email ) &&
						( await dialog
							.locator( '.cartbay-session-detail__timeline li' )
							.count() ) === detail.events.length,
					dialogText.slice( 0, 500 )
				);
				const shot = join( shots, 'admin-overview-detail.png' );
				await page.screenshot( { path: shot, fullPage: true } );
				await page.keyboard.press( 'Escape' );
				await dialog.waitFor( { state: 'detached' } );
				t.check(
					'Escape closes it and the focus is back on the session’s button',
					await first.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				);

				// ---- automated accessibility rules over the Overview (axe-core, when installed) ------------
				await checkAxe(
					t,
					page,
					'.cartbay-overview',
					'axe-core finds no WCAG 2.1 A/AA violation in the Overview'
				);

				// The whole page, and its top as the window shows it (a full-page shot draws WordPress's fixed
				// admin bar and menu where the window was).
				const overviewShot = join( shots, 'admin-overview.png' );
				await page.screenshot( { path: overviewShot, fullPage: true } );
				const topShot = join( shots, 'admin-overview-top.png' );
				await page.evaluate( () => window.scrollTo( 0, 0 ) );
				await page.screenshot( { path: topShot } );
				console.log(
					`          screenshots: ${ topShot }, ${ overviewShot }, ${ shot }`
				);

				const aborted = /^Failed to load resource: net::ERR_FAILED$/;
				const remote = failed.filter(
					( u ) => ! u.startsWith( url ) && ! u.startsWith( 'data:' )
				);
				const local = failed.filter( ( u ) => u.startsWith( url ) );
				const ours = errors.filter( ( e ) => ! aborted.test( e ) );
				t.check(
					'no console error on the admin page (besides the aborted remote requests)',
					ours.length === 0 &&
						local.length === 0 &&
						errors.filter( ( e ) => aborted.test( e ) ).length <=
							remote.length,
					{
						errors: ours.slice( 0, 5 ),
						local,
						remote: remote.slice( 0, 5 ),
					}
				);
			},
			async () => {
				const page = contexts[ contexts.length - 1 ]?.pages()[ 0 ];
				const path = join( shots, 'admin-overview-failure.png' );
				await page?.screenshot( { path, fullPage: true } );
				console.log( `          screenshot: ${ path }` );
			}
		);
	} finally {
		remove();
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
		await resetSessions( store.site );
	}
}

/**
 * Signs in as the store's administrator.
 * @param page
 * @param url
 */
export function logIn( page: Page, url: string ): Promise< void > {
	return signIn( page, url, ADMIN );
}
