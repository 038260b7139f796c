/**
 * A generated PHP file and its standard header.
 */
import { plugin } from '../plugin/schema';

export interface GeneratedFile {
	/** Path relative to the repository root. */
	readonly path: string;
	readonly content: string;
}

export const GENERATED_DIR = 'plugin/generated';
export const GENERATED_NAMESPACE = `${ plugin.phpNamespace }\\Generated`;

export interface HeaderOptions {
	/** One-line summary of the file. */
	readonly summary: string;
	/** Further description lines. */
	readonly details?: readonly string[];
	/** Schema file(s) the content comes from, relative to the repo root. */
	readonly sources: readonly string[];
	/** The emitter that wrote it, relative to the repo root. */
	readonly emitter: string;
	readonly namespace: string;
	/** `use` imports, fully qualified. */
	readonly uses?: readonly string[];
}

/**
 * `<?php`, file docblock naming the schema source, namespace, imports and the ABSPATH guard.
 * @param options What the header says.
 */
export function phpHeader( options: HeaderOptions ): string {
	const details =
		options.details && options.details.length > 0
			? [ ' *', ...options.details.map( ( d ) => ` * ${ d }` ) ]
			: [];
	const uses = [ ...new Set( options.uses ?? [] ) ].sort();
	return [
		'<?php',
		'/**',
		` * ${ options.summary }`,
		...details,
		' *',
		` * Generated from ${ options.sources.join( ', ' ) } by ${ options.emitter }. Do not edit:`,
		' * change the schema and run `npm run codegen`.',
		' *',
		` * @package ${ plugin.phpNamespace }`,
		' */',
		'',
		`namespace ${ options.namespace };`,
		'',
		...( uses.length > 0
			? [ ...uses.map( ( u ) => `use ${ u };` ), '' ]
			: [] ),
		"defined( 'ABSPATH' ) || exit;",
		'',
	].join( '\n' );
}
