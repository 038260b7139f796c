/**
 * Golden files: the committed generated PHP must be exactly what the schema generates, and every emitted
 * file must parse as PHP 8.2.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../emit';
import { phpParser } from '../php-index';

const root = resolve( __dirname, '../..' );
const files = generate( root );

describe( 'generated PHP', () => {
	it.each( files.map( ( f ) => [ f.path, f ] as const ) )(
		'%s matches the committed golden file',
		( path, file ) => {
			expect( readFileSync( join( root, path ), 'utf8' ) ).toBe(
				file.content
			);
		}
	);

	it.each( files.map( ( f ) => [ f.path, f ] as const ) )(
		'%s parses with php-parser',
		( path, file ) => {
			expect( () =>
				phpParser().parseCode( file.content, path )
			).not.toThrow();
		}
	);

	it.each(
		files
			.filter( ( f ) => f.path.startsWith( 'plugin/generated/' ) )
			.map( ( f ) => [ f.path, f ] as const )
	)( '%s says where it comes from and not to edit it', ( _path, file ) => {
		expect( file.content ).toMatch(
			/Generated from plugin\/schema\/[\w-]+\.ts/
		);
		expect( file.content ).toContain( 'Do not edit' );
		expect( file.content ).toContain( "defined( 'ABSPATH' ) || exit;" );
	} );

	it( 'uses tabs, long array syntax and no trailing whitespace', () => {
		for ( const file of files ) {
			expect( file.content, file.path ).not.toMatch( /^ {4}/m );
			expect( file.content, file.path ).not.toMatch( /[ \t]+$/m );
			expect( file.content, file.path ).not.toMatch( /=>\s*\[/ );
		}
	} );
} );
