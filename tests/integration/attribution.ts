/**
 * Honest attribution in real WooCommerce (issue 9): only paid orders count (payment complete, or completed);
 * session id, restore token and CartBay coupon matches are `recovered`, a billing-email match within the
 * window only `influenced` (its revenue apart); cancelled, failed and refunded orders take their attribution
 * back and partial refunds lower the revenue; every hook may fire again without changing anything.
 *
 * The real-store problem is replayed over HTTP (a cash-on-delivery order placed through the Store API by the
 * shopper's email); the rest drives WooCommerce's own order API (payment_complete(), update_status(),
 * wc_create_refund()) from PHP, so every hook fires as WooCommerce fires it.
 */
import { attribution, recoveryWork } from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall, phpString } from '../support/php';
import {
	CANCEL,
	EVENT,
	META,
	NOTIFICATION,
	QUERY_ARG,
	STATUS,
} from '../support/schema-names';
import {
	addresses,
	openStore,
	type OpenStore,
	recoveryFixtures,
	type RecoveryFixture,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';
import { HttpShopper as Shopper } from './http-shopper';

const RESTORE = QUERY_ARG.RESTORE;
const DAY = 86400;

/** Order fixtures and one reader for a session and its order (on top of the recovery helpers). */
const ATTRIBUTION_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay attribution test helpers
 */

/** A pending shop order of one product, with a billing email, order meta and optionally a coupon line. */
function cartbay_test_order( array $args ) {
	$order = wc_create_order( array( 'status' => 'pending' ) );
	$order->add_product( wc_get_product( wc_get_product_id_by_sku( $args['sku'] ?? 'CB-HOODIE' ) ), $args['qty'] ?? 1 );
	$order->set_billing_email( $args['email'] ?? '' );
	$order->set_payment_method( $args['payment_method'] ?? 'cod' );
	foreach ( $args['meta'] ?? array() as $key => $value ) {
		$order->update_meta_data( $key, $value );
	}
	if ( ! empty( $args['coupon'] ) ) {
		$item = new WC_Order_Item_Coupon();
		$item->set_code( $args['coupon'] );
		$item->set_discount( 10 );
		$order->add_item( $item );
	}
	$order->calculate_totals( false );
	$order->save();
	return $order->get_id();
}

/** A session's state (cartbay_test_state) with its full event log, and the order as attribution sees it. */
function cartbay_test_attribution( $session_id, $order_id ) {
	$state              = cartbay_test_state( $session_id );
	$state['event_log'] = array_values( (array) wc_get_order( $session_id )->get_meta( '${ META.EVENTS }' ) );
	$order              = $order_id ? wc_get_order( $order_id ) : null;
	$state['order']     = $order ? array(
		'id'         => $order->get_id(),
		'status'     => $order->get_status(),
		'total'      => wc_format_decimal( $order->get_total(), wc_get_price_decimals() ),
		'refunded'   => wc_format_decimal( $order->get_total_refunded(), wc_get_price_decimals() ),
		'attributed' => (string) $order->get_meta( '${ META.ATTRIBUTED_SESSION_ID }' ),
	) : null;
	return $state;
}
`;

type Fixture = RecoveryFixture;

interface Attribution {
	status: string;
	meta: Record< string, unknown >;
	events: string[];
	event_log: { event: string; at: number; data: Record< string, unknown > }[];
	notifications: {
		id: string;
		status: string;
		cancel_reason?: string;
		recovered_order_id?: number;
	}[];
	pending_sends: number;
	order: {
		id: number;
		status: string;
		total: string;
		refunded: string;
		attributed: string;
	} | null;
}

const address = addresses( 'attr-' );

/** The CartBay meta that says a session counts for something. */
const ATTRIBUTION_KEYS = (
	[
		'ATTRIBUTION',
		'RECOVERED_AT',
		'RECOVERED_ORDER_ID',
		'RECOVERED_REVENUE',
		'INFLUENCED_REVENUE',
		'RECOVERY_METHOD',
	] as const
 ).map( ( k ) => META[ k ] );

export async function attributionScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-attribution.php': ATTRIBUTION_TEST_HELPERS,
	} );
	try {
		await attributionGroups( t, site, store );
	} finally {
		await store.close();
	}
}

async function attributionGroups(
	t: Checks,
	site: Site,
	{ base, sku, php }: OpenStore
): Promise< void > {
	const { session } = recoveryFixtures( php );
	const order = ( args: Record< string, unknown > ): Promise< number > =>
		phpCall< number >( php, 'cartbay_test_order', args );
	const read = (
		fixture: Fixture,
		orderId: number
	): Promise< Attribution > =>
		phpCall< Attribution >(
			php,
			'cartbay_test_attribution',
			fixture.id,
			orderId
		);
	/**
	 * Runs PHP against one order (`$order`, freshly loaded).
	 * @param orderId
	 * @param code
	 */
	const onOrder = ( orderId: number, code: string ): Promise< unknown > =>
		php( `$order = wc_get_order( ${ orderId } ); ${ code } echo "1\\n";` );
	const pay = ( orderId: number ): Promise< unknown > =>
		onOrder( orderId, `$order->payment_complete( 'txn-${ orderId }' );` );
	const setStatus = ( orderId: number, status: string ): Promise< unknown > =>
		onOrder(
			orderId,
			`$order->update_status( ${ phpString( status ) } );`
		);
	const refund = ( orderId: number, amount: string ): Promise< unknown > =>
		onOrder(
			orderId,
			`$r = wc_create_refund( array( 'order_id' => ${ orderId }, 'amount' => ${ phpString( amount ) }, 'reason' => 'test' ) ); if ( is_wp_error( $r ) ) { throw new Exception( $r->get_error_message() ); }`
		);
	/**
	 * No attribution meta at all.
	 * @param s
	 */
	const unattributed = ( s: Attribution ): string[] =>
		ATTRIBUTION_KEYS.filter( ( k ) => k in s.meta );
	const count = ( s: Attribution, event: string ): number =>
		s.events.filter( ( e ) => e === event ).length;
	const lastEvent = ( s: Attribution, event: string ) =>
		[ ...s.event_log ].reverse().find( ( e ) => e.event === event );
	/**
	 * The session part of a state, for "nothing changed" comparisons.
	 * @param s
	 */
	const sessionPart = ( s: Attribution ) => ( {
		status: s.status,
		meta: s.meta,
		notifications: s.notifications,
		pending_sends: s.pending_sends,
	} );
	/**
	 * Session abandoned this many seconds ago (the helper makes it an hour by default).
	 * @param seconds
	 */
	const abandonedAgo = ( seconds: number ) => ( {
		[ META.ABANDONED_AT! ]: Math.floor( Date.now() / 1000 ) - seconds,
	} );

	await t.group(
		"a cash-on-delivery order by the shopper's email: nothing until completed, then influenced only",
		async () => {
			const email = address( 'cod' );
			const fixture = await session( {
				email,
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const buyer = new Shopper( base );
			await buyer.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
			const placed = await buyer.checkout( email );
			const processing = await read( fixture, placed.order_id );
			t.check(
				'the Store API places a COD order that is processing',
				placed.status === 200 &&
					processing.order?.status === 'processing',
				{ placed, order: processing.order }
			);
			t.equal(
				'processing but unpaid: the session is still abandoned, with no attribution, no revenue, no event',
				[
					processing.status,
					unattributed( processing ),
					count( processing, EVENT.RECOVERED! ),
					count( processing, EVENT.INFLUENCED! ),
					processing.order?.attributed,
				],
				[ STATUS.abandoned, [], 0, 0, '' ]
			);
			t.equal(
				'the placed order stops the reminders (pending sends canceled with reason order_placed)',
				[
					processing.pending_sends,
					processing.notifications.map( ( n ) => [
						n.status,
						n.cancel_reason,
					] ),
				],
				[ 0, [ [ NOTIFICATION.CANCELED, CANCEL.ORDER_PLACED ] ] ]
			);

			await setStatus( placed.order_id, 'completed' );
			const completed = await read( fixture, placed.order_id );
			t.equal(
				'completed (paid on delivery): influenced, closed as expired, never recovered',
				[
					completed.status,
					completed.meta[ META.ATTRIBUTION! ],
					completed.meta[ META.RECOVERY_METHOD! ],
					Number( completed.meta[ META.RECOVERED_ORDER_ID! ] ),
				],
				[
					STATUS.expired,
					attribution.influenced,
					'email_hash',
					placed.order_id,
				]
			);
			t.equal(
				'its revenue is in the influenced revenue only (= order total), never in recovered revenue',
				[
					completed.meta[ META.INFLUENCED_REVENUE! ],
					META.RECOVERED_REVENUE! in completed.meta,
					META.RECOVERED_AT! in completed.meta,
				],
				[ completed.order?.total, false, false ]
			);
			t.equal(
				'one influenced event, no recovered event; the order is marked attributed',
				[
					count( completed, EVENT.INFLUENCED! ),
					count( completed, EVENT.RECOVERED! ),
					completed.order?.attributed,
				],
				[ 1, 0, fixture.session_id ]
			);
		}
	);

	await t.group(
		'restore link → COD checkout: not recovered while unpaid; completed → recovered by the link',
		async () => {
			const email = address( 'restore' );
			const fixture = await session( {
				email,
				items: [
					[ 'CB-HOODIE', 1 ],
					[ 'CB-TEE-M', 1 ],
				],
			} );
			const shopper = new Shopper( base );
			await shopper.get(
				new URL( fixture.restore ).pathname +
					new URL( fixture.restore ).search
			);
			const placed = await shopper.checkout( email );
			const placedState = await read( fixture, placed.order_id );
			t.equal(
				'placed (processing, unpaid): still abandoned, nothing attributed, reminders stopped',
				[
					placed.status,
					placedState.order?.status,
					placedState.status,
					unattributed( placedState ),
					placedState.pending_sends,
				],
				[ 200, 'processing', STATUS.abandoned, [], 0 ]
			);
			await setStatus( placed.order_id, 'completed' );
			const done = await read( fixture, placed.order_id );
			t.check(
				'completed: recovered by its restore token (or checkout session id), attribution recovered',
				done.status === STATUS.recovered &&
					done.meta[ META.ATTRIBUTION! ] === attribution.recovered &&
					[ 'restore_token', 'session_id' ].includes(
						String( done.meta[ META.RECOVERY_METHOD! ] )
					),
				done.meta
			);
			t.equal(
				'recovered revenue = order total, no influenced revenue, order id recorded',
				[
					done.meta[ META.RECOVERED_REVENUE! ],
					META.INFLUENCED_REVENUE! in done.meta,
					Number( done.meta[ META.RECOVERED_ORDER_ID! ] ),
				],
				[ done.order?.total, false, placed.order_id ]
			);
		}
	);

	await t.group(
		'session id, restore token and coupon each count as recovered with their method; revenue = order total',
		async () => {
			// The order also carries the email of another abandoned session: the session id must win.
			const decoyEmail = address( 'decoy' );
			const decoy = await session( {
				email: decoyEmail,
				items: [ [ 'CB-MUG', 1 ] ],
			} );
			const byId = await session( {
				email: address( 'by-id' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const idOrder = await order( {
				email: decoyEmail,
				meta: { [ META.SESSION_ID! ]: byId.session_id },
				payment_method: 'stripe',
			} );
			await pay( idOrder );
			const byToken = await session( {
				email: address( 'by-token' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const token =
				new URL( byToken.restore ).searchParams.get( RESTORE ) ?? '';
			const tokenOrder = await order( {
				email: address( 'someone' ),
				meta: {
					[ META.RESTORE_TOKEN_HASH! ]: await php< string >(
						`echo wp_json_encode( hash( 'sha256', ${ phpString( token ) } ) ), "\\n";`
					),
				},
			} );
			await setStatus( tokenOrder, 'processing' );
			const tokenProcessing = await read( byToken, tokenOrder );
			await setStatus( tokenOrder, 'completed' );
			const byCoupon = await session( {
				email: address( 'by-coupon' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
				coupon: true,
			} );
			const couponOrder = await order( {
				email: address( 'unrelated' ),
				coupon: byCoupon.coupon,
				payment_method: 'stripe',
			} );
			await pay( couponOrder );

			const cases: [ string, Fixture, number ][] = [
				[ 'session_id', byId, idOrder ],
				[ 'restore_token', byToken, tokenOrder ],
				[ 'coupon', byCoupon, couponOrder ],
			];
			for ( const [ method, fixture, orderId ] of cases ) {
				const s = await read( fixture, orderId );
				t.equal(
					`${ method }: recovered, attribution recovered, method ${ method }, order id, revenue = order total, no influenced revenue`,
					[
						s.status,
						s.meta[ META.ATTRIBUTION! ],
						s.meta[ META.RECOVERY_METHOD! ],
						Number( s.meta[ META.RECOVERED_ORDER_ID! ] ),
						s.meta[ META.RECOVERED_REVENUE! ],
						META.INFLUENCED_REVENUE! in s.meta,
					],
					[
						STATUS.recovered,
						attribution.recovered,
						method,
						orderId,
						s.order?.total,
						false,
					]
				);
				t.equal(
					`${ method }: one recovered event, pending sends stopped, the order marked with the session`,
					[
						count( s, EVENT.RECOVERED! ),
						s.pending_sends,
						s.order?.attributed,
					],
					[ 1, 0, fixture.session_id ]
				);
			}
			t.equal(
				'restore token: processing without payment complete did not count yet',
				[ tokenProcessing.status, unattributed( tokenProcessing ) ],
				[ STATUS.abandoned, [] ]
			);
			const tokenState = await read( byToken, tokenOrder );
			t.equal(
				'restore token: the notification that carried the link records the order',
				tokenState.notifications[ 0 ]?.recovered_order_id,
				tokenOrder
			);
			const decoyState = await read( decoy, idOrder );
			t.equal(
				'the session whose email the order used is untouched (the session id wins)',
				[ decoyState.status, unattributed( decoyState ) ],
				[ STATUS.abandoned, [] ]
			);
		}
	);

	await t.group(
		'the billing-email fallback counts only within the influenced window after abandonment, as influenced',
		async () => {
			const windowSeconds = attribution.influencedWindowDays * DAY;
			const lateEmail = address( 'late' );
			const late = await session( {
				email: lateEmail,
				items: [ [ 'CB-HOODIE', 1 ] ],
				meta: abandonedAgo( windowSeconds + DAY ),
			} );
			const lateOrder = await order( {
				email: lateEmail.toUpperCase(),
				payment_method: 'stripe',
			} );
			await pay( lateOrder );
			const lateState = await read( late, lateOrder );
			t.equal(
				`paid more than ${ attribution.influencedWindowDays } days after abandonment: nothing (abandoned, no attribution, order unmarked, sends kept)`,
				[
					lateState.status,
					unattributed( lateState ),
					lateState.order?.attributed,
					lateState.pending_sends,
				],
				[ STATUS.abandoned, [], '', 1 ]
			);

			const soonEmail = address( 'soon' );
			const soon = await session( {
				email: soonEmail,
				items: [ [ 'CB-HOODIE', 1 ] ],
				meta: abandonedAgo( windowSeconds - DAY ),
			} );
			const soonOrder = await order( {
				email: soonEmail.toUpperCase(),
				payment_method: 'stripe',
			} );
			await pay( soonOrder );
			const soonState = await read( soon, soonOrder );
			t.equal(
				`paid within ${ attribution.influencedWindowDays } days (email in another case): influenced, expired, revenue apart, reminders stopped`,
				[
					soonState.status,
					soonState.meta[ META.ATTRIBUTION! ],
					soonState.meta[ META.RECOVERY_METHOD! ],
					soonState.meta[ META.INFLUENCED_REVENUE! ],
					META.RECOVERED_REVENUE! in soonState.meta,
					soonState.pending_sends,
					soonState.notifications.map( ( n ) => n.cancel_reason ),
				],
				[
					STATUS.expired,
					attribution.influenced,
					'email_hash',
					soonState.order?.total,
					false,
					0,
					[ attribution.influenced ],
				]
			);

			const beforeEmail = address( 'before' );
			const before = await session( {
				email: beforeEmail,
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const beforeOrder = await order( { email: beforeEmail } );
			await onOrder(
				beforeOrder,
				`$order->set_date_paid( time() - 2 * HOUR_IN_SECONDS ); $order->save(); $order->update_status( 'completed' );`
			);
			const beforeState = await read( before, beforeOrder );
			t.equal(
				'paid before the session was abandoned: nothing',
				[ beforeState.status, unattributed( beforeState ) ],
				[ STATUS.abandoned, [] ]
			);
		}
	);

	await t.group(
		'sessions completed before abandonment, captured sessions and session orders never count',
		async () => {
			const expiredEmail = address( 'early' );
			const expired = await session( {
				email: expiredEmail,
				items: [ [ 'CB-HOODIE', 1 ] ],
				status: STATUS.expired,
				meta: { [ META.COMPLETED_BEFORE_ABANDONMENT! ]: 1 },
			} );
			const expiredOrder = await order( {
				email: expiredEmail,
				meta: { [ META.SESSION_ID! ]: expired.session_id },
			} );
			await setStatus( expiredOrder, 'completed' );
			const flaggedEmail = address( 'flagged' );
			const flagged = await session( {
				email: flaggedEmail,
				items: [ [ 'CB-HOODIE', 1 ] ],
				meta: { [ META.COMPLETED_BEFORE_ABANDONMENT! ]: 1 },
			} );
			const flaggedOrder = await order( {
				email: flaggedEmail,
				payment_method: 'stripe',
			} );
			await pay( flaggedOrder );
			const liveEmail = address( 'live' );
			const live = await session( {
				email: liveEmail,
				items: [ [ 'CB-HOODIE', 1 ] ],
				status: STATUS.captured,
			} );
			const liveOrder = await order( { email: liveEmail } );
			await setStatus( liveOrder, 'completed' );
			const self = await session( {
				email: address( 'self' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			await php(
				`do_action( 'woocommerce_payment_complete', ${ self.id }, '' ); do_action( 'woocommerce_order_status_completed', ${ self.id }, wc_get_order( ${ self.id } ), array() ); echo "1\\n";`
			);
			const states = await Promise.all( [
				read( expired, expiredOrder ),
				read( flagged, flaggedOrder ),
				read( live, liveOrder ),
				read( self, 0 ),
			] );
			t.equal(
				'completed before abandonment (expired or still abandoned), captured, the session order itself: no attribution',
				states.map( ( s ) => [ s.status, unattributed( s ) ] ),
				[
					[ STATUS.expired, [] ],
					[ STATUS.abandoned, [] ],
					[ STATUS.captured, [] ],
					[ STATUS.abandoned, [] ],
				]
			);
		}
	);

	await t.group(
		'payment and status hooks fired again change nothing after the first',
		async () => {
			const fixture = await session( {
				email: address( 'repeat' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const orderId = await order( {
				email: address( 'repeat-buyer' ),
				meta: { [ META.SESSION_ID! ]: fixture.session_id },
				payment_method: 'stripe',
			} );
			await pay( orderId );
			const first = await read( fixture, orderId );
			await php( `
do_action( 'woocommerce_payment_complete', ${ orderId }, 'again' );
do_action( 'woocommerce_payment_complete', ${ orderId }, 'again' );
$order = wc_get_order( ${ orderId } );
$order->payment_complete( 'again' );
$order->update_status( 'completed' );
do_action( 'woocommerce_order_status_completed', ${ orderId }, wc_get_order( ${ orderId } ), array() );
do_action( 'woocommerce_order_status_processing', ${ orderId }, wc_get_order( ${ orderId } ), array() );
do_action( 'woocommerce_order_status_on-hold', ${ orderId }, wc_get_order( ${ orderId } ), array() );
do_action( 'woocommerce_order_refunded', ${ orderId }, 0 );
echo "1\\n";` );
			const again = await read( fixture, orderId );
			t.check(
				'recovered once by the first payment',
				first.status === STATUS.recovered &&
					count( first, EVENT.RECOVERED! ) === 1,
				first.events
			);
			t.equal(
				'after repeated payment complete, completed, processing, on-hold and refund hooks: the session is exactly as before',
				sessionPart( again ),
				sessionPart( first )
			);

			// Three requests paying the same order at once (a gateway callback, its retry, the thank-you page).
			const raced = await session( {
				email: address( 'race' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const racedOrder = await order( {
				email: address( 'race-buyer' ),
				meta: { [ META.SESSION_ID! ]: raced.session_id },
				payment_method: 'stripe',
			} );
			await Promise.all(
				[ 1, 2, 3 ].map( () =>
					site.runPhpOrThrow(
						`do_action( 'woocommerce_payment_complete', ${ racedOrder }, 'race' ); echo "1\\n";`
					)
				)
			);
			const racedState = await read( raced, racedOrder );
			t.equal(
				'three concurrent payment callbacks: one recovered event',
				[ racedState.status, count( racedState, EVENT.RECOVERED! ) ],
				[ STATUS.recovered, 1 ]
			);

			// The order's attribution lock held by another request: this request attributes nothing.
			const held = await session( {
				email: address( 'held' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const heldOrder = await order( {
				email: address( 'held-buyer' ),
				meta: { [ META.SESSION_ID! ]: held.session_id },
				payment_method: 'stripe',
			} );
			const whileHeld = await php< string >( `
\\WPAnchorBay\\CartBay\\Jobs\\JobLock::acquire( 'attribute|${ heldOrder }' );
do_action( 'woocommerce_payment_complete', ${ heldOrder }, 'held' );
$status = wc_get_order( ${ held.id } )->get_status();
\\WPAnchorBay\\CartBay\\Jobs\\JobLock::release( 'attribute|${ heldOrder }' );
echo wp_json_encode( $status ), "\\n";` );
			await php(
				`do_action( 'woocommerce_payment_complete', ${ heldOrder }, 'held' ); echo "1\\n";`
			);
			const afterRelease = await read( held, heldOrder );
			t.equal(
				'while another request holds the order lock nothing is attributed; after it, the payment hook attributes',
				[ whileHeld, afterRelease.status ],
				[ STATUS.abandoned, STATUS.recovered ]
			);
		}
	);

	await t.group(
		'cancelled, failed or fully refunded orders revert the attribution; emails are not restarted',
		async () => {
			const reverts: [
				string,
				( orderId: number, total: string ) => Promise< unknown >,
			][] = [
				[ 'cancelled', ( id ) => setStatus( id, 'cancelled' ) ],
				[ 'failed', ( id ) => setStatus( id, 'failed' ) ],
				[
					'refunded (status set by the admin)',
					( id ) => setStatus( id, 'refunded' ),
				],
				[
					'fully refunded (wc_create_refund of the total)',
					( id, total ) => refund( id, total ),
				],
			];
			for ( const [ name, undo ] of reverts ) {
				const fixture = await session( {
					email: address( 'revert' ),
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const orderId = await order( {
					email: address( 'revert-buyer' ),
					meta: { [ META.SESSION_ID! ]: fixture.session_id },
					payment_method: 'stripe',
				} );
				await pay( orderId );
				const paid = await read( fixture, orderId );
				await undo( orderId, paid.order?.total ?? '0' );
				const reverted = await read( fixture, orderId );
				const event = lastEvent( reverted, EVENT.RECOVERY_REVERTED! );
				t.check(
					`${ name }: was recovered first`,
					paid.status === STATUS.recovered,
					paid.status
				);
				t.equal(
					`${ name }: abandoned again, no attribution or revenue meta, reverted_at set, the order unmarked`,
					[
						reverted.status,
						unattributed( reverted ),
						Number( reverted.meta[ META.REVERTED_AT! ] ) > 0,
						reverted.order?.attributed,
					],
					[ STATUS.abandoned, [], true, '' ]
				);
				t.equal(
					`${ name }: one recovery_reverted event with the order id and the previous attribution; no send rescheduled`,
					[
						count( reverted, EVENT.RECOVERY_REVERTED! ),
						event?.data.order_id,
						event?.data.attribution,
						reverted.pending_sends,
						reverted.notifications.map( ( n ) => n.status ),
					],
					[
						1,
						orderId,
						attribution.recovered,
						0,
						[ NOTIFICATION.CANCELED ],
					]
				);
				// The same hooks again (and the refund hook), on the reverted order: nothing more.
				await php( `
do_action( 'woocommerce_order_status_cancelled', ${ orderId }, wc_get_order( ${ orderId } ), array() );
do_action( 'woocommerce_order_status_failed', ${ orderId }, wc_get_order( ${ orderId } ), array() );
do_action( 'woocommerce_order_status_refunded', ${ orderId }, wc_get_order( ${ orderId } ), array() );
do_action( 'woocommerce_order_refunded', ${ orderId }, 0 );
echo "1\\n";` );
				t.equal(
					`${ name }: the revert hooks fired again change nothing`,
					sessionPart( await read( fixture, orderId ) ),
					sessionPart( reverted )
				);
			}

			const email = address( 'influenced-refund' );
			const influenced = await session( {
				email,
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const influencedOrder = await order( { email } );
			await setStatus( influencedOrder, 'processing' );
			await setStatus( influencedOrder, 'completed' );
			const wasInfluenced = await read( influenced, influencedOrder );
			await refund( influencedOrder, wasInfluenced.order?.total ?? '0' );
			const back = await read( influenced, influencedOrder );
			t.equal(
				'an influenced order fully refunded: abandoned again, no influenced revenue, reverted event names "influenced"',
				[
					wasInfluenced.meta[ META.ATTRIBUTION! ],
					back.status,
					unattributed( back ),
					lastEvent( back, EVENT.RECOVERY_REVERTED! )?.data
						.attribution,
				],
				[
					attribution.influenced,
					STATUS.abandoned,
					[],
					attribution.influenced,
				]
			);

			// A revert waits for a concurrent attribution of the same order instead of being lost: the order's lock
			// is held (here: taken just short of stale, so it frees itself within the wait).
			const waited = await session( {
				email: address( 'wait' ),
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const waitedOrder = await order( {
				email: address( 'wait-buyer' ),
				meta: { [ META.SESSION_ID! ]: waited.session_id },
				payment_method: 'stripe',
			} );
			await pay( waitedOrder );
			const waitedResult = await php< {
				seconds: number;
				status: string;
			} >( `
global $wpdb;
\\WPAnchorBay\\CartBay\\Jobs\\JobLock::acquire( 'attribute|${ waitedOrder }' );
$wpdb->update( $wpdb->options, array( 'option_value' => (string) ( time() - ${ recoveryWork.attributionLockSeconds - 1 } ) ), array( 'option_name' => 'cartbay_lock_' . md5( 'attribute|${ waitedOrder }' ) ) );
$started = microtime( true );
wc_get_order( ${ waitedOrder } )->update_status( 'cancelled' );
echo wp_json_encode( array( 'seconds' => microtime( true ) - $started, 'status' => wc_get_order( ${ waited.id } )->get_status() ) ), "\\n";` );
			t.check(
				'a cancellation while the order lock is held waits for it and still reverts',
				waitedResult.status === STATUS.abandoned &&
					waitedResult.seconds >= 1,
				waitedResult
			);
		}
	);

	await t.group(
		'partial refunds lower the revenue (total − refunded), once per refund; a deleted refund raises it back',
		async () => {
			const fixture = await session( {
				email: address( 'partial' ),
				items: [ [ 'CB-HOODIE', 2 ] ],
			} );
			const orderId = await order( {
				email: address( 'partial-buyer' ),
				qty: 2,
				meta: { [ META.SESSION_ID! ]: fixture.session_id },
				payment_method: 'stripe',
			} );
			await pay( orderId );
			const paid = await read( fixture, orderId );
			const total = Number( paid.order?.total );
			await refund( orderId, '10.00' );
			const once = await read( fixture, orderId );
			const adjusted = lastEvent( once, EVENT.REVENUE_ADJUSTED! );
			t.equal(
				'after a 10.00 refund: still recovered, revenue = total − 10, one revenue_adjusted event (from → to)',
				[
					once.status,
					Number( once.meta[ META.RECOVERED_REVENUE! ] ),
					count( once, EVENT.REVENUE_ADJUSTED! ),
					Number( adjusted?.data.from ),
					Number( adjusted?.data.to ),
					adjusted?.data.order_id,
				],
				[ STATUS.recovered, total - 10, 1, total, total - 10, orderId ]
			);
			await php(
				`do_action( 'woocommerce_order_refunded', ${ orderId }, 0 ); do_action( 'woocommerce_order_partially_refunded', ${ orderId }, 0 ); echo "1\\n";`
			);
			t.equal(
				'the refund hooks fired again change nothing',
				sessionPart( await read( fixture, orderId ) ),
				sessionPart( once )
			);
			await refund( orderId, '5.50' );
			const twice = await read( fixture, orderId );
			t.equal(
				'a second refund of 5.50: revenue = total − 15.50, two adjustments',
				[
					Number( twice.meta[ META.RECOVERED_REVENUE! ] ),
					count( twice, EVENT.REVENUE_ADJUSTED! ),
					twice.order?.refunded,
				],
				[ total - 15.5, 2, '15.50' ]
			);
			await php( `
$refunds = wc_get_order( ${ orderId } )->get_refunds();
foreach ( $refunds as $refund ) {
	if ( abs( (float) $refund->get_amount() - 10 ) < 0.001 ) {
		$refund->delete( true );
		do_action( 'woocommerce_refund_deleted', $refund->get_id(), ${ orderId } );
	}
}
echo "1\\n";` );
			const undeleted = await read( fixture, orderId );
			t.equal(
				'the 10.00 refund deleted in the order screen: revenue = total − 5.50',
				[
					Number( undeleted.meta[ META.RECOVERED_REVENUE! ] ),
					count( undeleted, EVENT.REVENUE_ADJUSTED! ),
				],
				[ total - 5.5, 3 ]
			);

			const email = address( 'partial-influenced' );
			const influenced = await session( {
				email,
				items: [ [ 'CB-HOODIE', 1 ] ],
			} );
			const influencedOrder = await order( {
				email,
				payment_method: 'stripe',
			} );
			await pay( influencedOrder );
			await refund( influencedOrder, '4.00' );
			const lowered = await read( influenced, influencedOrder );
			t.equal(
				'an influenced order partly refunded: influenced revenue lowered, recovered revenue never set',
				[
					lowered.meta[ META.ATTRIBUTION! ],
					Number( lowered.meta[ META.INFLUENCED_REVENUE! ] ),
					META.RECOVERED_REVENUE! in lowered.meta,
				],
				[
					attribution.influenced,
					Number( lowered.order?.total ) - 4,
					false,
				]
			);
		}
	);

	await t.group( 'a reverted order paid again attributes again', async () => {
		const fixture = await session( {
			email: address( 'again' ),
			items: [ [ 'CB-HOODIE', 1 ] ],
		} );
		const orderId = await order( {
			email: address( 'again-buyer' ),
			meta: { [ META.SESSION_ID! ]: fixture.session_id },
			payment_method: 'stripe',
		} );
		await pay( orderId );
		await setStatus( orderId, 'cancelled' );
		const reverted = await read( fixture, orderId );
		// WooCommerce accepts a payment for a cancelled order (woocommerce_valid_order_statuses_for_payment_complete).
		await pay( orderId );
		const repaid = await read( fixture, orderId );
		t.equal(
			'cancelled: reverted; paid again: recovered again by the same order, reverted_at cleared',
			[
				reverted.status,
				repaid.status,
				repaid.meta[ META.ATTRIBUTION! ],
				Number( repaid.meta[ META.RECOVERED_ORDER_ID! ] ),
				META.REVERTED_AT! in repaid.meta,
				repaid.order?.attributed,
			],
			[
				STATUS.abandoned,
				STATUS.recovered,
				attribution.recovered,
				orderId,
				false,
				fixture.session_id,
			]
		);
		t.equal(
			'events: recovered, recovery_reverted, recovered; revenue = order total',
			[
				repaid.events.filter( ( e ) =>
					[ EVENT.RECOVERED, EVENT.RECOVERY_REVERTED ].includes( e )
				),
				repaid.meta[ META.RECOVERED_REVENUE! ],
			],
			[
				[ EVENT.RECOVERED, EVENT.RECOVERY_REVERTED, EVENT.RECOVERED ],
				repaid.order?.total,
			]
		);
	} );
}
