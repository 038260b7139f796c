/**
 * REST route declarations → `RestRoutes`: `register_rest_route()` calls with argument schemas and
 * capability-based permission callbacks.
 */
import { plugin, routes } from '../../plugin/schema';
import {
	RATE_LIMIT_HANDLER_KEY,
	type RouteResponseSchema,
} from '../../plugin/schema/rest';
import type {
	PermissionKind,
	RouteArgDef,
	RouteDef,
	RouteEndpointDef,
} from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import {
	constantName,
	docblock,
	expr,
	php,
	phpArray,
	type PhpValue,
	str,
	translate,
	translateEscHtml,
} from '../php';
import { handlerCall, handlerFqcn, PLUGIN_CLASS } from './handlers';

const PERMISSIONS = `${ plugin.phpNamespace }\\Api\\Permissions`;
const REQUEST_BODY = `${ plugin.phpNamespace }\\Api\\RequestBody`;
const RATE_LIMITER = `${ plugin.phpNamespace }\\Security\\RateLimiter`;
const AGENT_GATE = `${ plugin.phpNamespace }\\Agent\\AgentRestGate`;

/** A route as the emitter takes it: the schema's routes declare their response schema. */
export type EmittedRoute = RouteDef & {
	readonly responseSchema?: RouteResponseSchema;
};

/**
 * The `WP_REST_Server` method constant of each HTTP method, and the methods the constant stands for. An
 * update (PUT or PATCH) is `EDITABLE`, which WordPress answers for POST, PUT and PATCH alike.
 */
const METHOD_CONSTANTS: Record<
	RouteEndpointDef[ 'method' ],
	{ readonly name: string; readonly methods: readonly string[] }
> = {
	GET: { name: 'READABLE', methods: [ 'GET' ] },
	POST: { name: 'CREATABLE', methods: [ 'POST' ] },
	PUT: { name: 'EDITABLE', methods: [ 'POST', 'PUT', 'PATCH' ] },
	PATCH: { name: 'EDITABLE', methods: [ 'POST', 'PUT', 'PATCH' ] },
	DELETE: { name: 'DELETABLE', methods: [ 'DELETE' ] },
};

/**
 * `\\WP_REST_Server::EDITABLE` for a PATCH endpoint.
 * @param method HTTP method of the endpoint.
 */
export function methodConstant( method: RouteEndpointDef[ 'method' ] ): string {
	return `\\WP_REST_Server::${ METHOD_CONSTANTS[ method ].name }`;
}

/**
 * Refuses a route whose endpoints would answer the same HTTP method (WordPress would only ever run the first).
 * @param route Route to check.
 */
function assertDistinctMethods( route: RouteDef ): void {
	const seen = new Map< string, string >();
	for ( const endpoint of route.endpoints ) {
		for ( const method of METHOD_CONSTANTS[ endpoint.method ].methods ) {
			const other = seen.get( method );
			if ( other !== undefined ) {
				throw new Error(
					`Route ${ route.path }: the ${ other } and ${ endpoint.method } endpoints both answer ${ method } once written as WP_REST_Server constants`
				);
			}
			seen.set( method, endpoint.method );
		}
	}
}

/**
 * Name of the static method returning a response schema, from the schema's title: `cartbay_test_email` →
 * `test_email_schema`. Routes that answer with the same schema (the license routes) share one method.
 * @param schema Response schema.
 */
export function schemaMethodName( schema: RouteResponseSchema ): string {
	const bare = schema.title.replace( new RegExp( `^${ plugin.slug }_` ), '' );
	return `${ constantName( bare ).toLowerCase() }_schema`;
}

/**
 * A JSON Schema as PHP, with every `description` keyword translatable.
 * @param schema JSON Schema.
 */
function schemaPhp( schema: Readonly< Record< string, unknown > > ): PhpValue {
	const out: Record< string, PhpValue > = {};
	for ( const [ keyword, value ] of Object.entries( schema ) ) {
		if ( keyword === 'description' && typeof value === 'string' ) {
			out[ keyword ] = translate( value, plugin.textDomain );
		} else if (
			keyword === 'properties' &&
			value !== null &&
			typeof value === 'object'
		) {
			out[ keyword ] = Object.fromEntries(
				Object.entries(
					value as Record< string, Record< string, unknown > >
				).map( ( [ name, property ] ) => [
					name,
					schemaPhp( property ),
				] )
			);
		} else if (
			( keyword === 'items' || keyword === 'additionalProperties' ) &&
			value !== null &&
			typeof value === 'object' &&
			! Array.isArray( value )
		) {
			out[ keyword ] = schemaPhp( value as Record< string, unknown > );
		} else {
			out[ keyword ] = value as PhpValue;
		}
	}
	return out;
}

/**
 * The permission callback for a permission kind. Nonces never authorize: capabilities do.
 * @param kind Who may call the endpoint.
 */
export function permissionCallback( kind: PermissionKind ): string {
	if ( typeof kind === 'object' ) {
		// The one agent decision: gates, principal (user or CartBay Bearer token) and the operation's access.
		return `static fn ( \\WP_REST_Request $request ) => $plugin->service( AgentRestGate::class )->authorize( $request, ${ str( kind.agent ) } )`;
	}
	switch ( kind ) {
		case 'public':
			return "'__return_true'";
		case 'manage_woocommerce':
			return "array( Permissions::class, 'can_manage_woocommerce' )";
	}
}

function argSpec( arg: RouteArgDef ): PhpValue {
	const spec: Record< string, PhpValue > = {
		...( arg.schema as Record< string, PhpValue > ),
	};
	if ( arg.required ) {
		spec.required = true;
	}
	if ( arg.validation === 'normalize' ) {
		// No WordPress type coercion and no injected default: the handler merges what was sent onto the
		// saved values and its normalizer decides (and never refuses) each value.
		delete spec.default;
		spec.sanitize_callback = null;
	} else {
		spec.validate_callback = 'rest_validate_request_arg';
		spec.sanitize_callback = 'rest_sanitize_request_arg';
	}
	// Last, after the plain schema keywords and callbacks: the translated description is the one call among them.
	spec.description = translate( arg.description, plugin.textDomain );
	return spec;
}

function routeStatement( route: EmittedRoute ): string {
	assertDistinctMethods( route );
	const endpoints: PhpValue[] = route.endpoints.map( ( endpoint ) => ( {
		methods: expr( methodConstant( endpoint.method ) ),
		callback: expr(
			`static fn ( \\WP_REST_Request $request ) => ${ handlerCall( endpoint.handler, [ '$request' ] ) }`
		),
		// Rate limiting runs in the permission callback: after the CPU-only argument checks, before any capture
		// work, it reserves a slot that RateLimiter gives back unless the route answers with a 4xx.
		permission_callback: expr(
			endpoint.rateLimit
				? `static fn () => $plugin->service( RateLimiter::class )->check( ${ str( endpoint.rateLimit ) } )`
				: permissionCallback( endpoint.permission )
		),
		...( endpoint.rateLimit
			? { [ RATE_LIMIT_HANDLER_KEY ]: endpoint.rateLimit }
			: {} ),
		...( endpoint.body === 'object' || endpoint.maxBodyBytes
			? {
					validate_callback: expr(
						endpoint.maxBodyBytes
							? `static fn ( \\WP_REST_Request $request ) => RequestBody::require_object( $request, ${ endpoint.maxBodyBytes } )`
							: "array( RequestBody::class, 'require_object' )"
					),
				}
			: {} ),
		args: Object.fromEntries(
			endpoint.args.map( ( arg ) => [ arg.name, argSpec( arg ) ] )
		),
	} ) );
	const summary = route.endpoints.map(
		( e ) =>
			`${ METHOD_CONSTANTS[ e.method ].name } (${ METHOD_CONSTANTS[ e.method ].methods.join( ', ' ) }): ${ e.description }`
	);
	// The route's options: one array per endpoint, then the response schema callback (a route-level key).
	const items = [
		...endpoints.map(
			( endpoint ) => `\t\t\t\t${ php( endpoint, 4 ) },\n`
		),
		...( route.responseSchema
			? [
					`\t\t\t\t'schema' => array( self::class, ${ str( schemaMethodName( route.responseSchema ) ) } ),\n`,
				]
			: [] ),
	];
	return `\t\t// ${ route.path }: ${ route.description }\n${ summary.map( ( s ) => `\t\t// - ${ s }` ).join( '\n' ) }
		register_rest_route(
			self::NAMESPACE,
			${ str( route.path ) },
			${ phpArray( items, 3 ) }
		);`;
}

function schemaMethod(
	schema: RouteResponseSchema,
	paths: readonly string[]
): string {
	const full = {
		$schema: 'http://json-schema.org/draft-04/schema#',
		...schema,
	};
	const answers = paths.map( ( p ) => `\`${ p }\`` ).join( ', ' );
	return `${ docblock( 1, [ `JSON Schema of what ${ answers } ${ paths.length > 1 ? 'answer' : 'answers' }: the \`schema\` callback, shown by an OPTIONS request.` ], [ '@return array<string, mixed>' ] ) }
	public static function ${ schemaMethodName( schema ) }(): array {
		return ${ php( schemaPhp( full ), 2 ) };
	}`;
}

/**
 * One schema method per distinct response schema, with the routes that answer with it. Two different schemas
 * under one title would make two routes claim the same method: that is a schema error.
 * @param allRoutes Routes.
 */
function schemaMethods( allRoutes: readonly EmittedRoute[] ): string[] {
	const byTitle = new Map<
		string,
		{ schema: RouteResponseSchema; json: string; paths: string[] }
	>();
	for ( const route of allRoutes ) {
		const schema = route.responseSchema;
		if ( ! schema ) {
			continue;
		}
		const json = JSON.stringify( schema );
		const seen = byTitle.get( schema.title );
		if ( ! seen ) {
			byTitle.set( schema.title, {
				schema,
				json,
				paths: [ route.path ],
			} );
		} else if ( seen.json !== json ) {
			throw new Error(
				`Response schemas of ${ seen.paths[ 0 ] } and ${ route.path } differ under one title (${ schema.title }).`
			);
		} else {
			seen.paths.push( route.path );
		}
	}
	return [ ...byTitle.values() ].map( ( { schema, paths } ) =>
		schemaMethod( schema, paths )
	);
}

export function emitRestRoutes(
	allRoutes: readonly EmittedRoute[] = routes
): GeneratedFile {
	const handlers = allRoutes.flatMap( ( r ) =>
		r.endpoints.map( ( e ) => handlerFqcn( e.handler ) )
	);
	const content = `${ phpHeader( {
		summary: `RestRoutes: CartBay's REST routes under ${ plugin.restNamespace }.`,
		sources: [ 'plugin/schema/rest.ts' ],
		emitter: 'codegen/emitters/rest-routes.ts',
		namespace: GENERATED_NAMESPACE,
		uses: [
			PLUGIN_CLASS,
			PERMISSIONS,
			...( allRoutes.some( ( r ) =>
				r.endpoints.some( ( e ) => e.body === 'object' )
			)
				? [ REQUEST_BODY ]
				: [] ),
			...( allRoutes.some( ( r ) =>
				r.endpoints.some( ( e ) => e.rateLimit )
			)
				? [ RATE_LIMITER ]
				: [] ),
			...( allRoutes.some( ( r ) =>
				r.endpoints.some( ( e ) => typeof e.permission === 'object' )
			)
				? [ AGENT_GATE ]
				: [] ),
			...handlers,
		],
	} ) }
${ docblock( 0, [ 'Registers every CartBay REST route.' ] ) }
final class RestRoutes {

${ docblock( 1, [ 'REST namespace of every CartBay route.' ] ) }
	public const NAMESPACE = ${ str( plugin.restNamespace ) };

${ docblock( 1, [ "Endpoint option naming a rate-limited endpoint's bucket (RateLimiter counts its refusals after the callbacks)." ] ) }
	public const RATE_LIMIT_KEY = ${ str( RATE_LIMIT_HANDLER_KEY ) };

${ docblock(
	1,
	[ 'Registers the routes. Must run on `rest_api_init`.' ],
	[
		'@param Plugin $plugin Service registry the route handlers are taken from.',
	]
) }
	public static function register( Plugin $plugin ): void {
		if ( ! doing_action( 'rest_api_init' ) ) {
			_doing_it_wrong( __METHOD__, ${ translateEscHtml( 'CartBay REST routes must be registered on rest_api_init.', plugin.textDomain ).code }, ${ str( plugin.version ) } );
			return;
		}

${ allRoutes.map( routeStatement ).join( '\n\n' ) }
	}
${ schemaMethods( allRoutes )
	.map( ( method ) => `\n${ method }\n` )
	.join( '' ) }}
`;
	return { path: `${ GENERATED_DIR }/RestRoutes.php`, content };
}
