/**
 * HTTP shoppers for the integration suites: cookies kept like a browser's, redirects observed, not followed.
 */
import { plugin } from '../../plugin/schema';

/** The public capture route, as a shopper's browser calls it. */
export const CAPTURE_PATH = `/wp-json/${ plugin.restNamespace }/capture`;

export interface StoreCart {
	items: {
		id: number;
		quantity: number;
		variation: { attribute: string; value: string }[];
	}[];
	coupons: { code: string }[];
	billing_address: { email: string };
	totals: { total_price: string; currency_minor_unit: number };
}

/** A shopper's browser as far as the server can tell: a cookie jar over fetch that never follows redirects by itself. */
export class HttpShopper {
	private cookies = new Map< string, string >();

	constructor( private readonly base: string ) {}

	async request(
		path: string,
		init: RequestInit = {}
	): Promise< {
		status: number;
		location: string;
		body: string;
		nonce: string;
		retryAfter: string | null;
	} > {
		const response = await fetch(
			path.startsWith( 'http' ) ? path : `${ this.base }${ path }`,
			{
				...init,
				redirect: 'manual',
				headers: {
					...this.headers(),
					...( ( init.headers as Record< string, string > ) ?? {} ),
				},
			}
		);
		for ( const cookie of response.headers.getSetCookie() ) {
			const [ pair = '' ] = cookie.split( ';' );
			const at = pair.indexOf( '=' );
			const name = pair.slice( 0, at ).trim();
			const value = pair.slice( at + 1 );
			if (
				/deleted|^$/.test( value ) ||
				/expires=Thu, 01[- ]Jan[- ]1970/i.test( cookie )
			) {
				this.cookies.delete( name );
			} else {
				this.cookies.set( name, value );
			}
		}
		return {
			status: response.status,
			location: response.headers.get( 'location' ) ?? '',
			body: await response.text(),
			nonce: response.headers.get( 'nonce' ) ?? '',
			retryAfter: response.headers.get( 'retry-after' ),
		};
	}

	get( path: string, headers: Record< string, string > = {} ) {
		return this.request( path, { headers } );
	}

	/**
	 * POST a body; JSON answers are parsed (`data`), with the Retry-After header.
	 * @param path
	 * @param body
	 * @param contentType
	 * @param extra
	 */
	async post(
		path: string,
		body: string,
		contentType: string,
		extra: Record< string, string > = {}
	): Promise< {
		status: number;
		data: Record< string, unknown >;
		retryAfter: string | null;
	} > {
		const response = await this.request( path, {
			method: 'POST',
			headers: { 'Content-Type': contentType, ...extra },
			body,
		} );
		let data: Record< string, unknown > = {};
		try {
			data = JSON.parse( response.body ) as Record< string, unknown >;
		} catch {
			data = { unparsed: response.body.slice( 0, 300 ) };
		}
		return {
			status: response.status,
			data,
			retryAfter: response.retryAfter,
		};
	}

	/**
	 * POST /cartbay/v1/capture (a string body is sent as is, for malformed-input tests).
	 * @param body
	 * @param extra
	 */
	capture( body: unknown, extra: Record< string, string > = {} ) {
		return this.post(
			CAPTURE_PATH,
			typeof body === 'string' ? body : JSON.stringify( body ),
			'application/json',
			extra
		);
	}

	/** The Store API cart of this shopper. */
	async cart(): Promise< StoreCart > {
		const response = await this.get( '/wp-json/wc/store/v1/cart' );
		return JSON.parse( response.body ) as StoreCart;
	}

	/**
	 * Places a cash-on-delivery order through the Store API (Block Checkout's own route).
	 * @param email
	 */
	async checkout( email: string ): Promise< {
		status: number;
		order_id: number;
		redirect: string;
		body: string;
	} > {
		const { nonce } = await this.get( '/wp-json/wc/store/v1/cart' );
		const address = {
			first_name: 'Casey',
			last_name: 'Buyer',
			address_1: '1 Test Street',
			city: 'San Francisco',
			state: 'CA',
			postcode: '94107',
			country: 'US',
			phone: '5550100',
		};
		const response = await this.request( '/wp-json/wc/store/v1/checkout', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Nonce: nonce },
			body: JSON.stringify( {
				billing_address: { ...address, email },
				shipping_address: address,
				payment_method: 'cod',
			} ),
		} );
		let orderId = 0;
		let redirect = '';
		try {
			const data = JSON.parse( response.body ) as {
				order_id?: number;
				payment_result?: { redirect_url?: string };
			};
			orderId = Number( data.order_id ?? 0 );
			redirect = data.payment_result?.redirect_url ?? '';
		} catch {
			orderId = 0;
		}
		return {
			status: response.status,
			order_id: orderId,
			redirect,
			body: response.body.slice( 0, 500 ),
		};
	}

	/** Value of the WooCommerce session cookie, '' without one. */
	get wcSession(): string {
		for ( const [ name, value ] of this.cookies ) {
			if ( name.startsWith( 'wp_woocommerce_session_' ) ) {
				return value;
			}
		}
		return '';
	}

	get cookieNames(): string[] {
		return [ ...this.cookies.keys() ];
	}

	private headers(): Record< string, string > {
		return this.cookies.size > 0
			? {
					Cookie: [ ...this.cookies ]
						.map( ( [ k, v ] ) => `${ k }=${ v }` )
						.join( '; ' ),
				}
			: {};
	}
}
