/**
 * Small printers for PHP source in the WordPress coding style (tabs, long array syntax, aligned arrows).
 */

/** A PHP expression written verbatim by an emitter (a function call, a closure, a constant). */
export class PhpExpr {
	constructor( readonly code: string ) {}
}

export const expr = ( code: string ): PhpExpr => new PhpExpr( code );

/** A float literal even when the value is integral (`10.0`), for fields PHP must see as float. */
export class PhpFloat {
	constructor( readonly value: number ) {}
}

export type PhpValue =
	| string
	| number
	| boolean
	| null
	| PhpExpr
	| PhpFloat
	| readonly PhpValue[]
	| { readonly [ key: string ]: PhpValue };

/**
 * PHP string literal: single-quoted, or double-quoted when it holds control characters.
 * @param value Text to quote.
 */
export function str( value: string ): string {
	// Control characters cannot be written in a single-quoted PHP string: a double-quoted one escapes them.
	if ( /[\x00-\x1f]/.test( value ) ) {
		const escaped = value
			.replace( /[\\"$]/g, ( c ) => `\\${ c }` )
			.replace(
				/[\x00-\x1f]/g,
				( c ) =>
					`\\x${ c.charCodeAt( 0 ).toString( 16 ).padStart( 2, '0' ) }`
			);
		return `"${ escaped }"`;
	}
	return `'${ value.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;
}

function scalar( value: number | PhpFloat ): string {
	if ( value instanceof PhpFloat ) {
		return Number.isInteger( value.value )
			? `${ value.value }.0`
			: String( value.value );
	}
	if ( ! Number.isFinite( value ) ) {
		throw new Error( `Cannot print non-finite number ${ value } as PHP` );
	}
	return String( value );
}

/**
 * Print a value as a PHP literal. Arrays are multi-line with aligned `=>` (WordPress
 * `MultipleStatementAlignment`), except empty ones.
 * @param value  Value to print.
 * @param indent Tabs of the line the value starts on.
 */
export function php( value: PhpValue, indent = 0 ): string {
	if ( value === null ) {
		return 'null';
	}
	if ( typeof value === 'string' ) {
		return str( value );
	}
	if ( typeof value === 'boolean' ) {
		return value ? 'true' : 'false';
	}
	if ( typeof value === 'number' || value instanceof PhpFloat ) {
		return scalar( value );
	}
	if ( value instanceof PhpExpr ) {
		return value.code;
	}
	const pad = '\t'.repeat( indent + 1 );
	if ( Array.isArray( value ) ) {
		return phpArray(
			( value as readonly PhpValue[] ).map(
				( item ) => `${ pad }${ php( item, indent + 1 ) },\n`
			),
			indent
		);
	}
	const entries = Object.entries(
		value as { readonly [ key: string ]: PhpValue }
	);
	const width = Math.max(
		0,
		...entries.map( ( [ key ] ) => str( key ).length )
	);
	return phpArray(
		entries.map(
			( [ key, item ] ) =>
				`${ pad }${ str( key ).padEnd( width ) } => ${ php( item, indent + 1 ) },\n`
		),
		indent
	);
}

/**
 * `array(` around item lines, each already indented and ending in `,\n`; `array()` when there are none.
 * @param items  Item lines.
 * @param indent Tabs before the closing parenthesis.
 */
export function phpArray( items: readonly string[], indent: number ): string {
	return items.length === 0
		? 'array()'
		: `array(\n${ items.join( '' ) }${ '\t'.repeat( indent ) })`;
}

/**
 * A translatable string: `__( 'text', 'cartbay' )`.
 * @param text       Source text.
 * @param textDomain Text domain.
 * @param context    Translator context (`_x()`).
 */
export function translate(
	text: string,
	textDomain: string,
	context?: string
): PhpExpr {
	return context === undefined
		? expr( `__( ${ str( text ) }, ${ str( textDomain ) } )` )
		: expr(
				`_x( ${ str( text ) }, ${ str( context ) }, ${ str( textDomain ) } )`
			);
}

/**
 * A translated string escaped for HTML output: `esc_html__( 'text', 'cartbay' )`.
 * @param text       Source text.
 * @param textDomain Text domain.
 */
export function translateEscHtml( text: string, textDomain: string ): PhpExpr {
	return expr( `esc_html__( ${ str( text ) }, ${ str( textDomain ) } )` );
}

/**
 * A docblock at `indent` tabs from summary lines and tag lines.
 * @param indent Tabs before each line.
 * @param lines  Summary and description lines; an empty string is a blank line.
 * @param tags   Tag lines (`@param …`, `@return …`).
 */
export function docblock(
	indent: number,
	lines: readonly string[],
	tags: readonly string[] = []
): string {
	const pad = '\t'.repeat( indent );
	const body = [ ...lines ];
	if ( tags.length > 0 ) {
		if ( body.length > 0 ) {
			body.push( '' );
		}
		body.push( ...tags );
	}
	return [
		`${ pad }/**`,
		...body.map( ( line ) =>
			line === '' ? `${ pad } *` : `${ pad } * ${ line }`
		),
		`${ pad } */`,
	].join( '\n' );
}

/**
 * Upper snake case constant name from a hook or key: `cartbay_detect_abandonment` → `DETECT_ABANDONMENT`.
 * @param value       Hook or key.
 * @param stripPrefix Prefix removed first when present.
 */
export function constantName( value: string, stripPrefix = '' ): string {
	const bare =
		stripPrefix && value.startsWith( stripPrefix )
			? value.slice( stripPrefix.length )
			: value;
	return bare
		.replace( /[^A-Za-z0-9]+/g, '_' )
		.replace( /^_|_$/g, '' )
		.toUpperCase();
}

/**
 * Last segment of a backslash-separated class name.
 * @param name Class name, backslash-separated.
 */
export function shortClass( name: string ): string {
	return name.split( '\\' ).pop() ?? name;
}
