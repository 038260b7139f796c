/**
 * The short report printed after a build.
 */
/** External dependencies */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Internal dependencies */
import { directorySize, formatBytes, listFiles } from './files';
import { DIST_BUILD, DIST_PLUGIN, DIST_ZIP, ROOT } from './paths';

export function summary(): string {
	const files = listFiles(DIST_PLUGIN);
	const lines = [`${files.length} files, ${formatBytes(directorySize(DIST_PLUGIN))} in ${DIST_PLUGIN.replace(ROOT + '/', '')}/`];
	for (const script of listFiles(DIST_BUILD).filter((file) => file.endsWith('.js'))) {
		const code = readFileSync(join(DIST_BUILD, script));
		lines.push(`build/${script}: ${formatBytes(code.length)} (${formatBytes(gzipSync(code).length)} gzipped)`);
	}
	if (existsSync(DIST_ZIP)) {
		lines.push(`${DIST_ZIP.replace(ROOT + '/', '')}: ${formatBytes(statSync(DIST_ZIP).size)}`);
	}
	return lines.join('\n');
}
