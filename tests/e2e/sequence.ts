/**
 * E2E: the whole recovery loop from a real checkout, in Chromium. A shopper consents on the classic
 * checkout and leaves; the session's own abandonment check (run by Action Scheduler) marks it abandoned at
 * the timeout; the queue, stopped for days and then resumed, sends the three emails once each, in order;
 * the restore link from the first email brings the cart back in another browser.
 *
 * Time is moved by backdating the session's last activity and running due actions "as of" a later moment
 * (Site.runDueActions `until`); everything else is the real store.
 */
import { campaign, emailSteps, recoveryCoupons } from '../../plugin/schema';
import {
	defaultStepDelaysSeconds,
	META,
	NOTIFICATION,
	settingDefault,
	STATUS,
} from '../support/schema-names';
import {
	addToCart,
	CaptureLog,
	collectErrors,
	fillEmail,
	openCheckout,
	readCart,
	setConsent,
} from './checkout';
import type { Checks } from '../support/checks';
import type { BrowserEnv, StoreEnv } from './env';
import { readState, resetSessions } from './sessions';

export interface SequenceEnv {
	t: Checks;
	store: StoreEnv;
	browser: BrowserEnv;
	filter: string;
}

const NAME =
	"sequence: consent → abandoned at the timeout → every step's email in order → restore link rebuilds the cart";
const TIMEOUT_MINUTES = settingDefault< number >( 'abandonment_timeout' );
const LAST_STEP_HOURS = Math.max( ...defaultStepDelaysSeconds() ) / 3600;

export async function sequenceScenarios( env: SequenceEnv ): Promise< void > {
	const { t, store, browser, filter } = env;
	if ( filter && ! NAME.includes( filter ) ) {
		return;
	}
	const url = store.url;
	const mug = store.info.products[ 'CB-MUG' ] ?? 0;
	const address = `loop.${ process.pid }@example.test`;
	const contexts = [ await browser.newContext(), await browser.newContext() ];
	await resetSessions( store.site );
	await store.site.clearMail();
	try {
		await t.group( NAME, async () => {
			// The shopper: two mugs, classic checkout, consent and email, then gone.
			const context = contexts[ 0 ]!;
			const page = await context.newPage();
			const log = new CaptureLog( context );
			collectErrors( page );
			await addToCart( page, url, mug, 2 );
			await openCheckout( page, url, 'classic' );
			await setConsent( page, 'classic', true );
			await fillEmail( page, 'classic', address );
			await log.settle( page );
			let state = await readState( store.site );
			const session = state.sessions[ 0 ];
			t.check(
				'one captured session for the shopper',
				state.sessions.length === 1 &&
					session?.status === STATUS.captured,
				state.sessions
			);
			const sessionId = String( session?.meta[ META.SESSION_ID ] ?? '' );

			// The timeout passes: its last activity is moved back, and the queue runs as of then.
			await store.site.runPhpOrThrow(
				`$o = wc_get_order( ${ session?.id ?? 0 } ); $o->update_meta_data( '${ META.LAST_ACTIVITY_AT }', time() - ${ TIMEOUT_MINUTES + 1 } * MINUTE_IN_SECONDS ); $o->save_meta_data();`
			);
			const exact = await store.site.runDueActions( {
				group: 'cartbay',
				hooks: [ 'cartbay_detect_session_abandonment' ],
				until: new Date(
					Date.now() + ( TIMEOUT_MINUTES + 2 ) * 60_000
				),
			} );
			state = await readState( store.site );
			t.check(
				`the session's own check ran and marked it abandoned (${ TIMEOUT_MINUTES } min default timeout)`,
				exact.ran.length === 1 &&
					state.sessions[ 0 ]?.status === STATUS.abandoned &&
					Number( state.sessions[ 0 ]?.meta[ META.ABANDONED_AT ] ) >
						0,
				{ ran: exact.ran, status: state.sessions[ 0 ]?.status }
			);
			t.equal(
				'nothing sent yet',
				store.site.readMailTo( address ).length,
				0
			);

			// The queue was stopped for days; it resumes, twice.
			const until = new Date(
				Date.now() + ( LAST_STEP_HOURS + 1 ) * 3600_000
			);
			await store.site.runDueActions( {
				group: 'cartbay',
				hooks: [ 'cartbay_send_recovery_email' ],
				until,
			} );
			await store.site.runDueActions( {
				group: 'cartbay',
				hooks: [ 'cartbay_send_recovery_email' ],
				until,
			} );
			const mails = store.site.readMailTo( address );
			const blogname =
				(
					await store.site.runPhpOrThrow(
						`echo get_option( 'blogname' ), "\\n";`
					)
				)
					.trim()
					.split( '\n' )
					.pop() ?? '';
			t.equal(
				'one email per step, once each, in step order',
				mails.map( ( m ) => m.subject ),
				emailSteps.map( ( s ) =>
					s.defaults.subject.replace( '{site_title}', blogname )
				)
			);
			t.equal(
				`a ${ recoveryCoupons.codePrefix } coupon in the emails of the steps that include one by default`,
				mails.map( ( m ) =>
					m.message.includes( recoveryCoupons.codePrefix )
				),
				campaign.steps.map( ( s ) => s.coupon_enabled )
			);
			const notifications = Object.values(
				( ( await readState( store.site ) ).sessions[ 0 ]?.meta[
					META.NOTIFICATIONS
				] ?? {} ) as Record< string, { status: string } >
			);
			t.equal(
				'a notification per step, all sent',
				notifications.map( ( n ) => n.status ),
				campaign.steps.map( () => NOTIFICATION.SENT )
			);

			// Email 1's restore link, opened in another browser: the same cart, on checkout.
			const link =
				/href="([^"]*cartbay_restore=[^"]+)"/
					.exec( mails[ 0 ]?.message ?? '' )?.[ 1 ]
					?.replace( /&amp;/g, '&' ) ?? '';
			const other = await contexts[ 1 ]!.newPage();
			const errors = collectErrors( other );
			await other.goto(
				new URL( link, url )
					.toString()
					.replace( /^https?:\/\/[^/]+/, url ),
				{ waitUntil: 'load' }
			);
			const cart = await readCart( other );
			t.check(
				'restore lands on checkout with the two mugs',
				/checkout/.test( other.url() ) &&
					cart.items.some(
						( i ) => i.id === mug && i.quantity === 2
					),
				{ url: other.url(), cart, errors, sessionId }
			);
		} );
	} finally {
		for ( const context of contexts ) {
			await context.close().catch( () => undefined );
		}
	}
}
