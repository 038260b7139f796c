/**
 * Campaign timing → `StepTiming`: the one PHP home of step arithmetic (units and their minutes, a step's
 * delay, the largest exact unit, ordering the sequence, send offsets), used by the settings normalizer and
 * the email sequence. Its TypeScript twin is plugin/schema/normalize.ts; codegen/test/step-timing.test.ts
 * runs both on the same inputs.
 */
import { campaign } from '../../plugin/schema';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { docblock, php, type PhpValue, str } from '../php';

/** Keys of one stored step, as the campaign option's defaults spell them. */
const [ DELAY_VALUE, DELAY_UNIT ] = Object.keys( campaign.steps[ 0 ]! ) as [
	'delay_value',
	'delay_unit',
	'coupon_enabled',
];

export function emitStepTiming(): GeneratedFile {
	const units: PhpValue = Object.fromEntries(
		campaign.units.map( ( u ) => [ u.value, u.minutes ] )
	);
	const fallbackUnit = campaign.units[ 0 ]!.value;
	const value = str( DELAY_VALUE );
	const unit = str( DELAY_UNIT );
	const stepShape = `array{${ DELAY_VALUE }: int, ${ DELAY_UNIT }: string}`;
	const content = `${ phpHeader( {
		summary:
			'StepTiming: the arithmetic of recovery step delays, in minutes and seconds.',
		details: [
			'The one PHP home of delay × unit, the largest exact unit, ordering the sequence and the send offsets,',
			'used by the settings normalizer and the email sequence. The TypeScript twin is plugin/schema/normalize.ts;',
			'codegen/test/step-timing.test.ts checks both give identical results.',
		],
		sources: [ 'plugin/schema/campaign.ts' ],
		emitter: 'codegen/emitters/step-timing.ts',
		namespace: GENERATED_NAMESPACE,
	} ) }
${ docblock( 0, [ 'Delay units, limits, ordering and send offsets of the recovery steps.' ] ) }
final class StepTiming {

${ docblock( 1, [ 'Shortest delay of a recovery step, in minutes.' ] ) }
	public const MIN_DELAY_MINUTES = ${ campaign.minDelayMinutes };

${ docblock( 1, [ 'Longest delay of a recovery step, in minutes.' ] ) }
	public const MAX_DELAY_MINUTES = ${ campaign.maxDelayMinutes };

${ docblock( 1, [ 'Smallest gap between two consecutive recovery steps, in minutes.' ] ) }
	public const MIN_GAP_MINUTES = ${ campaign.minGapMinutes };

${ docblock( 1, [ 'Test Mode divides every recovery delay by this.' ] ) }
	public const TEST_MODE_DIVISOR = ${ campaign.testModeDivisor };

${ docblock( 1, [ 'Minutes in each delay unit.' ], [ '@return array<string, int>' ] ) }
	public static function units(): array {
		return ${ php( units, 2 ) };
	}

${ docblock( 1, [ 'Minutes in one delay unit (1 for a unit the schema does not declare).' ], [ '@param string $unit Delay unit.', '@return int' ] ) }
	public static function unit_minutes( string $unit ): int {
		return self::units()[ $unit ] ?? 1;
	}

${ docblock( 1, [ "A step's delay after abandonment, in minutes." ], [ `@param array $step A campaign step (${ DELAY_VALUE }, ${ DELAY_UNIT }).`, '@return int' ] ) }
	public static function delay_minutes( array $step ): int {
		return (int) $step[${ value }] * self::unit_minutes( (string) $step[${ unit }] );
	}

${ docblock(
	1,
	[
		'Minutes in the largest unit that expresses them exactly (10080 is 7 days, 90 stays 90 minutes).',
	],
	[ '@param int $minutes Delay in minutes.', `@return ${ stepShape }` ]
) }
	public static function express_minutes( int $minutes ): array {
		$units = self::units();
		arsort( $units );
		foreach ( $units as $unit => $size ) {
			if ( 0 === $minutes % $size ) {
				return array(
					${ value } => intdiv( $minutes, $size ),
					${ unit.padEnd( value.length ) } => $unit,
				);
			}
		}
		return array(
			${ value } => $minutes,
			${ unit.padEnd( value.length ) } => ${ str( fallbackUnit ) },
		);
	}

${ docblock(
	1,
	[
		'Keeps every delay within [MIN_DELAY_MINUTES, MAX_DELAY_MINUTES] and each one at least MIN_GAP_MINUTES',
		'after the one before it: later steps move forward; if that overflows the maximum, earlier steps move back.',
	],
	[
		'@param int[] $minutes Delays in step order, in minutes.',
		'@return int[] The delays to use, in the same order.',
	]
) }
	public static function order_sequence( array $minutes ): array {
		$out = array();
		foreach ( array_values( $minutes ) as $delay ) {
			$out[] = min( self::MAX_DELAY_MINUTES, max( self::MIN_DELAY_MINUTES, $delay ) );
		}
		$last = count( $out ) - 1;
		for ( $i = 1; $i <= $last; $i++ ) {
			$out[ $i ] = max( $out[ $i ], $out[ $i - 1 ] + self::MIN_GAP_MINUTES );
		}
		for ( $i = $last; $i >= 0; $i-- ) {
			$ceiling   = $i === $last ? self::MAX_DELAY_MINUTES : $out[ $i + 1 ] - self::MIN_GAP_MINUTES;
			$out[ $i ] = min( $out[ $i ], $ceiling );
		}
		return $out;
	}

${ docblock(
	1,
	[
		'Campaign steps with their delays ordered by order_sequence(). A step whose delay had to move gets it in the',
		'largest unit that expresses it exactly; every other step is returned unchanged.',
	],
	[
		'@param array<int, array> $steps Campaign steps, in order.',
		'@return array<int, array>',
	]
) }
	public static function order_steps( array $steps ): array {
		$steps   = array_values( $steps );
		$minutes = self::order_sequence( array_map( array( self::class, 'delay_minutes' ), $steps ) );
		foreach ( $steps as $i => $step ) {
			if ( $minutes[ $i ] !== self::delay_minutes( $step ) ) {
				$steps[ $i ] = array_merge( $step, self::express_minutes( $minutes[ $i ] ) );
			}
		}
		return $steps;
	}

${ docblock(
	1,
	[
		'The campaign entry of one step (the option stores the steps as a list, step 1 first).',
	],
	[
		'@param array<int, array> $steps Campaign steps, in order.',
		'@param int               $step  Step number.',
		"@return array The step's settings, or an empty array for a step the campaign does not have.",
	]
) }
	public static function of_step( array $steps, int $step ): array {
		$entry = array_values( $steps )[ $step - 1 ] ?? array();
		return is_array( $entry ) ? $entry : array();
	}

${ docblock(
	1,
	[
		'Seconds after abandonment at which each step is sent. Test Mode divides every delay by TEST_MODE_DIVISOR,',
		'so a whole sequence runs in minutes.',
	],
	[
		'@param array<int, array> $steps     Campaign steps, in order.',
		'@param bool              $test_mode Whether Test Mode is on.',
		'@return array<int, int> Step number => seconds.',
	]
) }
	public static function send_offsets( array $steps, bool $test_mode ): array {
		$divisor = $test_mode ? self::TEST_MODE_DIVISOR : 1;
		$offsets = array();
		foreach ( array_values( $steps ) as $index => $step ) {
			$offsets[ $index + 1 ] = (int) round( self::delay_minutes( $step ) * MINUTE_IN_SECONDS / $divisor );
		}
		return $offsets;
	}
}
`;
	return { path: `${ GENERATED_DIR }/StepTiming.php`, content };
}
