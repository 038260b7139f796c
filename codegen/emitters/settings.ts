/**
 * Settings and campaign declarations → `SettingsSchema` (option names, defaults and field limits) and
 * `SettingsNormalizer`.
 *
 * The normalizer is straight-line code: one statement per field calling the hand-written primitives in
 * `WPAnchorBay\CartBay\Settings\Normalize`, with the schema's limits written in as literals. The campaign's
 * step limits and arithmetic are `StepTiming` (codegen/emitters/step-timing.ts).
 */
import { campaign, plugin, settingsOption } from '../../plugin/schema';
import type { SettingsField } from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { docblock, expr, php, PhpFloat, type PhpValue, str } from '../php';

const NORMALIZE = `${ plugin.phpNamespace }\\Settings\\Normalize`;
const SOURCES = [
	'plugin/schema/settings.ts',
	'plugin/schema/campaign.ts',
	'plugin/schema/steps.ts',
];

function defaultValue( field: SettingsField ): PhpValue {
	return field.type === 'number'
		? new PhpFloat( field.default )
		: field.default;
}

function fieldCall(
	field: SettingsField,
	raw: string,
	fallback: string
): string {
	switch ( field.type ) {
		case 'boolean':
			return `Normalize::boolean( ${ raw }, ${ fallback } )`;
		case 'integer':
			return `Normalize::integer( ${ raw }, ${ field.minimum }, ${ field.maximum }, ${ fallback } )`;
		case 'number':
			return `Normalize::number( ${ raw }, ${ php( new PhpFloat( field.minimum ) ) }, ${ php( new PhpFloat( field.maximum ) ) }, ${ field.precision }, ${ fallback } )`;
		case 'string':
			return `Normalize::text( ${ raw }, ${ field.maxLength }, ${ fallback } )`;
		case 'enum':
			return `Normalize::choice( ${ raw }, array( ${ field.options.map( ( o ) => str( o.value ) ).join( ', ' ) } ), ${ fallback } )`;
	}
}

function fieldStatement( field: SettingsField ): string {
	const key = str( field.key );
	const fallback = `$base[${ key }]`;
	return [
		`\t\t// ${ field.label }: ${ describeRange( field ) }.`,
		`\t\t$out[${ key }] = Normalize::has( $input, ${ key } )`,
		`\t\t\t? ${ fieldCall( field, `$input[${ key }]`, fallback ) }`,
		`\t\t\t: ${ fallback };`,
	].join( '\n' );
}

function describeRange( field: SettingsField ): string {
	switch ( field.type ) {
		case 'boolean':
			return `boolean, default ${ field.default ? 'on' : 'off' }`;
		case 'integer':
		case 'number':
			return `${ field.minimum } to ${ field.maximum }${ 'unit' in field && field.unit ? ` ${ field.unit }` : '' }, default ${ field.default }`;
		case 'string':
			return `plain text up to ${ field.maxLength } characters`;
		case 'enum':
			return `one of ${ field.options.map( ( o ) => o.value ).join( ', ' ) }, default ${ field.default }`;
	}
}

export function emitSettingsSchema(): GeneratedFile {
	const defaults: Record< string, PhpValue > = Object.fromEntries(
		settingsOption.fields.map( ( f ) => [ f.key, defaultValue( f ) ] )
	);
	const campaignDefaults: PhpValue = {
		[ campaign.enabled.key ]: campaign.enabled.default,
		[ campaign.stepsKey ]: campaign.steps.map( ( s ) => ( { ...s } ) ),
	};
	const content = `${ phpHeader( {
		summary:
			"SettingsSchema: option names and defaults of CartBay's settings and recovery campaign.",
		sources: SOURCES,
		emitter: 'codegen/emitters/settings.ts',
		namespace: GENERATED_NAMESPACE,
	} ) }
${ docblock( 0, [ 'Declared option names and defaults; `SettingsNormalizer` enforces the field limits.', '', 'The limits and arithmetic of step delays are `StepTiming`.' ] ) }
final class SettingsSchema {

${ docblock( 1, [ settingsOption.description ] ) }
	public const SETTINGS_OPTION = ${ str( settingsOption.option ) };

${ docblock( 1, [ campaign.description ] ) }
	public const CAMPAIGN_OPTION = ${ str( campaign.option ) };

${ docblock( 1, [ 'Default settings, keyed by field.' ], [ '@return array<string, bool|int|float|string>' ] ) }
	public static function settings_defaults(): array {
		return ${ php( defaults, 2 ) };
	}

${ docblock( 1, [ 'Default recovery campaign: the sending switch and the steps in order.' ], [ '@return array{enabled: bool, steps: array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>}' ] ) }
	public static function campaign_defaults(): array {
		return ${ php( campaignDefaults, 2 ) };
	}
}
`;
	return { path: `${ GENERATED_DIR }/SettingsSchema.php`, content };
}

export function emitSettingsNormalizer(): GeneratedFile {
	const statements = settingsOption.fields
		.map( fieldStatement )
		.join( '\n\n' );
	const rules = settingsOption.rules
		.map(
			( rule ) => `\t\t// ${ rule.description }
		if ( ${ str( rule.equals ) } === $out[${ str( rule.when ) }] && $out[${ str( rule.field ) }] > ${ rule.maximum } ) {
			$out[${ str( rule.field ) }] = ${ php( new PhpFloat( rule.maximum ) ) };
		}`
		)
		.join( '\n\n' );
	const enabled = campaign.enabled;
	const steps = str( campaign.stepsKey );
	const content = `${ phpHeader( {
		summary:
			'SettingsNormalizer: merges input onto saved settings and normalizes every field.',
		details: [
			'A well-typed value is coerced, rounded and clamped into range; a wrong-typed value keeps the',
			'current value, so bad input never errors and never loses data. The TypeScript twin is',
			'plugin/schema/normalize.ts; tests/contract checks both give identical results.',
		],
		sources: SOURCES,
		emitter: 'codegen/emitters/settings.ts',
		namespace: GENERATED_NAMESPACE,
		uses: [ NORMALIZE ],
	} ) }
${ docblock( 0, [ 'Normalizes `cartbay_settings` and `cartbay_campaign_settings` values.' ] ) }
final class SettingsNormalizer {

${ docblock(
	1,
	[
		'Normalizes settings input merged onto a base.',
		'',
		'Unknown keys are dropped; the result has every field in schema order.',
	],
	[
		'@param mixed                $input Raw input (decoded JSON or a stored option value).',
		'@param array<string, mixed> $base  Current normalized settings, or the defaults.',
		'@return array<string, bool|int|float|string>',
	]
) }
	public static function normalize_settings( $input, array $base ): array {
		$out = array();

${ statements }

${ rules }

		return $out;
	}

${ docblock(
	1,
	[
		'Normalizes recovery campaign input merged onto a base.',
		'',
		`Delays are kept within ${ campaign.minDelayMinutes } to ${ campaign.maxDelayMinutes } minutes, and each step at least ${ campaign.minGapMinutes } minutes after the previous one`,
		'(`StepTiming::order_steps()`).',
	],
	[
		'@param mixed                $input Raw input (decoded JSON or a stored option value).',
		'@param array<string, mixed> $base  Current normalized campaign, or the defaults.',
		'@return array{enabled: bool, steps: array<int, array{delay_value: int, delay_unit: string, coupon_enabled: bool}>}',
	]
) }
	public static function normalize_campaign( $input, array $base ): array {
		// ${ enabled.label }: boolean, default ${ enabled.default ? 'on' : 'off' }.
		$enabled = Normalize::has( $input, ${ str( enabled.key ) } )
			? Normalize::boolean( $input[${ str( enabled.key ) }], $base[${ str( enabled.key ) }] )
			: $base[${ str( enabled.key ) }];

		$steps = Normalize::sequence(
			Normalize::has( $input, ${ steps } ) ? $input[${ steps }] : null,
			$base[${ steps }]
		);

		return ${ php( { [ enabled.key ]: expr( '$enabled' ), [ campaign.stepsKey ]: expr( '$steps' ) }, 2 ) };
	}
}
`;
	return { path: `${ GENERATED_DIR }/SettingsNormalizer.php`, content };
}
