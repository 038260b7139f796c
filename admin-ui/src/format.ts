/**
 * How the Overview shows figures: each metric by its schema `format` (count, money in the report's
 * currency, percent, email step), and moments and money of the Sessions list, in the browser's locale.
 */
/** WordPress dependencies */
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import type { MetricFormat } from './schema';

/** The page's language (WordPress prints it on <html lang>), else the browser's. */
export function pageLocale(): string | undefined {
	const lang =
		typeof document === 'undefined'
			? ''
			: document.documentElement.lang || '';
	return lang === '' ? undefined : lang;
}

/**
 * An amount in a currency; a bad or empty currency code falls back to a plain number.
 * @param value    Amount.
 * @param currency ISO 4217 code.
 * @param locale   BCP 47 locale (the page's when omitted).
 */
export function formatMoney(
	value: number,
	currency: string,
	locale: string | undefined = pageLocale()
): string {
	try {
		return new Intl.NumberFormat( locale, {
			style: 'currency',
			currency,
		} ).format( value );
	} catch {
		return new Intl.NumberFormat( locale, {
			minimumFractionDigits: 2,
			maximumFractionDigits: 2,
		} ).format( value );
	}
}

/**
 * A metric value as its card shows it. Rates come as percentages with one decimal (12.5 = 12.5 %);
 * `best_step` is a step number, or null when no step led to a recovery.
 * @param value    The `metrics` value of GET /analytics.
 * @param format   The metric's schema format.
 * @param currency The report's currency (money only).
 * @param locale   BCP 47 locale (the page's when omitted).
 */
export function formatMetric(
	value: number | null | undefined,
	format: MetricFormat,
	currency: string,
	locale: string | undefined = pageLocale()
): string {
	if ( format === 'step' ) {
		return typeof value === 'number' && value > 0
			? sprintf(
					/* translators: %d: recovery email step number (1, 2 or 3) */
					__( 'Email %d', 'cartbay' ),
					value
				)
			: __( 'None yet', 'cartbay' );
	}
	const number =
		typeof value === 'number' && Number.isFinite( value ) ? value : 0;
	switch ( format ) {
		case 'money':
			return formatMoney( number, currency, locale );
		case 'percent':
			return new Intl.NumberFormat( locale, {
				style: 'percent',
				maximumFractionDigits: 1,
			} ).format( number / 100 );
		case 'count':
			return new Intl.NumberFormat( locale, {
				maximumFractionDigits: 0,
			} ).format( number );
	}
}

/**
 * An ISO 8601 moment as a short local date and time; an empty dash for none.
 * @param iso    ISO 8601 moment, or null.
 * @param locale BCP 47 locale (the page's when omitted).
 */
export function formatMoment(
	iso: string | null | undefined,
	locale: string | undefined = pageLocale()
): string {
	if ( ! iso ) {
		return '—';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return new Intl.DateTimeFormat( locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( date );
}
