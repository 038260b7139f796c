import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { assertCodegenRan } from '../copy-plugin';
import { zipPlugin } from '../zip-plugin';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cartbay-build-test-'));
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('assertCodegenRan', () => {
	it('explains that codegen must run first when plugin/cartbay.php is missing', () => {
		expect(() => assertCodegenRan(dir)).toThrow(
			'plugin/cartbay.php is missing. Codegen writes it from cartbay.php.tpl: run codegen first (`npm run codegen`), then build again.'
		);
	});

	it('passes once the main file exists', () => {
		writeFileSync(join(dir, 'cartbay.php'), '<?php\n');
		expect(() => assertCodegenRan(dir)).not.toThrow();
	});
});

describe('zipPlugin', () => {
	it('puts every file under the plugin folder name', () => {
		const plugin = join(dir, 'cartbay');
		mkdirSync(join(plugin, 'build'), { recursive: true });
		writeFileSync(join(plugin, 'cartbay.php'), '<?php\n');
		writeFileSync(join(plugin, 'build', 'admin.js'), '');
		const zipPath = join(dir, 'cartbay.zip');

		expect(zipPlugin(plugin, zipPath)).toBe(2);
		const names = new AdmZip(zipPath)
			.getEntries()
			.filter((entry) => !entry.isDirectory)
			.map((entry) => entry.entryName)
			.sort();
		expect(names).toEqual(['cartbay/build/admin.js', 'cartbay/cartbay.php']);
	});

	it('refuses a missing folder', () => {
		expect(() => zipPlugin(join(dir, 'missing'), join(dir, 'x.zip'))).toThrow('does not exist');
	});
});
