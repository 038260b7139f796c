/**
 * Test helpers for the checkout scripts: a scripted `fetch` and the inline config global.
 */
import { vi, type Mock } from 'vitest';
import { captureClient, captureLimits } from '../../../plugin/schema/capture';
import { plugin } from '../../../plugin/schema/plugin';
import { settingsOption } from '../../../plugin/schema/settings';
import type { CapturePayload, CheckoutConfig } from '../capture-client';

export const ENDPOINT = `/wp-json/${ plugin.restNamespace }/capture`;
export const SESSION_A = 'A'.repeat( captureLimits.sessionIdLength );
export const SESSION_B = 'b1'.repeat( captureLimits.sessionIdLength / 2 );

export type Reply =
	Response | Promise< Response > | ( () => Response | Promise< Response > );

export const json = (
	body: unknown,
	status = 200,
	headers: Record< string, string > = {}
): Response =>
	new Response( JSON.stringify( body ), {
		status,
		headers: { 'Content-Type': 'application/json', ...headers },
	} );

/**
 * Stubs global fetch: each call takes the next reply (the last one repeats; default `{ session_id: SESSION_A }`).
 * @param {...any} replies
 */
export function stubFetch( ...replies: Reply[] ): Mock< typeof fetch > {
	const queue = [ ...replies ];
	const mock = vi.fn< typeof fetch >( async () => {
		const reply = queue.length > 1 ? queue.shift() : queue[ 0 ];
		if ( reply === undefined ) {
			return json( { session_id: SESSION_A } );
		}
		return typeof reply === 'function' ? reply() : reply;
	} );
	vi.stubGlobal( 'fetch', mock );
	return mock;
}

/**
 * The JSON bodies fetch was called with, in order.
 * @param mock
 */
export const bodies = ( mock: Mock< typeof fetch > ): CapturePayload[] =>
	mock.mock.calls.map(
		( [ , init ] ) => JSON.parse( String( init?.body ) ) as CapturePayload
	);

/** A promise with its resolver, to hold a request in flight. */
export function deferred< T >(): {
	promise: Promise< T >;
	resolve: ( value: T ) => void;
} {
	let resolve!: ( value: T ) => void;
	const promise = new Promise< T >( ( done ) => {
		resolve = done;
	} );
	return { promise, resolve };
}

export function setConfig(
	config: Partial< CheckoutConfig > | undefined
): void {
	const target = window as unknown as Record< string, unknown >;
	if ( config === undefined ) {
		delete target[ captureClient.configGlobal ];
		return;
	}
	target[ captureClient.configGlobal ] = {
		endpoint: ENDPOINT,
		consentText: String(
			settingsOption.fields.find(
				( field ) => field.key === 'consent_text'
			)!.default
		),
		consentDefault: true,
		// As the server prints it for a guest: no nonce, and `restored` only when true.
		...config,
	};
}

export const storedSession = (): string | null =>
	sessionStorage.getItem( captureClient.sessionStorageKey );
