/**
 * Settings and campaign field keys → `SettingsKeys`: the runtime reads settings through these constants, so a
 * mistyped key is a PHP error instead of a silent null.
 */
import { campaign, settingsOption } from '../../plugin/schema';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { constantName, docblock, str } from '../php';

interface KeyConstant {
	name: string;
	value: string;
	description: string;
}

/** Every key: the settings fields, then the campaign's switch, step list and step fields. */
export function settingsKeyConstants(): KeyConstant[] {
	const fields = settingsOption.fields.map( ( f ) => ( {
		name: constantName( f.key ),
		value: f.key,
		description: `${ f.label } (${ settingsOption.option }).`,
	} ) );
	// The fields of one stored step: the keys of a step's `sequence` defaults (plugin/schema/steps.ts).
	const stepFields = Object.keys( campaign.steps[ 0 ]! ).map( ( key ) => ( {
		name: `STEP_${ constantName( key ) }`,
		value: key,
		description: `Field of one campaign step (${ campaign.option }).`,
	} ) );
	return [
		...fields,
		{
			name: `CAMPAIGN_${ constantName( campaign.enabled.key ) }`,
			value: campaign.enabled.key,
			description: `${ campaign.enabled.label } (${ campaign.option }).`,
		},
		{
			name: 'CAMPAIGN_STEPS',
			value: campaign.stepsKey,
			description: `The timed steps, in order (${ campaign.option }).`,
		},
		...stepFields,
	];
}

export function emitSettingsKeys(): GeneratedFile {
	const constants = settingsKeyConstants()
		.map(
			( c ) =>
				`${ docblock( 1, [ c.description ] ) }\n\tpublic const ${ c.name } = ${ str( c.value ) };`
		)
		.join( '\n\n' );
	const content = `${ phpHeader( {
		summary:
			"SettingsKeys: the keys of CartBay's settings and recovery campaign options.",
		sources: [
			'plugin/schema/settings.ts',
			'plugin/schema/campaign.ts',
			'plugin/schema/steps.ts',
		],
		emitter: 'codegen/emitters/settings-keys.ts',
		namespace: GENERATED_NAMESPACE,
	} ) }
${ docblock( 0, [ 'Keys of the settings and campaign arrays `SettingsRepository` returns.' ] ) }
final class SettingsKeys {

${ constants }
}
`;
	return { path: `${ GENERATED_DIR }/SettingsKeys.php`, content };
}
