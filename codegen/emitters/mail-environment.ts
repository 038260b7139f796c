/**
 * Mail environment detection (plugin/schema/mail-environment.ts) → `MailEnvironmentSchema`: the known
 * delivery and logger plugins (the filters' defaults), the mail hooks and the delivery keywords.
 */
import {
	mailConfidence,
	mailEnvironment,
	mailEnvironmentSchemaClass,
} from '../../plugin/schema/mail-environment';
import type { GeneratedFile } from '../file';
import { docblock, php } from '../php';
import { emitValueClass } from './value-class';

function arrayConstants(): string[] {
	const lists: [ string, unknown, string ][] = [
		[
			'CONFIDENCE',
			[ ...mailConfidence ],
			'Confidence levels of a finding, strongest first.',
		],
		[
			'DELIVERY_PLUGINS',
			{ ...mailEnvironment.deliveryPlugins },
			'Known mail delivery plugins: plugin folder (or single-file basename) => name shown.',
		],
		[
			'LOGGER_PLUGINS',
			{ ...mailEnvironment.loggerPlugins },
			'Known email logger plugins: plugin folder (or single-file basename) => name shown.',
		],
		[
			'DELIVERY_HOOKS',
			[ ...mailEnvironment.deliveryHooks ],
			'Hooks whose outside callbacks are medium-confidence delivery integrations.',
		],
		[
			'KEYWORD_HOOK',
			mailEnvironment.keywordHook,
			'Filter whose outside callbacks named with a delivery keyword are low-confidence findings.',
		],
		[
			'DELIVERY_KEYWORDS',
			[ ...mailEnvironment.deliveryKeywords ],
			'Delivery keywords, matched against a lower-cased callback name.',
		],
	];
	return lists.map(
		( [ name, values, description ] ) =>
			`${ docblock( 1, [ description ] ) }\n\tpublic const ${ name } = ${ php(
				values as Parameters< typeof php >[ 0 ],
				1
			) };`
	);
}

export function emitMailEnvironmentSchema(): GeneratedFile {
	const file = emitValueClass(
		mailEnvironmentSchemaClass,
		'codegen/emitters/mail-environment.ts',
		arrayConstants()
	);
	// No scalar group: the class starts with its array constants.
	return { ...file, content: file.content.replace( '{\n\n\n\n', '{\n\n' ) };
}
