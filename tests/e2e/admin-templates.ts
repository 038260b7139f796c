/**
 * E2E: the admin Templates section in Chromium, signed in as the administrator: the saved subject of an
 * email (from WooCommerce's email settings, printed as text), "Default" for the others, each email's timing
 * and coupon as `GET /campaign` says, the Edit link opening WooCommerce's settings of that email, the
 * placeholders, Trigger Test Flow off without Test Mode (with its Settings link) and answering with it on,
 * and an axe-core WCAG 2.1 A/AA pass. A screenshot goes to a temporary folder (its path is printed).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { emailSteps, placeholders } from '../../plugin/schema';
import type { CampaignSettings } from '../../plugin/schema/normalize';
import { formatStep } from '../../admin-ui/src/sequence';
import { logIn, type AdminOverviewEnv } from './admin-overview';
import { restClient } from './admin-session';
import { checkAxe } from './axe';
import { resetSessions } from './sessions';

const NAME =
	'admin templates: saved subjects, timing and coupon, WooCommerce edit links, placeholders, Trigger Test Flow';

const SCREEN =
	'/wp-admin/admin.php?page=wc-settings&tab=cartbay&section=templates';
/** Email 2's saved subject: the tags are stripped, the rest is shown as typed. */
const SAVED_SUBJECT = 'Still <b>there</b> & ready?';
const SHOWN_SUBJECT = 'Still there & ready?';
const EMAIL_2_OPTION = `woocommerce_${ emailSteps[ 1 ]!.id }_settings`;

export async function adminTemplatesScenarios(
	env: AdminOverviewEnv
): Promise< void > {
	const { t, store, browser, filter } = env;
	if ( filter && ! NAME.includes( filter ) ) {
		return;
	}
	const url = store.url.replace( /\/$/, '' );
	const contexts: BrowserContext[] = [];
	const shots = mkdtempSync( join( tmpdir(), 'cartbay-templates-' ) );
	await store.site.runPhpOrThrow(
		`update_option( ${ JSON.stringify( EMAIL_2_OPTION ) }, array( 'enabled' => 'yes', 'subject' => ${ JSON.stringify(
			SAVED_SUBJECT
		) } ) ); echo "ok\\n";`
	);
	try {
		await t.group(
			NAME,
			async () => {
				const context = await browser.newContext();
				contexts.push( context );
				const page = await context.newPage();
				await logIn( page, url );
				const api = restClient( page );

				await page.goto( `${ url }${ SCREEN }` );
				await api( '/settings', 'PATCH', { test_mode: false } );
				await page.reload();
				const block = ( n: number ) =>
					page.locator( '.cartbay-templates__email' ).nth( n - 1 );
				await page.getByText( 'after abandonment' ).first().waitFor();
				const campaign = await api< CampaignSettings >( '/campaign' );

				const texts = await Promise.all(
					emailSteps.map( ( s ) => block( s.step ).innerText() )
				);
				t.check(
					'each email shows its saved subject as text, "Default" without one',
					texts[ 1 ]!.includes( SHOWN_SUBJECT ) &&
						texts[ 0 ]!.includes( 'Default' ) &&
						texts[ 2 ]!.includes( 'Default' ),
					texts
				);
				t.check(
					'each email’s timing and coupon are GET /campaign’s',
					emailSteps.every( ( s, i ) => {
						const step = campaign.steps[ i ]!;
						return (
							texts[ i ]!.includes(
								`${ formatStep( step ) } after abandonment`
							) &&
							texts[ i ]!.includes(
								step.coupon_enabled
									? 'Includes the recovery coupon'
									: 'No coupon'
							)
						);
					} ),
					{ campaign, texts }
				);
				t.check(
					'every schema placeholder is listed',
					(
						await page
							.locator(
								'.cartbay-templates__placeholders tbody tr'
							)
							.allInnerTexts()
					).every( ( row, i ) =>
						row.includes( placeholders.constants[ i ]!.value )
					) &&
						( await page
							.locator(
								'.cartbay-templates__placeholders tbody tr'
							)
							.count() ) === placeholders.constants.length
				);

				// ---- Trigger Test Flow without Test Mode -----------------------------------------------------
				const trigger = page.getByRole( 'button', {
					name: 'Trigger Test Flow',
				} );
				const settingsLink = page.getByRole( 'link', {
					name: 'Turn on Test Mode in Settings',
				} );
				t.check(
					'Test Mode off: the trigger is disabled and a link opens Settings',
					( await trigger.getAttribute( 'aria-disabled' ) ) ===
						'true' &&
						(
							( await settingsLink.getAttribute( 'href' ) ) ?? ''
						).includes( 'section=settings' )
				);

				// ---- automated accessibility rules (axe-core, when installed) -------------------------------
				await checkAxe(
					t,
					page,
					'.cartbay-templates',
					'axe-core finds no WCAG 2.1 A/AA violation in Templates'
				);

				// ---- Trigger Test Flow with Test Mode, by keyboard ------------------------------------------
				await api( '/settings', 'PATCH', { test_mode: true } );
				await page.reload();
				await page.waitForFunction(
					() =>
						document
							.querySelector( '.cartbay-templates button' )
							?.getAttribute( 'aria-disabled' ) !== 'true'
				);
				await trigger.focus();
				await page.keyboard.press( 'Enter' );
				const answer = page.locator(
					'.cartbay-templates__test-result .components-notice'
				);
				await answer.waitFor();
				const answerText = await answer.innerText();
				const sessionId =
					/test session ([A-Za-z0-9]+)\)/.exec( answerText )?.[ 1 ] ??
					'';
				t.check(
					'Test Mode on: Enter triggers the flow and the answer says when email 1 sends, for a real session',
					answerText.includes( 'Email 1 will send at about' ) &&
						sessionId !== '' &&
						(
							await api< { session_id: string } >(
								`/sessions/${ sessionId }`
							)
						).session_id === sessionId,
					answerText
				);
				const shot = join( shots, 'admin-templates.png' );
				await page.screenshot( { path: shot, fullPage: true } );
				console.log( `          screenshot: ${ shot }` );

				// ---- Edit in WooCommerce ----------------------------------------------------------------------
				await Promise.all( [
					page.waitForURL( /tab=email&section=/ ),
					page
						.getByRole( 'link', {
							name: 'Edit email 2 in WooCommerce',
						} )
						.click(),
				] );
				t.check(
					'"Edit email 2 in WooCommerce" opens that email’s settings, with the saved subject',
					( await page
						.locator(
							`#woocommerce_${ emailSteps[ 1 ]!.id }_subject`
						)
						.inputValue() ) === SAVED_SUBJECT,
					page.url()
				);
				await api( '/settings', 'PATCH', { test_mode: false } );
			},
			async () => {
				const page = contexts[ contexts.length - 1 ]?.pages()[ 0 ];
				const path = join( shots, 'admin-templates-failure.png' );
				await page?.screenshot( { path, fullPage: true } );
				console.log( `          screenshot: ${ path }` );
			}
		);
	} finally {
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
		await store.site.runPhpOrThrow(
			`delete_option( ${ JSON.stringify( EMAIL_2_OPTION ) } ); echo "ok\\n";`
		);
		await resetSessions( store.site );
	}
}
