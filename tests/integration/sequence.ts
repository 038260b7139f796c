/**
 * The recovery sequence inside real WordPress + WooCommerce: abandonment schedules three guarded sends,
 * emails go out once each with hashed-token links and the step-3 coupon, failures retry then fail, pending
 * work is canceled when it is no longer wanted, and the test routes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
	campaign,
	emailSteps,
	notificationRetry,
	recoveryCoupons,
	recoveryWork,
} from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { lastJson, phpString } from '../support/php';
import {
	CANCEL,
	defaultStepDelaysSeconds,
	EVENT,
	NOTIFICATION,
	QUERY_ARG,
	settingDefault,
	STATUS,
	TRIGGER,
} from '../support/schema-names';
import { openStore } from '../support/store-fixtures';
import { HttpShopper } from './http-shopper';

const UNSUBSCRIBE_ARG = QUERY_ARG.UNSUBSCRIBE;
const STEPS = campaign.steps.length;
/** Seconds of idle time that put a session past the default abandonment timeout. */
const PAST_TIMEOUT = `${ settingDefault< number >( 'abandonment_timeout' ) + 1 } * MINUTE_IN_SECONDS`;
const SERVICE = ( cls: string ) =>
	`\\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\${ cls }::class )`;

/** PHP: a captured session of `$email`, idle for `$idle` seconds, with a one-line cart snapshot. */
const MAKE_SESSION = `
function cartbay_it_session( $email, $idle ) {
	$order = wc_create_order( array( 'status' => '${ STATUS.captured }', 'created_via' => 'cartbay' ) );
	$order->set_billing_email( $email );
	$order->update_meta_data( '_cartbay_session_id', wp_generate_password( 32, false, false ) );
	$order->update_meta_data( '_cartbay_email', $email );
	$order->update_meta_data( '_cartbay_email_hash', hash( 'sha256', strtolower( $email ) ) );
	$order->update_meta_data( '_cartbay_cart_snapshot', array( 'items' => array(), 'total' => '25.00', 'currency' => 'USD', 'item_count' => 1 ) );
	$order->update_meta_data( '_cartbay_last_activity_at', time() - $idle );
	$order->save();
	return $order;
}
function cartbay_it_pending( $session_id ) {
	$out = array();
	foreach ( as_get_scheduled_actions( array( 'group' => 'cartbay', 'hook' => 'cartbay_send_recovery_email', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => 50 ) ) as $action ) {
		$args = $action->get_args();
		if ( $args[0] === $session_id ) {
			$out[] = array( 'step' => $args[1], 'at' => $action->get_schedule()->get_date()->getTimestamp() );
		}
	}
	usort( $out, fn ( $a, $b ) => $a['step'] <=> $b['step'] );
	return $out;
}
function cartbay_it_state( $order_id ) {
	$order = wc_get_order( $order_id );
	$sid   = (string) $order->get_meta( '_cartbay_session_id' );
	return array(
		'id'            => $order_id,
		'session_id'    => $sid,
		'status'        => $order->get_status(),
		'abandoned_at'  => (int) $order->get_meta( '_cartbay_abandoned_at' ),
		'notifications' => array_values( \\WPAnchorBay\\CartBay\\Notifications\\NotificationLog::all( $order ) ),
		'pending'       => cartbay_it_pending( $sid ),
		'events'        => array_column( (array) $order->get_meta( '_cartbay_events' ), 'event' ),
		'coupon'        => (string) $order->get_meta( '_cartbay_coupon_code' ),
		'token_hashes'  => array_values( array_map( fn ( $m ) => (string) $m->value, $order->get_meta( '_cartbay_token_hash', false ) ) ),
		'unsub_hashes'  => count( (array) $order->get_meta( '_cartbay_unsub_token_hash', false ) ),
	);
}`;

interface Notification {
	id: string;
	step: number;
	email_id: string;
	status: string;
	trigger: string;
	scheduled_at: number;
	attempts: number;
	last_error: string;
	cancel_reason: string;
	timestamps: Record< string, number >;
}
interface SessionState {
	id: number;
	session_id: string;
	status: string;
	abandoned_at: number;
	notifications: Notification[];
	pending: { step: number; at: number }[];
	events: string[];
	coupon: string;
	token_hashes: string[];
	unsub_hashes: number;
}

async function php< T >( site: Site, code: string ): Promise< T > {
	return lastJson< T >(
		await site.runPhpOrThrow( `${ MAKE_SESSION }\n${ code }` )
	);
}

async function state( site: Site, orderId: number ): Promise< SessionState > {
	return php< SessionState >(
		site,
		`echo wp_json_encode( cartbay_it_state( ${ orderId } ) ), "\\n";`
	);
}

/**
 * A captured session past the timeout, abandoned by the fallback scanner.
 * @param site
 * @param email
 */
async function abandonedSession(
	site: Site,
	email: string
): Promise< SessionState > {
	const id = await php< number >(
		site,
		`$o = cartbay_it_session( ${ phpString( email ) }, ${ PAST_TIMEOUT } ); echo json_encode( $o->get_id() ), "\\n";`
	);
	await site.runPhpOrThrow( `do_action( 'cartbay_detect_abandonment' );` );
	return state( site, id );
}

/**
 * Runs due CartBay jobs as a queue that was stopped until `hours` from now would.
 * @param site
 * @param hours
 */
async function runQueue( site: Site, hours: number ): Promise< void > {
	await site.runDueActions( {
		group: 'cartbay',
		hooks: [ 'cartbay_send_recovery_email' ],
		until: new Date( Date.now() + hours * 3600_000 ),
	} );
}

const sha256 = ( s: string ) =>
	createHash( 'sha256' ).update( s ).digest( 'hex' );

/** Seconds of each default step after abandonment. */
const defaultOffsets = defaultStepDelaysSeconds();

export async function sequenceScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	await site.runPhpOrThrow(
		`delete_option( 'cartbay_settings' ); delete_option( 'cartbay_campaign_settings' ); update_option( 'cartbay_store_mail_fail', 'no' );`
	);

	await t.group(
		'abandonment schedules the three steps at abandoned-at + each delay, once',
		async () => {
			const s = await abandonedSession( site, 'seq-a@example.test' );
			t.equal(
				'session abandoned with its time and event',
				[ s.status, s.abandoned_at > 0, s.events ],
				[ STATUS.abandoned, true, [ EVENT.ABANDONED ] ]
			);
			t.equal(
				'a pending send job per step, at abandoned-at + its default delay',
				s.pending.map( ( p ) => [ p.step, p.at - s.abandoned_at ] ),
				defaultOffsets.map( ( o, i ) => [ i + 1, o ] )
			);
			t.equal(
				'a queued notification record per step email',
				s.notifications.map( ( n ) => [
					n.step,
					n.email_id,
					n.status,
					n.trigger,
					n.scheduled_at - s.abandoned_at,
				] ),
				defaultOffsets.map( ( o, i ) => [
					i + 1,
					emailSteps[ i ]?.id,
					NOTIFICATION.QUEUED,
					TRIGGER.ABANDONMENT,
					o,
				] )
			);
			// The exact check and the scanner racing, and the scanner running again: nothing twice.
			await site.runPhpOrThrow(
				`do_action( 'cartbay_detect_abandonment' ); do_action( 'cartbay_detect_session_abandonment', ${ phpString( s.session_id ) } );`
			);
			const again = await state( site, s.id );
			t.equal(
				'a second scan and the exact check schedule nothing more',
				[
					again.pending.length,
					again.notifications.length,
					again.events,
				],
				[ STEPS, STEPS, [ EVENT.ABANDONED ] ]
			);
		}
	);

	await t.group(
		'the queue stopped for days then resumed: each step sent once, in order, with hashed-token links',
		async () => {
			await site.clearMail();
			const s = await abandonedSession( site, 'seq-b@example.test' );
			await runQueue( site, 80 );
			await runQueue( site, 80 ); // Resumed twice: nothing is sent again.
			const after = await state( site, s.id );
			const mails = site.readMailTo( 'seq-b@example.test' );
			const blogname = await php< string >(
				site,
				`echo wp_json_encode( get_option( 'blogname' ) ), "\\n";`
			);
			t.equal(
				'one email per step, in step order, default subjects',
				mails.map( ( m ) => m.subject ),
				emailSteps.map( ( e ) =>
					e.defaults.subject.replace( '{site_title}', blogname )
				)
			);
			t.equal(
				'every notification sent after queued and attempted, one attempt each',
				after.notifications.map( ( n ) => [
					n.step,
					n.status,
					n.attempts,
					Boolean(
						n.timestamps.queued &&
						n.timestamps.attempted &&
						n.timestamps.sent
					),
				] ),
				emailSteps.map( ( e ) => [
					e.step,
					NOTIFICATION.SENT,
					1,
					true,
				] )
			);
			t.equal(
				'nothing pending; an email_sent event per step',
				[
					after.pending.length,
					after.events.filter( ( e ) => e === EVENT.EMAIL_SENT )
						.length,
				],
				[ 0, STEPS ]
			);
			t.check(
				'no unresolved placeholder in any subject or body',
				mails.every(
					( m ) =>
						! /\{(site_title|site_name|store_name|customer_email|restore_url|coupon_code|coupon_expiry|unsubscribe_url)\}/.test(
							m.subject + m.message
						)
				),
				mails.map( ( m ) => m.subject )
			);

			const restoreTokens = mails.map(
				( m ) =>
					/cartbay_restore=([A-Za-z0-9_-]+)/.exec(
						m.message
					)?.[ 1 ] ?? ''
			);
			const unsubTokens = mails.map(
				( m ) =>
					/cartbay_unsubscribe=([A-Za-z0-9_-]+)/.exec(
						m.message
					)?.[ 1 ] ?? ''
			);
			t.check(
				'each email has its own restore token (≥ 40 chars)',
				new Set( restoreTokens.filter( ( x ) => x.length >= 40 ) )
					.size === STEPS,
				restoreTokens
			);
			t.check(
				'the unsubscribe link names the address: the same signed token (≥ 40 chars) in every email to it',
				unsubTokens.every(
					( x ) =>
						x.length >= 40 &&
						x === unsubTokens[ 0 ] &&
						! restoreTokens.includes( x )
				),
				unsubTokens
			);
			t.equal(
				'only the SHA-256 of each restore token is stored, one row per email',
				[ ...after.token_hashes ].sort(),
				restoreTokens.map( sha256 ).sort()
			);
			t.equal(
				"the unsubscribe token's hash is stored once",
				after.unsub_hashes,
				1
			);
			const headers = mails.map( ( m ) => JSON.stringify( m.headers ) );
			t.check(
				'List-Unsubscribe (the same link as the body), one-click and notification headers on every email',
				headers.every(
					( h, i ) =>
						h.includes( `List-Unsubscribe: <` ) &&
						h.includes(
							`${ UNSUBSCRIBE_ARG }=${ unsubTokens[ i ] }`
						) &&
						h.includes( 'List-Unsubscribe=One-Click' ) &&
						h.includes(
							`X-CartBay-Notification: ${ after.notifications[ i ]?.id }`
						)
				),
				headers
			);

			const db = databaseBytes( site );
			t.check(
				'no raw restore or unsubscribe token anywhere in the database',
				[ ...restoreTokens, ...unsubTokens ].every(
					( token ) => token !== '' && ! db.includes( token )
				),
				'token found in the SQLite file'
			);

			const coupon = await php< Record< string, unknown > >(
				site,
				`
$c = new WC_Coupon( ${ phpString( after.coupon ) } );
echo wp_json_encode( array( 'id' => $c->get_id(), 'code' => $c->get_code(), 'type' => $c->get_discount_type(), 'amount' => (float) $c->get_amount(), 'emails' => $c->get_email_restrictions(), 'limit' => $c->get_usage_limit(), 'individual' => $c->get_individual_use(), 'expires_in_days' => round( ( $c->get_date_expires()->getTimestamp() - time() ) / DAY_IN_SECONDS ), 'session' => $c->get_meta( '_cartbay_session_id' ), 'generated' => $c->get_meta( '_cartbay_generated' ), 'email_meta' => $c->get_meta( '_cartbay_email' ) ) ), "\\n";`
			);
			t.check(
				`email 3 only carries the coupon ${ recoveryCoupons.codePrefix }…`,
				after.coupon.startsWith( recoveryCoupons.codePrefix ) &&
					( mails[ 2 ]?.message ?? '' ).includes( after.coupon ) &&
					! ( mails[ 0 ]?.message ?? '' ).includes(
						recoveryCoupons.codePrefix
					) &&
					! ( mails[ 1 ]?.message ?? '' ).includes(
						recoveryCoupons.codePrefix
					),
				after.coupon
			);
			t.equal(
				'coupon: the default type, amount and expiry days, single use, individual use, restricted to the shopper, linked to the session',
				[
					coupon.type,
					coupon.amount,
					coupon.limit,
					coupon.individual,
					coupon.emails,
					coupon.expires_in_days,
					coupon.session,
					coupon.generated,
					coupon.email_meta,
				],
				[
					settingDefault( 'coupon_type' ),
					settingDefault( 'coupon_amount' ),
					1,
					true,
					[ 'seq-b@example.test' ],
					settingDefault( 'coupon_expiry_days' ),
					s.session_id,
					'yes',
					'seq-b@example.test',
				]
			);
		}
	);

	await t.group(
		`a failing wp_mail goes retry_queued, retried ${ notificationRetry.retryDelayMinutesPerAttempt } × attempts min later, failed after ${ notificationRetry.maxAttempts }`,
		async () => {
			await site.runPhpOrThrow(
				`update_option( 'cartbay_campaign_settings', array( 'enabled' => true, 'steps' => array( array( 'delay_value' => 15, 'delay_unit' => 'minutes', 'coupon_enabled' => false ), array( 'delay_value' => 7, 'delay_unit' => 'days', 'coupon_enabled' => false ), array( 'delay_value' => 7, 'delay_unit' => 'days', 'coupon_enabled' => false ) ) ) );`
			);
			const s = await abandonedSession( site, 'seq-fail@example.test' );
			await site.runPhpOrThrow(
				`update_option( 'cartbay_store_mail_fail', 'yes' );`
			);
			// Each run of the step's pending job, as the queue would run it when due.
			const runStep1 = () =>
				php< number >(
					site,
					`
$ids = as_get_scheduled_actions( array( 'hook' => 'cartbay_send_recovery_email', 'args' => array( ${ phpString( s.session_id ) }, 1 ), 'status' => ActionScheduler_Store::STATUS_PENDING ), 'ids' );
foreach ( $ids as $id ) { ActionScheduler::runner()->process_action( $id, 'CartBay test' ); }
echo json_encode( count( $ids ) ), "\n";`
				);
			const ran = [ await runStep1() ];
			const first = await state( site, s.id );
			const n1 = first.notifications[ 0 ];
			t.equal(
				'after one failure: retry_queued, 1 attempt, error kept',
				[
					n1?.status,
					n1?.attempts,
					n1?.last_error.includes( 'Simulated mail failure' ),
				],
				[ NOTIFICATION.RETRY_QUEUED, 1, true ]
			);
			const retryIn = ( st: SessionState ) =>
				Math.round(
					( ( st.pending.find( ( p ) => p.step === 1 )?.at ?? 0 ) -
						( st.notifications[ 0 ]?.timestamps.retry_queued ??
							0 ) ) /
						60
				);
			ran.push( await runStep1() );
			const second = await state( site, s.id );
			t.equal(
				`retries ${ notificationRetry.retryDelayMinutesPerAttempt } × attempts minutes later (15, then 30)`,
				[
					retryIn( first ),
					second.notifications[ 0 ]?.attempts,
					retryIn( second ),
				],
				[
					notificationRetry.retryDelayMinutesPerAttempt,
					2,
					2 * notificationRetry.retryDelayMinutesPerAttempt,
				]
			);
			ran.push( await runStep1(), await runStep1() );
			const last = await state( site, s.id );
			const n = last.notifications[ 0 ];
			t.equal(
				'one pending job per attempt, none after the last',
				ran,
				[ 1, 1, 1, 0 ]
			);
			t.equal(
				`failed for good after ${ notificationRetry.maxAttempts } attempts, last error kept, no step-1 job left`,
				[
					n?.status,
					n?.attempts,
					Boolean( n?.last_error ),
					last.pending.filter( ( p ) => p.step === 1 ).length,
				],
				[ NOTIFICATION.FAILED, notificationRetry.maxAttempts, true, 0 ]
			);
			t.check(
				'the error kept has no email address in it',
				! ( n?.last_error ?? '' ).includes( '@' ),
				n?.last_error
			);
			t.equal(
				'an email_failed event per attempt',
				last.events.filter( ( e ) => e === EVENT.EMAIL_FAILED ).length,
				notificationRetry.maxAttempts
			);
			await site.runPhpOrThrow(
				`update_option( 'cartbay_store_mail_fail', 'no' ); delete_option( 'cartbay_campaign_settings' );`
			);
		}
	);

	await t.group(
		'recovery, unsubscribe, suppression and status changes cancel what is pending',
		async () => {
			await site.clearMail();
			const stopped = await abandonedSession(
				site,
				'seq-stop@example.test'
			);
			await site.runPhpOrThrow(
				`$o = wc_get_order( ${ stopped.id } ); ${ SERVICE( 'Email\\EmailSequenceService' ) }->stop( $o, ${ phpString( CANCEL.RECOVERED ) } ); $o->save();`
			);
			const afterStop = await state( site, stopped.id );
			t.equal(
				'stop(): no pending job, every notification canceled with the reason',
				[
					afterStop.pending.length,
					afterStop.notifications.map( ( n ) => [
						n.status,
						n.cancel_reason,
					] ),
				],
				[
					0,
					emailSteps.map( () => [
						NOTIFICATION.CANCELED,
						CANCEL.RECOVERED,
					] ),
				]
			);

			// Jobs left behind (status changed by other code, or email suppressed): the send guards cancel instead of sending.
			const moved = await abandonedSession(
				site,
				'seq-moved@example.test'
			);
			await site.runPhpOrThrow(
				`$o = wc_get_order( ${ moved.id } ); $o->set_status( '${ STATUS.recovered }' ); $o->save();`
			);
			const suppressed = await abandonedSession(
				site,
				'seq-suppressed@example.test'
			);
			await site.runPhpOrThrow(
				`wp_insert_post( array( 'post_type' => 'cartbay_suppressed', 'post_status' => 'publish', 'post_title' => hash( 'sha256', 'seq-suppressed@example.test' ), 'post_name' => hash( 'sha256', 'seq-suppressed@example.test' ) ) );`
			);
			await runQueue( site, 80 );
			const m = await state( site, moved.id );
			const su = await state( site, suppressed.id );
			t.equal(
				'no email to a recovered session or a suppressed address',
				[
					site.readMailTo( 'seq-moved@example.test' ).length,
					site.readMailTo( 'seq-suppressed@example.test' ).length,
				],
				[ 0, 0 ]
			);
			t.equal(
				'their notifications are canceled with why',
				[
					m.notifications.map( ( n ) => n.cancel_reason ),
					su.notifications.map( ( n ) => n.cancel_reason ),
				],
				[
					emailSteps.map(
						() =>
							`${ CANCEL.SESSION_STATUS_PREFIX }${ STATUS.recovered }`
					),
					emailSteps.map( () => CANCEL.SUPPRESSED ),
				]
			);

			// Back at checkout after abandonment: the sequence stops, and restarts (unsent steps only) at the next abandonment.
			const back = await abandonedSession(
				site,
				'seq-back@example.test'
			);
			await site.runPhpOrThrow( `
$o = wc_get_order( ${ back.id } );
$records = (array) $o->get_meta( '_cartbay_notifications' );
$o->set_status( '${ STATUS.captured }' );
\\WPAnchorBay\\CartBay\\Notifications\\NotificationLog::cancel_pending( $o, ${ phpString( CANCEL.REACTIVATED ) } );
${ SERVICE( 'Data\\SessionRepository' ) }->cancel_jobs( ${ phpString( back.session_id ) } );
$o->update_meta_data( '_cartbay_last_activity_at', time() - ${ PAST_TIMEOUT } );
$o->save();
do_action( 'cartbay_detect_abandonment' );` );
			const rearmed = await state( site, back.id );
			t.equal(
				're-abandoned: a new queued record and a job per step',
				[
					rearmed.notifications.filter(
						( n ) => n.status === NOTIFICATION.QUEUED
					).length,
					rearmed.pending.length,
				],
				[ STEPS, STEPS ]
			);
		}
	);

	await t.group(
		'withdrawing consent after abandonment deletes the session and cancels its pending sends',
		async () => {
			// Capture over real HTTP (the withdrawal must come from the browser session that owns the capture).
			// The common test helpers raise the rate limit; closing the store removes them again.
			const store = await openStore( site );
			try {
				const shopper = new HttpShopper( store.base );
				await shopper.get( `/?add-to-cart=${ store.sku( 'CB-MUG' ) }` );
				const captured = await shopper.capture( {
					email: 'seq-withdraw@example.test',
					consent: true,
					source: 'classic',
				} );
				const sessionId = String( captured.data.session_id ?? '' );
				const id = await php< number >(
					site,
					`
$o = ${ SERVICE( 'Data\\SessionRepository' ) }->find( ${ phpString( sessionId ) } );
$o->update_meta_data( '_cartbay_last_activity_at', time() - ${ PAST_TIMEOUT } );
$o->save_meta_data();
do_action( 'cartbay_detect_abandonment' );
echo json_encode( $o->get_id() ), "\\n";`
				);
				const before = await state( site, id );
				const withdrawn = await shopper.capture( {
					consent: false,
					source: 'classic',
					session_id: sessionId,
				} );
				const after = await php< { exists: boolean; pending: number } >(
					site,
					`echo wp_json_encode( array( 'exists' => (bool) wc_get_order( ${ id } ), 'pending' => count( cartbay_it_pending( ${ phpString( sessionId ) } ) ) ) ), "\\n";`
				);
				t.equal(
					'abandoned with a pending send per step, then withdrawn: 200, session gone, nothing pending',
					[
						before.status,
						before.pending.length,
						withdrawn.status,
						after.exists,
						after.pending,
					],
					[ STATUS.abandoned, STEPS, 200, false, 0 ]
				);
			} finally {
				await store.close();
			}
		}
	);

	await t.group(
		'sending off: abandoned for reporting, no job, no notification, no email',
		async () => {
			await site.clearMail();
			await site.runPhpOrThrow(
				`update_option( 'cartbay_campaign_settings', array_merge( get_option( 'cartbay_campaign_settings', array() ), array( 'enabled' => false ) ) );`
			);
			const s = await abandonedSession( site, 'seq-off@example.test' );
			await runQueue( site, 80 );
			t.check(
				'abandoned, nothing scheduled or sent',
				JSON.stringify( [
					s.status,
					s.pending.length,
					s.notifications.length,
					site.readMailTo( 'seq-off@example.test' ).length,
				] ) === JSON.stringify( [ STATUS.abandoned, 0, 0, 0 ] ),
				s
			);
			await site.runPhpOrThrow(
				`delete_option( 'cartbay_campaign_settings' );`
			);
		}
	);

	await t.group(
		'Test Mode divides the delays; delivered is recorded from a provider integration',
		async () => {
			await site.runPhpOrThrow(
				`update_option( 'cartbay_settings', array_merge( get_option( 'cartbay_settings', array() ), array( 'test_mode' => true ) ) );`
			);
			const s = await abandonedSession(
				site,
				'seq-test-mode@example.test'
			);
			t.equal(
				`steps at 1/${ campaign.testModeDivisor } of the delays`,
				s.pending.map( ( p ) => p.at - s.abandoned_at ),
				defaultOffsets.map( ( o ) =>
					Math.round( o / campaign.testModeDivisor )
				)
			);
			await site.runDueActions( {
				group: 'cartbay',
				hooks: [ 'cartbay_send_recovery_email' ],
				until: new Date( Date.now() + 60_000 ),
			} );
			const sent = await state( site, s.id );
			const id = sent.notifications[ 0 ]?.id ?? '';
			await site.runPhpOrThrow(
				`do_action( 'cartbay_mark_notification_delivered', ${ phpString( id ) } ); do_action( 'cartbay_mark_notification_delivered', 'ntf_doesnotexist000' );`
			);
			const delivered = await state( site, s.id );
			t.equal(
				'step 1 sent, then delivered',
				[
					sent.notifications[ 0 ]?.status,
					delivered.notifications[ 0 ]?.status,
				],
				[ NOTIFICATION.SENT, NOTIFICATION.DELIVERED ]
			);
			await site.runPhpOrThrow(
				`update_option( 'cartbay_settings', array_merge( get_option( 'cartbay_settings', array() ), array( 'test_mode' => false ) ) );`
			);
		}
	);

	await t.group(
		'test routes: trigger needs Test Mode; test email and previews report the mail outcome',
		async () => {
			await site.clearMail();
			const rest = async (
				path: string,
				body: unknown,
				user = 'admin'
			) =>
				php< { status: number; data: Record< string, unknown > } >(
					site,
					`
wp_set_current_user( 0 );
if ( '' !== ${ phpString( user ) } ) { wp_set_current_user( get_user_by( 'login', ${ phpString( user ) } )->ID ); }
$request = new WP_REST_Request( 'POST', ${ phpString( `/cartbay/v1${ path }` ) } );
$request->set_header( 'Content-Type', 'application/json' );
$request->set_body( ${ phpString( JSON.stringify( body ) ) } );
$response = rest_get_server()->dispatch( $request );
echo wp_json_encode( array( 'status' => $response->get_status(), 'data' => rest_get_server()->response_to_data( $response, false ) ) ), "\\n";`
				);
			const anonymous = await rest( '/test/email', {}, '' );
			t.equal(
				'anonymous → 401',
				[ anonymous.status, anonymous.data.code ],
				[ 401, 'cartbay_rest_forbidden' ]
			);
			const off = await rest( '/test/trigger', {
				email: 'trigger@example.test',
			} );
			t.equal(
				'trigger with Test Mode off → 409 cartbay_test_mode_off',
				[ off.status, off.data.code ],
				[ 409, 'cartbay_test_mode_off' ]
			);
			await site.runPhpOrThrow(
				`update_option( 'cartbay_settings', array_merge( get_option( 'cartbay_settings', array() ), array( 'test_mode' => true ) ) );`
			);
			const on = await rest( '/test/trigger', {
				email: 'trigger@example.test',
			} );
			const due =
				Date.parse( String( on.data.scheduled_at ) ) / 1000 -
				Date.now() / 1000;
			t.check(
				`trigger → 201, email 1 due in ~${ recoveryWork.testTriggerDelaySeconds } s`,
				on.status === 201 &&
					Math.abs( due - recoveryWork.testTriggerDelaySeconds ) < 10,
				on
			);
			await site.runDueActions( {
				group: 'cartbay',
				hooks: [ 'cartbay_send_recovery_email' ],
				until: new Date( Date.now() + 60_000 ),
			} );
			t.equal(
				"the dummy session's email 1 arrives",
				site.readMailTo( 'trigger@example.test' ).length,
				1
			);
			const bad = await rest( '/test/trigger', {
				email: 'not-an-email',
			} );
			t.equal(
				'invalid email → 400 rest_invalid_param',
				[ bad.status, bad.data.code ],
				[ 400, 'rest_invalid_param' ]
			);

			const basic = await rest( '/test/email', {
				email: 'delivery@example.test',
			} );
			const preview = await rest( '/test/email', {
				email: 'preview@example.test',
				step: 3,
			} );
			t.equal(
				'basic test and step-3 preview → 200 sent',
				[
					basic.status,
					basic.data.sent,
					preview.status,
					preview.data.step,
				],
				[ 200, true, 200, 3 ]
			);
			const previewMail = site.readMailTo( 'preview@example.test' )[ 0 ];
			t.check(
				'the preview is email 3 with a sample coupon and no live token',
				Boolean(
					previewMail?.subject.startsWith(
						emailSteps[ 2 ]!.defaults.subject.split( '{' )[ 0 ]!
					)
				) &&
					( previewMail?.message ?? '' ).includes(
						`${ recoveryCoupons.codePrefix }PREVIEW`
					) &&
					! ( previewMail?.message ?? '' ).includes(
						'cartbay_restore='
					),
				previewMail?.subject
			);
			const step9 = await rest( '/test/email', { step: 9 } );
			t.equal(
				'step out of range → 400',
				[ step9.status, step9.data.code ],
				[ 400, 'rest_invalid_param' ]
			);
			await site.runPhpOrThrow(
				`update_option( 'cartbay_store_mail_fail', 'yes' );`
			);
			const failed = await rest( '/test/email', {
				email: 'delivery@example.test',
			} );
			await site.runPhpOrThrow(
				`update_option( 'cartbay_store_mail_fail', 'no' ); update_option( 'cartbay_settings', array_merge( get_option( 'cartbay_settings', array() ), array( 'test_mode' => false ) ) );`
			);
			t.check(
				'a failing wp_mail → 502 cartbay_test_email_failed with the error, no address in it',
				failed.status === 502 &&
					failed.data.code === 'cartbay_test_email_failed' &&
					String( failed.data.message ).includes( 'Simulated' ) &&
					! String( failed.data.message ).includes( '@' ),
				failed
			);
		}
	);

	await t.group(
		'two queue runners at once: every step sent exactly once',
		async () => {
			await site.clearMail();
			const count = 12;
			await php(
				site,
				`for ( $i = 0; $i < ${ count }; $i++ ) { cartbay_it_session( "race$i@example.test", ${ PAST_TIMEOUT } ); } do_action( 'cartbay_detect_abandonment' ); echo "1\\n";`
			);
			const until = new Date( Date.now() + 80 * 3600_000 );
			await Promise.all( [
				site.runDueActions( {
					group: 'cartbay',
					hooks: [ 'cartbay_send_recovery_email' ],
					until,
				} ),
				site.runDueActions( {
					group: 'cartbay',
					hooks: [ 'cartbay_send_recovery_email' ],
					until,
				} ),
			] );
			const mails = site.readMailTo( 'race' );
			const keys = mails.map(
				( m ) => `${ JSON.stringify( m.to ) }|${ m.subject }`
			);
			t.equal(
				`${ count * 3 } emails, no duplicate`,
				[ mails.length, new Set( keys ).size ],
				[ count * 3, count * 3 ]
			);
		}
	);
}

/**
 * The SQLite database file(s) as text, to search for secrets that must never be stored.
 * @param site
 */
function databaseBytes( site: Site ): string {
	const file = site.paths.dbFile;
	return [ file, `${ file }-wal` ]
		.filter( ( f ) => existsSync( f ) )
		.map( ( f ) => readFileSync( f ).toString( 'latin1' ) )
		.join( '\n' );
}
