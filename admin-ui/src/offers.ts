/**
 * Offers in plain words: the Discount Summary (what a coupon-enabled recovery email will give the shopper),
 * the warning a percentage coupon carries, and how Coupon History shows a coupon's discount, usage and
 * status. Pure functions over the (normalized) settings, so the screen can show them live while the owner
 * types, before anything is saved.
 */
/** WordPress dependencies */
import { __, _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoney, pageLocale } from './format';
import { couponStatuses, settingsOption } from './schema';
import { schemaText } from './schema-text';
import type { Settings } from './schema';

/** The percentage coupon type, as the schema's `coupon_type` options declare it (WooCommerce's `percent`). */
export const PERCENT_TYPE = 'percent';

/**
 * The largest percentage a coupon may discount: the schema's `cap_when` rule on `coupon_amount`.
 */
export function percentCap(): number | undefined {
	const rule = settingsOption.rules.find(
		( candidate ) =>
			candidate.kind === 'cap_when' &&
			candidate.field === 'coupon_amount' &&
			candidate.when === 'coupon_type' &&
			candidate.equals === PERCENT_TYPE
	);
	return rule?.maximum;
}

/**
 * A coupon's discount as the shopper reads it: "10% off" or "$10.00 off".
 * @param type     WooCommerce discount type (`percent`, `fixed_cart`).
 * @param amount   Amount: a percentage or a store-currency amount.
 * @param currency ISO 4217 code of the store (money amounts).
 * @param locale   BCP 47 locale (the page's when omitted).
 */
export function discountText(
	type: string,
	amount: number,
	currency: string,
	locale: string | undefined = pageLocale()
): string {
	if ( type === PERCENT_TYPE ) {
		return sprintf(
			/* translators: %s: percentage, e.g. 10% */
			__( '%s off', 'cartbay' ),
			new Intl.NumberFormat( locale, {
				style: 'percent',
				maximumFractionDigits: 2,
			} ).format( amount / 100 )
		);
	}
	return sprintf(
		/* translators: %s: amount in the store currency, e.g. $10.00 */
		__( '%s off', 'cartbay' ),
		formatMoney( amount, currency, locale )
	);
}

/**
 * The Discount Summary of some settings (the form's live preview, or the saved ones): what every
 * coupon-enabled recovery email will include and how long the coupon stays valid.
 * @param settings Normalized settings (`coupon_type`, `coupon_amount`, `coupon_expiry_days` are read).
 * @param currency Store currency.
 * @param locale   BCP 47 locale (the page's when omitted).
 */
export function discountSummary(
	settings: Settings,
	currency: string,
	locale: string | undefined = pageLocale()
): string {
	const amount = Number( settings.coupon_amount );
	const days = Number( settings.coupon_expiry_days );
	const expiry = sprintf(
		/* translators: %d: number of days */
		_n(
			'Expires %d day after generation.',
			'Expires %d days after generation.',
			days,
			'cartbay'
		),
		days
	);
	if ( ! ( amount > 0 ) ) {
		return sprintf(
			/* translators: %s: "Expires 7 days after generation." */
			__(
				'Recovery emails with coupons enabled will include a coupon with no discount: enter an amount above 0. %s',
				'cartbay'
			),
			expiry
		);
	}
	return sprintf(
		/* translators: 1: the discount, e.g. "10% off" or "$10.00 off", 2: "Expires 7 days after generation." */
		__(
			'Recovery emails with coupons enabled will include a %1$s discount coupon. %2$s',
			'cartbay'
		),
		discountText(
			String( settings.coupon_type ),
			amount,
			currency,
			locale
		),
		expiry
	);
}

/** The warning the Offers section shows with a percentage coupon. */
export interface OfferWarning {
	/** `error` at the cap (the whole cart is free), else `warning`. */
	readonly status: 'warning' | 'error';
	readonly message: string;
}

/**
 * The percentage warning: none for a fixed-cart coupon; a percentage discounts the full cart total whatever
 * the shopper adds, and at the schema's cap (100%) it makes the whole cart free.
 * @param settings Normalized settings.
 */
export function percentageWarning( settings: Settings ): OfferWarning | null {
	if ( settings.coupon_type !== PERCENT_TYPE ) {
		return null;
	}
	const cap = percentCap();
	const base = __(
		'Percentage coupons discount the full cart total, whatever products the shopper adds and however large the cart grows. Use them carefully on stores with high-value carts or low-margin products; a fixed cart discount keeps the cost predictable.',
		'cartbay'
	);
	if ( cap !== undefined && Number( settings.coupon_amount ) >= cap ) {
		return {
			status: 'error',
			message: sprintf(
				/* translators: 1: the largest percentage (100), 2: the general percentage warning */
				__(
					'At %1$d%% the coupon makes the whole cart free. %2$s',
					'cartbay'
				),
				cap,
				base
			),
		};
	}
	return { status: 'warning', message: base };
}

/**
 * A Coupon History status as the owner reads it (the schema's label, translated), or the key itself.
 * @param status Status key (`active`, `used`, `expired`).
 */
export function couponStatusLabel( status: string ): string {
	const known = couponStatuses.constants.find( ( c ) => c.value === status );
	return known ? schemaText( known.label ) : status;
}

/**
 * A coupon's usage: "0 of 1 use", or the count alone without a limit.
 * @param count Times used.
 * @param limit Usage limit (0: none).
 */
export function usageText( count: number, limit: number ): string {
	if ( limit > 0 ) {
		return sprintf(
			/* translators: 1: times used, 2: usage limit */
			_n( '%1$d of %2$d use', '%1$d of %2$d uses', limit, 'cartbay' ),
			count,
			limit
		);
	}
	return sprintf(
		/* translators: %d: times used */
		_n( 'Used %d time', 'Used %d times', count, 'cartbay' ),
		count
	);
}
