/**
 * The capture client both checkout scripts share (classic.ts, block.ts).
 *
 * A checkout script reports what it sees (email, consent, cart) as a CheckoutState, as often as it likes;
 * this module decides whether and when one `POST {config.endpoint}` goes out:
 * - nothing before consent and a valid email; unchecking consent after a capture (a stored session id)
 *   sends one withdrawal (`consent: false`), otherwise nothing;
 * - one debounce timer (captureClient.debounceMs) after the last change;
 * - no request when the payload (plus the state's cart signature, never sent) equals the last settled one;
 * - at most one request in flight; a change during it is sent once more after it settles, latest state only;
 * - 429: nothing before Retry-After has passed, then the latest state is retried;
 * - any other answer, or a network failure: that payload is given up silently (the next change is sent),
 *   so a failing server never sees a retry loop.
 * Requests are `application/json` (the server refuses anything else) and, on a signed-in customer's page,
 * carry the page's REST nonce as `X-WP-Nonce`. The server knows which session this browser owns from its
 * WooCommerce session, so no session id is sent; the id the server answers with is kept in sessionStorage
 * (captureClient.sessionStorageKey) only to know that a withdrawal is worth sending.
 */
import { captureClient, captureLimits } from '../../plugin/schema/capture';

export type Source = 'classic' | 'block';

/** One line of the client cart fallback (the server prefers the shopper's real WooCommerce cart). */
export interface CartLine {
	product_id: number;
	variation_id?: number;
	quantity: number;
	variation?: Record< string, string >;
}

/** The body of `POST {config.endpoint}`. */
export interface CapturePayload {
	email?: string;
	consent: boolean;
	source: Source;
	cart?: { items: CartLine[] };
}

/** The inline configuration on `window[captureClient.configGlobal]`. */
export interface CheckoutConfig {
	endpoint: string;
	consentText: string;
	consentDefault: boolean;
	/** This checkout came from a CartBay restore link: do not capture the prefilled state on load (absent: false). */
	restored?: boolean;
	/**
	 * The `wp_rest` nonce, on a signed-in customer's page only (sent as `X-WP-Nonce`): without it WordPress
	 * treats the request as a guest's and the server refuses it rather than lose the customer's cart.
	 */
	nonce?: string;
}

/** What a checkout script observed: the inputs of one capture decision. */
export interface CheckoutState {
	email: string;
	consent: boolean;
	/** Client cart fallback (Block Checkout), at most captureLimits.maxCartItems lines; sent. */
	cart?: { items: CartLine[] };
	/** Cheap cart signature (classic checkout): part of change detection, never sent. */
	sig?: string | null;
}

/**
 * Takes the next observed state; `undefined` holds (cancels a pending send, e.g. while the order is placed;
 * sending resumes with the next state that differs from the last one observed).
 * `skip`: take this state as already captured (a restored checkout's prefilled state), send nothing for it.
 */
export type Capture = ( state?: CheckoutState, skip?: boolean ) => void;

export const readConfig = (): CheckoutConfig | undefined =>
	( window as unknown as Record< string, CheckoutConfig | undefined > )[
		captureClient.configGlobal
	];

/**
 * Strict enough, and close to WordPress' `is_email()` the server applies: no whitespace or second `@` in
 * the local part; a domain of two or more labels of letters, digits and hyphens, the last one at least two
 * characters long (so `ann@example.c` mid-typing is not captured). The browser already trims `type=email`
 * values.
 */
const EMAIL = /^[^\s@]+@([a-z\d-]+\.)+[a-z\d-]{2,}$/i;

export const isEmail = ( value: string ): boolean =>
	value.length <= captureLimits.maxEmailLength && EMAIL.test( value );

// sessionStorage: null where storage is disabled (then no id is kept). Where merely touching it throws
// (all site data blocked), WooCommerce has no session cookie either, so there is no checkout to capture.

/** The stored CartBay session id, if any. */
export const storedId = (): string | undefined =>
	sessionStorage?.getItem( captureClient.sessionStorageKey ) || undefined;

/**
 * Stores the server's session id; a null or empty one (after a withdrawal) removes the stored one.
 * @param id Session id from the server, or nothing to forget it.
 */
export function storeId( id?: string | null ): void {
	if ( id ) {
		sessionStorage?.setItem( captureClient.sessionStorageKey, id );
	} else {
		sessionStorage?.removeItem( captureClient.sessionStorageKey );
	}
}

/**
 * The payload for a state. Undefined when consent comes without a valid email. A withdrawal
 * (`consent: false`) is only sent when a session id is stored; the sender decides that.
 * @param source Checkout type.
 * @param state  What the checkout script observed.
 */
export const buildPayload = (
	source: Source,
	state: CheckoutState
): CapturePayload | undefined => {
	if ( ! state.consent ) {
		return { consent: false, source };
	}
	// The state as it is, minus the signature (`undefined` vanishes in JSON, as does a classic `cart`).
	return isEmail( state.email )
		? ( { ...state, source, sig: undefined } as CapturePayload )
		: undefined;
};

/**
 * Change-detection key: the serialized payload plus the state's cart signature.
 * @param payload Payload that would be sent.
 * @param sig     Cart signature (never sent).
 */
export const changeKey = (
	payload: CapturePayload | undefined,
	sig: CheckoutState[ 'sig' ]
): string => JSON.stringify( [ payload, sig ] );

/**
 * Milliseconds of a `Retry-After` header in seconds; 60 s when missing, zero or an HTTP date.
 * (`+null` is 0; the `!` only spares the bytes Number() would cost.)
 * @param header Retry-After header value, in seconds.
 */
export const retryAfterMs = ( header: string | null ): number =>
	+header! * 1000 || 60000;

export function createCapture(
	source: Source,
	endpoint: string,
	nonce?: string
): Capture {
	/** Payload of the latest observed state (undefined: nothing to send, or held), and its change key. */
	let pending: CapturePayload | undefined;
	let seen = '';
	/** Key of the last payload sent and settled or given up (any answer but 429, or a network failure). */
	let sent = '';
	/** The debounce timer; cleared (0) once it fired. */
	let timer: ReturnType< typeof setTimeout > | 0 = 0;
	/** A request is in flight, or a 429's Retry-After is still running. */
	let busy = false;

	function flush(): void {
		timer = 0;
		const payload = pending;
		const id = storedId();
		// While busy, the settling request calls flush again (unless a newer debounce is running).
		if (
			busy ||
			! payload ||
			seen === sent ||
			! ( payload.consent || id )
		) {
			return;
		}
		busy = true;
		sent = seen;
		fetch( endpoint, {
			method: 'POST',
			// JSON only: a cross-site page cannot send this type without a preflight, and the server refuses others.
			headers: {
				'Content-Type': 'application/json',
				...( nonce && { 'X-WP-Nonce': nonce } ),
			},
			// No session id: the server knows which session this browser owns from its WooCommerce session.
			body: JSON.stringify( payload ),
			// Cookies go with it: fetch's default credentials are `same-origin`.
			keepalive: true,
		} )
			.then( ( response ) => {
				if ( response.status === 429 ) {
					// Not settled: stay busy until Retry-After has passed, then send the latest state.
					sent = '';
					return new Promise( ( resolve ) =>
						setTimeout(
							resolve,
							retryAfterMs(
								response.headers.get( 'Retry-After' )
							)
						)
					);
				}
				// Any other answer settles this payload (given up unless 2xx); the next change is sent.
				if ( response.ok ) {
					return response
						.json()
						.then( ( body: { session_id?: string | null } ) =>
							storeId( body.session_id )
						);
				}
			} )
			.then( settle, settle );
	}

	function settle(): void {
		busy = false;
		if ( ! timer ) {
			flush();
		}
	}

	return ( state, skip ) => {
		pending = state && buildPayload( source, state );
		if ( ! state ) {
			// Held: the same state again later stays quiet too (placing the order must not trigger a send).
			return clearTimeout( timer );
		}
		const key = changeKey( pending, state.sig );
		if ( skip ) {
			sent = key;
		} else if ( key !== seen ) {
			clearTimeout( timer );
			timer = setTimeout( flush, captureClient.debounceMs );
		}
		seen = key;
	};
}
