/**
 * Settings normalization, TypeScript side.
 *
 * The generated PHP normalizer (plugin/generated/SettingsNormalizer.php over plugin/src/Settings/Normalize.php)
 * implements the same rules; tests/contract runs one set of vectors through both and requires identical output.
 * Rules: a well-typed value is coerced, rounded and clamped into range; a wrong-typed value never errors and
 * never loses data: the field keeps its current (fallback) value.
 *
 * It is also the TypeScript home of step arithmetic (unit minutes, a step's delay, the largest exact unit,
 * ordering the sequence, send offsets); the PHP home is the generated `StepTiming` class
 * (codegen/emitters/step-timing.ts), and codegen/test/step-timing.test.ts checks both agree.
 */
import { campaign } from './campaign';
import { settingsOption } from './settings';
import type { DelayUnit, SettingsField } from './types';

export type SettingsValue = boolean | number | string;
export type Settings = Record< string, SettingsValue >;

export interface CampaignStep {
	delay_value: number;
	delay_unit: DelayUnit;
	coupon_enabled: boolean;
}

export interface CampaignSettings {
	enabled: boolean;
	steps: CampaignStep[];
}

const TRUE_STRINGS = [ '1', 'true', 'yes', 'on' ];
const FALSE_STRINGS = [ '0', 'false', 'no', 'off', '' ];
/** A decimal number written as a string: "30", " -4.5 ", ".5". Exponents are not accepted. */
const NUMERIC_STRING = /^[ \t\n\r]*[+-]?(\d+(\.\d+)?|\.\d+)[ \t\n\r]*$/;
const TAG = /<[^>]*>/g;
const CONTROL = /[\x00-\x08\x0E-\x1F\x7F]/g;
const WHITESPACE_RUN = /[ \t\n\r\f\x0B]+/g;

/**
 * PHP's trim(): ASCII whitespace and NUL only (String.prototype.trim also strips Unicode spaces).
 * @param value Text to trim.
 */
function phpTrim( value: string ): string {
	return value.replace( /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '' );
}

/**
 * Trim spaces only, as the text normalizer does after collapsing whitespace.
 * @param value Text to trim.
 */
function trimSpaces( value: string ): string {
	return value.replace( /^ +| +$/g, '' );
}

/**
 * PHP 8.2's strtolower(): ASCII letters only.
 * @param value Text to lower-case.
 */
function asciiLower( value: string ): string {
	return value.replace( /[A-Z]/g, ( c ) => c.toLowerCase() );
}

function hasKey(
	input: unknown,
	key: string
): input is Record< string, unknown > {
	return (
		typeof input === 'object' &&
		input !== null &&
		Object.prototype.hasOwnProperty.call( input, key )
	);
}

/**
 * Round half away from zero (PHP's round() default), to `precision` decimals.
 * @param value     Number to round.
 * @param precision Decimal places kept.
 */
export function roundHalfAway( value: number, precision = 0 ): number {
	const factor = 10 ** precision;
	const rounded = Math.floor( Math.abs( value ) * factor + 0.5 ) / factor;
	return value < 0 ? -rounded : rounded;
}

function clamp( value: number, minimum: number, maximum: number ): number {
	return Math.min( maximum, Math.max( minimum, value ) );
}

/**
 * A finite number from a JSON number or a decimal string; null for anything else (booleans included).
 * @param raw Raw value.
 */
export function parseNumber( raw: unknown ): number | null {
	if ( typeof raw === 'number' ) {
		return Number.isFinite( raw ) ? raw : null;
	}
	if ( typeof raw === 'string' && NUMERIC_STRING.test( raw ) ) {
		return parseFloat( phpTrim( raw ) );
	}
	return null;
}

export function normalizeBoolean( raw: unknown, fallback: boolean ): boolean {
	if ( typeof raw === 'boolean' ) {
		return raw;
	}
	if ( typeof raw === 'number' ) {
		if ( raw === 1 || raw === 0 ) {
			return raw === 1;
		}
		return fallback;
	}
	if ( typeof raw === 'string' ) {
		const lower = asciiLower( phpTrim( raw ) );
		if ( TRUE_STRINGS.includes( lower ) ) {
			return true;
		}
		if ( FALSE_STRINGS.includes( lower ) ) {
			return false;
		}
	}
	return fallback;
}

export function normalizeInteger(
	raw: unknown,
	minimum: number,
	maximum: number,
	fallback: number
): number {
	const parsed = parseNumber( raw );
	return parsed === null
		? fallback
		: clamp( roundHalfAway( parsed ), minimum, maximum );
}

export function normalizeNumber(
	raw: unknown,
	minimum: number,
	maximum: number,
	precision: number,
	fallback: number
): number {
	const parsed = parseNumber( raw );
	return parsed === null
		? fallback
		: clamp( roundHalfAway( parsed, precision ), minimum, maximum );
}

/**
 * Plain text: tags and control characters removed, whitespace collapsed, trimmed, cut to maxLength code points.
 * @param raw       Raw value.
 * @param maxLength Longest value kept, in code points.
 * @param fallback  Current value, kept when the result is empty.
 */
export function normalizeText(
	raw: unknown,
	maxLength: number,
	fallback: string
): string {
	if ( typeof raw !== 'string' ) {
		return fallback;
	}
	const text = trimSpaces(
		raw
			.replace( TAG, '' )
			.replace( CONTROL, '' )
			.replace( WHITESPACE_RUN, ' ' )
	);
	const cut = trimSpaces(
		Array.from( text ).slice( 0, maxLength ).join( '' )
	);
	return cut === '' ? fallback : cut;
}

export function normalizeEnum(
	raw: unknown,
	allowed: readonly string[],
	fallback: string
): string {
	if ( typeof raw !== 'string' ) {
		return fallback;
	}
	const value = phpTrim( raw );
	return allowed.includes( value ) ? value : fallback;
}

export function normalizeField(
	field: SettingsField,
	raw: unknown,
	fallback: SettingsValue
): SettingsValue {
	switch ( field.type ) {
		case 'boolean':
			return normalizeBoolean( raw, fallback as boolean );
		case 'integer':
			return normalizeInteger(
				raw,
				field.minimum,
				field.maximum,
				fallback as number
			);
		case 'number':
			return normalizeNumber(
				raw,
				field.minimum,
				field.maximum,
				field.precision,
				fallback as number
			);
		case 'string':
			return normalizeText( raw, field.maxLength, fallback as string );
		case 'enum':
			return normalizeEnum(
				raw,
				field.options.map( ( o ) => o.value ),
				fallback as string
			);
	}
}

export function defaultSettings(): Settings {
	return Object.fromEntries(
		settingsOption.fields.map( ( f ) => [ f.key, f.default ] )
	);
}

/**
 * Merge `input` onto `base` (the saved settings, or the defaults) and normalize every field.
 * Unknown keys are dropped; the result has every field, in schema order.
 * @param input Raw input (decoded JSON or a stored option value).
 * @param base  Current normalized settings, or the defaults.
 */
export function normalizeSettings(
	input: unknown,
	base: Settings = defaultSettings()
): Settings {
	const out: Settings = {};
	for ( const field of settingsOption.fields ) {
		const fallback = base[ field.key ] ?? field.default;
		out[ field.key ] = hasKey( input, field.key )
			? normalizeField( field, input[ field.key ], fallback )
			: fallback;
	}
	for ( const rule of settingsOption.rules ) {
		if (
			out[ rule.when ] === rule.equals &&
			( out[ rule.field ] as number ) > rule.maximum
		) {
			out[ rule.field ] = rule.maximum;
		}
	}
	return out;
}

export function defaultCampaign(): CampaignSettings {
	return {
		enabled: campaign.enabled.default,
		steps: campaign.steps.map( ( s ) => ( { ...s } ) ),
	};
}

/**
 * Minutes in one delay unit (1 for a unit the schema does not declare).
 * @param unit Delay unit.
 */
export function unitMinutes( unit: DelayUnit ): number {
	return campaign.units.find( ( u ) => u.value === unit )?.minutes ?? 1;
}

/**
 * A step's delay after abandonment, in minutes.
 * @param step A campaign step.
 */
export function delayMinutes(
	step: Pick< CampaignStep, 'delay_value' | 'delay_unit' >
): number {
	return step.delay_value * unitMinutes( step.delay_unit );
}

/**
 * `minutes` in the largest unit that expresses them exactly ("10080" → 7 days), for a delay CartBay had to move.
 * @param minutes Delay in minutes.
 */
export function expressMinutes(
	minutes: number
): Pick< CampaignStep, 'delay_value' | 'delay_unit' > {
	const units = [ ...campaign.units ].sort(
		( a, b ) => b.minutes - a.minutes
	);
	const unit =
		units.find( ( u ) => minutes % u.minutes === 0 ) ?? campaign.units[ 0 ];
	return { delay_value: minutes / unit.minutes, delay_unit: unit.value };
}

/**
 * Seconds after abandonment at which each step is sent, in step order; Test Mode divides every delay by the
 * schema's divisor so a whole sequence runs in minutes. Rounded half away from zero, as PHP's round().
 * @param steps    Campaign steps, in order.
 * @param testMode Whether Test Mode is on.
 */
export function sendOffsetSeconds(
	steps: readonly Pick< CampaignStep, 'delay_value' | 'delay_unit' >[],
	testMode: boolean
): number[] {
	const divisor = testMode ? campaign.testModeDivisor : 1;
	return steps.map( ( step ) =>
		roundHalfAway( ( delayMinutes( step ) * 60 ) / divisor )
	);
}

/**
 * A JSON list: an array, or an object keyed "0".."n-1" in order (what PHP's array_is_list() accepts).
 * @param raw Raw value.
 */
function asList( raw: unknown ): unknown[] | null {
	if ( Array.isArray( raw ) ) {
		return raw;
	}
	if ( typeof raw === 'object' && raw !== null ) {
		const keys = Object.keys( raw );
		if ( keys.every( ( k, i ) => k === String( i ) ) ) {
			return Object.values( raw );
		}
	}
	return null;
}

function normalizeStep( raw: unknown, base: CampaignStep ): CampaignStep {
	const unitValues = campaign.units.map( ( u ) => u.value );
	const value = hasKey( raw, 'delay_value' )
		? parseNumber( raw.delay_value )
		: null;
	return {
		// Clamped before use so an absurd value cannot overflow (PHP casts it to int).
		delay_value:
			value === null
				? base.delay_value
				: clamp( roundHalfAway( value ), 0, campaign.maxDelayMinutes ),
		delay_unit: ( hasKey( raw, 'delay_unit' )
			? normalizeEnum( raw.delay_unit, unitValues, base.delay_unit )
			: base.delay_unit ) as DelayUnit,
		coupon_enabled: hasKey( raw, 'coupon_enabled' )
			? normalizeBoolean( raw.coupon_enabled, base.coupon_enabled )
			: base.coupon_enabled,
	};
}

/**
 * Keep every delay within [min, max] minutes and each step at least minGap after the previous one:
 * later steps move forward; if that overflows the maximum, earlier steps move back.
 * @param minutes Delays in step order, in minutes.
 */
export function orderSequence( minutes: number[] ): number[] {
	const {
		minDelayMinutes: min,
		maxDelayMinutes: max,
		minGapMinutes: gap,
	} = campaign;
	const out = minutes.map( ( m ) => clamp( m, min, max ) );
	for ( let i = 1; i < out.length; i++ ) {
		out[ i ] = Math.max( out[ i ]!, out[ i - 1 ]! + gap );
	}
	for ( let i = out.length - 1; i >= 0; i-- ) {
		const ceiling = i === out.length - 1 ? max : out[ i + 1 ]! - gap;
		out[ i ] = Math.min( out[ i ]!, ceiling );
	}
	return out;
}

/**
 * Steps with their delays ordered by orderSequence(). A step whose delay had to move gets it in the largest unit
 * that expresses it exactly; every other step is returned unchanged.
 * @param steps Campaign steps, in order.
 */
export function orderSteps( steps: readonly CampaignStep[] ): CampaignStep[] {
	const ordered = orderSequence( steps.map( delayMinutes ) );
	return steps.map( ( step, i ) => {
		const minutes = ordered[ i ]!;
		return minutes === delayMinutes( step )
			? step
			: { ...step, ...expressMinutes( minutes ) };
	} );
}

export function normalizeCampaign(
	input: unknown,
	base: CampaignSettings = defaultCampaign()
): CampaignSettings {
	const enabled = hasKey( input, 'enabled' )
		? normalizeBoolean( input.enabled, base.enabled )
		: base.enabled;
	const rawSteps = hasKey( input, 'steps' ) ? asList( input.steps ) : null;
	const steps = base.steps.map( ( step, i ) =>
		rawSteps && i < rawSteps.length
			? normalizeStep( rawSteps[ i ], step )
			: { ...step }
	);
	return { enabled, steps: orderSteps( steps ) };
}
