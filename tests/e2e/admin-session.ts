/**
 * A signed-in admin page for the admin E2E groups: signing in through wp-login.php, and CartBay's REST
 * routes called from inside the page with WordPress's own `wp.apiFetch` (so the cookie and the REST nonce
 * are the page's).
 */
import type { Page } from 'playwright-core';
import { plugin } from '../../plugin/schema';

/**
 * Signs in through the login form and waits for wp-admin.
 * @param page          Page to sign in.
 * @param url           Store URL (no trailing slash).
 * @param user          Login and password.
 * @param user.user
 * @param user.password
 */
export async function signIn(
	page: Page,
	url: string,
	user: { user: string; password: string }
): Promise< void > {
	await page.goto( `${ url }/wp-login.php` );
	await page.fill( '#user_login', user.user );
	await page.fill( '#user_pass', user.password );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\// ),
		page.click( '#wp-submit' ),
	] );
}

/** A wp-admin window as the callers below use it: WordPress's own `wp.apiFetch` (the page's cookie and nonce). */
type WpAdminWindow = {
	wp: { apiFetch: ( options: unknown ) => Promise< unknown > };
};

/**
 * A caller of CartBay's REST routes (paths inside the plugin's namespace) from a signed-in admin page.
 * @param page A page of wp-admin (where `wp.apiFetch` is loaded).
 */
export function restClient( page: Page ) {
	return < T >(
		path: string,
		method = 'GET',
		data?: Record< string, unknown >
	) =>
		page.evaluate(
			async ( o ) =>
				( window as unknown as WpAdminWindow ).wp.apiFetch( o ),
			{
				path: `/${ plugin.restNamespace }${ path }`,
				method,
				...( data ? { data } : {} ),
			}
		) as Promise< T >;
}

/** One page of a CartBay list route: its rows and WordPress's paging headers. */
export interface ListPage< Row > {
	rows: Row[];
	total: number;
	totalPages: number;
}

/**
 * A reader of CartBay's paged list routes (`/sessions`, `/notifications`, …) from a signed-in admin page:
 * the rows, and the totals WordPress answers in the `X-WP-Total` / `X-WP-TotalPages` headers.
 * @param page A page of wp-admin (where `wp.apiFetch` is loaded).
 */
export function listClient( page: Page ) {
	return < Row >( path: string ) =>
		page.evaluate( async ( o ) => {
			const response = ( await (
				window as unknown as WpAdminWindow
			 ).wp.apiFetch( { path: o, parse: false } ) ) as Response;
			return {
				rows: await response.json(),
				total: Number( response.headers.get( 'X-WP-Total' ) ),
				totalPages: Number( response.headers.get( 'X-WP-TotalPages' ) ),
			};
		}, `/${ plugin.restNamespace }${ path }` ) as Promise<
			ListPage< Row >
		>;
}
