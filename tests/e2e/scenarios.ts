/**
 * The E2E scenarios. Each runs in fresh browser contexts (own cookies and sessionStorage) on the one
 * site of the run; sessions are cleared between scenarios so every count starts at zero.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import {
	captureClient,
	captureLimits,
	metaKeys,
	settingsOption,
} from '../../plugin/schema';
import { STATUS } from '../support/schema-names';
import {
	addToCart,
	CaptureLog,
	cartbayScripts,
	collectErrors,
	consentBox,
	fillEmail,
	type Flow,
	openCheckout,
	placeOrder,
	readCart,
	setCartQuantity,
	setConsent,
	storedSessionId,
	typeEmail,
} from './checkout';
import type { Checks } from '../support/checks';
import { artifactPath, type BrowserEnv, type StoreEnv } from './env';
import {
	readState,
	resetSessions,
	type SessionRow,
	type StoreState,
} from './sessions';
import { restoreScenarios } from './restore';
import { sequenceScenarios } from './sequence';
import { hardeningScenarios } from './hardening';
import { adminOverviewScenarios } from './admin-overview';
import { adminTemplatesScenarios } from './admin-templates';
import { adminSettingsScenarios } from './admin-settings';
import { adminWizardScenarios } from './admin-wizard';
import { adminOffersLogsScenarios } from './admin-offers-logs';
import { adminNotificationsScenarios } from './admin-notifications';

const META = Object.fromEntries(
	metaKeys.constants.map( ( c ) => [ c.name, c.value ] )
) as Record< string, string >;
const meta = ( name: string ): string => {
	const key = META[ name ];
	if ( ! key ) {
		throw new Error( `no meta key ${ name } in the schema` );
	}
	return key;
};

const FLOWS: Flow[] = [ 'classic', 'block' ];

export interface ScenarioEnv {
	t: Checks;
	store: StoreEnv;
	browser: BrowserEnv;
	filter: string;
}

interface Shopper {
	context: BrowserContext;
	page: Page;
	log: CaptureLog;
	errors: string[];
}

let runId = 0;
/**
 * A unique lower-case address per call (the hash comparison then needs no normalisation guess).
 * @param tag
 */
function email( tag: string ): string {
	runId++;
	return `${ tag }.${ process.pid }.${ runId }@example.test`;
}

export function emailHash( address: string ): string {
	return createHash( 'sha256' )
		.update( address.trim().toLowerCase() )
		.digest( 'hex' );
}

export async function scenarios( env: ScenarioEnv ): Promise< void > {
	const { t, store, browser, filter } = env;
	const ids = store.info.products;
	const id = ( sku: string ): number => {
		const value = ids[ sku ];
		if ( ! value ) {
			throw new Error(
				`no product ${ sku } in the store (${ Object.keys( ids ).join( ', ' ) })`
			);
		}
		return value;
	};
	const url = store.url;
	let captureReady: string | null = null;
	const settings = JSON.parse(
		(
			await store.site.runPhpOrThrow(
				`echo json_encode( get_option( '${ settingsOption.option }' ) ), "\\n";`
			)
		)
			.trim()
			.split( '\n' )
			.pop() ?? '{}'
	) as Record< string, unknown > | null;
	const defaultConsent = settings?.consent_default_checked !== false;

	const open: Shopper[] = [];
	/** Order-received URLs of the orders placed so far (scripts must not load there). */
	const orderReceived: string[] = [];
	const shopper = async (): Promise< Shopper > => {
		const context = await browser.newContext();
		const log = new CaptureLog( context );
		const page = await context.newPage();
		const s = { context, page, log, errors: collectErrors( page ) };
		open.push( s );
		return s;
	};
	const closeShoppers = async () => {
		for ( const s of open.splice( 0 ) ) {
			await s.context.close().catch( () => undefined );
		}
	};
	const screenshot = ( name: string ) => async () => {
		const s = open[ open.length - 1 ];
		await s?.page.screenshot( {
			path: artifactPath(
				`${ name.replace( /[^a-z0-9]+/gi, '-' ) }.png`
			),
			fullPage: true,
		} );
		if ( s?.errors.length ) {
			console.log(
				`          browser errors: ${ s.errors.slice( 0, 5 ).join( ' | ' ).slice( 0, 1500 ) }`
			);
		}
		if ( s?.log.calls.length ) {
			console.log(
				`          capture calls: ${ JSON.stringify( s.log.calls ).slice( 0, 1500 ) }`
			);
		}
	};
	const scenario = async (
		name: string,
		body: () => Promise< void >,
		needsCapture = true
	) => {
		if ( filter && ! name.includes( filter ) ) {
			return;
		}
		if ( needsCapture && captureReady ) {
			t.check( name, false, `capture not available: ${ captureReady }` );
			return;
		}
		await resetSessions( store.site );
		await t.group( name, body, screenshot( name ) );
		await closeShoppers();
	};

	/**
	 * A cookie cart, the checkout open, consent + email given and the capture settled.
	 * @param flow
	 * @param address
	 * @param cart
	 */
	const capturedShopper = async (
		flow: Flow,
		address: string,
		cart: [ string, number ][]
	): Promise< Shopper > => {
		const s = await shopper();
		for ( const [ sku, qty ] of cart ) {
			await addToCart( s.page, url, id( sku ), qty );
		}
		// A scenario about sessions needs the cart it asked for; say so plainly when the store lost a line.
		const built = await readCart( s.page );
		for ( const [ sku, qty ] of cart ) {
			const line = built.items.find( ( i ) => i.id === id( sku ) );
			if ( line?.quantity !== qty ) {
				throw new Error(
					`cart setup: ${ sku } x${ qty } asked, cart has ${ JSON.stringify( built.items ) }`
				);
			}
		}
		await openCheckout( s.page, url, flow );
		await setConsent( s.page, flow, true );
		await fillEmail( s.page, flow, address );
		await s.log.settle( s.page );
		return s;
	};
	const onlySession = ( state: StoreState ): SessionRow | undefined =>
		state.sessions.length === 1 ? state.sessions[ 0 ] : undefined;

	// ---- Environment: the plugin is active and the capture route exists -----------------------------
	await t.group(
		'environment: plugin active, capture route registered',
		async () => {
			const response = await fetch( `${ url }/wp-json/cartbay/v1` );
			const index = ( await response.json().catch( () => ( {} ) ) ) as {
				routes?: Record< string, unknown >;
			};
			const routes = Object.keys( index.routes ?? {} );
			t.check( 'cartbay/v1 namespace answers', response.ok, {
				status: response.status,
			} );
			const has = routes.some( ( r ) => r.endsWith( '/capture' ) );
			if ( ! has ) {
				captureReady = `no /cartbay/v1/capture route (routes: ${ routes.join( ', ' ) || 'none' })`;
			}
			t.check(
				'POST /cartbay/v1/capture is registered',
				has,
				captureReady ?? ''
			);
		}
	);

	// ---- Harness self-checks that need no capture: orders in both checkouts ---------------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: harness places a cash-on-delivery order`,
			async () => {
				const s = await shopper();
				await addToCart( s.page, url, id( 'CB-MUG' ), 1 );
				await openCheckout( s.page, url, flow );
				await fillEmail( s.page, flow, email( `order-${ flow }` ) );
				const orderId = await placeOrder( s.page, flow );
				orderReceived.push( s.page.url() );
				const state = await readState( store.site );
				const order = state.orders.find( ( o ) => o.id === orderId );
				t.check(
					`${ flow } order #${ orderId } is processing`,
					order?.status === 'processing',
					order ?? state.orders
				);
			},
			false
		);
	}

	// ---- 1. consent + email: exactly one session, correct meta and snapshot ---------------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: consent + email create exactly one session with the cart`,
			async () => {
				const address = email( `one-${ flow }` );
				const s = await capturedShopper( flow, address, [
					[ 'CB-HOODIE', 2 ],
					[ 'CB-MUG', 1 ],
				] );
				const cart = await readCart( s.page );
				const state = await readState( store.site );
				const calls = s.log.since( 0 );
				t.check(
					`${ flow }: capture answered 200`,
					calls.length > 0 &&
						calls.every( ( c ) => c.status === 200 ),
					calls
				);
				const session = onlySession( state );
				if (
					! t.check(
						`${ flow }: exactly one session`,
						!! session,
						state.sessions
					)
				) {
					return;
				}
				checkSession( t, flow, session!, {
					address,
					cart,
					storedId: await storedSessionId( s.page ),
					lastResponse: calls.at( -1 )?.response,
				} );
			}
		);
	}

	// ---- 2. nothing before consent + a valid email -----------------------------------------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: no capture request before consent and a valid email`,
			async () => {
				const s = await shopper();
				await addToCart( s.page, url, id( 'CB-HOODIE' ), 1 );
				await openCheckout( s.page, url, flow );
				await s.log.settle( s.page );
				t.equal( `${ flow }: none on page load`, s.log.count, 0 );
				// The consent box starts as the consent_default_checked setting says (default: checked).
				const box = consentBox( s.page, flow );
				await box.waitFor( { state: 'attached', timeout: 15_000 } );
				t.equal(
					`${ flow }: consent box starts ${ defaultConsent ? 'checked' : 'unchecked' } (setting)`,
					await box.isChecked(),
					defaultConsent
				);
				await setConsent( s.page, flow, false );
				await fillEmail( s.page, flow, email( `noconsent-${ flow }` ) );
				await s.log.settle( s.page );
				t.equal(
					`${ flow }: none for a valid email without consent`,
					s.log.count,
					0
				);
				await fillEmail( s.page, flow, 'not-an-email@' );
				await setConsent( s.page, flow, true );
				await s.log.settle( s.page );
				t.equal(
					`${ flow }: none for consent with an invalid email`,
					s.log.count,
					0
				);
				t.equal(
					`${ flow }: no session stored`,
					( await readState( store.site ) ).sessions.length,
					0
				);
				await fillEmail(
					s.page,
					flow,
					email( `nowconsent-${ flow }` )
				);
				await s.log.settle( s.page );
				t.equal(
					`${ flow }: one request once both are there`,
					s.log.count,
					1
				);
			}
		);
	}

	// ---- 3. typing char by char: at most one request per settled change -------------------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: typing an email key by key sends at most one request per settled change`,
			async () => {
				const s = await shopper();
				await addToCart( s.page, url, id( 'CB-MUG' ), 1 );
				await openCheckout( s.page, url, flow );
				await setConsent( s.page, flow, true );
				const first = email( `typed-${ flow }` );
				await typeEmail( s.page, flow, first, 60 );
				await s.log.settle( s.page );
				const afterFirst = s.log.since( 0 );
				t.check(
					`${ flow }: one request after typing ${ first.length } keys`,
					afterFirst.length === 1,
					afterFirst
				);
				t.check(
					`${ flow }: it carries the whole address`,
					bodyEmail( afterFirst[ 0 ]?.body ) === first,
					afterFirst[ 0 ]?.body
				);
				const second = email( `retyped-${ flow }` );
				await typeEmail( s.page, flow, second, 40 );
				await s.log.settle( s.page );
				const afterSecond = s.log.since( afterFirst.length );
				t.check(
					`${ flow }: at most one more request for the second settled change`,
					afterSecond.length <= 1,
					afterSecond
				);
				t.equal(
					`${ flow }: still one session`,
					( await readState( store.site ) ).sessions.length,
					1
				);
			}
		);
	}

	// ---- 4 + 5. editing the email and changing the cart update the same session -----------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: editing the email and changing the cart update the same session`,
			async () => {
				const first = email( `edit-${ flow }` );
				const s = await capturedShopper( flow, first, [
					[ 'CB-HOODIE', 1 ],
				] );
				const before = onlySession( await readState( store.site ) );
				if (
					! t.check(
						`${ flow }: one session after the first capture`,
						!! before
					)
				) {
					return;
				}
				const sessionId = before!.meta[ meta( 'SESSION_ID' ) ];
				const second = email( `edited-${ flow }` );
				await fillEmail( s.page, flow, second );
				await s.log.settle( s.page );
				let state = await readState( store.site );
				let session = onlySession( state );
				t.check(
					`${ flow }: email edit keeps one session, same id`,
					session?.meta[ meta( 'SESSION_ID' ) ] === sessionId &&
						session?.id === before!.id,
					state.sessions
				);
				t.equal(
					`${ flow }: email hash follows the edit`,
					session?.meta[ meta( 'EMAIL_HASH' ) ],
					emailHash( second )
				);
				t.equal(
					`${ flow }: sessionStorage keeps the id`,
					await storedSessionId( s.page ),
					sessionId
				);

				// Change the cart (quantity + one more product), come back to the checkout.
				await setCartQuantity( s.page, id( 'CB-HOODIE' ), 3 );
				await addToCart( s.page, url, id( 'CB-CAP' ), 1 );
				const callsBefore = s.log.count;
				await openCheckout( s.page, url, flow );
				const box = consentBox( s.page, flow );
				await box.waitFor( { state: 'attached', timeout: 15_000 } );
				const rememberedConsent = await box.isChecked();
				if ( ! rememberedConsent ) {
					await setConsent( s.page, flow, true );
				}
				const shown = await s.page
					.locator( flow === 'classic' ? '#billing_email' : '#email' )
					.inputValue();
				if ( shown !== second ) {
					await fillEmail( s.page, flow, second );
				}
				await s.log.settle( s.page );
				console.log(
					`          (back on checkout: consent ${ rememberedConsent ? 'still checked' : 'checked again' }, email ${ shown === second ? 'prefilled' : 'typed again' })`
				);
				const cart = await readCart( s.page );
				state = await readState( store.site );
				session = onlySession( state );
				t.check(
					`${ flow }: a capture was sent on return`,
					s.log.count > callsBefore,
					s.log.since( callsBefore )
				);
				t.check(
					`${ flow }: cart change keeps one session, same id`,
					session?.meta[ meta( 'SESSION_ID' ) ] === sessionId &&
						session?.id === before!.id,
					state.sessions
				);
				if ( session ) {
					t.equal(
						`${ flow }: snapshot has the changed cart`,
						snapshotLines(
							session.meta[ meta( 'CART_SNAPSHOT' ) ]
						),
						cartLines( cart.items )
					);
					t.check(
						`${ flow }: cart total follows the change`,
						totalMatches(
							session.meta[ meta( 'CART_TOTAL' ) ],
							cart
						),
						{
							stored: session.meta[ meta( 'CART_TOTAL' ) ],
							cart,
						}
					);
					t.equal(
						`${ flow }: still one pending abandonment check`,
						session.pending,
						1
					);
				}
			}
		);
	}

	// ---- 6. a second browser session: same cart + email makes no second session (and is never handed the
	//         first one's id: that was the takeover); another cart makes a second one --------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: a new browser session reuses the session for the same cart and email`,
			async () => {
				const address = email( `twice-${ flow }` );
				const cartA: [ string, number ][] = [
					[ 'CB-HOODIE', 1 ],
					[ 'CB-MUG', 2 ],
				];
				await capturedShopper( flow, address, cartA );
				const first = onlySession( await readState( store.site ) );
				if (
					! t.check(
						`${ flow }: one session from the first browser`,
						!! first
					)
				) {
					return;
				}
				const again = await capturedShopper( flow, address, cartA );
				let state = await readState( store.site );
				t.check(
					`${ flow }: same cart + email in a new browser: still one session`,
					state.sessions.length === 1 &&
						state.sessions[ 0 ]?.id === first!.id,
					state.sessions
				);
				const secondId = await storedSessionId( again.page );
				t.check(
					`${ flow }: the new browser got an id, but not the first browser's`,
					!! secondId &&
						secondId !== first!.meta[ meta( 'SESSION_ID' ) ],
					{ secondId }
				);
				t.equal(
					`${ flow }: the first session keeps its email`,
					state.sessions[ 0 ]?.meta[ meta( 'EMAIL' ) ],
					address
				);
				await capturedShopper( flow, address, [ [ 'CB-CAP', 1 ] ] );
				state = await readState( store.site );
				t.equal(
					`${ flow }: a different cart + same email: two sessions`,
					state.sessions.length,
					2
				);
				t.equal(
					`${ flow }: each with one pending abandonment check`,
					state.sessions.map( ( x ) => x.pending ),
					[ 1, 1 ]
				);
			}
		);
	}

	// ---- 7. unchecking consent deletes the session and its pending action ----------------------------
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: unchecking consent deletes the session and its pending action`,
			async () => {
				const s = await capturedShopper(
					flow,
					email( `withdraw-${ flow }` ),
					[ [ 'CB-MUG', 1 ] ]
				);
				const before = await readState( store.site );
				t.check(
					`${ flow }: one session with one pending action before`,
					before.sessions.length === 1 &&
						before.sessions[ 0 ]?.pending === 1,
					before
				);
				await setConsent( s.page, flow, false );
				await s.log.settle( s.page );
				const after = await readState( store.site );
				t.equal(
					`${ flow }: no session left`,
					after.sessions.length,
					0
				);
				t.equal(
					`${ flow }: no pending abandonment check left`,
					after.pendingActions.length,
					0
				);
			}
		);
	}

	// ---- 8. placing the order: no abandoned session, no pending action; 9. no script after checkout ---
	for ( const flow of FLOWS ) {
		await scenario(
			`${ flow }: placing the order leaves no abandoned session and no pending action`,
			async () => {
				const s = await capturedShopper(
					flow,
					email( `buyer-${ flow }` ),
					[ [ 'CB-HOODIE', 1 ] ]
				);
				const before = onlySession( await readState( store.site ) );
				if (
					! t.check(
						`${ flow }: one session before the order`,
						!! before
					)
				) {
					return;
				}
				const orderId = await placeOrder( s.page, flow );
				orderReceived.push( s.page.url() );
				const scripts = await cartbayScripts( s.page );
				t.check(
					`${ flow }: no CartBay script on the order-received page`,
					scripts.srcs.length === 0 && scripts.inline.length === 0,
					scripts
				);
				// Run everything due within a day: a pending check left behind would abandon the session now.
				await store.site.runDueActions( {
					group: 'cartbay',
					until: new Date( Date.now() + 86_400_000 ),
				} );
				const state = await readState( store.site );
				t.equal(
					`${ flow }: no pending abandonment check`,
					state.pendingActions.length,
					0
				);
				const abandoned = state.sessions.filter(
					( x ) => x.status === STATUS.abandoned
				);
				t.equal(
					`${ flow }: no abandoned session`,
					abandoned.length,
					0
				);
				const session = state.sessions.find(
					( x ) => x.id === before!.id
				);
				// The session stays, closed: out of the active statuses, with the order that closed it.
				t.equal(
					`${ flow }: the session is kept as ${ STATUS.expired } and records the order as completed before abandonment`,
					[
						session?.status,
						Number(
							session?.meta[
								meta( 'COMPLETED_BEFORE_ABANDONMENT' )
							]
						),
					],
					[ STATUS.expired, orderId ]
				);
				const order = state.orders.find( ( o ) => o.id === orderId );
				t.check(
					`${ flow }: order #${ orderId } placed`,
					order?.status === 'processing',
					order
				);
			}
		);
	}

	// ---- 9. scripts only on checkout pages ------------------------------------------------------------
	await scenario(
		'scripts load on the checkout pages only',
		async () => {
			const s = await shopper();
			await addToCart( s.page, url, id( 'CB-MUG' ), 1 );
			for ( const [ path, handle ] of [
				[ '/classic-checkout/', captureClient.classicHandle ],
				[ '/checkout/', captureClient.blockHandle ],
			] as const ) {
				await s.page.goto( `${ url }${ path }`, { waitUntil: 'load' } );
				const present = await s.page
					.locator( `script#${ handle }-js` )
					.count();
				const scripts = await cartbayScripts( s.page );
				t.check(
					`${ path } loads ${ handle }`,
					present === 1 && scripts.srcs.length > 0,
					scripts
				);
			}
			for ( const path of [
				'/shop/',
				'/cart/',
				'/classic-cart/',
				'/',
				...orderReceived.map(
					( u ) => new URL( u ).pathname + new URL( u ).search
				),
			] ) {
				await s.page.goto(
					path.startsWith( 'http' ) ? path : `${ url }${ path }`,
					{ waitUntil: 'load' }
				);
				const scripts = await cartbayScripts( s.page );
				const label = path.includes( 'order-received' )
					? 'order-received page'
					: path;
				t.check(
					`no CartBay script on ${ label }`,
					scripts.srcs.length === 0 && scripts.inline.length === 0,
					scripts
				);
			}
		},
		false
	);

	// ---- restore links, recovery coupon, partial restore, recovered order (tests/e2e/restore.ts) ---------
	await restoreScenarios( { t, store, browser, filter } );

	// ---- logged-in capture, classic cart sync and email prefill (tests/e2e/hardening.ts) ----------------
	await hardeningScenarios( { t, store, browser, filter } );

	// ---- the whole loop: capture → abandoned → three emails → restore (tests/e2e/sequence.ts) ------------
	await sequenceScenarios( { t, store, browser, filter } );

	// ---- the admin Overview signed in as the administrator (tests/e2e/admin-overview.ts) -----------------
	await adminOverviewScenarios( { t, store, browser, filter } );
	// ---- the admin Templates section (tests/e2e/admin-templates.ts) -------------------------------------
	await adminTemplatesScenarios( { t, store, browser, filter } );
	// ---- the admin Settings section (tests/e2e/admin-settings.ts) ---------------------------------------
	await adminSettingsScenarios( { t, store, browser, filter } );
	// ---- the admin Offers and hidden Logs sections (tests/e2e/admin-offers-logs.ts) ---------------------
	await adminOffersLogsScenarios( { t, store, browser, filter } );
	// ---- the admin Notifications section and Email Delivery Test (tests/e2e/admin-notifications.ts) -----
	await adminNotificationsScenarios( { t, store, browser, filter } );
	// ---- the first-run setup wizard, with real (de)activations (tests/e2e/admin-wizard.ts); last, since it
	// deactivates and activates CartBay ----------------------------------------------------------------------
	await adminWizardScenarios( { t, store, browser, filter } );

	// ---- 10. the debug log -----------------------------------------------------------------------------
	await t.group( 'debug log has no CartBay notice or warning', async () => {
		// The site folder's own name (cartbay-e2e-*) must not make a core or SQLite line look like ours.
		const log = store.site
			.readDebugLog()
			.split( store.site.dir )
			.join( '<site>' );
		const lines = log.split( '\n' ).filter( ( l ) => l.trim() !== '' );
		const ours = lines.filter(
			( l ) =>
				/cartbay/i.test( l ) &&
				/(notice|warning|deprecated|fatal|error)/i.test( l )
		);
		t.check(
			'no CartBay line in wp-debug.log',
			ours.length === 0,
			ours.slice( 0, 10 ).join( '\n' )
		);
		if ( lines.length > 0 && ours.length === 0 ) {
			const distinct = [
				...new Set(
					lines.map( ( l ) => l.replace( /^\[[^\]]*\]\s*/, '' ) )
				),
			];
			console.log(
				`          (wp-debug.log has ${ lines.length } other line(s), not CartBay's: ${ distinct.slice( 0, 3 ).join( ' | ' ).slice( 0, 600 ) })`
			);
		}
	} );
	await closeShoppers();
}

// ---- Session checks ----------------------------------------------------------------------------------

function checkSession(
	t: Checks,
	flow: Flow,
	session: SessionRow,
	expected: {
		address: string;
		cart: Awaited< ReturnType< typeof readCart > >;
		storedId: string | null;
		lastResponse: unknown;
	}
): void {
	const m = session.meta;
	const sessionId = m[ meta( 'SESSION_ID' ) ];
	t.equal(
		`${ flow }: status ${ STATUS.captured }`,
		session.status,
		STATUS.captured
	);
	t.equal( `${ flow }: created_via cartbay`, session.created_via, 'cartbay' );
	t.check(
		`${ flow }: session id matches ${ captureLimits.sessionIdPattern }`,
		typeof sessionId === 'string' &&
			new RegExp( captureLimits.sessionIdPattern ).test( sessionId ),
		sessionId
	);
	t.equal(
		`${ flow }: the route answered that session id`,
		( expected.lastResponse as { session_id?: string } | undefined )
			?.session_id,
		sessionId
	);
	t.equal(
		`${ flow }: sessionStorage ${ captureClient.sessionStorageKey } holds it`,
		expected.storedId,
		sessionId
	);
	t.equal( `${ flow }: source meta`, m[ meta( 'SOURCE' ) ], flow );
	t.equal(
		`${ flow }: email hash meta`,
		m[ meta( 'EMAIL_HASH' ) ],
		emailHash( expected.address )
	);
	t.check(
		`${ flow }: consent text recorded`,
		typeof m[ meta( 'CONSENT_TEXT' ) ] === 'string' &&
			( m[ meta( 'CONSENT_TEXT' ) ] as string ).length > 0,
		m[ meta( 'CONSENT_TEXT' ) ]
	);
	t.equal(
		`${ flow }: snapshot lines match the cart`,
		snapshotLines( m[ meta( 'CART_SNAPSHOT' ) ] ),
		cartLines( expected.cart.items )
	);
	t.check(
		`${ flow }: cart total matches the cart`,
		totalMatches( m[ meta( 'CART_TOTAL' ) ], expected.cart ),
		{ stored: m[ meta( 'CART_TOTAL' ) ], cart: expected.cart }
	);
	const quantity = expected.cart.items.reduce(
		( sum, i ) => sum + i.quantity,
		0
	);
	t.equal(
		`${ flow }: item count is the cart's quantity`,
		Number( m[ meta( 'CART_ITEM_COUNT' ) ] ),
		quantity
	);
	t.check(
		`${ flow }: cart fingerprint recorded`,
		typeof m[ meta( 'CART_FINGERPRINT' ) ] === 'string' &&
			( m[ meta( 'CART_FINGERPRINT' ) ] as string ).length > 0,
		m[ meta( 'CART_FINGERPRINT' ) ]
	);
	t.equal(
		`${ flow }: one pending abandonment check for it`,
		session.pending,
		1
	);
}

function bodyEmail( body: unknown ): unknown {
	return body && typeof body === 'object'
		? ( body as { email?: unknown } ).email
		: undefined;
}

/**
 * (product or variation id, quantity) lines, sorted, from a stored snapshot of whatever nesting.
 * @param snapshot
 */
export function snapshotLines(
	snapshot: unknown
): { id: number; quantity: number }[] | unknown {
	let value = snapshot;
	if ( typeof value === 'string' ) {
		try {
			value = JSON.parse( value );
		} catch {
			return snapshot;
		}
	}
	const items = Array.isArray( value )
		? value
		: ( value as { items?: unknown } | null )?.items;
	if ( ! items || typeof items !== 'object' ) {
		return snapshot;
	}
	return Object.values( items as Record< string, Record< string, unknown > > )
		.map( ( line ) => ( {
			id: Number( line.variation_id || line.product_id || line.id ),
			quantity: Number( line.quantity ?? line.qty ),
		} ) )
		.sort( ( a, b ) => a.id - b.id );
}

function cartLines(
	items: { id: number; quantity: number }[]
): { id: number; quantity: number }[] {
	return items
		.map( ( i ) => ( { id: i.id, quantity: i.quantity } ) )
		.sort( ( a, b ) => a.id - b.id );
}

/**
 * The stored total equals the cart's total (Store API minor units) within a cent.
 * @param stored
 * @param cart
 * @param cart.total
 * @param cart.minorUnit
 */
function totalMatches(
	stored: unknown,
	cart: { total: string; minorUnit: number }
): boolean {
	const expected = Number( cart.total ) / 10 ** cart.minorUnit;
	return Math.abs( Number( stored ) - expected ) < 0.005;
}
