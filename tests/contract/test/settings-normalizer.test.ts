/**
 * Cross-language contract: the TypeScript normalizer (plugin/schema/normalize.ts) and the generated PHP
 * normalizer must turn every vector into the same settings.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	defaultCampaign,
	defaultSettings,
	normalizeCampaign,
	normalizeSettings,
	type CampaignSettings,
	type Settings,
} from '../../../plugin/schema';
import { PHP_BINARY, phpUnavailableReason } from '../../php-runtime';

interface Vector {
	name: string;
	kind: 'settings' | 'campaign';
	input: unknown;
	base?: unknown;
}

const vectorsFile = join(__dirname, '..', 'settings-vectors.json');
const vectors = JSON.parse(readFileSync(vectorsFile, 'utf8')) as Vector[];

function typescriptResult(vector: Vector): Settings | CampaignSettings {
	if (vector.kind === 'settings') {
		return normalizeSettings(vector.input, normalizeSettings(vector.base ?? {}, defaultSettings()));
	}
	return normalizeCampaign(vector.input, normalizeCampaign(vector.base ?? {}, defaultCampaign()));
}

const skipReason = phpUnavailableReason();

describe('settings vectors', () => {
	it('cover out-of-range, wrong-type and misordered input', () => {
		expect(vectors.length).toBeGreaterThanOrEqual(60);
		expect(vectors.some((v) => v.name.includes('misordered'))).toBe(true);
		expect(vectors.some((v) => v.name.includes('wrong type') || v.name.includes('wrong-type'))).toBe(true);
	});

	it('keep every normalized value inside its declared range (TypeScript side)', () => {
		for (const vector of vectors.filter((v) => v.kind === 'settings')) {
			const out = typescriptResult(vector) as Settings;
			expect(out.abandonment_timeout, vector.name).toBeGreaterThanOrEqual(5);
			expect(out.abandonment_timeout, vector.name).toBeLessThanOrEqual(1440);
			expect(out.data_retention_days, vector.name).toBeGreaterThanOrEqual(7);
			expect(out.data_retention_days, vector.name).toBeLessThanOrEqual(90);
		}
	});
});

describe.skipIf(skipReason !== null)(`TypeScript and PHP normalizers agree${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
	const run = spawnSync(PHP_BINARY, [join(__dirname, '..', 'normalize-vectors.php'), vectorsFile], { encoding: 'utf8' });
	const phpResults = run.status === 0 ? (JSON.parse(run.stdout) as unknown[]) : [];

	it('the PHP side ran cleanly', () => {
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(phpResults).toHaveLength(vectors.length);
	});

	it.each(vectors.map((v, i) => [v.kind, v.name, i] as const))('%s: %s', (_kind, _name, index) => {
		expect(phpResults[index]).toEqual(typescriptResult(vectors[index]!));
	});
});
