/**
 * Small file-system helpers shared by the build steps.
 */
/** External dependencies */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir` (recursively), as sorted `/`-separated paths relative to `dir`. Missing dir: [].
 * @param dir
 */
export function listFiles(dir: string): string[] {
	if (!existsSync(dir)) {
		return [];
	}
	const out: string[] = [];
	const walk = (current: string): void => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) {
				walk(path);
			} else if (entry.isFile()) {
				out.push(relative(dir, path).split(sep).join('/'));
			}
		}
	};
	walk(dir);
	return out.sort();
}

/**
 * Total size in bytes of the files under `dir`.
 * @param dir
 */
export function directorySize(dir: string): number {
	return listFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}

/**
 * `12.3 KB`-style size for the summary.
 * @param bytes
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) {
		return `${bytes} B`;
	}
	const units = ['KB', 'MB', 'GB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(1)} ${units[unit]}`;
}
