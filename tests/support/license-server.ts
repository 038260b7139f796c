/**
 * A loopback WPAnchorBay license server for the license suite: the four public routes of
 * `../shared/spec/license-server-api.md` under `/wp-json/license-server/v1`, keys in the states valid, expired
 * and invalid, the documented rate limits (activation 10 per 60 s, the others 60 per 60 s, then 429), and
 * outage modes:
 *
 * - `down`: nothing listens on the port (connection refused);
 * - `slow`: every request hangs `slowMs` (longer than the plugin's timeout) before it is answered;
 * - `garbage`: every request gets 200 with an HTML body (not JSON).
 *
 * Every request is logged (`requests`), so a test can prove that a flow made none.
 */
import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { crc32 } from 'node:zlib';
import { licenseServerRoutes } from '../../plugin/schema';

export type KeyState = 'valid' | 'expired' | 'invalid';
export type ServerMode = 'normal' | 'down' | 'slow' | 'garbage';
export type RouteName = 'activate' | 'check' | 'update-check' | 'download';

/** The REST base of the server, as `CARTBAY_LICENSE_SERVER` names the real one. */
export const LICENSE_SERVER_BASE_PATH = '/wp-json/license-server/v1';

export interface LoggedRequest {
	method: string;
	route: RouteName | 'unknown';
	path: string;
	query: Record< string, string >;
	body: Record< string, string >;
	/** HTTP status answered (0 when the request was never answered). */
	status: number;
}

export interface LicenseServerOptions {
	/** Keys the server knows, by state; any other key is invalid. */
	keys: Record< string, KeyState >;
	/** Version the update check offers. */
	version?: string;
	/** How long a request hangs in `slow` mode, in ms. */
	slowMs?: number;
	/** Requests per window: activation, and each other route. */
	limits?: { activate: number; other: number; windowMs: number };
}

/** Term end the server reports for valid keys, and for expired ones. */
export const VALID_UNTIL = '2030-06-30 23:59:59';
export const EXPIRED_ON = '2024-01-31 00:00:00';
export const PLAN = 'Agency (5 sites)';

/** Readme sections of the offered release; the changelog carries a script tag the plugin must strip. */
export const README_SECTIONS = {
	description: '<p>Abandoned-cart recovery for WooCommerce.</p>',
	changelog:
		'<h4>Release notes</h4><ul><li>Faster capture.</li></ul><script>alert("x")</script>',
};

export class LoopbackLicenseServer {
	/** Every request received, in order. */
	readonly requests: LoggedRequest[] = [];
	/** Domains each key was activated for. */
	readonly activations = new Map< string, Set< string > >();
	mode: ServerMode = 'normal';
	version: string;
	private readonly keys: Map< string, KeyState >;
	private readonly slowMs: number;
	private readonly limits: {
		activate: number;
		other: number;
		windowMs: number;
	};
	private hits = new Map< string, number[] >();
	private server: Server | null = null;
	private readonly sockets = new Set< Socket >();
	private readonly timers = new Set< NodeJS.Timeout >();

	private constructor(
		readonly port: number,
		options: LicenseServerOptions
	) {
		this.keys = new Map( Object.entries( options.keys ) );
		this.version = options.version ?? '9.0.0';
		this.slowMs = options.slowMs ?? 30_000;
		this.limits = options.limits ?? {
			activate: 10,
			other: 60,
			windowMs: 60_000,
		};
	}

	/**
	 * Starts a server on 127.0.0.1:<port>.
	 * @param port
	 * @param options
	 */
	static async start(
		port: number,
		options: LicenseServerOptions
	): Promise< LoopbackLicenseServer > {
		const server = new LoopbackLicenseServer( port, options );
		await server.listen();
		return server;
	}

	/** The REST base URL (what the `cartbay_license_server_url` filter returns in the tests). */
	get base(): string {
		return `http://127.0.0.1:${ this.port }${ LICENSE_SERVER_BASE_PATH }`;
	}

	/**
	 * Changes the outage mode; `down` stops listening, any other mode listens again.
	 * @param mode
	 */
	async setMode( mode: ServerMode ): Promise< void > {
		this.mode = mode;
		if ( mode === 'down' ) {
			await this.unlisten();
		} else if ( ! this.server ) {
			await this.listen();
		}
	}

	/**
	 * Puts a key into a state.
	 * @param key
	 * @param state
	 */
	setKey( key: string, state: KeyState ): void {
		this.keys.set( key, state );
	}

	/** Forgets every rate-limit counter. */
	resetLimits(): void {
		this.hits = new Map();
	}

	/**
	 * Requests received since `from` (an index into `requests`).
	 * @param from
	 */
	since( from: number ): LoggedRequest[] {
		return this.requests.slice( from );
	}

	async close(): Promise< void > {
		for ( const timer of this.timers ) {
			clearTimeout( timer );
		}
		this.timers.clear();
		await this.unlisten();
	}

	private listen(): Promise< void > {
		return new Promise( ( resolve, reject ) => {
			const server = createServer( ( req, res ) =>
				this.receive( req, res )
			);
			server.on( 'connection', ( socket ) => {
				this.sockets.add( socket );
				socket.on( 'close', () => this.sockets.delete( socket ) );
			} );
			server.once( 'error', reject );
			server.listen( { port: this.port, host: '127.0.0.1' }, () => {
				this.server = server;
				resolve();
			} );
		} );
	}

	private unlisten(): Promise< void > {
		const server = this.server;
		this.server = null;
		for ( const socket of this.sockets ) {
			socket.destroy();
		}
		this.sockets.clear();
		return new Promise( ( resolve ) =>
			server ? server.close( () => resolve() ) : resolve()
		);
	}

	private receive( req: IncomingMessage, res: ServerResponse ): void {
		const chunks: Buffer[] = [];
		req.on( 'data', ( chunk: Buffer ) => chunks.push( chunk ) );
		req.on( 'end', () => {
			const url = new URL( req.url ?? '/', 'http://127.0.0.1' );
			const raw = Buffer.concat( chunks ).toString( 'utf8' );
			const entry: LoggedRequest = {
				method: req.method ?? 'GET',
				route: 'unknown',
				path: url.pathname,
				query: Object.fromEntries( url.searchParams ),
				body: parseBody( raw, req.headers[ 'content-type' ] ?? '' ),
				status: 0,
			};
			this.requests.push( entry );
			const answer = () => {
				const [ status, headers, body ] = this.answer( entry );
				entry.status = status;
				if ( ! res.destroyed ) {
					res.writeHead( status, headers );
					res.end( body );
				}
			};
			if ( this.mode === 'slow' ) {
				const timer = setTimeout( () => {
					this.timers.delete( timer );
					answer();
				}, this.slowMs );
				this.timers.add( timer );
			} else {
				answer();
			}
		} );
	}

	private answer(
		entry: LoggedRequest
	): [ number, Record< string, string >, string | Buffer ] {
		if ( this.mode === 'garbage' ) {
			return [
				200,
				{ 'Content-Type': 'text/html' },
				'<html><body><h1>Maintenance</h1>Back soon.</body></html>',
			];
		}
		const rest = entry.path.startsWith( LICENSE_SERVER_BASE_PATH )
			? entry.path.slice( LICENSE_SERVER_BASE_PATH.length )
			: '';
		const segments = rest.split( '/' ).map( decodeURIComponent );
		const route = `/${ segments[ 1 ] ?? '' }`;
		const routes: Record< string, RouteName > = {
			[ licenseServerRoutes.activatePath ]: 'activate',
			[ licenseServerRoutes.checkPath ]: 'check',
			[ licenseServerRoutes.updateCheckPath ]: 'update-check',
			[ licenseServerRoutes.downloadPath ]: 'download',
		};
		const name = routes[ route ];
		const expected =
			name === 'activate' ? 'POST' : name === undefined ? '' : 'GET';
		if ( name === undefined || entry.method !== expected ) {
			return json( 404, {
				code: 'rest_no_route',
				message:
					'No route was found matching the URL and request method.',
				data: { status: 404 },
			} );
		}
		entry.route = name;
		const retryAfter = this.limited( name );
		if ( retryAfter > 0 ) {
			return json(
				429,
				{ success: false, message: 'Too many requests.' },
				{ 'Retry-After': String( retryAfter ) }
			);
		}
		switch ( name ) {
			case 'activate':
				return this.activate( entry.body );
			case 'check':
				return this.check( entry.query );
			case 'update-check':
				return this.updateCheck( segments[ 2 ], segments[ 3 ], entry );
			case 'download':
				return this.download( segments[ 2 ], segments[ 3 ] );
		}
	}

	/**
	 * Seconds until the route's window has room again; 0 when this request fits (and is counted).
	 * @param route
	 */
	private limited( route: RouteName ): number {
		const limit =
			route === 'activate' ? this.limits.activate : this.limits.other;
		const now = Date.now();
		const recent = ( this.hits.get( route ) ?? [] ).filter(
			( at ) => at > now - this.limits.windowMs
		);
		if ( recent.length >= limit ) {
			this.hits.set( route, recent );
			return Math.max(
				1,
				Math.ceil(
					( recent[ 0 ]! + this.limits.windowMs - now ) / 1000
				)
			);
		}
		recent.push( now );
		this.hits.set( route, recent );
		return 0;
	}

	private state( key: string | undefined ): KeyState {
		return ( key && this.keys.get( key ) ) || 'invalid';
	}

	private activate( body: Record< string, string > ) {
		const { license_key: key, slug, domain } = body;
		if ( ! key || ! slug || ! domain ) {
			return json( 400, {
				success: false,
				message: 'license_key, slug and domain are required.',
			} );
		}
		if ( slug !== licenseServerRoutes.productSlug ) {
			return json( 404, {
				success: false,
				license: 'invalid',
				message: 'Unknown product.',
			} );
		}
		switch ( this.state( key ) ) {
			case 'valid': {
				const domains = this.activations.get( key ) ?? new Set();
				domains.add( domain );
				this.activations.set( key, domains );
				return json( 200, {
					success: true,
					message: 'License activated.',
					license: 'valid',
					expires_at: VALID_UNTIL,
					plan: PLAN,
				} );
			}
			case 'expired':
				return json( 200, {
					success: false,
					message: 'License expired.',
					license: 'expired',
					expires_at: EXPIRED_ON,
					plan: PLAN,
				} );
			default:
				// Echoes the key, as careless servers do: the plugin must mask it.
				return json( 403, {
					success: false,
					message: `License key ${ key } is not valid.`,
					license: 'invalid',
				} );
		}
	}

	private check( query: Record< string, string > ) {
		const { license_key: key, slug, domain } = query;
		if ( ! key || slug !== licenseServerRoutes.productSlug ) {
			return json( 400, {
				success: false,
				message: 'license_key and slug are required.',
			} );
		}
		switch ( this.state( key ) ) {
			case 'valid':
				return json(
					200,
					domain && ! this.activations.get( key )?.has( domain )
						? { success: true, license: 'site_inactive' }
						: {
								success: true,
								license: 'valid',
								expires_at: VALID_UNTIL,
								plan: PLAN,
							}
				);
			case 'expired':
				return json( 200, {
					success: true,
					license: 'expired',
					expires_at: EXPIRED_ON,
					plan: PLAN,
				} );
			default:
				return json( 200, { success: false, license: 'invalid' } );
		}
	}

	private updateCheck(
		slug: string | undefined,
		key: string | undefined,
		entry: LoggedRequest
	) {
		if (
			slug !== licenseServerRoutes.productSlug ||
			this.state( key ) !== 'valid'
		) {
			return json( 403, {
				success: false,
				message: 'No updates for this license.',
			} );
		}
		const host = entry.query.host ?? '';
		const download = `${ this.base }${ licenseServerRoutes.downloadPath }/${ slug }/${ encodeURIComponent( key! ) }?host=${ encodeURIComponent( host ) }`;
		return json( 200, {
			name: 'CartBay',
			slug,
			version: this.version,
			new_version: this.version,
			tested: '6.8',
			requires: '6.8',
			requires_php: '8.2',
			last_updated: '2026-11-30 12:00:00',
			homepage: 'https://wpanchorbay.com/cartbay/',
			download_url: download,
			package: download,
			sections: README_SECTIONS,
		} );
	}

	private download(
		slug: string | undefined,
		key: string | undefined
	): [ number, Record< string, string >, string | Buffer ] {
		if (
			slug !== licenseServerRoutes.productSlug ||
			this.state( key ) !== 'valid'
		) {
			return json( 403, {
				success: false,
				message: 'Download refused.',
			} );
		}
		return [
			200,
			{
				'Content-Type': 'application/zip',
				'Content-Disposition': `attachment; filename="${ slug }.zip"`,
			},
			zipOf(
				`${ slug }/readme.txt`,
				`=== CartBay ===\nStable tag: ${ this.version }\n`
			),
		];
	}
}

function json(
	status: number,
	body: unknown,
	headers: Record< string, string > = {}
): [ number, Record< string, string >, string ] {
	return [
		status,
		{ 'Content-Type': 'application/json; charset=utf-8', ...headers },
		JSON.stringify( body ),
	];
}

function parseBody(
	raw: string,
	contentType: string
): Record< string, string > {
	if ( raw === '' ) {
		return {};
	}
	if ( contentType.includes( 'json' ) ) {
		try {
			const parsed = JSON.parse( raw ) as Record< string, unknown >;
			return Object.fromEntries(
				Object.entries( parsed ).map( ( [ k, v ] ) => [
					k,
					String( v ),
				] )
			);
		} catch {
			return {};
		}
	}
	return Object.fromEntries( new URLSearchParams( raw ) );
}

/**
 * A zip archive (stored, not compressed) holding one file.
 * @param name
 * @param text
 */
export function zipOf( name: string, text: string ): Buffer {
	const fileName = Buffer.from( name, 'utf8' );
	const data = Buffer.from( text, 'utf8' );
	const crc = crc32( data );
	const local = Buffer.alloc( 30 );
	local.writeUInt32LE( 0x04034b50, 0 );
	local.writeUInt16LE( 20, 4 ); // Version needed.
	local.writeUInt32LE( crc, 14 );
	local.writeUInt32LE( data.length, 18 );
	local.writeUInt32LE( data.length, 22 );
	local.writeUInt16LE( fileName.length, 26 );
	const central = Buffer.alloc( 46 );
	central.writeUInt32LE( 0x02014b50, 0 );
	central.writeUInt16LE( 20, 4 ); // Version made by.
	central.writeUInt16LE( 20, 6 ); // Version needed.
	central.writeUInt32LE( crc, 16 );
	central.writeUInt32LE( data.length, 20 );
	central.writeUInt32LE( data.length, 24 );
	central.writeUInt16LE( fileName.length, 28 );
	const localSize = local.length + fileName.length + data.length;
	const centralSize = central.length + fileName.length;
	const end = Buffer.alloc( 22 );
	end.writeUInt32LE( 0x06054b50, 0 );
	end.writeUInt16LE( 1, 8 );
	end.writeUInt16LE( 1, 10 );
	end.writeUInt32LE( centralSize, 12 );
	end.writeUInt32LE( localSize, 16 );
	return Buffer.concat( [ local, fileName, data, central, fileName, end ] );
}
