/**
 * Capture over real HTTP (php -S): sessions created, updated, reused, withdrawn and closed; the rate limit;
 * and the hostile-input corpus.
 */
import { createHash } from 'node:crypto';
import { captureLimits } from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { lastJson, phpString } from '../support/php';
import {
	EVENT,
	settingDefault,
	STATUS,
	TRANSIENT,
} from '../support/schema-names';
import { openStore, REAL_RATE_LIMIT } from '../support/store-fixtures';
import { captureCorpus } from './capture-corpus';
import { CAPTURE_PATH, HttpShopper as Browser } from './http-shopper';

/** The capture route's rate-limit bucket of 127.0.0.1 (every test request comes from there). */
const CAPTURE_BUCKET = `${ TRANSIENT.RATE_LIMIT_PREFIX }capture_${ createHash( 'md5' ).update( '127.0.0.1' ).digest( 'hex' ) }`;

interface SessionRow {
	id: number;
	session_id: string;
	status: string;
	email: string;
	billing_email: string;
	source: string;
	total: number;
	order_total: number;
	items: { product_id: number; variation_id: number; quantity: number }[];
	consent_text: string;
	events: string[];
	modified: string;
	pending_checks: number;
	completed_before: string;
}

const SESSIONS_PHP = `
$rows = array();
foreach ( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1, 'orderby' => 'ID', 'order' => 'ASC' ) ) as $o ) {
	$sid    = (string) $o->get_meta( '_cartbay_session_id' );
	$rows[] = array(
		'id'               => $o->get_id(),
		'session_id'       => $sid,
		'status'           => $o->get_status(),
		'email'            => (string) $o->get_meta( '_cartbay_email' ),
		'billing_email'    => $o->get_billing_email(),
		'source'           => (string) $o->get_meta( '_cartbay_source' ),
		'total'            => (float) $o->get_meta( '_cartbay_cart_total' ),
		'order_total'      => (float) $o->get_total(),
		'items'            => array_map( fn ( $i ) => array( 'product_id' => $i['product_id'], 'variation_id' => $i['variation_id'], 'quantity' => $i['quantity'] ), (array) ( $o->get_meta( '_cartbay_cart_snapshot' )['items'] ?? array() ) ),
		'consent_text'     => (string) $o->get_meta( '_cartbay_consent_text' ),
		'events'           => array_column( (array) $o->get_meta( '_cartbay_events' ), 'event' ),
		'modified'         => $o->get_date_modified() ? $o->get_date_modified()->format( 'c' ) : '',
		'pending_checks'   => count( as_get_scheduled_actions( array( 'hook' => 'cartbay_detect_session_abandonment', 'args' => array( $sid ), 'status' => ActionScheduler_Store::STATUS_PENDING ), 'ids' ) ),
		'completed_before' => (string) $o->get_meta( '_cartbay_completed_before_abandonment' ),
	);
}
echo wp_json_encode( $rows ), "\\n";`;

async function sessions( site: Site ): Promise< SessionRow[] > {
	return lastJson< SessionRow[] >( await site.runPhpOrThrow( SESSIONS_PHP ) );
}

async function resetSessions( site: Site ): Promise< void > {
	await site.runPhpOrThrow( `
foreach ( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1 ) ) as $o ) { $o->delete( true ); }
as_unschedule_all_actions( 'cartbay_detect_session_abandonment' );
delete_option( 'cartbay_settings' );` );
}

export async function captureScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	// The common test helpers raise the rate limit (scenarios send many requests; it is exercised separately).
	const store = await openStore( site );
	const { base, products } = store;
	const hoodie = products[ 'CB-HOODIE' ];
	const mug = products[ 'CB-MUG' ];
	try {
		await resetSessions( site );

		await t.group(
			'capture creates one session from the real WooCommerce cart',
			async () => {
				const shopper = new Browser( base );
				await shopper.get( `/?add-to-cart=${ hoodie }&quantity=2` );
				const first = await shopper.capture( {
					email: 'Shopper@Example.test',
					consent: true,
					source: 'classic',
					cart: { items: [ { product_id: mug, quantity: 9 } ] },
				} );
				const id = String( first.data.session_id ?? '' );
				t.check(
					'200 with an unguessable 32-character id',
					first.status === 200 &&
						new RegExp( captureLimits.sessionIdPattern ).test( id ),
					first
				);
				const rows = await sessions( site );
				const row = rows[ 0 ];
				t.equal( 'exactly one session', rows.length, 1 );
				t.equal(
					'status, email, billing email, source, consent text',
					[
						row?.status,
						row?.email,
						row?.billing_email,
						row?.source,
						row?.consent_text,
					],
					[
						STATUS.captured,
						'Shopper@Example.test',
						'Shopper@Example.test',
						'classic',
						settingDefault( 'consent_text' ),
					]
				);
				t.equal(
					'snapshot is the real cart (client cart ignored)',
					row?.items,
					[ { product_id: hoodie, variation_id: 0, quantity: 2 } ]
				);
				t.check(
					'cart total from WooCommerce (2 × 45 + shipping)',
					( row?.total ?? 0 ) >= 90,
					row?.total
				);
				t.equal(
					'one pending abandonment check, a captured event',
					[ row?.pending_checks, row?.events ],
					[ 1, [ EVENT.CAPTURED ] ]
				);
				t.check(
					'the session id is not the order id',
					id !== String( row?.id ),
					{ id, order: row?.id }
				);

				const edited = await shopper.capture( {
					email: 'new-address@example.test',
					consent: true,
					source: 'classic',
					session_id: id,
				} );
				await shopper.get( `/?add-to-cart=${ mug }` );
				const cartChanged = await shopper.capture( {
					email: 'new-address@example.test',
					consent: true,
					source: 'classic',
					session_id: id,
				} );
				const after = await sessions( site );
				t.equal(
					'editing the email and changing the cart update the same session',
					[
						edited.data.session_id,
						cartChanged.data.session_id,
						after.length,
					],
					[ id, id, 1 ]
				);
				t.equal(
					'updated email and cart',
					[ after[ 0 ]?.email, after[ 0 ]?.items.length ],
					[ 'new-address@example.test', 2 ]
				);
				t.equal(
					'still one pending check; updates coalesce in the event log',
					[ after[ 0 ]?.pending_checks, after[ 0 ]?.events ],
					[ 1, [ EVENT.CAPTURED, EVENT.UPDATED ] ]
				);

				const unchanged = await shopper.capture( {
					email: 'new-address@example.test',
					consent: true,
					source: 'classic',
					session_id: id,
				} );
				const same = await sessions( site );
				t.equal(
					'an unchanged payload changes nothing but activity',
					[ unchanged.status, same[ 0 ]?.events ],
					[ 200, [ EVENT.CAPTURED, EVENT.UPDATED ] ]
				);
			}
		);

		await t.group(
			'a second browser session: same cart makes no second session (and gets no id of it), different cart makes a new one',
			async () => {
				const id = ( await sessions( site ) )[ 0 ]?.session_id;
				const sameCart = new Browser( base );
				await sameCart.get( `/?add-to-cart=${ hoodie }` );
				await sameCart.get( `/?add-to-cart=${ mug }` );
				const reused = await sameCart.capture( {
					email: 'new-address@example.test',
					consent: true,
					source: 'block',
				} );
				// Only the browser that created a session may change it: the other one gets an id of its own (a decoy).
				t.check(
					'same email + same cart → still one session; the other browser is answered like any capture, without its id',
					reused.status === 200 &&
						new RegExp( captureLimits.sessionIdPattern ).test(
							String( reused.data.session_id )
						) &&
						reused.data.session_id !== id &&
						( await sessions( site ) ).length === 1,
					reused
				);
				const otherCart = new Browser( base );
				await otherCart.get( `/?add-to-cart=${ mug }` );
				const fresh = await otherCart.capture( {
					email: 'new-address@example.test',
					consent: true,
					source: 'block',
				} );
				const rows = await sessions( site );
				t.check(
					'same email + different cart → a second session',
					fresh.status === 200 &&
						fresh.data.session_id !== id &&
						rows.length === 2,
					{ fresh, rows: rows.length }
				);
				const stolen = await otherCart.capture( {
					consent: false,
					source: 'block',
					session_id: id,
				} );
				t.equal(
					'another browser cannot withdraw (or change) the first session',
					[
						stolen.status,
						stolen.data.code,
						( await sessions( site ) ).length,
					],
					[ 403, 'cartbay_unknown_session', 2 ]
				);
			}
		);

		await t.group(
			'a Block Checkout client cart names a variation by its id; it is priced by WooCommerce',
			async () => {
				const variation = products[ 'CB-TEE-M' ] ?? 0;
				const cookieless = new Browser( base );
				const result = await cookieless.capture( {
					email: 'variation@example.test',
					consent: true,
					source: 'block',
					cart: {
						items: [
							{
								product_id: variation,
								variation_id: variation,
								quantity: 2,
								variation: { Size: 'M' },
							},
						],
					},
				} );
				const row = ( await sessions( site ) ).find(
					( s ) => s.session_id === result.data.session_id
				);
				t.equal(
					'one line: the parent product, the variation, quantity 2, total 2 × $20 (the session order’s own total too)',
					[ row?.items, row?.total, row?.order_total ],
					[
						[
							{
								product_id: products[ 'CB-TEE' ],
								variation_id: variation,
								quantity: 2,
							},
						],
						40,
						40,
					]
				);
			}
		);

		await t.group(
			'unchecking consent deletes the session and its pending check',
			async () => {
				const shopper = new Browser( base );
				await shopper.get(
					`/?add-to-cart=${ products[ 'CB-EBOOK' ] }`
				);
				const captured = await shopper.capture( {
					email: 'withdraw@example.test',
					consent: true,
					source: 'classic',
				} );
				const id = String( captured.data.session_id );
				const withdrawn = await shopper.capture( {
					consent: false,
					source: 'classic',
					session_id: id,
				} );
				const pending = lastJson< number >(
					await site.runPhpOrThrow(
						`echo count( as_get_scheduled_actions( array( 'hook' => 'cartbay_detect_session_abandonment', 'args' => array( '${ id }' ), 'status' => ActionScheduler_Store::STATUS_PENDING ), 'ids' ) ), "\\n";`
					)
				);
				t.equal(
					'200 { session_id: null }, session gone, no pending check',
					[
						withdrawn.status,
						withdrawn.data.session_id,
						( await sessions( site ) ).some(
							( s ) => s.session_id === id
						),
						pending,
					],
					[ 200, null, false, 0 ]
				);
			}
		);

		await t.group(
			'an order placed before abandonment closes the session',
			async () => {
				const shopper = new Browser( base );
				await shopper.get( `/?add-to-cart=${ hoodie }` );
				const captured = await shopper.capture( {
					email: 'buyer@example.test',
					consent: true,
					source: 'classic',
				} );
				const id = String( captured.data.session_id );
				await site.runPhpOrThrow( `
$order = wc_create_order( array( 'status' => 'pending' ) );
$order->update_meta_data( '_cartbay_session_id', '${ id }' );
$order->save();
do_action( 'woocommerce_checkout_order_processed', $order->get_id(), array(), $order );` );
				const row = ( await sessions( site ) ).find(
					( s ) => s.session_id === id
				);
				t.check(
					'completed_before_abandonment recorded, out of the active statuses, no pending check',
					row?.status === STATUS.expired &&
						row.completed_before !== '' &&
						row.pending_checks === 0 &&
						row.events.includes(
							EVENT.COMPLETED_BEFORE_ABANDONMENT
						),
					row
				);
				await site.runPhpOrThrow(
					`$o = wc_get_orders( array( 'created_via' => 'cartbay', 'status' => 'wc-${ STATUS.expired }', 'limit' => 1 ) )[0]; $o->update_meta_data( '_cartbay_last_activity_at', time() - DAY_IN_SECONDS ); $o->save(); do_action( 'cartbay_detect_abandonment' );`
				);
				t.equal(
					'the scanner never abandons it',
					( await sessions( site ) ).find(
						( s ) => s.session_id === id
					)?.status,
					STATUS.expired
				);
			}
		);

		await t.group(
			'suppressed emails and disabled capture create nothing, and say nothing',
			async () => {
				await site.runPhpOrThrow(
					`wp_insert_post( array( 'post_type' => 'cartbay_suppressed', 'post_status' => 'publish', 'post_title' => hash( 'sha256', 'gone@example.test' ), 'post_name' => hash( 'sha256', 'gone@example.test' ) ) );`
				);
				const before = ( await sessions( site ) ).length;
				const shopper = new Browser( base );
				await shopper.get( `/?add-to-cart=${ hoodie }` );
				const suppressed = await shopper.capture( {
					email: 'Gone@Example.test',
					consent: true,
					source: 'classic',
				} );
				t.check(
					'suppressed: 200 with a session id like any other, nothing stored',
					suppressed.status === 200 &&
						new RegExp( captureLimits.sessionIdPattern ).test(
							String( suppressed.data.session_id )
						) &&
						( await sessions( site ) ).length === before,
					suppressed
				);
				await site.runPhpOrThrow(
					`update_option( 'cartbay_settings', array( 'capture_enabled' => false ) );`
				);
				const disabled = await shopper.capture( {
					email: 'fresh@example.test',
					consent: true,
					source: 'classic',
				} );
				t.equal(
					'capture off: 200 null, nothing stored',
					[
						disabled.status,
						disabled.data.session_id,
						( await sessions( site ) ).length,
					],
					[ 200, null, before ]
				);
				await site.runPhpOrThrow(
					`delete_option( 'cartbay_settings' );`
				);
			}
		);

		await t.group(
			`rate limit: successful captures never count; refused request ${ captureLimits.rateLimitRequests + 1 } in a window gets 429 with Retry-After`,
			async () => {
				// Earlier scenarios counted against this IP's window under the raised test limit: start a fresh window.
				await site.runPhpOrThrow(
					`delete_transient( ${ phpString( CAPTURE_BUCKET ) } );`
				);
				const limited = REAL_RATE_LIMIT;
				const client = new Browser( base );
				const successes: number[] = [];
				for (
					let i = 0;
					i < captureLimits.rateLimitRequests * 2;
					i++
				) {
					successes.push(
						(
							await client.capture(
								{ consent: false, source: 'classic' },
								limited
							)
						).status
					);
				}
				t.equal(
					`${ captureLimits.rateLimitRequests * 2 } successful requests (withdrawals) in one window: all 200`,
					successes,
					Array< number >( captureLimits.rateLimitRequests * 2 ).fill(
						200
					)
				);
				// Refusals of every kind count: an unknown session (403), an empty cart (400), arguments WordPress
				// refuses before the permission callback (400).
				const refusals: unknown[] = [
					{
						consent: true,
						source: 'classic',
						email: 'nobody@example.test',
						session_id: 'A'.repeat( captureLimits.sessionIdLength ),
					},
					{
						consent: true,
						source: 'classic',
						email: 'nobody@example.test',
					},
					{ consent: true, source: 'not-a-checkout' },
				];
				const statuses: number[] = [];
				let last:
					Awaited< ReturnType< Browser[ 'capture' ] > > | undefined;
				for ( let i = 0; i <= captureLimits.rateLimitRequests; i++ ) {
					// The last one passes WordPress's argument checks, so it reaches the limiter.
					last = await new Browser( base ).capture(
						i < captureLimits.rateLimitRequests
							? refusals[ i % refusals.length ]
							: refusals[ 0 ],
						limited
					);
					statuses.push( last.status );
				}
				t.check(
					`${ captureLimits.rateLimitRequests } refusals answered (4xx), then 429`,
					statuses
						.slice( 0, -1 )
						.every( ( s ) => s >= 400 && s < 500 && s !== 429 ) &&
						statuses[ statuses.length - 1 ] === 429,
					statuses
				);
				t.check(
					'429 carries cartbay_rate_limited and Retry-After',
					last?.data.code === 'cartbay_rate_limited' &&
						Number( last.retryAfter ) > 0,
					last
				);
				const blocked = await client.capture(
					{ consent: false, source: 'classic' },
					limited
				);
				t.equal(
					'a full window refuses every capture from that IP until it ends',
					blocked.status,
					429
				);
				await site.runPhpOrThrow(
					`delete_transient( ${ phpString( CAPTURE_BUCKET ) } );`
				);
			}
		);

		await t.group(
			`hostile input corpus (${ captureCorpus().length } requests): 4xx WP_Errors, nothing created or changed`,
			async () => {
				const other = new Browser( base );
				await other.get( `/?add-to-cart=${ hoodie }` );
				const owned = await other.capture( {
					email: 'owner@example.test',
					consent: true,
					source: 'classic',
				} );
				const tee = products[ 'CB-TEE' ] ?? 0;
				const teeVariation = products[ 'CB-TEE-M' ] ?? 0;
				await site.clearDebugLog();
				const before = JSON.stringify( await sessions( site ) );
				const attacker = new Browser( base );
				const failures: string[] = [];
				for ( const item of captureCorpus() ) {
					const body = item.body
						.replace(
							/\{\{OTHER_SESSION\}\}/g,
							String( owned.data.session_id )
						)
						.replace(
							/\{\{TEE_VARIATION\}\}/g,
							String( teeVariation )
						)
						.replace( /\{\{TEE\}\}/g, String( tee ) );
					const result = await attacker.post(
						CAPTURE_PATH,
						body,
						item.contentType ?? 'application/json',
						item.headers
					);
					if (
						result.status < 400 ||
						result.status >= 500 ||
						typeof result.data.code !== 'string'
					) {
						failures.push(
							`${ item.name }: ${ result.status } ${ JSON.stringify( result.data ).slice( 0, 160 ) }`
						);
					}
				}
				t.equal(
					'every hostile request got a 4xx with an error code',
					failures,
					[]
				);
				t.check(
					'no session created or changed',
					JSON.stringify( await sessions( site ) ) === before,
					'sessions differ after the corpus'
				);
				const log = ( await site.readDebugLog() )
					.split( '\n' )
					.filter( ( l ) => l.trim() !== '' );
				t.equal( 'no PHP notice or warning in the debug log', log, [] );
			}
		);
	} finally {
		await store.close();
	}
}
