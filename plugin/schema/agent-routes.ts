/**
 * The agent REST routes under `cartbay/v1/agent` (spec: REST "Agent Routes"). Each endpoint names the agent
 * operation it runs; its permission callback is the one agent decision (gates × principal × access), and its
 * arguments are the operation's input schema, so REST and the Abilities take the same input.
 */
import { agentOperations, agentTokens, type AgentOperationKey } from './agent';
import { captureLimits } from './capture';
import { plugin } from './plugin';
import type { RouteArgDef, RouteEndpointDef } from './types';
import type { RestRouteDef } from './rest';

/** The 32-character session id as a path parameter. */
const sessionIdPath = `(?P<id>${ captureLimits.sessionIdPattern.replace(
	/^\^|\$$/g,
	''
) })`;

/** The token public id as a path parameter. */
const publicIdPath = `(?P<public_id>[a-z0-9]{${ agentTokens.publicIdLength }})`;

function operation( key: AgentOperationKey ) {
	const found = agentOperations.find( ( o ) => o.key === key );
	if ( ! found ) {
		throw new Error( `No agent operation ${ key }` );
	}
	return found;
}

/**
 * The REST arguments of an operation: each property of its input schema, validated strictly by WordPress.
 * @param key
 * @param except Properties the route takes another way (the request body).
 */
function operationArgs(
	key: AgentOperationKey,
	except: readonly string[] = []
): RouteArgDef[] {
	const input = operation( key ).input as {
		properties: Record< string, Record< string, unknown > >;
		required?: readonly string[];
	};
	return Object.entries( input.properties )
		.filter( ( [ name ] ) => ! except.includes( name ) )
		.map( ( [ name, schema ] ) => {
			const { description, ...rest } = schema;
			return {
				name,
				description: String( description ?? name ),
				schema: rest,
				required: input.required?.includes( name ) ?? false,
			};
		} );
}

function endpoint(
	method: RouteEndpointDef[ 'method' ],
	key: AgentOperationKey,
	handlerMethod: string,
	extra: Partial< RouteEndpointDef > = {}
): RouteEndpointDef {
	return {
		method,
		description: operation( key ).description,
		permission: { agent: key },
		handler: { class: 'Agent\\AgentController', method: handlerMethod },
		args: operationArgs( key ),
		...extra,
	};
}

function responseSchema( title: string, description: string ) {
	return {
		title: `${ plugin.slug }_agent_${ title }`,
		type: 'object' as const,
		properties: {
			data: { description, type: 'object' },
		},
	};
}

/** Every agent route; registered with the others, refused by the gates until an administrator opens them. */
export const agentRoutes = [
	{
		path: '/agent/manifest',
		description:
			'Agent manifest: gates, access, routes, abilities, actions and workflows.',
		endpoints: [ endpoint( 'GET', 'get_manifest', 'manifest' ) ],
		responseSchema: responseSchema( 'manifest', 'The manifest.' ),
	},
	{
		path: '/agent/sessions',
		description:
			'CartBay sessions, masked unless sensitive access is granted and open.',
		endpoints: [ endpoint( 'GET', 'list_sessions', 'list_sessions' ) ],
		responseSchema: responseSchema( 'sessions', 'One page of sessions.' ),
	},
	{
		path: `/agent/sessions/${ sessionIdPath }`,
		description: 'One CartBay session.',
		endpoints: [ endpoint( 'GET', 'get_session', 'get_session' ) ],
		responseSchema: responseSchema( 'session', 'The session.' ),
	},
	{
		path: `/agent/sessions/${ sessionIdPath }/actions`,
		description:
			'Runs one session action after checking its preconditions.',
		endpoints: [
			endpoint( 'POST', 'run_session_action', 'run_session_action', {
				body: 'object',
			} ),
		],
		responseSchema: responseSchema(
			'session_action',
			'What the action did.'
		),
	},
	{
		path: '/agent/analytics',
		description: 'Recovery analytics (no personal data).',
		endpoints: [ endpoint( 'GET', 'get_analytics', 'get_analytics' ) ],
		responseSchema: responseSchema( 'analytics', 'The analytics report.' ),
	},
	{
		path: '/agent/settings',
		description: 'CartBay settings: all readable, the safe ones writable.',
		endpoints: [
			endpoint( 'GET', 'get_settings', 'get_settings' ),
			endpoint( 'PATCH', 'update_settings', 'update_settings', {
				args: [],
				body: 'object',
			} ),
		],
		responseSchema: responseSchema( 'settings', 'The settings.' ),
	},
	{
		path: '/agent/campaign',
		description: 'The recovery campaign.',
		endpoints: [
			endpoint( 'GET', 'get_campaign', 'get_campaign' ),
			endpoint( 'PATCH', 'update_campaign', 'update_campaign', {
				args: [],
				body: 'object',
			} ),
		],
		responseSchema: responseSchema( 'campaign', 'The campaign.' ),
	},
	{
		path: '/agent/tokens',
		description: 'CartBay Bearer tokens.',
		endpoints: [
			endpoint( 'GET', 'list_tokens', 'list_tokens' ),
			endpoint( 'POST', 'create_token', 'create_token', {
				body: 'object',
			} ),
		],
		responseSchema: responseSchema( 'tokens', 'Token records.' ),
	},
	{
		path: `/agent/tokens/${ publicIdPath }`,
		description: 'One CartBay Bearer token.',
		endpoints: [ endpoint( 'DELETE', 'revoke_token', 'revoke_token' ) ],
		responseSchema: responseSchema( 'token', 'The revoked token record.' ),
	},
	{
		path: '/agent/audit-log',
		description: 'The redacted agent audit log, newest first.',
		endpoints: [ endpoint( 'GET', 'get_audit_log', 'get_audit_log' ) ],
		responseSchema: responseSchema(
			'audit_log',
			'One page of audit entries.'
		),
	},
] as const satisfies readonly RestRouteDef[];
