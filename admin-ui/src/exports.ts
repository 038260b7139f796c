/**
 * Links to the CSV exports (`GET /exports/{kind}`) for the Sessions table's current filters. The browser
 * downloads them itself, so the link carries the REST nonce (`_wpnonce`) that api-fetch would otherwise add.
 */
/** Internal dependencies */
import { getBootData } from './boot';
import type { ExportKind } from './schema';
import { sessionFilterArgs } from './store/api';
import type { SessionsQuery } from './store/types';

/**
 * The export's URL: the REST root (pretty `/wp-json/` or plain `?rest_route=`), the route, the filters
 * without the page, and the nonce.
 * @param kind  `sessions` or `emails`.
 * @param query The Sessions list arguments shown.
 */
export function exportUrl( kind: ExportKind, query: SessionsQuery ): string {
	const boot = getBootData();
	const route = `/${ boot.restNamespace }/exports/${ kind }`;
	const base = new URL(
		boot.restUrl ?? '/wp-json/',
		typeof window === 'undefined'
			? 'http://localhost/'
			: window.location.href
	);
	const restRoute = base.searchParams.get( 'rest_route' );
	if ( restRoute !== null ) {
		base.searchParams.set(
			'rest_route',
			restRoute.replace( /\/$/, '' ) + route
		);
	} else {
		base.pathname = base.pathname.replace( /\/$/, '' ) + route;
	}
	for ( const [ name, value ] of Object.entries(
		sessionFilterArgs( query )
	) ) {
		if ( value !== '' ) {
			base.searchParams.set( name, String( value ) );
		}
	}
	if ( boot.restNonce ) {
		base.searchParams.set( '_wpnonce', boot.restNonce );
	}
	return base.toString();
}
