<?php
/**
 * Normalization primitives used by the generated SettingsNormalizer.
 *
 * The TypeScript twins live in plugin/schema/normalize.ts; tests/contract requires both to agree on one
 * shared set of vectors, so change them together. Step arithmetic (units, delays, ordering) is not here but in
 * the generated `StepTiming`.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Settings;

use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Generated\StepTiming;

defined( 'ABSPATH' ) || exit;

/**
 * Coerce, round and clamp a raw value, or fall back to the current value when its type is wrong.
 */
final class Normalize {

	private const TRUE_STRINGS  = array( '1', 'true', 'yes', 'on' );
	private const FALSE_STRINGS = array( '0', 'false', 'no', 'off', '' );

	/**
	 * Whether decoded input carries a key (null values included).
	 *
	 * @param mixed  $input Decoded input.
	 * @param string $key   Field key.
	 * @return bool
	 */
	public static function has( $input, string $key ): bool {
		return is_array( $input ) && array_key_exists( $key, $input );
	}

	/**
	 * A finite number from a JSON number or a decimal string; null for anything else (booleans included).
	 *
	 * @param mixed $raw Raw value.
	 * @return float|null
	 */
	public static function parse_number( $raw ): ?float {
		if ( is_int( $raw ) || is_float( $raw ) ) {
			return is_finite( (float) $raw ) ? (float) $raw : null;
		}
		if ( is_string( $raw ) && 1 === preg_match( '/^[ \t\n\r]*[+-]?(\d+(\.\d+)?|\.\d+)[ \t\n\r]*$/', $raw ) ) {
			return (float) trim( $raw );
		}
		return null;
	}

	/**
	 * Rounds half away from zero to `$precision` decimals.
	 *
	 * @param float $value     Value.
	 * @param int   $precision Decimal places.
	 * @return float
	 */
	public static function round_half_away( float $value, int $precision = 0 ): float {
		$factor  = 10 ** $precision;
		$rounded = floor( abs( $value ) * $factor + 0.5 ) / $factor;
		return $value < 0 ? -$rounded : $rounded;
	}

	/**
	 * Boolean from a boolean, 0/1 or a yes/no-style string.
	 *
	 * @param mixed $raw      Raw value.
	 * @param bool  $fallback Current value.
	 * @return bool
	 */
	public static function boolean( $raw, bool $fallback ): bool {
		if ( is_bool( $raw ) ) {
			return $raw;
		}
		if ( is_int( $raw ) || is_float( $raw ) ) {
			if ( 1.0 === (float) $raw ) {
				return true;
			}
			return 0.0 === (float) $raw ? false : $fallback;
		}
		if ( is_string( $raw ) ) {
			$lower = strtolower( trim( $raw ) );
			if ( in_array( $lower, self::TRUE_STRINGS, true ) ) {
				return true;
			}
			if ( in_array( $lower, self::FALSE_STRINGS, true ) ) {
				return false;
			}
		}
		return $fallback;
	}

	/**
	 * Integer rounded half away from zero and clamped to [minimum, maximum].
	 *
	 * @param mixed $raw      Raw value.
	 * @param int   $minimum  Smallest allowed value.
	 * @param int   $maximum  Largest allowed value.
	 * @param int   $fallback Current value.
	 * @return int
	 */
	public static function integer( $raw, int $minimum, int $maximum, int $fallback ): int {
		$number = self::parse_number( $raw );
		if ( null === $number ) {
			return $fallback;
		}
		return (int) min( $maximum, max( $minimum, self::round_half_away( $number ) ) );
	}

	/**
	 * Decimal number rounded to `$precision` places and clamped to [minimum, maximum].
	 *
	 * @param mixed $raw       Raw value.
	 * @param float $minimum   Smallest allowed value.
	 * @param float $maximum   Largest allowed value.
	 * @param int   $precision Decimal places kept.
	 * @param float $fallback  Current value.
	 * @return float
	 */
	public static function number( $raw, float $minimum, float $maximum, int $precision, float $fallback ): float {
		$number = self::parse_number( $raw );
		if ( null === $number ) {
			return $fallback;
		}
		return (float) min( $maximum, max( $minimum, self::round_half_away( $number, $precision ) ) );
	}

	/**
	 * Plain text: tags and control characters removed, whitespace collapsed, trimmed, cut to `$max_length`
	 * code points. An empty result keeps the current value.
	 *
	 * @param mixed  $raw        Raw value.
	 * @param int    $max_length Longest value kept, in code points.
	 * @param string $fallback   Current value.
	 * @return string
	 */
	public static function text( $raw, int $max_length, string $fallback ): string {
		if ( ! is_string( $raw ) || ! mb_check_encoding( $raw, 'UTF-8' ) ) {
			return $fallback;
		}
		$text = preg_replace( '/<[^>]*>/u', '', $raw );
		$text = preg_replace( '/[\x00-\x08\x0E-\x1F\x7F]/u', '', (string) $text );
		$text = trim( (string) preg_replace( '/[ \t\n\r\f\x0B]+/u', ' ', (string) $text ), ' ' );
		$text = trim( mb_substr( $text, 0, $max_length, 'UTF-8' ), ' ' );
		return '' === $text ? $fallback : $text;
	}

	/**
	 * One of the allowed strings.
	 *
	 * @param mixed    $raw      Raw value.
	 * @param string[] $allowed  Allowed values.
	 * @param string   $fallback Current value.
	 * @return string
	 */
	public static function choice( $raw, array $allowed, string $fallback ): string {
		if ( ! is_string( $raw ) ) {
			return $fallback;
		}
		$value = trim( $raw );
		return in_array( $value, $allowed, true ) ? $value : $fallback;
	}

	/**
	 * The recovery steps: each step merged onto its base, then ordered by `StepTiming::order_steps()`: every
	 * delay kept within the step delay limits and after the previous step, and a delay that had to move
	 * expressed in the largest unit that fits it exactly.
	 *
	 * @param mixed             $raw_steps  Raw steps (a JSON list), or null to keep the base.
	 * @param array<int, array> $base_steps Current normalized steps.
	 * @return array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>
	 */
	public static function sequence( $raw_steps, array $base_steps ): array {
		$list  = is_array( $raw_steps ) && array_is_list( $raw_steps ) ? $raw_steps : array();
		$steps = array();
		foreach ( array_values( $base_steps ) as $index => $base ) {
			$steps[] = array_key_exists( $index, $list ) ? self::step( $list[ $index ], $base ) : $base;
		}
		return StepTiming::order_steps( $steps );
	}

	/**
	 * One step merged onto its base.
	 *
	 * @param mixed $raw  Raw step.
	 * @param array $base Current step.
	 * @return array{delay_value: int, delay_unit: string, coupon_enabled: bool}
	 */
	private static function step( $raw, array $base ): array {
		$value = self::has( $raw, SettingsKeys::STEP_DELAY_VALUE ) ? self::parse_number( $raw[ SettingsKeys::STEP_DELAY_VALUE ] ) : null;
		// Clamped before the int cast so an absurd value cannot overflow.
		return array(
			SettingsKeys::STEP_DELAY_VALUE    => null === $value
				? (int) $base[ SettingsKeys::STEP_DELAY_VALUE ]
				: (int) min( StepTiming::MAX_DELAY_MINUTES, max( 0, self::round_half_away( $value ) ) ),
			SettingsKeys::STEP_DELAY_UNIT     => self::has( $raw, SettingsKeys::STEP_DELAY_UNIT )
				? self::choice( $raw[ SettingsKeys::STEP_DELAY_UNIT ], array_keys( StepTiming::units() ), $base[ SettingsKeys::STEP_DELAY_UNIT ] )
				: $base[ SettingsKeys::STEP_DELAY_UNIT ],
			SettingsKeys::STEP_COUPON_ENABLED => self::has( $raw, SettingsKeys::STEP_COUPON_ENABLED )
				? self::boolean( $raw[ SettingsKeys::STEP_COUPON_ENABLED ], (bool) $base[ SettingsKeys::STEP_COUPON_ENABLED ] )
				: (bool) $base[ SettingsKeys::STEP_COUPON_ENABLED ],
		);
	}
}
