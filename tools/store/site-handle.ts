/**
 * A handle on an existing store site: run PHP inside it, manage plugins, run scheduled actions,
 * read its debug log and captured mail.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { isSymlink, replaceSymlink } from './fs-util';
import { writeWpConfig } from './layout';
import { phpHelperPaths } from './paths';
import { type PhpResult, opcacheArgs, runPhpProcess } from './php';
import {
	type SiteConfig,
	type SitePaths,
	readSiteConfig,
	sitePaths,
	writeSiteConfig,
} from './site-config';

export type { PhpResult } from './php';

/** What runPhp runs: a file path, or PHP code (with or without a leading `<?php`). */
export type PhpScript = string | { file: string } | { code: string };

export interface RunPhpOptions {
	/** Extra environment variables for PHP (getenv() in the script). */
	env?: Record< string, string | undefined >;
	/** Extra arguments; the script sees them as $argv[1..]. */
	args?: string[];
	/** Log in as this user (e.g. 'admin') before the script runs. */
	user?: string;
	input?: string;
	timeoutMs?: number;
}

export interface MailRecord {
	time: string;
	/** The From email and name wp_mail() would have used (its filters, as attached during the call). */
	from: string;
	from_name: string;
	to: string | string[];
	subject: string;
	message: string;
	headers: string | string[];
	attachments: string | string[];
	/** 'cli', 'cron', 'ajax', 'rest' or the request URI. */
	context: string;
	/** True when the cartbay_store_mail_fail option made this send fail. */
	failed: boolean;
}

export interface DueActionsOptions {
	/** Only these hooks (default: all). */
	hooks?: string[];
	/** Only this group. */
	group?: string;
	/** Treat actions scheduled up to this time as due (default: now), to fast-forward. */
	until?: Date;
}

export interface DueActionsResult {
	ran: { id: number; hook: string; group: string; status: string }[];
	/** Due actions still pending afterwards (e.g. rescheduled past the round limit). */
	pending: number;
}

export interface SiteInfo {
	wordpress: string;
	url: string;
	activePlugins: string[];
	woocommerce: null | {
		version: string;
		hpos: boolean;
		orderDataStore: string;
		actionStore: string | null;
		pages: Record< 'shop' | 'cart' | 'checkout' | 'account', string >;
		products: Record< string, number >;
	};
}

/** Thrown by the *OrThrow helpers; carries the PHP result. */
export class PhpRunError extends Error {
	constructor(
		message: string,
		readonly result: PhpResult
	) {
		super( message );
		this.name = 'PhpRunError';
	}
}

function describeFailure( what: string, result: PhpResult ): string {
	const output = ( result.stderr.trim() || result.stdout.trim() )
		.split( '\n' )
		.slice( -15 )
		.join( '\n' );
	return `${ what } failed (exit ${ result.code })${ output ? `:\n${ output }` : '' }`;
}

export class Site {
	readonly dir: string;
	readonly paths: SitePaths;

	constructor( dir: string ) {
		this.dir = resolve( dir );
		this.paths = sitePaths( this.dir );
	}

	/** site.json, read fresh each time. */
	get config(): SiteConfig {
		const config = readSiteConfig( this.dir );
		if ( ! config ) {
			throw new Error( `not a store site (no site.json): ${ this.dir }` );
		}
		return config;
	}

	/** Home URL without a trailing slash, e.g. http://127.0.0.1:8888 */
	get url(): string {
		return this.config.url.replace( /\/+$/, '' );
	}

	/**
	 * Changes the site's URL (it lives in wp-config.php, so the database is untouched).
	 * @param url
	 */
	async setUrl( url: string ): Promise< void > {
		const config = { ...this.config, url: url.replace( /\/+$/, '' ) };
		await writeSiteConfig( this.dir, config );
		await writeWpConfig( this.dir, config );
	}

	/**
	 * Runs PHP inside the site, after WordPress (and active plugins) loaded.
	 * A string that names an existing .php file runs that file; any other string is PHP code.
	 * Never throws for a PHP failure: check `code`.
	 * @param script
	 * @param options
	 */
	async runPhp(
		script: PhpScript,
		options: RunPhpOptions = {}
	): Promise< PhpResult > {
		let file: string;
		let temporary = false;
		if ( typeof script === 'object' && 'file' in script ) {
			file = resolve( script.file );
		} else if (
			typeof script === 'string' &&
			script.endsWith( '.php' ) &&
			existsSync( script )
		) {
			file = resolve( script );
		} else {
			const code = typeof script === 'string' ? script : script.code;
			file = join(
				this.paths.tmp,
				`run-${ randomBytes( 6 ).toString( 'hex' ) }.php`
			);
			await mkdir( this.paths.tmp, { recursive: true } );
			await writeFile(
				file,
				/^\s*<\?php/.test( code ) ? code : `<?php\n${ code }\n`
			);
			temporary = true;
		}
		try {
			await mkdir( this.paths.opcache, { recursive: true } );
			const php = [
				...opcacheArgs( this.paths.opcache, 'cli' ),
				phpHelperPaths().bootstrap,
				this.dir,
				file,
			];
			return await runPhpProcess( [ ...php, ...( options.args ?? [] ) ], {
				env: { ...options.env, CARTBAY_STORE_USER: options.user },
				input: options.input,
				timeoutMs: options.timeoutMs,
				cwd: this.dir,
			} );
		} finally {
			if ( temporary ) {
				await rm( file, { force: true } );
			}
		}
	}

	/**
	 * Like runPhp, but throws PhpRunError on a non-zero exit and returns stdout.
	 * @param script
	 * @param options
	 */
	async runPhpOrThrow(
		script: PhpScript,
		options: RunPhpOptions = {}
	): Promise< string > {
		const result = await this.runPhp( script, options );
		if ( result.code !== 0 ) {
			throw new PhpRunError(
				describeFailure( 'PHP in the store site', result ),
				result
			);
		}
		return result.stdout;
	}

	private async pluginTask(
		action: 'activate' | 'deactivate',
		plugin: string
	): Promise< void > {
		const result = await this.runPhp(
			join( phpHelperPaths().tasks, 'plugin.php' ),
			{ args: [ action, plugin ] }
		);
		if ( result.code !== 0 ) {
			throw new PhpRunError(
				describeFailure( `${ action } ${ plugin }`, result ),
				result
			);
		}
	}

	/**
	 * Activates a plugin, e.g. 'cartbay/cartbay.php' (no-op if active).
	 * @param plugin
	 */
	activatePlugin( plugin: string ): Promise< void > {
		return this.pluginTask( 'activate', plugin );
	}

	deactivatePlugin( plugin: string ): Promise< void > {
		return this.pluginTask( 'deactivate', plugin );
	}

	/**
	 * Symlinks a plugin folder (e.g. dist/cartbay) into wp-content/plugins/<slug>.
	 * @param srcDir
	 * @param slug
	 */
	async linkPlugin( srcDir: string, slug: string ): Promise< void > {
		const source = resolve( srcDir );
		if ( ! existsSync( source ) ) {
			throw new Error( `plugin folder not found: ${ source }` );
		}
		await replaceSymlink( source, join( this.paths.plugins, slug ) );
	}

	/**
	 * Removes a plugin symlink made by linkPlugin (deactivate first).
	 * @param slug
	 */
	async unlinkPlugin( slug: string ): Promise< void > {
		const link = join( this.paths.plugins, slug );
		if ( isSymlink( link ) ) {
			await unlink( link );
		}
	}

	/**
	 * Runs due Action Scheduler actions now, in one PHP process, and reports what ran.
	 * @param options
	 */
	async runDueActions(
		options: DueActionsOptions = {}
	): Promise< DueActionsResult > {
		const stdout = await this.runPhpOrThrow(
			join( phpHelperPaths().tasks, 'run-due-actions.php' ),
			{
				env: {
					CARTBAY_STORE_AS_HOOKS: options.hooks?.join( ',' ),
					CARTBAY_STORE_AS_GROUP: options.group,
					CARTBAY_STORE_AS_UNTIL: options.until
						? String( Math.floor( options.until.getTime() / 1000 ) )
						: undefined,
				},
			}
		);
		return JSON.parse( lastLine( stdout ) ) as DueActionsResult;
	}

	/** Versions, order storage, Action Scheduler store, page URLs and product ids by SKU. */
	async info(): Promise< SiteInfo > {
		const stdout = await this.runPhpOrThrow(
			join( phpHelperPaths().tasks, 'site-info.php' )
		);
		return JSON.parse( lastLine( stdout ) ) as SiteInfo;
	}

	/** Contents of logs/wp-debug.log ('' when empty or missing). */
	readDebugLog(): string {
		return readIfExists( this.paths.debugLog );
	}

	async clearDebugLog(): Promise< void > {
		await writeFile( this.paths.debugLog, '' );
	}

	/** Every captured wp_mail() call, oldest first. */
	readMail(): MailRecord[] {
		return readIfExists( this.paths.mailFile )
			.split( '\n' )
			.filter( ( line ) => line.trim() !== '' )
			.map( ( line ) => JSON.parse( line ) as MailRecord );
	}

	/**
	 * Captured wp_mail() calls with a recipient containing `address`, oldest first.
	 * @param address
	 */
	readMailTo( address: string ): MailRecord[] {
		return this.readMail().filter( ( mail ) =>
			( Array.isArray( mail.to ) ? mail.to : [ mail.to ] ).some( ( to ) =>
				String( to ).includes( address )
			)
		);
	}

	async clearMail(): Promise< void > {
		await writeFile( this.paths.mailFile, '' );
	}
}

function readIfExists( file: string ): string {
	return existsSync( file ) ? readFileSync( file, 'utf8' ) : '';
}

/**
 * The JSON line a task prints last (plugins may print notices before it).
 * @param stdout
 */
function lastLine( stdout: string ): string {
	const lines = stdout.trim().split( '\n' );
	return lines[ lines.length - 1 ] ?? '';
}

/**
 * A handle on the site at `dir`; throws if it is not a store site.
 * @param dir
 */
export function openSite( dir: string ): Site {
	const site = new Site( isAbsolute( dir ) ? dir : resolve( dir ) );
	void site.config;
	return site;
}
