/**
 * Build the installable plugin: dist/cartbay/ and dist/cartbay.zip.
 *
 *   npx tsx tools/build/index.ts            all steps, in order
 *   npx tsx tools/build/index.ts pot zip    only the named steps (webpack, copy, pot, i18n, zip), in order
 *
 * Codegen must have run before (it writes plugin/cartbay.php and plugin/generated/).
 */
/** External dependencies */
import { relative } from 'node:path';

/** Internal dependencies */
import { assertCodegenRan, copyPlugin } from './copy-plugin';
import { DIST_PLUGIN } from './paths';
import { runWebpack } from './run-webpack';
import { summary } from './summary';
import { writePot } from './write-pot';
import { writeScriptTranslations } from './write-script-translations';
import { zipPlugin } from './zip-plugin';

const STEPS = {
	webpack: () => {
		runWebpack();
		return 'scripts bundled into build/';
	},
	copy: () => `copied ${copyPlugin().join(', ')}`,
	pot: () => {
		const { path, entries } = writePot();
		return `${relative(DIST_PLUGIN, path)}: ${entries.length} strings`;
	},
	i18n: () => {
		const files = writeScriptTranslations();
		return files.length === 0 ? 'no shipped translation (plugin/languages/*.po)' : `script translations ${files.join(', ')}`;
	},
	zip: () => `zipped ${zipPlugin()} files`,
} as const;

type StepName = keyof typeof STEPS;

function isStep(name: string): name is StepName {
	return Object.prototype.hasOwnProperty.call(STEPS, name);
}

function main(args: string[]): void {
	const unknown = args.filter((name) => !isStep(name));
	if (unknown.length > 0) {
		throw new Error(`Unknown build step(s): ${unknown.join(', ')}. Steps: ${Object.keys(STEPS).join(', ')}.`);
	}
	const selected = (Object.keys(STEPS) as StepName[]).filter((name) => args.length === 0 || args.includes(name));
	if (selected.includes('copy')) {
		// Fail before the slow webpack step rather than after it.
		assertCodegenRan();
	}
	for (const name of selected) {
		console.log(`[build] ${name}: ${STEPS[name]()}`);
	}
	console.log(`[build] done\n${summary()}`);
}

try {
	main(process.argv.slice(2));
} catch (error) {
	console.error(`[build] failed: ${(error as Error).message}`);
	process.exitCode = 1;
}
