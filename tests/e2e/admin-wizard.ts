/**
 * E2E: the first-run setup wizard in Chromium, signed in as the administrator. Activating CartBay alone
 * from the Plugins screen redirects once to the wizard; a bulk activation never does. The wizard's five
 * steps: "I'll do this later" skips the license, Consent & Timing saves what changed (GET /settings and
 * GET /campaign agree), Email Delivery shows the delivery detection and sends a test email that the store's mail catcher receives, Launch
 * saves the sending switch and Finish opens CartBay with the wizard complete, after which activating
 * again never redirects. axe-core WCAG 2.1 A/AA on a step; a screenshot goes to a temporary folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { settingsOption } from '../../plugin/schema';
import type { CampaignSettings } from '../../plugin/schema/normalize';
import { OPTION } from '../support/schema-names';
import { logIn, type AdminOverviewEnv } from './admin-overview';
import { restClient } from './admin-session';
import { checkAxe } from './axe';
import { PLUGIN_FILE } from './env';

const NAME =
	'admin wizard: one redirect after activation (none after a bulk one), five steps that save, test email, Finish completes it';

const PLUGINS = '/wp-admin/plugins.php';
const TEST_RECIPIENT = 'wizard-test@example.test';

const label = ( key: string ): string =>
	settingsOption.fields.find( ( field ) => field.key === key )!.label;

/**
 * Deactivates CartBay from its Plugins row, then activates it the way asked; answers the URL the browser
 * ends on.
 * @param page Signed-in page.
 * @param url  Store URL.
 * @param bulk Whether to use the bulk action instead of the row's link.
 */
async function reactivate(
	page: Page,
	url: string,
	bulk: boolean
): Promise< string > {
	const row = `tr[data-plugin="${ PLUGIN_FILE }"]`;
	await page.goto( `${ url }${ PLUGINS }` );
	await Promise.all( [
		page.waitForURL( /deactivate=true/ ),
		page.click( `${ row } .deactivate a` ),
	] );
	if ( bulk ) {
		await page.check( `${ row } input[type="checkbox"]` );
		await page.selectOption(
			'#bulk-action-selector-top',
			'activate-selected'
		);
		await Promise.all( [
			page.waitForLoadState( 'load' ),
			page.click( '#doaction' ),
		] );
	} else {
		await page.click( `${ row } .activate a` );
	}
	await page.waitForLoadState( 'load' );
	return page.url();
}

export async function adminWizardScenarios(
	env: AdminOverviewEnv
): Promise< void > {
	const { t, store, browser, filter } = env;
	if ( filter && ! NAME.includes( filter ) ) {
		return;
	}
	const url = store.url.replace( /\/$/, '' );
	const contexts: BrowserContext[] = [];
	const shots = mkdtempSync( join( tmpdir(), 'cartbay-wizard-' ) );
	const completeOption = JSON.stringify( OPTION.WIZARD_COMPLETE );
	await store.site.runPhpOrThrow(
		`delete_option( ${ completeOption } ); echo "ok\\n";`
	);
	let before: { settings?: Record< string, unknown >; enabled?: boolean } =
		{};
	try {
		await t.group(
			NAME,
			async () => {
				const context = await browser.newContext();
				contexts.push( context );
				const page = await context.newPage();
				await logIn( page, url );
				const api = restClient( page );

				// ---- activation redirects: bulk never, single once ----------------------------------------
				const afterBulk = await reactivate( page, url, true );
				await page.goto( `${ url }/wp-admin/index.php` );
				t.check(
					'a bulk activation never redirects, not even on the next admin page',
					! afterBulk.includes( 'cartbay-setup' ) &&
						! page.url().includes( 'cartbay-setup' ),
					[ afterBulk, page.url() ]
				);
				const afterSingle = await reactivate( page, url, false );
				await page.goto( `${ url }/wp-admin/index.php` );
				t.check(
					'activating CartBay alone lands on the setup wizard, once (the next admin page stays put)',
					afterSingle.includes( 'page=cartbay-setup' ) &&
						page.url().endsWith( '/wp-admin/index.php' ),
					[ afterSingle, page.url() ]
				);

				await page.goto(
					`${ url }/wp-admin/admin.php?page=cartbay-setup`
				);
				before = {
					settings: await api( '/settings' ),
					enabled: ( await api< CampaignSettings >( '/campaign' ) )
						.enabled,
				};
				const heading = page.locator( '#cartbay-wizard-title' );
				await heading.getByText( 'Step 1 of 5: Welcome' ).waitFor();
				await checkAxe(
					t,
					page,
					'.cartbay-wizard',
					'axe-core finds no WCAG 2.1 A/AA violation in the wizard (Welcome)'
				);
				await page
					.getByRole( 'button', { name: 'Start setup' } )
					.click();
				await heading.getByText( 'Step 2 of 5: License' ).waitFor();
				t.check(
					'the focus moves to the new step’s heading; the step list marks it current',
					( await heading.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					) ) &&
						( await page
							.locator(
								'.cartbay-wizard__steps [aria-current="step"]'
							)
							.innerText() ) === 'License'
				);

				// ---- License: I'll do this later -----------------------------------------------------------
				await page
					.getByRole( 'button', { name: 'I’ll do this later' } )
					.click();
				await heading
					.getByText( 'Step 3 of 5: Consent & Timing' )
					.waitFor();

				// ---- Consent & Timing saves what changed --------------------------------------------------
				const timeout = page.getByLabel(
					label( 'abandonment_timeout' )
				);
				const newTimeout =
					Number( before.settings?.abandonment_timeout ) + 15;
				await timeout.fill( String( newTimeout ) );
				await checkAxe(
					t,
					page,
					'.cartbay-wizard',
					'axe-core finds no WCAG 2.1 A/AA violation in the wizard (Consent & Timing)'
				);
				const shot = join( shots, 'admin-wizard.png' );
				await page.screenshot( { path: shot, fullPage: true } );
				console.log( `          screenshot: ${ shot }` );
				await page
					.getByRole( 'button', { name: 'Save and continue' } )
					.click();
				await heading
					.getByText( 'Step 4 of 5: Email Delivery' )
					.waitFor();
				t.equal(
					'Consent & Timing saved the new timeout (GET /settings)',
					( await api< Record< string, unknown > >( '/settings' ) )
						.abandonment_timeout,
					newTimeout
				);

				// ---- Email Delivery: detection, and the test email reaches the mail catcher------------------------
				const detection = await page
					.locator( '.cartbay-delivery-test__status' )
					.innerText();
				await page
					.getByLabel( 'Send the test email to' )
					.fill( TEST_RECIPIENT );
				await page
					.getByRole( 'button', { name: 'Send Test Email' } )
					.click();
				await page.locator( '.cartbay-delivery-test__ok' ).waitFor();
				t.check(
					'Email Delivery shows the delivery detection (GET /mail-environment)',
					detection.trim() !== '',
					detection
				);
				t.equal(
					'the test email was delivered to the chosen address',
					store.site.readMailTo( TEST_RECIPIENT ).length,
					1
				);
				await page.getByRole( 'button', { name: 'Continue' } ).click();

				// ---- Launch: the sending switch is saved, Finish completes the wizard ------------------------
				await heading.getByText( 'Step 5 of 5: Launch' ).waitFor();
				const toggle = page.getByRole( 'checkbox' );
				if ( await toggle.isChecked() ) {
					await toggle.click();
				}
				await Promise.all( [
					page.waitForURL( /tab=cartbay|page=cartbay(&|$)/ ),
					page
						.getByRole( 'button', { name: 'Finish setup' } )
						.click(),
				] );
				const complete = (
					await store.site.runPhpOrThrow(
						`echo get_option( ${ completeOption } ) ? 'yes' : 'no', "\\n";`
					)
				).trim();
				t.check(
					'Finish saves the sending switch off, marks the wizard complete and opens CartBay',
					complete === 'yes' &&
						( await api< CampaignSettings >( '/campaign' ) )
							.enabled === false,
					{ complete, url: page.url() }
				);

				// ---- complete: activating again never redirects ------------------------------------------
				const again = await reactivate( page, url, false );
				t.check(
					'once complete, activating CartBay again does not redirect',
					! again.includes( 'cartbay-setup' ),
					again
				);
				await page.goto(
					`${ url }/wp-admin/admin.php?page=wc-settings&tab=cartbay&section=settings`
				);
				const link = page.getByRole( 'link', {
					name: 'Run the setup wizard again',
				} );
				t.check(
					'Settings links to the wizard',
					( ( await link.getAttribute( 'href' ) ) ?? '' ).includes(
						'page=cartbay-setup'
					)
				);
			},
			async () => {
				const page = contexts[ 0 ]?.pages()[ 0 ];
				const path = join( shots, 'admin-wizard-failure.png' );
				await page?.screenshot( { path, fullPage: true } );
				console.log( `          screenshot: ${ path }` );
			}
		);
	} finally {
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
		// Back as the other groups found it: active, settings and sending switch as before.
		await store.site.activatePlugin( PLUGIN_FILE ).catch( () => undefined );
		if ( before.settings !== undefined ) {
			await store.site.runPhpOrThrow(
				`update_option( ${ JSON.stringify(
					OPTION.SETTINGS
				) }, json_decode( ${ JSON.stringify(
					JSON.stringify( before.settings )
				) }, true ) ); $c = get_option( ${ JSON.stringify(
					OPTION.CAMPAIGN
				) } ); $c['enabled'] = ${
					before.enabled === false ? 'false' : 'true'
				}; update_option( ${ JSON.stringify(
					OPTION.CAMPAIGN
				) }, $c ); echo "ok\\n";`
			);
		}
	}
}
