/**
 * Block Checkout: reads email, the `cartbay/marketing-consent` additional field and the cart from the
 * WooCommerce Blocks data stores (`wp.data`) and reports them to the capture client. The field itself is
 * registered and rendered by WooCommerce (server side: woocommerce_register_additional_checkout_field).
 */
import { select, subscribe } from '@wordpress/data';
import { blockConsentField, captureLimits } from '../../plugin/schema/capture';
import { createCapture, readConfig, type CartLine } from './capture-client';

/** A Store API cart item as `wc/store/cart` holds it (the fields CartBay reads). */
export interface StoreCartItem {
	/** Product id; the variation's own id for a variation. */
	id: number;
	/** Product type: `variation` for a variation. */
	type: string;
	quantity: number;
	/** Display label and value of each variation attribute (not the `attribute_pa_*` slugs). */
	variation?: { attribute: string; value: string }[];
}

/** `select( 'wc/store/cart' )`: getCartData() is the Store API cart (camelCased), addresses included. */
interface CartSelectors {
	getCartData: () => {
		items: StoreCartItem[];
		billingAddress?: { email?: string };
	};
}

/** `select( 'wc/store/checkout' )`. */
interface CheckoutSelectors {
	/** Contact and order additional fields by id; checkboxes hold booleans. */
	getAdditionalFields: () => Record< string, unknown >;
	/** idle | before_processing | processing | after_processing | complete */
	getCheckoutStatus: () => string;
}

/**
 * A Store API cart item as a capture cart line. The Store API gives no parent id for a variation, so both
 * ids are the variation id (WC_Cart::add_to_cart resolves a variation passed as product id to its parent).
 * @param item Store API cart item.
 */
export function cartLine( item: StoreCartItem ): CartLine {
	const line: CartLine = {
		product_id: item.id,
		quantity: Math.min( item.quantity, captureLimits.maxQuantity ),
	};
	if ( item.type === 'variation' ) {
		line.variation_id = item.id;
		line.variation = Object.fromEntries(
			( item.variation ?? [] ).map( ( v ) => [ v.attribute, v.value ] )
		);
	}
	return line;
}

/**
 * Checkbox value as the store holds it: boolean (hydrated from the draft order or set by the checkbox).
 * @param value Raw checkbox value.
 */
export const consentOf = ( value: unknown ): boolean =>
	!! value && value !== '0';

const config = readConfig();
if ( config ) {
	const capture = createCapture( 'block', config.endpoint, config.nonce );
	let restored = config.restored;
	const update = () => {
		const cart = select( 'wc/store/cart' ) as unknown as
			CartSelectors | undefined;
		const checkout = select( 'wc/store/checkout' ) as unknown as
			CheckoutSelectors | undefined;
		if ( ! cart || ! checkout ) {
			return; // Not registered yet: a later store change calls again.
		}
		const data = cart.getCartData();
		// Placing the order, or the cart not loaded yet: nothing to send.
		if ( checkout.getCheckoutStatus() !== 'idle' || ! data.items.length ) {
			return capture();
		}
		capture(
			{
				email: data.billingAddress?.email ?? '',
				consent: consentOf(
					checkout.getAdditionalFields()[ blockConsentField.id ]
				),
				cart: {
					items: data.items
						.slice( 0, captureLimits.maxCartItems )
						.map( cartLine ),
				},
			},
			restored
		);
		restored = false;
	};
	update();
	subscribe( update );
}
