/**
 * One recovery step list and one home per language for step arithmetic: the generated PHP `StepTiming` and the
 * schema normalizer (plugin/schema/normalize.ts) give the same answers on the same inputs, and every view of
 * the step list (emails, campaign defaults, generated email classes) reads `recoverySteps`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	campaign,
	defaultCampaign,
	delayMinutes,
	emailSteps,
	expressMinutes,
	orderSequence,
	plugin,
	orderSteps,
	recoverySteps,
	sendOffsetSeconds,
	unitMinutes,
	type CampaignStep,
	type DelayUnit,
} from '../../plugin/schema';
import {
	assertStepsInOrder,
	sequenceDefaults,
} from '../../plugin/schema/steps';
import { emitEmailClasses } from '../emitters/emails';
import {
	emitSettingsNormalizer,
	emitSettingsSchema,
} from '../emitters/settings';
import { emitStepTiming } from '../emitters/step-timing';
import { str } from '../php';
import { phpUnavailableReason, runPhpJson } from '../../tests/php-runtime';

const root = join( __dirname, '../..' );
const units = campaign.units.map( ( u ) => u.value );
const {
	minDelayMinutes: min,
	maxDelayMinutes: max,
	minGapMinutes: gap,
} = campaign;

describe( 'recoverySteps is the one step list', () => {
	it( 'numbers its steps 1, 2, … in list order', () => {
		expect( () => assertStepsInOrder() ).not.toThrow();
		const swapped = [ recoverySteps[ 1 ], recoverySteps[ 0 ] ];
		expect( () => assertStepsInOrder( swapped ) ).toThrow( /position 1/ );
		expect( () => emitEmailClasses( swapped ) ).toThrow( /position 1/ );
	} );

	it( 'emailSteps and campaign.steps are views of it, step by step', () => {
		expect(
			emailSteps.map( ( s ) => [
				s.step,
				s.id,
				s.className,
				s.title,
				s.description,
				s.defaults,
			] )
		).toEqual(
			recoverySteps.map( ( s ) => [
				s.step,
				s.id,
				s.className,
				s.title,
				s.description,
				s.copy,
			] )
		);
		expect( campaign.steps ).toEqual(
			recoverySteps.map( ( s ) => s.sequence )
		);
		expect( defaultCampaign().steps ).toEqual( sequenceDefaults() );
	} );

	it( 'the generated email classes and campaign defaults read it', () => {
		const [ registry, ...classes ] = emitEmailClasses();
		for ( const [ index, step ] of recoverySteps.entries() ) {
			expect( registry?.content ).toContain(
				`${ step.step } => ${ step.className }::class,`
			);
			expect( registry?.content ).toContain(
				`${ step.step } => '${ step.id }',`
			);
			expect( classes[ index ]?.content ).toContain(
				`$this->step        = ${ step.step };`
			);
			expect( classes[ index ]?.content ).toContain(
				`return __( ${ str( step.copy.heading ) }, ${ str( plugin.textDomain ) } );`
			);
		}
		const schema = emitSettingsSchema().content;
		for ( const step of recoverySteps ) {
			expect( schema ).toContain(
				`'delay_value'    => ${ step.sequence.delay_value },`
			);
		}
	} );

	it( 'EmailClasses is data only: the registration is hand-written (Email\\EmailRegistry)', () => {
		const registry = emitEmailClasses()[ 0 ]!.content;
		expect( registry ).not.toMatch(
			/add_filter|WC\(\)|function (register|for_step|email_key|handle_)/
		);
		expect(
			[ ...registry.matchAll( /public static function (\w+)/g ) ].map(
				( m ) => m[ 1 ]
			)
		).toEqual( [ 'by_step', 'ids' ] );
		const handwritten = readFileSync(
			join( root, 'plugin/src/Email/EmailRegistry.php' ),
			'utf8'
		);
		expect( handwritten ).toMatch(
			/final class EmailRegistry implements HookSubscriber/
		);
		expect( handwritten ).toContain(
			"'woocommerce_email_classes' => array( 10, 1 )"
		);
		expect( handwritten ).toContain(
			'public static function handle_woocommerce_email_classes( $emails )'
		);
	} );
} );

describe( 'StepTiming is the PHP home of step arithmetic', () => {
	const timing = emitStepTiming().content;

	it.each( [
		[ 'MIN_DELAY_MINUTES', min ],
		[ 'MAX_DELAY_MINUTES', max ],
		[ 'MIN_GAP_MINUTES', gap ],
		[ 'TEST_MODE_DIVISOR', campaign.testModeDivisor ],
	] )( 'declares %s from the schema', ( name, value ) => {
		expect( timing ).toContain( `public const ${ name } = ${ value };` );
	} );

	it( 'declares every unit with its minutes', () => {
		for ( const unit of campaign.units ) {
			expect( timing ).toMatch(
				new RegExp( `'${ unit.value }'\\s+=> ${ unit.minutes },` )
			);
		}
	} );

	it( 'is the only generated file with the limits or unit minutes; the normalizer calls it', () => {
		const others = [
			emitSettingsSchema().content,
			emitSettingsNormalizer().content,
		];
		for ( const content of others ) {
			expect( content ).not.toMatch(
				/MIN_DELAY_MINUTES|MAX_DELAY_MINUTES|MIN_GAP_MINUTES|TEST_MODE_DIVISOR|unit_minutes/
			);
		}
		const normalize = readFileSync(
			join( root, 'plugin/src/Settings/Normalize.php' ),
			'utf8'
		);
		expect( normalize ).toContain( 'StepTiming::order_steps( $steps )' );
		expect( normalize ).not.toMatch(
			/arsort|express_minutes|\$unit_minutes/
		);
		const sequence = readFileSync(
			join( root, 'plugin/src/Email/EmailSequenceService.php' ),
			'utf8'
		);
		expect( sequence ).toContain( 'StepTiming::send_offsets(' );
		expect( sequence ).not.toMatch(
			/MINUTE_IN_SECONDS \/|unit_minutes\(\)|TEST_MODE_DIVISOR/
		);
	} );
} );

/** Inputs both languages run; each case names the function and its arguments. */
type Case =
	| { fn: 'unit_minutes'; unit: string }
	| {
			fn: 'delay_minutes';
			step: Pick< CampaignStep, 'delay_value' | 'delay_unit' >;
	  }
	| { fn: 'express_minutes'; minutes: number }
	| { fn: 'order_sequence'; minutes: number[] }
	| { fn: 'order_steps'; steps: CampaignStep[] }
	| { fn: 'send_offsets'; steps: CampaignStep[]; test_mode: boolean };

const step = (
	value: number,
	unit: DelayUnit,
	coupon = false
): CampaignStep => ( {
	delay_value: value,
	delay_unit: unit,
	coupon_enabled: coupon,
} );
const defaults = defaultCampaign().steps;

const cases: Case[] = [
	...units.map( ( unit ): Case => ( { fn: 'unit_minutes', unit } ) ),
	{ fn: 'unit_minutes', unit: 'weeks' },
	...units.flatMap( ( unit ) =>
		[ 0, 1, 7, 24, 45 ].map( ( value ): Case => ( {
			fn: 'delay_minutes',
			step: { delay_value: value, delay_unit: unit },
		} ) )
	),
	...[
		0,
		1,
		min,
		59,
		60,
		61,
		90,
		120,
		1439,
		1440,
		1500,
		2880,
		4320,
		max,
		max + 1,
	].map( ( minutes ): Case => ( { fn: 'express_minutes', minutes } ) ),
	{ fn: 'order_sequence', minutes: [] },
	{ fn: 'order_sequence', minutes: [ 0 ] },
	{ fn: 'order_sequence', minutes: defaults.map( delayMinutes ) },
	{ fn: 'order_sequence', minutes: [ 60, 30, 10 ] },
	{ fn: 'order_sequence', minutes: [ max, max, max ] },
	{ fn: 'order_sequence', minutes: [ 0, 0, 0 ] },
	{ fn: 'order_sequence', minutes: [ max * 2, 1, max - gap ] },
	{ fn: 'order_sequence', minutes: [ min, min + gap - 1, min + 2 * gap ] },
	{ fn: 'order_steps', steps: defaults.map( ( s ) => ( { ...s } ) ) },
	{
		fn: 'order_steps',
		steps: [
			step( 2, 'hours', true ),
			step( 1, 'hours' ),
			step( 1, 'minutes' ),
		],
	},
	{
		fn: 'order_steps',
		steps: [
			step( 7, 'days' ),
			step( 7, 'days' ),
			step( 7, 'days', true ),
		],
	},
	{
		fn: 'order_steps',
		steps: [ step( 0, 'minutes' ), step( 0, 'days' ), step( 0, 'hours' ) ],
	},
	{
		fn: 'send_offsets',
		steps: defaults.map( ( s ) => ( { ...s } ) ),
		test_mode: false,
	},
	{
		fn: 'send_offsets',
		steps: defaults.map( ( s ) => ( { ...s } ) ),
		test_mode: true,
	},
	{
		fn: 'send_offsets',
		steps: [ step( 15, 'minutes' ), step( 1, 'hours' ), step( 7, 'days' ) ],
		test_mode: true,
	},
	{
		fn: 'send_offsets',
		steps: [
			step( 1, 'minutes' ),
			step( 3, 'minutes' ),
			step( 45, 'minutes' ),
		],
		test_mode: true,
	},
];

function typescriptResult( c: Case ): unknown {
	switch ( c.fn ) {
		case 'unit_minutes':
			return unitMinutes( c.unit as DelayUnit );
		case 'delay_minutes':
			return delayMinutes( c.step );
		case 'express_minutes':
			return expressMinutes( c.minutes );
		case 'order_sequence':
			return orderSequence( c.minutes );
		case 'order_steps':
			return orderSteps( c.steps );
		case 'send_offsets':
			// PHP keys the offsets by step number.
			return Object.fromEntries(
				sendOffsetSeconds( c.steps, c.test_mode ).map(
					( seconds, i ) => [ String( i + 1 ), seconds ]
				)
			);
	}
}

const DRIVER = `<?php
define( 'ABSPATH', __DIR__ . '/' );
define( 'MINUTE_IN_SECONDS', 60 );
require __DIR__ . '/StepTiming.php';
use WPAnchorBay\\CartBay\\Generated\\StepTiming;
$out = array();
foreach ( json_decode( (string) file_get_contents( $argv[1] ), true, 512, JSON_THROW_ON_ERROR ) as $c ) {
	switch ( $c['fn'] ) {
		case 'unit_minutes':
			$out[] = StepTiming::unit_minutes( $c['unit'] );
			break;
		case 'delay_minutes':
			$out[] = StepTiming::delay_minutes( $c['step'] );
			break;
		case 'express_minutes':
			$out[] = StepTiming::express_minutes( $c['minutes'] );
			break;
		case 'order_sequence':
			$out[] = StepTiming::order_sequence( $c['minutes'] );
			break;
		case 'order_steps':
			$out[] = StepTiming::order_steps( $c['steps'] );
			break;
		case 'send_offsets':
			$out[] = (object) StepTiming::send_offsets( $c['steps'], $c['test_mode'] );
			break;
	}
}
echo json_encode( $out, JSON_THROW_ON_ERROR );
`;

const skipReason = phpUnavailableReason();

describe.skipIf( skipReason !== null )(
	`StepTiming (PHP) and normalize.ts agree${ skipReason ? ` (skipped: ${ skipReason })` : '' }`,
	() => {
		const dir = mkdtempSync( join( tmpdir(), 'cartbay-step-timing-' ) );
		afterAll( () => rmSync( dir, { recursive: true, force: true } ) );
		writeFileSync(
			join( dir, 'StepTiming.php' ),
			emitStepTiming().content
		);
		writeFileSync( join( dir, 'driver.php' ), DRIVER );
		writeFileSync( join( dir, 'cases.json' ), JSON.stringify( cases ) );
		const run = runPhpJson( [
			join( dir, 'driver.php' ),
			join( dir, 'cases.json' ),
		] );
		const phpResults = run.results;

		it( 'the PHP side ran cleanly', () => {
			expect( run.stderr ).toBe( '' );
			expect( run.status ).toBe( 0 );
			expect( phpResults ).toHaveLength( cases.length );
		} );

		it.each(
			cases.map(
				( c, i ) =>
					[ c.fn, JSON.stringify( c ).slice( 0, 90 ), i ] as const
			)
		)( '%s %s', ( _fn, _args, index ) => {
			expect( phpResults[ index ] ).toEqual(
				typescriptResult( cases[ index ]! )
			);
		} );
	}
);
