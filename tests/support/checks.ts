/**
 * The check harness of the script-driven test layers (integration and E2E): named checks, counted; a
 * failure prints what was expected and what came; an exception inside a group is one failed check, not a
 * crashed run. Each layer prints `N passed, N failed` from `passed` and `failed`.
 */
import { isDeepStrictEqual } from 'node:util';

export class Checks {
	passed = 0;
	failed = 0;
	/** Names of the failed checks, in order. */
	readonly failures: string[] = [];

	/** @param prefix Put before every check name (e.g. `[HPOS on] `). */
	constructor( private readonly prefix = '' ) {}

	/**
	 * Records one check: `ok` decides it, `detail` explains a failure. Returns `ok`.
	 * @param name
	 * @param ok
	 * @param detail
	 */
	check( name: string, ok: boolean, detail: unknown = '' ): boolean {
		const label = `${ this.prefix }${ name }`;
		if ( ok ) {
			this.passed++;
			console.log( `  ok      ${ label }` );
		} else {
			this.failed++;
			this.failures.push( label );
			const text =
				typeof detail === 'string' ? detail : JSON.stringify( detail );
			console.log(
				`  FAILED  ${ label }${ text ? `\n          ${ text.slice( 0, 2500 ) }` : '' }`
			);
		}
		return ok;
	}

	/**
	 * Deep, strict equality; object members that are undefined count as absent (as in JSON).
	 * @param name
	 * @param actual
	 * @param expected
	 */
	equal( name: string, actual: unknown, expected: unknown ): boolean {
		return this.check(
			name,
			isDeepStrictEqual(
				withoutUndefinedMembers( actual ),
				withoutUndefinedMembers( expected )
			),
			{ expected, actual }
		);
	}

	/**
	 * Runs a group of checks and prints how long it took. An exception inside it is one failed check;
	 * `onError` (a screenshot, say) runs after it.
	 * @param name
	 * @param body
	 * @param onError
	 */
	async group(
		name: string,
		body: () => Promise< void >,
		onError?: () => Promise< void >
	): Promise< void > {
		const started = performance.now();
		console.log( `- ${ this.prefix }${ name }` );
		try {
			await body();
		} catch ( error ) {
			this.check(
				`${ name } (threw)`,
				false,
				( error as Error ).stack ?? String( error )
			);
			await onError?.().catch( () => undefined );
		}
		console.log(
			`  (${ ( ( performance.now() - started ) / 1000 ).toFixed( 1 ) } s)`
		);
	}
}

/**
 * Numbers compare by value whatever PHP's int/float type (10 and 10.0 are the same setting).
 * @param a
 * @param b
 */
export function sameJson( a: unknown, b: unknown ): boolean {
	return isDeepStrictEqual(
		JSON.parse( JSON.stringify( a ) ),
		JSON.parse( JSON.stringify( b ) )
	);
}

function withoutUndefinedMembers( value: unknown ): unknown {
	if ( Array.isArray( value ) ) {
		return value.map( withoutUndefinedMembers );
	}
	if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf( value ) === Object.prototype
	) {
		return Object.fromEntries(
			Object.entries( value )
				.filter( ( [ , member ] ) => member !== undefined )
				.map( ( [ key, member ] ) => [
					key,
					withoutUndefinedMembers( member ),
				] )
		);
	}
	return value;
}
