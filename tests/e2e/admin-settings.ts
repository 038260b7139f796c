/**
 * E2E: the admin Settings section in Chromium. License & Updates against the real license routes (the
 * store runs on 127.0.0.1, a development host, so activation gives Dev Mode without a license server): a
 * malformed key is refused before any request, a well-formed one is activated by Save Changes and shown
 * masked, Remove License asks first. Delete Data on Uninstall asks before it is switched on and only a
 * confirmed switch is saved. A shop manager sees the AI agent gates read-only. axe-core WCAG 2.1 A/AA
 * over the section; a screenshot goes to a temporary folder (its path is printed). Last, the admin app
 * speaks the user's language: a German .po turned into script JSON by the build step (in WordPress's
 * languages folder) translates the section tabs for a user whose locale is de_DE.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { settingsOption } from '../../plugin/schema';
import { ADMIN } from '../../tools/store/install';
import { OPTION, TRANSIENT } from '../support/schema-names';
import { type AdminOverviewEnv } from './admin-overview';
import { writeScriptTranslations } from '../../tools/build/write-script-translations';
import { restClient, signIn } from './admin-session';
import { checkAxe } from './axe';

const NAME =
	'admin settings: License & Updates, danger confirmations, agent gates read-only for a shop manager';

const SCREEN =
	'/wp-admin/admin.php?page=wc-settings&tab=cartbay&section=settings';
const KEY = 'WPAB-E2ETESTKEY01-E2ETESTKEY01';
const MANAGER = { user: 'cartbay-e2e-manager', password: 'e2e-manager-pass' };

/** A German translation of two tab titles, as a translator would ship it. */
const GERMAN_PO = `msgid ""
msgstr ""
"Language: de_DE\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Overview"
msgstr "Übersicht"

msgid "Templates"
msgstr "Vorlagen"
`;

const label = ( key: string ): string =>
	settingsOption.fields.find( ( field ) => field.key === key )!.label;

interface License {
	status: string;
	key: string | null;
}

export async function adminSettingsScenarios(
	env: AdminOverviewEnv
): Promise< void > {
	const { t, store, browser, filter } = env;
	if ( filter && ! NAME.includes( filter ) ) {
		return;
	}
	const url = store.url.replace( /\/$/, '' );
	const contexts: BrowserContext[] = [];
	const shots = mkdtempSync( join( tmpdir(), 'cartbay-settings-' ) );
	await store.site.runPhpOrThrow(
		`if ( ! username_exists( ${ JSON.stringify(
			MANAGER.user
		) } ) ) { wp_insert_user( array( 'user_login' => ${ JSON.stringify(
			MANAGER.user
		) }, 'user_pass' => ${ JSON.stringify(
			MANAGER.password
		) }, 'user_email' => 'manager@example.test', 'role' => 'shop_manager' ) ); } echo "ok\\n";`
	);
	try {
		await t.group(
			NAME,
			async () => {
				const context = await browser.newContext();
				contexts.push( context );
				const page = await context.newPage();
				await signIn( page, url, ADMIN );
				await page.goto( `${ url }${ SCREEN }` );
				const api = restClient( page );
				await api( '/license/deactivate', 'POST' );
				await page.reload();

				const panel = page.locator( '.cartbay-license' );
				await panel
					.getByText( 'No key is stored on this site.' )
					.waitFor();
				const keyInput = page.getByLabel( 'Activate New Key' );
				const save = page.getByRole( 'button', {
					name: 'Save changes',
				} );

				// ---- a malformed key never leaves the browser ------------------------------------------
				const licenseRequests: string[] = [];
				page.on( 'request', ( request ) => {
					if ( request.url().includes( '/license/' ) ) {
						licenseRequests.push( request.url() );
					}
				} );
				await keyInput.fill( 'WPAB-123' );
				await save.click();
				await page
					.locator( '.cartbay-notices' )
					.getByText( 'That is not a license key', { exact: false } )
					.waitFor();
				t.check(
					'a malformed key is refused with a message, before any request',
					licenseRequests.length === 0,
					licenseRequests
				);

				// ---- Save Changes activates a well-formed key ------------------------------------------
				await keyInput.fill( KEY.toLowerCase() );
				await save.click();
				await page
					.locator( '.cartbay-notices' )
					.getByText( 'License status: Dev Mode.' )
					.waitFor();
				const stored = await api< License >( '/license/status' );
				const shownKey = await panel.locator( 'code' ).innerText();
				t.check(
					'Save Changes activates the key: Dev Mode on this development host, the key shown masked as GET /license/status has it',
					stored.status === 'dev_mode' &&
						stored.key === shownKey &&
						shownKey.endsWith( KEY.slice( -4 ) ) &&
						! shownKey.includes( KEY.slice( 5, 17 ) ) &&
						( await keyInput.inputValue() ) === '',
					{ stored, shownKey }
				);

				await checkAxe(
					t,
					page,
					'.cartbay-form',
					'axe-core finds no WCAG 2.1 A/AA violation in Settings'
				);
				const shot = join( shots, 'admin-settings.png' );
				await page.screenshot( { path: shot, fullPage: true } );
				console.log( `          screenshot: ${ shot }` );

				// ---- Remove License asks first -----------------------------------------------------------
				const remove = panel.getByRole( 'button', {
					name: 'Remove License',
				} );
				await remove.click();
				const dialog = page.getByRole( 'dialog' );
				await dialog.waitFor();
				await page.keyboard.press( 'Escape' );
				await dialog.waitFor( { state: 'detached' } );
				t.check(
					'Escape closes the Remove License question: the key stays, the focus is back on the button',
					( await api< License >( '/license/status' ) ).key ===
						shownKey &&
						( await remove.evaluate(
							( el ) => el === el.ownerDocument.activeElement
						) ),
					await api( '/license/status' )
				);
				await remove.click();
				await dialog
					.getByRole( 'button', { name: 'Remove License' } )
					.click();
				await panel
					.getByText( 'No key is stored on this site.' )
					.waitFor();
				t.equal(
					'confirming removes the license',
					( await api< License >( '/license/status' ) ).status,
					'inactive'
				);

				// ---- Delete Data on Uninstall asks before it is switched on -----------------------------
				await api( '/settings', 'PATCH', {
					delete_data_on_uninstall: false,
				} );
				await page.reload();
				const toggle = page.getByLabel(
					label( 'delete_data_on_uninstall' )
				);
				await toggle.click();
				await dialog.waitFor();
				const question = await dialog.innerText();
				await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
				t.check(
					'switching on Delete Data on Uninstall asks first (it cannot be undone); Cancel leaves it off',
					question.includes( 'cannot be undone' ) &&
						! ( await toggle.isChecked() ),
					question
				);
				await toggle.click();
				await dialog
					.getByRole( 'button', { name: 'Turn it on' } )
					.click();
				await save.click();
				await page
					.locator( '.cartbay-notices' )
					.getByText( 'Settings saved.' )
					.waitFor();
				t.equal(
					'a confirmed switch is saved',
					( await api< Record< string, unknown > >( '/settings' ) )
						.delete_data_on_uninstall,
					true
				);
				await api( '/settings', 'PATCH', {
					delete_data_on_uninstall: false,
				} );
				t.check(
					'the administrator can change the agent gates',
					! ( await page
						.getByLabel( label( 'agent_access_enabled' ) )
						.isDisabled() )
				);

				// ---- an unsaved edit survives a tab switch -----------------------------------------------------
				await page.reload();
				const testMode = page.getByLabel( label( 'test_mode' ) );
				const wasOn = await testMode.isChecked();
				await testMode.click();
				await page.getByRole( 'tab', { name: 'Overview' } ).click();
				await page.locator( '.cartbay-overview' ).waitFor();
				await page.getByRole( 'tab', { name: 'Settings' } ).click();
				t.check(
					'an unsaved edit is still there after switching to Overview and back',
					( await page
						.getByLabel( label( 'test_mode' ) )
						.isChecked() ) !== wasOn
				);
				await page.getByLabel( label( 'test_mode' ) ).click();

				// ---- the other settings sections pass axe too ------------------------------------------------
				for ( const [ section, selector ] of [
					[ 'capture', '.cartbay-form' ],
					[ 'recovery-sequence', '.cartbay-form' ],
				] as const ) {
					await page.goto(
						`${ url }/wp-admin/admin.php?page=wc-settings&tab=cartbay&section=${ section }`
					);
					await page.locator( selector ).first().waitFor();
					await checkAxe(
						t,
						page,
						selector,
						`axe-core finds no WCAG 2.1 A/AA violation in ${ section }`
					);
				}

				// ---- a shop manager sees the agent gates read-only -------------------------------------
				const managerContext = await browser.newContext();
				contexts.push( managerContext );
				const manager = await managerContext.newPage();
				await signIn( manager, url, MANAGER );
				await manager.goto( `${ url }${ SCREEN }` );
				const gate = manager.getByLabel(
					label( 'agent_access_enabled' )
				);
				await gate.waitFor();
				t.check(
					'a shop manager sees the agent gates disabled, with the reason, and the other settings editable',
					( await gate.isDisabled() ) &&
						( await manager
							.getByText(
								'Only users who may manage AI agent access',
								{ exact: false }
							)
							.isVisible() ) &&
						! ( await manager
							.getByLabel( label( 'test_mode' ) )
							.isDisabled() )
				);

				// ---- the app in the user's language (script JSON from the build's i18n step) ---------------
				const poDir = mkdtempSync( join( tmpdir(), 'cartbay-po-' ) );
				writeFileSync( join( poDir, 'cartbay-de_DE.po' ), GERMAN_PO );
				const languages = join(
					store.site.paths.content,
					'languages',
					'plugins'
				);
				mkdirSync( languages, { recursive: true } );
				const written = writeScriptTranslations( poDir, languages );
				rmSync( poDir, { recursive: true, force: true } );
				await store.site.runPhpOrThrow(
					`update_user_meta( get_user_by( 'login', ${ JSON.stringify(
						MANAGER.user
					) } )->ID, 'locale', 'de_DE' ); echo "ok\\n";`
				);
				await manager.reload();
				const tabs = manager.locator( '.cartbay-admin [role="tab"]' );
				await tabs.first().waitFor();
				const titles = await tabs.allInnerTexts();
				t.check(
					'a de_DE user sees the tabs translated by the generated script JSON (the untranslated ones in English)',
					written.length === 1 &&
						titles[ 0 ] === 'Übersicht' &&
						titles[ 1 ] === 'Vorlagen' &&
						titles.includes( 'Settings' ),
					{ written, titles }
				);
			},
			async () => {
				const page = contexts[ 0 ]?.pages()[ 0 ];
				const path = join( shots, 'admin-settings-failure.png' );
				await page?.screenshot( { path, fullPage: true } );
				console.log( `          screenshot: ${ path }` );
			}
		);
	} finally {
		for ( const context of contexts.splice( 0 ) ) {
			await context.close().catch( () => undefined );
		}
		await store.site.runPhpOrThrow(
			`delete_option( ${ JSON.stringify(
				OPTION.LICENSE_DATA
			) } ); delete_transient( ${ JSON.stringify(
				TRANSIENT.LICENSE_VALID
			) } ); echo "ok\\n";`
		);
	}
}
