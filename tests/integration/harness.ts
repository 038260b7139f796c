/**
 * A tiny check harness for the integration layer: named checks, counted, failures explained.
 */
import { isDeepStrictEqual } from 'node:util';

export class Checks {
	passed = 0;
	failed = 0;

	constructor(private readonly prefix: string) {}

	/** Record one check: `ok` decides it, `detail` explains a failure. */
	check(name: string, ok: boolean, detail: unknown = ''): void {
		if (ok) {
			this.passed++;
			console.log(`  ok      ${this.prefix}${name}`);
		} else {
			this.failed++;
			const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
			console.log(`  FAILED  ${this.prefix}${name}${text ? `\n          ${text.slice(0, 2000)}` : ''}`);
		}
	}

	equal(name: string, actual: unknown, expected: unknown): void {
		this.check(name, isDeepStrictEqual(actual, expected), { expected, actual });
	}

	/** Run a group; an exception inside it is one failed check, not a crashed suite. */
	async group(name: string, body: () => Promise<void>): Promise<void> {
		console.log(`- ${this.prefix}${name}`);
		try {
			await body();
		} catch (error) {
			this.check(`${name} (threw)`, false, (error as Error).stack ?? String(error));
		}
	}
}

/** Parse the JSON a PHP snippet printed last. */
export function lastJson<T>(stdout: string): T {
	const line = stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(line) as T;
}

/** Numbers compare by value whatever PHP's int/float type (10 and 10.0 are the same setting). */
export function sameJson(a: unknown, b: unknown): boolean {
	return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/** A single-quoted PHP string literal (no variable interpolation). */
export function phpString(value: string): string {
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
