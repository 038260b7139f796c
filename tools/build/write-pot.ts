/**
 * Step (c): write languages/cartbay.pot from the plugin's PHP, the bundled TypeScript and the admin-facing
 * schema labels. WP-CLI is not available where the build runs, so the strings are extracted here.
 */
/** External dependencies */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Internal dependencies */
import { plugin } from '../../plugin/schema';
import { listFiles } from './files';
import {
	ADMIN_SCHEMA_FILES,
	DIST_LANGUAGES,
	MAIN_FILE,
	PLUGIN_SOURCE,
	ROOT,
	SCRIPT_SOURCES,
	SHIPPED_FROM_PLUGIN,
} from './paths';
import { buildCatalog } from './pot/catalog';
import { extractPhp } from './pot/extract-php';
import { extractSchemaLabels } from './pot/extract-schema';
import { extractTs } from './pot/extract-ts';
import { pluginHeaderStrings } from './pot/plugin-header';
import { formatPot } from './pot/po-format';
import type { ExtractedString, PotEntry } from './pot/types';

const SCRIPT_FILE = /\.(ts|tsx)$/;
const NOT_SHIPPED_SCRIPT = /(^|\/)test\/|\.test\.tsx?$|\.d\.ts$/;

/** PHP files that ship, as paths relative to plugin/ (which are also their paths inside the plugin folder). */
function shippedPhpFiles(): string[] {
	const files: string[] = [];
	for (const item of SHIPPED_FROM_PLUGIN) {
		const path = join(PLUGIN_SOURCE, item);
		if (!existsSync(path)) {
			continue;
		}
		if (statSync(path).isDirectory()) {
			files.push(...listFiles(path).filter((file) => file.endsWith('.php')).map((file) => `${item}/${file}`));
		} else if (item.endsWith('.php')) {
			files.push(item);
		}
	}
	return files;
}

function scriptFiles(): string[] {
	return SCRIPT_SOURCES.flatMap((dir) =>
		listFiles(join(ROOT, dir))
			.filter((file) => SCRIPT_FILE.test(file) && !NOT_SHIPPED_SCRIPT.test(file))
			.map((file) => `${dir}/${file}`)
	);
}

/** Every translatable string of the plugin, in POT order: plugin header, PHP, scripts, schema labels. */
export function collectStrings(): ExtractedString[] {
	const domain = plugin.textDomain;
	const read = (path: string): string => readFileSync(path, 'utf8');
	const phpStrings = shippedPhpFiles().flatMap((file) => {
		try {
			return extractPhp(read(join(PLUGIN_SOURCE, file)), file, domain);
		} catch (error) {
			throw new Error(`POT: cannot parse plugin/${file}: ${(error as Error).message}`);
		}
	});
	return [
		...pluginHeaderStrings(plugin, MAIN_FILE),
		...phpStrings,
		...scriptFiles().flatMap((file) => extractTs(read(join(ROOT, file)), file, domain)),
		...ADMIN_SCHEMA_FILES.flatMap((file) => extractSchemaLabels(read(join(ROOT, file)), file)),
	];
}

/** The POT-Creation-Date: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
function creationDate(): Date {
	const epoch = Number(process.env.SOURCE_DATE_EPOCH);
	return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

export interface PotResult {
	readonly path: string;
	readonly entries: readonly PotEntry[];
}

export function writePot(): PotResult {
	const entries = buildCatalog(collectStrings());
	const text = formatPot(
		{
			projectName: plugin.name,
			version: plugin.version,
			copyrightHolder: plugin.author,
			license: plugin.license,
			bugsUrl: plugin.pluginUri,
			domain: plugin.textDomain,
			creationDate: creationDate(),
		},
		entries
	);
	mkdirSync(DIST_LANGUAGES, { recursive: true });
	const path = join(DIST_LANGUAGES, `${plugin.textDomain}.pot`);
	writeFileSync(path, text);
	return { path, entries };
}
