/**
 * Per-recipient limits inside real WordPress + WooCommerce: one recovery sequence in flight per email hash
 * (the newest abandonment supersedes the others' unsent steps), one CartBay coupon per email per
 * coupon-expiry period, and a CartBay coupon valid only on the saved cart's products and quantities.
 */
import { createHash } from 'node:crypto';
import {
	campaign,
	recipientLimits,
	recoveryCoupons,
} from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall, phpString } from '../support/php';
import {
	CANCEL,
	defaultStepDelaysSeconds,
	EVENT,
	META,
	NOTIFICATION,
	settingDefault,
	STATUS,
} from '../support/schema-names';
import {
	addresses,
	openStore,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';
import { HttpShopper } from './http-shopper';

const STATE = NOTIFICATION;
const SUPERSEDED = CANCEL.SUPERSEDED;
const STEPS = campaign.steps.length;
const COUPON_DAYS = settingDefault< number >( 'coupon_expiry_days' );
/** The default abandonment timeout (minutes): sessions idle longer are abandoned. */
const TIMEOUT = settingDefault< number >( 'abandonment_timeout' );
/** Minutes from abandonment to each default step. */
const STEP_MINUTES = defaultStepDelaysSeconds().map( ( s ) => s / 60 );
const sha256 = ( value: string ): string =>
	createHash( 'sha256' ).update( value ).digest( 'hex' );

/** Test-store helpers of this suite (a must-use plugin): sessions built through CartBay's own services, state readers. */
const LIMITS_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay limits test helpers
 */

/** A captured session of $email with a snapshot of SKU lines, idle for $idle seconds (not yet abandoned). */
function cartbay_limits_captured( $email, array $lines, $idle ) {
	$order = cartbay_test_new_session( $email, $lines );
	$order->update_meta_data( '${ META.CAPTURED_AT }', time() - $idle );
	$order->update_meta_data( '${ META.LAST_ACTIVITY_AT }', time() - $idle );
	\WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class )->save( $order );
	return array( 'id' => $order->get_id(), 'session_id' => (string) $order->get_meta( '${ META.SESSION_ID }' ) );
}

/** Pending send jobs: session id → sorted step numbers. */
function cartbay_limits_pending_sends() {
	$out = array();
	foreach ( as_get_scheduled_actions( array( 'hook' => 'cartbay_send_recovery_email', 'group' => 'cartbay', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ) ) as $action ) {
		$args                  = $action->get_args();
		$out[ $args[0] ][]     = (int) $args[1];
	}
	foreach ( $out as $sid => $steps ) {
		sort( $steps );
		$out[ $sid ] = $steps;
	}
	return $out;
}

/** A session's status, superseded-by, events, notifications (step order), pending send steps and coupon. */
function cartbay_limits_state( $id ) {
	$order = wc_get_order( $id );
	$sid   = (string) $order->get_meta( '_cartbay_session_id' );
	$notes = array_values( \WPAnchorBay\CartBay\Notifications\NotificationLog::all( $order ) );
	usort( $notes, fn ( $a, $b ) => $a['step'] <=> $b['step'] );
	return array(
		'id'            => $id,
		'session_id'    => $sid,
		'status'        => $order->get_status(),
		'superseded_by' => (string) $order->get_meta( '_cartbay_superseded_by' ),
		'events'        => array_column( (array) $order->get_meta( '_cartbay_events' ), 'event' ),
		'notifications' => array_map( fn ( $n ) => array( 'id' => $n['id'], 'step' => $n['step'], 'status' => $n['status'], 'cancel_reason' => $n['cancel_reason'] ), $notes ),
		'pending'       => cartbay_limits_pending_sends()[ $sid ] ?? array(),
		'coupon'        => (string) $order->get_meta( '_cartbay_coupon_code' ),
	);
}

/** CartBay coupons carrying an email hash: code and creation time (GMT). */
function cartbay_limits_coupons( $email_hash ) {
	$ids = get_posts( array( 'post_type' => 'shop_coupon', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids', 'meta_key' => '_cartbay_email_hash', 'meta_value' => $email_hash ) );
	return array_map( fn ( $id ) => array( 'id' => $id, 'code' => get_the_title( $id ), 'generated' => get_post_meta( $id, '_cartbay_generated', true ) ), $ids );
}
`;

interface SessionRef {
	id: number;
	session_id: string;
}
interface LimitState extends SessionRef {
	status: string;
	superseded_by: string;
	events: string[];
	notifications: {
		id: string;
		step: number;
		status: string;
		cancel_reason: string;
	}[];
	pending: number[];
	coupon: string;
}
interface StoreApiCart {
	items: { key: string; id: number; quantity: number }[];
	coupons: { code: string }[];
	errors: { code: string; message: string }[];
}

const address = addresses( 'limits-' );

const allSteps = Array.from( { length: STEPS }, ( _, i ) => i + 1 );

export async function limitsScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-limits.php': LIMITS_TEST_HELPERS,
	} );
	const { base, sku, php } = store;

	const captured = (
		email: string,
		lines: [ string, number ][],
		idleMinutes: number
	): Promise< SessionRef > =>
		phpCall< SessionRef >(
			php,
			'cartbay_limits_captured',
			email,
			lines,
			idleMinutes * 60
		);
	const state = ( id: number ): Promise< LimitState > =>
		phpCall< LimitState >( php, 'cartbay_limits_state', id );
	/**
	 * The session's own exact abandonment check, as its Action Scheduler job runs it.
	 * @param ref
	 */
	const abandon = ( ref: SessionRef ): Promise< string > =>
		site.runPhpOrThrow(
			`do_action( 'cartbay_detect_session_abandonment', ${ phpString( ref.session_id ) } );`
		);
	const runSends = ( minutes: number ) =>
		site.runDueActions( {
			group: 'cartbay',
			hooks: [ 'cartbay_send_recovery_email' ],
			until: new Date( Date.now() + minutes * 60_000 ),
		} );
	const notificationIds = ( email: string ): string[] =>
		site
			.readMailTo( email )
			.map(
				( m ) =>
					/X-CartBay-Notification: ([a-z0-9_]+)/i.exec(
						JSON.stringify( m.headers )
					)?.[ 1 ] ?? ''
			);
	const restoreLink = ( message: string ): string =>
		/(https?:\/\/[^\s"'<>]*cartbay_restore=[A-Za-z0-9_-]+)/.exec(
			message
		)?.[ 1 ] ?? '';
	const pathOf = ( link: string ): string => {
		const url = new URL( link.replace( /&amp;/g, '&' ) );
		return `${ url.pathname }${ url.search }`;
	};

	try {
		await site.runPhpOrThrow(
			`delete_option( 'cartbay_settings' ); delete_option( 'cartbay_campaign_settings' ); update_option( 'cartbay_store_mail_fail', 'no' );`
		);

		await t.group(
			`seven sessions of one address abandoned one after another: ${ recipientLimits.sequencesInFlightPerEmail } sequence in flight, the others superseded`,
			async () => {
				const email = address( 'seven' );
				const sets: [ string, number ][][] = [
					[ [ 'CB-HOODIE', 1 ] ],
					[ [ 'CB-MUG', 2 ] ],
					[ [ 'CB-EBOOK', 1 ] ],
					[ [ 'CB-CAP', 1 ] ],
					[ [ 'CB-TEE-S', 1 ] ],
					[
						[ 'CB-TEE-M', 1 ],
						[ 'CB-MUG', 1 ],
					],
					[
						[ 'CB-TEE-L', 1 ],
						[ 'CB-HOODIE', 1 ],
					],
				];
				const refs: SessionRef[] = [];
				for ( const [ i, lines ] of sets.entries() ) {
					// The address in another case each time: one email hash. Each later session was active more recently.
					refs.push(
						await captured(
							i % 2 ? email.toUpperCase() : email,
							lines,
							TIMEOUT + 1 + sets.length - i
						)
					);
				}
				for ( const ref of refs ) {
					await abandon( ref );
				}
				const states = await Promise.all(
					refs.map( ( r ) => state( r.id ) )
				);
				const last = states[ states.length - 1 ]!;
				const older = states.slice( 0, -1 );
				t.equal(
					'all seven are abandoned (superseded sessions stay abandoned)',
					states.map( ( s ) => s.status ),
					states.map( () => STATUS.abandoned )
				);
				const owners = await php< Record< string, number[] > >(
					`echo wp_json_encode( (object) cartbay_limits_pending_sends() ), "\\n";`
				);
				const ours = refs
					.map( ( r ) => r.session_id )
					.filter( ( sid ) => sid in owners );
				t.equal(
					'pending send jobs belong to one session only: the last abandoned, all its steps',
					[ ours, owners[ last.session_id ] ],
					[ [ last.session_id ], allSteps ]
				);
				t.equal(
					'the last one: every step queued, not superseded',
					[
						last.notifications.map( ( n ) => n.status ),
						last.superseded_by,
						last.events.includes( EVENT.SUPERSEDED! ),
					],
					[ allSteps.map( () => STATE.QUEUED ), '', false ]
				);
				t.equal(
					`the six older: every unsent step canceled with reason ${ SUPERSEDED }, no job left`,
					older.map( ( s ) => [
						s.notifications.map(
							( n ) => `${ n.status }:${ n.cancel_reason }`
						),
						s.pending,
					] ),
					older.map( () => [
						allSteps.map(
							() => `${ STATE.CANCELED }:${ SUPERSEDED }`
						),
						[],
					] )
				);
				t.equal(
					'each older session is superseded by the next one abandoned, with one superseded event',
					older.map( ( s ) => [
						s.superseded_by,
						s.events.filter( ( e ) => e === EVENT.SUPERSEDED )
							.length,
					] ),
					older.map( ( _, i ) => [ refs[ i + 1 ]!.session_id, 1 ] )
				);

				await site.clearMail();
				await runSends( Math.max( ...STEP_MINUTES ) + 8 * 60 );
				const mails = site
					.readMailTo( email.toLowerCase() )
					.concat( site.readMailTo( email.toUpperCase() ) );
				const sent = await state( last.id );
				t.equal(
					`the inbox gets ${ STEPS } emails (not ${ STEPS * sets.length }), all of the last session's sequence`,
					[
						mails.length,
						notificationIds( email.toUpperCase() )
							.concat( notificationIds( email ) )
							.sort(),
					],
					[ STEPS, sent.notifications.map( ( n ) => n.id ).sort() ]
				);
				t.equal(
					'its steps are sent; the older sessions stay canceled',
					[
						sent.notifications.map( ( n ) => n.status ),
						( await state( refs[ 0 ]!.id ) ).notifications.map(
							( n ) => n.status
						),
					],
					[
						allSteps.map( () => STATE.SENT ),
						allSteps.map( () => STATE.CANCELED ),
					]
				);
			}
		);

		await t.group(
			'the newest abandonment wins, also when the older session is abandoned later; sent steps stay sent; the guard refuses a superseded step',
			async () => {
				const email = address( 'order' );
				const older = await captured(
					email,
					[ [ 'CB-HOODIE', 1 ] ],
					10
				); // Created first, still active.
				const newer = await captured(
					email,
					[ [ 'CB-MUG', 1 ] ],
					TIMEOUT + 10
				); // Created later, already idle.
				await abandon( newer );
				await site.clearMail();
				await runSends( STEP_MINUTES[ 0 ]! + 5 ); // The newer session's email 1 goes out.
				const firstMail = site.readMailTo( email );
				t.equal(
					'the newer session abandoned first: its email 1 sent',
					[
						firstMail.length,
						( await state( newer.id ) ).notifications.map(
							( n ) => n.status
						),
					],
					[
						1,
						allSteps.map( ( s ) =>
							s === 1 ? STATE.SENT : STATE.QUEUED
						),
					]
				);

				// The older session goes quiet later: its abandonment is now the newest one (here through the fallback scanner).
				await site.runPhpOrThrow(
					`$o = wc_get_order( ${ older.id } ); $o->update_meta_data( '${ META.LAST_ACTIVITY_AT }', time() - ${ TIMEOUT + 1 } * MINUTE_IN_SECONDS ); $o->save_meta_data(); do_action( 'cartbay_detect_abandonment' );`
				);
				const takenOver = await state( newer.id );
				const taker = await state( older.id );
				t.equal(
					'the session abandoned later takes over: all its steps queued with jobs',
					[
						taker.status,
						taker.notifications.map( ( n ) => n.status ),
						taker.pending,
						taker.superseded_by,
					],
					[
						STATUS.abandoned,
						allSteps.map( () => STATE.QUEUED ),
						allSteps,
						'',
					]
				);
				t.equal(
					`the other keeps its sent email 1; its unsent steps canceled (${ SUPERSEDED }); no job; superseded by the taker`,
					[
						takenOver.status,
						takenOver.notifications.map(
							( n ) => `${ n.status }:${ n.cancel_reason }`
						),
						takenOver.pending,
						takenOver.superseded_by,
					],
					[
						STATUS.abandoned,
						allSteps.map( ( s ) =>
							s === 1
								? `${ STATE.SENT }:`
								: `${ STATE.CANCELED }:${ SUPERSEDED }`
						),
						[],
						older.session_id,
					]
				);

				// The link in the email the superseded session already sent still restores its cart.
				const link = restoreLink( firstMail[ 0 ]?.message ?? '' );
				const shopper = new HttpShopper( base );
				const restored = await shopper.get( pathOf( link ) );
				const cart = await shopper.cart();
				t.check(
					"its sent email's restore link still rebuilds its cart",
					link !== '' &&
						restored.status === 302 &&
						cart.items.map( ( i ) => i.id ).join() ===
							String( sku( 'CB-MUG' ) ),
					{
						link,
						status: restored.status,
						location: restored.location,
						items: cart.items.map( ( i ) => i.id ),
					}
				);

				// A job left behind (a lost update put a step back to queued): the send guard refuses it.
				await site.clearMail();
				await site.runPhpOrThrow( `
$o = wc_get_order( ${ takenOver.id } );
$records = \\WPAnchorBay\\CartBay\\Notifications\\NotificationLog::all( $o );
foreach ( $records as $id => $r ) { if ( 2 === (int) $r['step'] ) { $records[ $id ]['status'] = 'queued'; $records[ $id ]['cancel_reason'] = ''; } }
$o->update_meta_data( '_cartbay_notifications', $records );
$o->save_meta_data();
as_schedule_single_action( time() - 1, 'cartbay_send_recovery_email', array( ${ phpString( takenOver.session_id ) }, 2 ), 'cartbay' );` );
				await runSends( 1 );
				const guarded = await state( newer.id );
				t.equal(
					`a superseded session's stray job sends nothing and is canceled with reason ${ SUPERSEDED }`,
					[
						site.readMailTo( email ).length,
						guarded.notifications.find( ( n ) => n.step === 2 )
							?.status,
						guarded.notifications.find( ( n ) => n.step === 2 )
							?.cancel_reason,
						guarded.pending,
					],
					[ 0, STATE.CANCELED, SUPERSEDED, [] ]
				);

				// Back at checkout and gone again (reactivated, then abandoned): it takes the sequence back, unsent steps only.
				await site.runPhpOrThrow( `
$o = wc_get_order( ${ newer.id } );
$o->set_status( '${ STATUS.captured }' );
\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Email\\EmailSequenceService::class )->stop( $o, 'reactivated' );
$o->update_meta_data( '${ META.LAST_ACTIVITY_AT }', time() - ${ TIMEOUT + 1 } * MINUTE_IN_SECONDS );
$o->save();` );
				await abandon( newer );
				const back = await state( newer.id );
				const yielded = await state( older.id );
				t.equal(
					're-abandoned: no longer superseded, only its unsent steps queued again',
					[
						back.superseded_by,
						back.pending,
						back.notifications
							.filter( ( n ) => n.status === STATE.QUEUED )
							.map( ( n ) => n.step ),
					],
					[ '', allSteps.slice( 1 ), allSteps.slice( 1 ) ]
				);
				t.equal(
					'and the session that had taken over is superseded in turn',
					[
						yielded.superseded_by,
						yielded.pending,
						yielded.notifications.map(
							( n ) => `${ n.status }:${ n.cancel_reason }`
						),
					],
					[
						newer.session_id,
						[],
						allSteps.map(
							() => `${ STATE.CANCELED }:${ SUPERSEDED }`
						),
					]
				);
			}
		);

		await t.group(
			`${ recipientLimits.couponsPerEmailPerExpiry } CartBay coupon per email per ${ COUPON_DAYS }-day expiry period; the next email goes out without one`,
			async () => {
				// Email 1 carries the coupon, so the test does not wait for step 3.
				await site.runPhpOrThrow(
					`update_option( 'cartbay_campaign_settings', array( 'enabled' => true, 'steps' => array( array( 'delay_value' => 15, 'delay_unit' => 'minutes', 'coupon_enabled' => true ), array( 'delay_value' => 7, 'delay_unit' => 'days', 'coupon_enabled' => false ), array( 'delay_value' => 7, 'delay_unit' => 'days', 'coupon_enabled' => false ) ) ) );`
				);
				try {
					const email = address( 'coupon' );
					const hash = sha256( email.toLowerCase() );
					const coupons = () =>
						php<
							{ id: number; code: string; generated: string }[]
						>(
							`echo wp_json_encode( cartbay_limits_coupons( ${ phpString( hash ) } ) ), "\\n";`
						);
					await site.clearMail();
					const first = await captured(
						email,
						[ [ 'CB-HOODIE', 1 ] ],
						TIMEOUT + 10
					);
					await abandon( first );
					await runSends( 20 );
					const firstState = await state( first.id );
					const issued = await coupons();
					const firstMail =
						site.readMailTo( email )[ 0 ]?.message ?? '';
					t.check(
						`the first session's email carries its ${ recoveryCoupons.codePrefix } coupon, stored with the email hash`,
						firstState.coupon.startsWith(
							recoveryCoupons.codePrefix
						) &&
							firstMail.includes( firstState.coupon ) &&
							issued.length === 1 &&
							issued[ 0 ]?.code.toUpperCase() ===
								firstState.coupon &&
							issued[ 0 ]?.generated === 'yes',
						{ coupon: firstState.coupon, issued }
					);

					const second = await captured(
						email.toUpperCase(),
						[ [ 'CB-MUG', 1 ] ],
						TIMEOUT + 10
					);
					await abandon( second );
					await site.clearMail();
					await runSends( 20 );
					const secondState = await state( second.id );
					const secondMail =
						site.readMailTo( email.toUpperCase() )[ 0 ]?.message ??
						'';
					t.equal(
						'a second session of that email within the period: email 1 sent, no coupon made',
						[
							secondState.notifications[ 0 ]?.status,
							secondState.coupon,
							( await coupons() ).length,
						],
						[ STATE.SENT, '', 1 ]
					);
					t.check(
						'that email shows no coupon line and no code',
						secondMail !== '' &&
							! secondMail.includes(
								recoveryCoupons.codePrefix
							) &&
							! /Use the code/.test( secondMail ),
						secondMail.slice( 0, 400 )
					);

					const other = address( 'coupon-other' );
					const elsewhere = await captured(
						other,
						[ [ 'CB-MUG', 1 ] ],
						TIMEOUT + 10
					);
					await abandon( elsewhere );
					await runSends( 20 );
					t.check(
						'another email within the same period still gets its own coupon',
						( await state( elsewhere.id ) ).coupon.startsWith(
							recoveryCoupons.codePrefix
						),
						await state( elsewhere.id )
					);

					// The first coupon is now older than the period: the next session of the email gets a new one.
					await site.runPhpOrThrow( `
$when = time() - ( ${ COUPON_DAYS } * DAY_IN_SECONDS + HOUR_IN_SECONDS );
wp_update_post( array( 'ID' => ${ issued[ 0 ]?.id ?? 0 }, 'post_date' => get_date_from_gmt( gmdate( 'Y-m-d H:i:s', $when ) ), 'post_date_gmt' => gmdate( 'Y-m-d H:i:s', $when ) ) );` );
					const third = await captured(
						email,
						[ [ 'CB-CAP', 1 ] ],
						TIMEOUT + 10
					);
					await abandon( third );
					await runSends( 20 );
					const thirdState = await state( third.id );
					t.equal(
						'after the period: the next session gets a new coupon (two on record for the email)',
						[
							thirdState.coupon.startsWith(
								recoveryCoupons.codePrefix
							),
							thirdState.coupon !== firstState.coupon,
							( await coupons() ).length,
						],
						[ true, true, 2 ]
					);
				} finally {
					await site.runPhpOrThrow(
						`delete_option( 'cartbay_campaign_settings' );`
					);
				}
			}
		);

		await t.group(
			'a CartBay coupon holds only on the saved cart: refused with a product outside the snapshot or a larger quantity, accepted again back at the snapshot',
			async () => {
				const email = address( 'guard' );
				const fixture = await php< {
					id: number;
					session_id: string;
					restore: string;
					coupon: string;
				} >(
					`echo wp_json_encode( cartbay_test_session( array( 'email' => ${ phpString( email ) }, 'items' => array( array( 'CB-HOODIE', 1 ), array( 'CB-TEE-M', 2 ) ), 'coupon' => true ) ) ), "\\n";`
				);
				const code = fixture.coupon.toLowerCase();
				const shopper = new HttpShopper( base );
				await shopper.get( pathOf( fixture.restore ) );
				const storeCart = async (): Promise< StoreApiCart > =>
					JSON.parse(
						( await shopper.get( '/wp-json/wc/store/v1/cart' ) )
							.body
					) as StoreApiCart;
				/**
				 * A Store API cart route; its answer is the cart (validated, so an invalid coupon is already removed and reported) or an error.
				 * @param route
				 * @param body
				 */
				const storeApi = async (
					route: string,
					body: unknown
				): Promise< {
					status: number;
					data: Record< string, unknown >;
				} > => {
					const { nonce } = await shopper.get(
						'/wp-json/wc/store/v1/cart'
					);
					const response = await shopper.request(
						`/wp-json/wc/store/v1/cart/${ route }`,
						{
							method: 'POST',
							headers: {
								'Content-Type': 'application/json',
								Nonce: nonce,
							},
							body: JSON.stringify( body ),
						}
					);
					return {
						status: response.status,
						data: JSON.parse( response.body ) as Record<
							string,
							unknown
						>,
					};
				};
				const asCart = (
					data: Record< string, unknown >
				): StoreApiCart => ( {
					items: [],
					coupons: [],
					errors: [],
					...( data as Partial< StoreApiCart > ),
				} );
				const coupons = ( cart: StoreApiCart ) =>
					cart.coupons.map( ( c ) => c.code.toLowerCase() );
				const line = ( cart: StoreApiCart, id: number ) =>
					cart.items.find( ( i ) => i.id === id );

				const start = await storeCart();
				t.equal(
					'the restored cart (the snapshot) carries the coupon',
					coupons( start ),
					[ code ]
				);
				// Capture and cart sync on the restored checkout rewrite the session's snapshot as the cart grows; the
				// coupon keeps the cart its email was sent for.
				const frozen = await php< Record< string, number > >( `
$o = wc_get_order( ${ fixture.id } );
$snapshot = $o->get_meta( '_cartbay_cart_snapshot' );
$snapshot['items'][] = array( 'product_id' => ${ sku( 'CB-MUG' ) }, 'variation_id' => 0, 'quantity' => 5 );
$o->update_meta_data( '_cartbay_cart_snapshot', $snapshot );
$o->save_meta_data();
echo wp_json_encode( (object) ( new WC_Coupon( ${ phpString( code ) } ) )->get_meta( '_cartbay_coupon_items' ) ), "\\n";` );
				t.equal(
					'the coupon carries the saved cart it was sent for',
					frozen,
					{
						[ `${ sku( 'CB-HOODIE' ) }:0` ]: 1,
						[ `${ sku( 'CB-TEE' ) }:${ sku( 'CB-TEE-M' ) }` ]: 2,
					}
				);

				const grown = asCart(
					(
						await storeApi( 'add-item', {
							id: sku( 'CB-MUG' ),
							quantity: 1,
						} )
					).data
				);
				const grownErrors = JSON.stringify( grown.errors );
				t.check(
					'a product outside the snapshot: the coupon comes off, the shopper is told which item and what to do',
					coupons( grown ).length === 0 &&
						/only covers the items of your saved cart/.test(
							grownErrors
						) &&
						grownErrors.includes( 'CartBay Test Mug' ) &&
						/Remove it/.test( grownErrors ),
					grown.errors
				);
				const refused = await storeApi( 'apply-coupon', { code } );
				t.check(
					'applying it again with that product in the cart: 400 with the reason',
					refused.status === 400 &&
						/only covers the items of your saved cart/.test(
							String( refused.data.message )
						),
					refused
				);
				await storeApi( 'remove-item', {
					key: line( grown, sku( 'CB-MUG' ) )?.key ?? '',
				} );
				const back = await storeApi( 'apply-coupon', { code } );
				t.equal(
					'back to the snapshot: the coupon applies again',
					[ back.status, coupons( await storeCart() ) ],
					[ 200, [ code ] ]
				);

				const before = await storeCart();
				const more = asCart(
					(
						await storeApi( 'update-item', {
							key: line( before, sku( 'CB-TEE-M' ) )?.key ?? '',
							quantity: 3,
						} )
					).data
				);
				const moreErrors = JSON.stringify( more.errors );
				t.check(
					'more than the snapshot quantity: the coupon comes off, naming the saved quantity',
					coupons( more ).length === 0 &&
						/at most 2 ×/.test( moreErrors ) &&
						/Lower the quantity/.test( moreErrors ),
					more.errors
				);
				const refusedQty = await storeApi( 'apply-coupon', { code } );
				t.equal(
					'applying it again at that quantity: 400',
					refusedQty.status,
					400
				);
				await storeApi( 'update-item', {
					key: line( more, sku( 'CB-TEE-M' ) )?.key ?? '',
					quantity: 1,
				} );
				const fewer = await storeApi( 'apply-coupon', { code } );
				t.equal(
					'fewer than the snapshot quantity: the coupon applies',
					[ fewer.status, coupons( await storeCart() ) ],
					[ 200, [ code ] ]
				);
				const placed = await shopper.checkout( email );
				const used = await php< string[] >(
					`echo wp_json_encode( ( $o = wc_get_order( ${ placed.order_id } ) ) ? $o->get_coupon_codes() : array() ), "\\n";`
				);
				t.equal(
					'checkout with the saved items: the order is placed with the coupon',
					[ placed.status, used.map( ( c ) => c.toLowerCase() ) ],
					[ 200, [ code ] ]
				);

				// An order (admin or REST apply_coupon): the same rule against its items, variations included.
				const buyer = address( 'guard-order' );
				const second = await php< {
					session_id: string;
					coupon: string;
				} >(
					`echo wp_json_encode( cartbay_test_session( array( 'email' => ${ phpString( buyer ) }, 'items' => array( array( 'CB-HOODIE', 1 ), array( 'CB-TEE-M', 2 ) ), 'coupon' => true ) ) ), "\\n";`
				);
				const verdicts = await php<
					Record< string, string | boolean >
				>( `
$try = function ( array $lines ) {
	$order = wc_create_order( array( 'status' => 'pending' ) );
	foreach ( $lines as $line ) { $order->add_product( wc_get_product( wc_get_product_id_by_sku( $line[0] ) ), $line[1] ); }
	$order->set_billing_email( ${ phpString( buyer ) } );
	$order->update_meta_data( '_cartbay_restored_session_id', ${ phpString( second.session_id ) } );
	$order->calculate_totals( false );
	$order->save();
	$discounts = new WC_Discounts( $order );
	$valid     = $discounts->is_coupon_valid( new WC_Coupon( ${ phpString( second.coupon ) } ) );
	$order->delete( true );
	return true === $valid ? true : $valid->get_error_message();
};
echo wp_json_encode( array(
	'same'      => $try( array( array( 'CB-HOODIE', 1 ), array( 'CB-TEE-M', 2 ) ) ),
	'fewer'     => $try( array( array( 'CB-TEE-M', 1 ) ) ),
	'variation' => $try( array( array( 'CB-HOODIE', 1 ), array( 'CB-TEE-L', 1 ) ) ),
	'quantity'  => $try( array( array( 'CB-HOODIE', 2 ) ) ),
	'legacy'    => ( function () use ( $try ) {
		// A coupon made before coupons carried their items: the session's snapshot decides.
		$coupon = new WC_Coupon( ${ phpString( second.coupon ) } );
		$coupon->delete_meta_data( '_cartbay_coupon_items' );
		$coupon->save();
		return array( $try( array( array( 'CB-HOODIE', 1 ), array( 'CB-TEE-M', 2 ) ) ), $try( array( array( 'CB-MUG', 1 ) ) ) );
	} )(),
) ), "\\n";` );
				t.equal(
					'order: the snapshot items, or fewer, are accepted',
					[ verdicts.same, verdicts.fewer ],
					[ true, true ]
				);
				const legacy = verdicts.legacy as unknown as [
					string | boolean,
					string | boolean,
				];
				t.check(
					'a coupon without stored items falls back to the session snapshot',
					legacy[ 0 ] === true &&
						/only covers the items of your saved cart/.test(
							String( legacy[ 1 ] )
						),
					legacy
				);
				t.check(
					'order: another variation of a saved product, or more of it, is refused',
					/only covers the items of your saved cart/.test(
						String( verdicts.variation )
					) &&
						/CartBay Test Tee[^"]*L/.test(
							String( verdicts.variation )
						) &&
						/at most 1 ×/.test( String( verdicts.quantity ) ),
					verdicts
				);
			}
		);
	} finally {
		await store.close();
	}
}
