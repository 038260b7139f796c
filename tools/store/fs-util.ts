/**
 * Small file-system helpers shared by the store modules.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	lstatSync,
	readFileSync,
	readdirSync,
	statSync,
} from 'node:fs';
import {
	cp,
	mkdir,
	rename,
	rm,
	symlink,
	unlink,
	writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function isDir( path: string ): boolean {
	try {
		return statSync( path ).isDirectory();
	} catch {
		return false;
	}
}

export function isFile( path: string ): boolean {
	try {
		return statSync( path ).isFile();
	} catch {
		return false;
	}
}

/**
 * True for a symlink, even a dangling one.
 * @param path
 */
export function isSymlink( path: string ): boolean {
	try {
		return lstatSync( path ).isSymbolicLink();
	} catch {
		return false;
	}
}

export function isEmptyDir( path: string ): boolean {
	return ! isDir( path ) || readdirSync( path ).length === 0;
}

export function readJson< T >( path: string ): T | undefined {
	if ( ! existsSync( path ) ) {
		return undefined;
	}
	return JSON.parse( readFileSync( path, 'utf8' ) ) as T;
}

/**
 * Writes through a temporary file and a rename, so readers never see half a file.
 * @param path
 * @param content
 */
export async function writeFileAtomic(
	path: string,
	content: string
): Promise< void > {
	await mkdir( dirname( path ), { recursive: true } );
	const tmp = `${ path }.${ randomBytes( 4 ).toString( 'hex' ) }.tmp`;
	await writeFile( tmp, content );
	await rename( tmp, path );
}

export async function writeJson(
	path: string,
	value: unknown
): Promise< void > {
	await writeFileAtomic( path, JSON.stringify( value, null, '\t' ) + '\n' );
}

const systemCpWorks: Record< 'copy' | 'hardlink', boolean > = {
	copy: true,
	hardlink: true,
};

/**
 * `cp -a` (GNU or BSD) is about 20 times faster than fs.cp on WordPress's thousands of small
 * files; `cp -al` hardlinks instead of copying (GNU; same file system only).
 * @param from
 * @param to
 * @param mode
 */
function systemCp(
	from: string | string[],
	to: string,
	mode: 'copy' | 'hardlink'
): Promise< boolean > {
	if ( ! systemCpWorks[ mode ] ) {
		return Promise.resolve( false );
	}
	return new Promise( ( done ) => {
		// One source folder: copy its contents to `to`. Several: copy each into the folder `to`.
		const sources =
			typeof from === 'string'
				? [ isDir( from ) ? `${ from }/.` : from ]
				: from;
		const flags = mode === 'hardlink' ? '-al' : '-a';
		const child = spawn( 'cp', [ flags, ...sources, to ], {
			stdio: [ 'ignore', 'ignore', 'pipe' ],
		} );
		let stderr = '';
		child.stderr.on(
			'data',
			( chunk: Buffer ) => ( stderr += chunk.toString() )
		);
		child.on( 'error', () => {
			systemCpWorks[ mode ] = false;
			done( false );
		} );
		child.on( 'close', ( code ) => {
			if ( code !== 0 ) {
				systemCpWorks[ mode ] = false;
				console.warn(
					`cp ${ flags } failed, copying another way from now on: ${ stderr.trim().split( '\n' )[ 0 ] }`
				);
			}
			done( code === 0 );
		} );
	} );
}

/**
 * Recursive copy (of a folder or a file) that keeps symlinks as symlinks.
 * @param from
 * @param to
 * @param filter
 */
export async function copyDir(
	from: string,
	to: string,
	filter?: ( src: string ) => boolean
): Promise< void > {
	if ( ! filter ) {
		await mkdir( isDir( from ) ? to : dirname( to ), { recursive: true } );
		if ( await systemCp( from, to, 'copy' ) ) {
			return;
		}
	}
	await cp( from, to, {
		recursive: true,
		force: true,
		verbatimSymlinks: true,
		filter,
	} );
}

/**
 * Hardlinks a tree (near-instant, no extra disk), falling back to a copy where links are not
 * possible (another file system, no GNU cp). Both trees then share file contents: only for
 * files nobody edits in place.
 * @param from
 * @param to
 * @param mode
 */
export async function linkOrCopyDir(
	from: string,
	to: string,
	mode: 'copy' | 'hardlink'
): Promise< void > {
	if ( mode === 'hardlink' ) {
		await mkdir( isDir( from ) ? to : dirname( to ), { recursive: true } );
		if ( await systemCp( from, to, 'hardlink' ) ) {
			return;
		}
		await removePath( to );
	}
	await copyDir( from, to );
}

/**
 * linkOrCopyDir for several files and folders into the folder `into`, in one go.
 * @param from
 * @param into
 * @param mode
 */
export async function linkOrCopyInto(
	from: string[],
	into: string,
	mode: 'copy' | 'hardlink'
): Promise< void > {
	await mkdir( into, { recursive: true } );
	if ( await systemCp( from, into, mode ) ) {
		return;
	}
	for ( const source of from ) {
		await linkOrCopyDir( source, join( into, basename( source ) ), mode );
	}
}

export async function removePath( path: string ): Promise< void > {
	await rm( path, { recursive: true, force: true } );
}

/**
 * Points `link` at `target`, replacing whatever was at `link`.
 * @param target
 * @param link
 */
export async function replaceSymlink(
	target: string,
	link: string
): Promise< void > {
	if ( isSymlink( link ) ) {
		await unlink( link );
	} else if ( existsSync( link ) ) {
		await removePath( link );
	}
	await mkdir( dirname( link ), { recursive: true } );
	await symlink( target, link, 'dir' );
}

/**
 * A unique sibling path for building something before renaming it into place.
 * @param path
 */
export function siblingTempPath( path: string ): string {
	return join(
		dirname( path ),
		`.${ randomBytes( 6 ).toString( 'hex' ) }.partial`
	);
}

/**
 * Moves a finished folder into place. Returns false when another process got there first
 * (the folder exists), in which case ours is deleted and theirs is kept.
 * @param built
 * @param target
 */
export async function publishDir(
	built: string,
	target: string
): Promise< boolean > {
	try {
		await rename( built, target );
		return true;
	} catch ( error ) {
		const code = ( error as NodeJS.ErrnoException ).code;
		if ( code === 'ENOTEMPTY' || code === 'EEXIST' ) {
			await removePath( built );
			return false;
		}
		throw error;
	}
}
