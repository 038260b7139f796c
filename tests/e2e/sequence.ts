/**
 * E2E: the whole recovery loop from a real checkout, in Chromium. A shopper consents on the classic
 * checkout and leaves; the session's own abandonment check (run by Action Scheduler) marks it abandoned at
 * the timeout; the queue, stopped for days and then resumed, sends the three emails once each, in order;
 * the restore link from the first email brings the cart back in another browser.
 *
 * Time is moved by backdating the session's last activity and running due actions "as of" a later moment
 * (Site.runDueActions `until`); everything else is the real store.
 */
import { campaign, emailSteps, recoveryCoupons, settingsOption } from '../../plugin/schema';
import { addToCart, CaptureLog, collectErrors, fillEmail, openCheckout, readCart, setConsent } from './checkout';
import type { Checks } from './checks';
import type { BrowserEnv, StoreEnv } from './env';
import { readState, resetSessions } from './sessions';

export interface SequenceEnv {
	t: Checks;
	store: StoreEnv;
	browser: BrowserEnv;
	filter: string;
}

const NAME = 'sequence: consent → abandoned at the timeout → three emails in order → restore link rebuilds the cart';
const TIMEOUT_MINUTES = settingsOption.fields.find((f) => f.key === 'abandonment_timeout')?.default as number;
const LAST_STEP_HOURS = Math.max(...campaign.steps.map((s) => s.delay_value * (campaign.units.find((u) => u.value === s.delay_unit)?.minutes ?? 1))) / 60;

export async function sequenceScenarios(env: SequenceEnv): Promise<void> {
	const { t, store, browser, filter } = env;
	if (filter && !NAME.includes(filter)) {
		return;
	}
	const url = store.url;
	const mug = store.info.products['CB-MUG'] ?? 0;
	const address = `loop.${process.pid}@example.test`;
	const contexts = [await browser.newContext(), await browser.newContext()];
	await resetSessions(store.site);
	await store.site.clearMail();
	try {
		await t.group(NAME, async () => {
			// The shopper: two mugs, classic checkout, consent and email, then gone.
			const context = contexts[0]!;
			const page = await context.newPage();
			const log = new CaptureLog(context);
			collectErrors(page);
			await addToCart(page, url, mug, 2);
			await openCheckout(page, url, 'classic');
			await setConsent(page, 'classic', true);
			await fillEmail(page, 'classic', address);
			await log.settle(page);
			let state = await readState(store.site);
			const session = state.sessions[0];
			t.check('one captured session for the shopper', state.sessions.length === 1 && session?.status === 'cartbay-captured', state.sessions);
			const sessionId = String(session?.meta._cartbay_session_id ?? '');

			// The timeout passes: its last activity is moved back, and the queue runs as of then.
			await store.site.runPhpOrThrow(`$o = wc_get_order( ${session?.id ?? 0} ); $o->update_meta_data( '_cartbay_last_activity_at', time() - ${TIMEOUT_MINUTES + 1} * MINUTE_IN_SECONDS ); $o->save_meta_data();`);
			const exact = await store.site.runDueActions({ group: 'cartbay', hooks: ['cartbay_detect_session_abandonment'], until: new Date(Date.now() + (TIMEOUT_MINUTES + 2) * 60_000) });
			state = await readState(store.site);
			t.check(
				`the session's own check ran and marked it abandoned (${TIMEOUT_MINUTES} min default timeout)`,
				exact.ran.length === 1 && state.sessions[0]?.status === 'cartbay-abandoned' && Number(state.sessions[0]?.meta._cartbay_abandoned_at) > 0,
				{ ran: exact.ran, status: state.sessions[0]?.status }
			);
			t.equal('nothing sent yet', store.site.readMailTo(address).length, 0);

			// The queue was stopped for days; it resumes, twice.
			const until = new Date(Date.now() + (LAST_STEP_HOURS + 1) * 3600_000);
			await store.site.runDueActions({ group: 'cartbay', hooks: ['cartbay_send_recovery_email'], until });
			await store.site.runDueActions({ group: 'cartbay', hooks: ['cartbay_send_recovery_email'], until });
			const mails = store.site.readMailTo(address);
			const blogname = (await store.site.runPhpOrThrow(`echo get_option( 'blogname' ), "\\n";`)).trim().split('\n').pop() ?? '';
			t.equal('three emails, once each, in step order', mails.map((m) => m.subject), emailSteps.map((s) => s.defaults.subject.replace('{site_title}', blogname)));
			t.check(`only email 3 carries a ${recoveryCoupons.codePrefix} coupon`, mails.map((m) => m.message.includes(recoveryCoupons.codePrefix)).join() === 'false,false,true', mails.map((m) => m.subject));
			const notifications = Object.values((await readState(store.site)).sessions[0]?.meta._cartbay_notifications ?? {}) as { status: string }[];
			t.equal('three notifications, all sent', notifications.map((n) => n.status), ['sent', 'sent', 'sent']);

			// Email 1's restore link, opened in another browser: the same cart, on checkout.
			const link = /href="([^"]*cartbay_restore=[^"]+)"/.exec(mails[0]?.message ?? '')?.[1]?.replace(/&amp;/g, '&') ?? '';
			const other = await contexts[1]!.newPage();
			const errors = collectErrors(other);
			await other.goto(new URL(link, url).toString().replace(/^https?:\/\/[^/]+/, url), { waitUntil: 'load' });
			const cart = await readCart(other);
			t.check('restore lands on checkout with the two mugs', /checkout/.test(other.url()) && cart.items.some((i) => i.id === mug && i.quantity === 2), { url: other.url(), cart, errors, sessionId });
		});
	} finally {
		for (const context of contexts) {
			await context.close().catch(() => undefined);
		}
	}
}
