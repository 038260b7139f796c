/**
 * An index of the hand-written PHP runtime: which classes exist and which public methods they have.
 *
 * Codegen refuses to emit glue that names a handler the runtime does not define, so a typo or a missing
 * service fails the build instead of a store's request.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine } from 'php-parser';
import type { PhpHandler } from '../plugin/schema/types';
import { plugin } from '../plugin/schema';

export function phpParser(): Engine {
	return new Engine( {
		parser: {
			php8: true,
			version: '8.2',
			extractDoc: true,
			suppressErrors: false,
		},
		ast: { withPositions: true },
	} );
}

interface AstNode {
	kind: string;
	name?: string | { name: string };
	children?: AstNode[];
	body?: AstNode[];
	visibility?: string;
}

/** Fully qualified class name → public method names. */
export type ClassIndex = Map< string, Set< string > >;

function nameOf( node: AstNode ): string {
	return typeof node.name === 'string'
		? node.name
		: ( node.name?.name ?? '' );
}

/**
 * Index the classes of one PHP source text.
 * @param source
 * @param file
 * @param index
 */
export function indexSource(
	source: string,
	file: string,
	index: ClassIndex = new Map()
): ClassIndex {
	const program = phpParser().parseCode( source, file ) as unknown as AstNode;
	const visit = ( nodes: AstNode[] | undefined, namespace: string ): void => {
		for ( const node of nodes ?? [] ) {
			if ( node.kind === 'namespace' ) {
				visit( node.children, nameOf( node ) );
			} else if ( node.kind === 'class' || node.kind === 'trait' ) {
				const methods = new Set(
					( node.body ?? [] )
						.filter(
							( m ) =>
								m.kind === 'method' &&
								( m.visibility === 'public' ||
									m.visibility === '' )
						)
						.map( nameOf )
				);
				index.set(
					namespace
						? `${ namespace }\\${ nameOf( node ) }`
						: nameOf( node ),
					methods
				);
			}
		}
	};
	visit( program.children, '' );
	return index;
}

/**
 * Every `.php` file below `dir`, recursively.
 *
 * @param dir Folder to walk.
 */
export function phpFiles( dir: string ): string[] {
	return readdirSync( dir ).flatMap( ( entry ) => {
		const path = join( dir, entry );
		if ( statSync( path ).isDirectory() ) {
			return phpFiles( path );
		}
		return entry.endsWith( '.php' ) ? [ path ] : [];
	} );
}

/**
 * Index every PHP file under `dir`.
 * @param dir
 * @param root
 */
export function indexDirectory( dir: string, root = dir ): ClassIndex {
	const index: ClassIndex = new Map();
	for ( const file of phpFiles( dir ) ) {
		indexSource(
			readFileSync( file, 'utf8' ),
			relative( root, file ),
			index
		);
	}
	return index;
}

/**
 * Problems with the handlers the schema names; empty when every one exists and is public.
 * @param handlers
 * @param index
 */
export function missingHandlers(
	handlers: readonly { where: string; handler: PhpHandler }[],
	index: ClassIndex
): string[] {
	return handlers.flatMap( ( { where, handler } ) => {
		const fqcn = `${ plugin.phpNamespace }\\${ handler.class }`;
		const methods = index.get( fqcn );
		if ( ! methods ) {
			return [
				`${ where }: class ${ fqcn } does not exist in plugin/src`,
			];
		}
		if ( ! methods.has( handler.method ) ) {
			return [
				`${ where }: ${ fqcn } has no public method ${ handler.method }()`,
			];
		}
		return [];
	} );
}
