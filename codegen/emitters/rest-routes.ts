/**
 * REST route declarations → `RestRoutes`: `register_rest_route()` calls with argument schemas and
 * capability-based permission callbacks.
 */
import { plugin, routes } from '../../plugin/schema';
import type { PermissionKind, RouteArgDef, RouteDef } from '../../plugin/schema/types';
import { type GeneratedFile, GENERATED_DIR, GENERATED_NAMESPACE, phpHeader } from '../file';
import { docblock, expr, php, type PhpValue, str } from '../php';
import { handlerCall, handlerFqcn, PLUGIN_CLASS } from './handlers';

const PERMISSIONS = `${plugin.phpNamespace}\\Api\\Permissions`;
const REQUEST_BODY = `${plugin.phpNamespace}\\Api\\RequestBody`;
const RATE_LIMITER = `${plugin.phpNamespace}\\Security\\RateLimiter`;
/** Handler key naming an endpoint's rate-limit bucket (`RateLimiter::ROUTE_BUCKET`): its refusals are counted after the callbacks. */
export const RATE_LIMIT_HANDLER_KEY = 'cartbay_rate_limit';

/** The permission callback for a permission kind. Nonces never authorize: capabilities do. */
export function permissionCallback(kind: PermissionKind): string {
	switch (kind) {
		case 'public':
			return "'__return_true'";
		case 'manage_woocommerce':
			return "array( Permissions::class, 'can_manage_woocommerce' )";
	}
}

function argSpec(arg: RouteArgDef): PhpValue {
	const spec: Record<string, PhpValue> = {
		description: arg.description,
		...(arg.schema as Record<string, PhpValue>),
	};
	if (arg.required) {
		spec.required = true;
	}
	if (arg.validation === 'normalize') {
		// No WordPress type coercion and no injected default: the handler merges what was sent onto the
		// saved values and its normalizer decides (and never refuses) each value.
		delete spec.default;
		spec.sanitize_callback = null;
	} else {
		spec.validate_callback = 'rest_validate_request_arg';
		spec.sanitize_callback = 'rest_sanitize_request_arg';
	}
	return spec;
}

function routeStatement(route: RouteDef): string {
	const endpoints: PhpValue[] = route.endpoints.map((endpoint) => ({
		methods: endpoint.method,
		callback: expr(
			`static fn ( \\WP_REST_Request $request ) => ${handlerCall(endpoint.handler, ['$request'])}`
		),
		// Rate limiting runs in the permission callback: after the CPU-only argument checks, before any capture
		// work, it reserves a slot that RateLimiter gives back unless the route answers with a 4xx.
		permission_callback: expr(
			endpoint.rateLimit
				? `static fn () => $plugin->service( RateLimiter::class )->check( ${str(endpoint.rateLimit)} )`
				: permissionCallback(endpoint.permission)
		),
		...(endpoint.rateLimit ? { [RATE_LIMIT_HANDLER_KEY]: endpoint.rateLimit } : {}),
		...(endpoint.body === 'object' || endpoint.maxBodyBytes
			? {
					validate_callback: expr(
						endpoint.maxBodyBytes
							? `static fn ( \\WP_REST_Request $request ) => RequestBody::require_object( $request, ${endpoint.maxBodyBytes} )`
							: "array( RequestBody::class, 'require_object' )"
					),
				}
			: {}),
		args: Object.fromEntries(endpoint.args.map((arg) => [arg.name, argSpec(arg)])),
	}));
	const summary = route.endpoints.map((e) => `${e.method}: ${e.description}`);
	return `\t\t// ${route.path}: ${route.description}\n${summary.map((s) => `\t\t// - ${s}`).join('\n')}
		register_rest_route(
			self::NAMESPACE,
			'${route.path}',
			${php(endpoints, 3)}
		);`;
}

export function emitRestRoutes(allRoutes: readonly RouteDef[] = routes): GeneratedFile {
	const handlers = allRoutes.flatMap((r) => r.endpoints.map((e) => handlerFqcn(e.handler)));
	const content = `${phpHeader({
		summary: `RestRoutes: CartBay's REST routes under ${plugin.restNamespace}.`,
		sources: ['plugin/schema/rest.ts'],
		emitter: 'codegen/emitters/rest-routes.ts',
		namespace: GENERATED_NAMESPACE,
		uses: [
			PLUGIN_CLASS,
			PERMISSIONS,
			...(allRoutes.some((r) => r.endpoints.some((e) => e.body === 'object')) ? [REQUEST_BODY] : []),
			...(allRoutes.some((r) => r.endpoints.some((e) => e.rateLimit)) ? [RATE_LIMITER] : []),
			...handlers,
		],
	})}
${docblock(0, ['Registers every CartBay REST route.'])}
final class RestRoutes {

${docblock(1, ['REST namespace of every CartBay route.'])}
	public const NAMESPACE = '${plugin.restNamespace}';

${docblock(
	1,
	['Registers the routes. Must run on `rest_api_init`.'],
	['@param Plugin $plugin Service registry the route handlers are taken from.']
)}
	public static function register( Plugin $plugin ): void {
		if ( ! doing_action( 'rest_api_init' ) ) {
			_doing_it_wrong( __METHOD__, esc_html__( 'CartBay REST routes must be registered on rest_api_init.', 'cartbay' ), '0.1.0' );
			return;
		}

${allRoutes.map(routeStatement).join('\n\n')}
	}
}
`;
	return { path: `${GENERATED_DIR}/RestRoutes.php`, content };
}
