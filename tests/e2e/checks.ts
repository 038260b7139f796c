/**
 * Named checks, counted; a failure prints its details; an exception in a group is one failed check.
 */
import { isDeepStrictEqual } from 'node:util';

export class Checks {
	passed = 0;
	failed = 0;
	readonly failures: string[] = [];

	check(name: string, ok: boolean, detail: unknown = ''): boolean {
		if (ok) {
			this.passed++;
			console.log(`  ok      ${name}`);
		} else {
			this.failed++;
			this.failures.push(name);
			const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
			console.log(`  FAILED  ${name}${text ? `\n          ${text.slice(0, 2500)}` : ''}`);
		}
		return ok;
	}

	equal(name: string, actual: unknown, expected: unknown): boolean {
		return this.check(name, isDeepStrictEqual(normalize(actual), normalize(expected)), { expected, actual });
	}

	async group(name: string, body: () => Promise<void>, onError?: () => Promise<void>): Promise<void> {
		const started = performance.now();
		console.log(`- ${name}`);
		try {
			await body();
		} catch (error) {
			this.check(`${name} (threw)`, false, (error as Error).stack ?? String(error));
			await onError?.().catch(() => undefined);
		}
		console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	}
}

/** JSON round trip: PHP's 10 and 10.0, undefined members and the like compare equal. */
function normalize(value: unknown): unknown {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
