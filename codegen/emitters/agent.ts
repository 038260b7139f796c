/**
 * Agent access (plugin/schema/agent.ts) → `AgentSchema`: the gates, access kinds, surfaces, operations,
 * session actions, protected settings, workflows, token and audit limits, and the translated errors and
 * refusal reasons. PermissionService reads these maps; it declares none of its own.
 */
import {
	abilityCategory,
	actionRefusals,
	agentAccess,
	agentErrors,
	agentGates,
	agentLimits,
	agentOperations,
	agentProtectedSettings,
	agentRole,
	agentSurfaces,
	agentTokens,
	agentWorkflows,
	sessionActions,
} from '../../plugin/schema/agent';
import { plugin } from '../../plugin/schema';
import { agentRoutes } from '../../plugin/schema/agent-routes';
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
	type PhpValue,
	str,
	translate,
	translateEscHtml,
} from '../php';

function constant(
	name: string,
	value: PhpValue,
	description: string
): string {
	return `${ docblock( 1, [ description ] ) }\n\tpublic const ${ name } = ${ php( value, 1 ) };`;
}

/**
 * A `match` over keys returning translated strings.
 * @param name
 * @param description
 * @param param
 * @param entries
 */
function translatedMatch(
	name: string,
	description: string,
	param: string,
	entries: readonly [ string, string ][]
): string {
	const width = Math.max( ...entries.map( ( [ k ] ) => str( k ).length ) );
	const arms = entries
		.map(
			( [ key, text ] ) =>
				`\t\t\t${ str( key ).padEnd( width ) } => __( ${ str( text ) }, ${ str( plugin.textDomain ) } ),`
		)
		.join( '\n' );
	return `${ docblock( 1, [ description ], [ `@param string $${ param } Key.`, '@return string' ] ) }
	public static function ${ name }( string $${ param } ): string {
		return match ( $${ param } ) {
${ arms }
			default${ ' '.repeat( Math.max( 0, width - 7 ) ) } => '',
		};
	}`;
}

export function emitAgentSchema(): GeneratedFile {
	const scalars: [ string, string | number, string ][] = [
		[
			'TOKEN_PREFIX',
			agentTokens.prefix,
			'Prefix of every CartBay Bearer token.',
		],
		[
			'TOKEN_PUBLIC_ID_LENGTH',
			agentTokens.publicIdLength,
			'Length of a token public id ([a-z0-9]).',
		],
		[
			'TOKEN_SECRET_LENGTH',
			agentTokens.secretLength,
			'Length of a token secret ([A-Za-z0-9]); only its SHA-256 is stored.',
		],
		[
			'TOKEN_LABEL_MAX_LENGTH',
			agentTokens.labelMaxLength,
			'Longest token label.',
		],
		[
			'TOKEN_DEFAULT_LIFETIME_DAYS',
			agentTokens.defaultLifetimeDays,
			'Days a new token lives unless told otherwise.',
		],
		[
			'TOKEN_MIN_LIFETIME_DAYS',
			agentTokens.minLifetimeDays,
			'Shortest token lifetime in days.',
		],
		[
			'TOKEN_MAX_LIFETIME_DAYS',
			agentTokens.maxLifetimeDays,
			'Longest token lifetime in days.',
		],
		[
			'TOKEN_MAX_ACTIVE',
			agentTokens.maxActive,
			'Active tokens allowed at once.',
		],
		[
			'TOKEN_MAX_RETIRED',
			agentTokens.maxRetired,
			'Revoked or expired token records kept (oldest dropped first).',
		],
		[
			'TOKEN_LAST_USED_RESOLUTION',
			agentTokens.lastUsedResolutionSeconds,
			"Seconds between two writes of a token's last-used time.",
		],
		[
			'AUTH_RATE_LIMIT_BUCKET',
			agentTokens.rateLimitBucket,
			'Rate-limit bucket of failed Bearer authentications (per IP).',
		],
		[ 'ROLE', agentRole.slug, 'The dedicated least-privilege agent role.' ],
		[ 'ROLE_NAME', agentRole.name, "The agent role's display name." ],
		[
			'SESSIONS_PER_PAGE',
			agentLimits.sessionsPerPage,
			'Sessions a page by default.',
		],
		[
			'MAX_SESSIONS_PER_PAGE',
			agentLimits.maxSessionsPerPage,
			'Most sessions a page.',
		],
		[
			'AUDIT_PER_PAGE',
			agentLimits.auditPerPage,
			'Audit entries a page by default.',
		],
		[
			'MAX_AUDIT_PER_PAGE',
			agentLimits.maxAuditPerPage,
			'Most audit entries a page.',
		],
		[
			'AUDIT_MAX_ENTRIES',
			agentLimits.auditMaxEntries,
			'Entries kept in the audit log (oldest dropped first).',
		],
		[
			'AUDIT_LOCK_WAIT_MS',
			agentLimits.auditLockWaitMs,
			"Milliseconds an audit write waits for another request's write to the log.",
		],
		[
			'AUDIT_LOCK_STALE_SECONDS',
			agentLimits.auditLockStaleSeconds,
			'Age in seconds after which a held audit lock counts as left by a crashed request.',
		],
		[
			'MAX_SEARCH_LENGTH',
			agentLimits.maxSearchLength,
			'Longest session search text.',
		],
	];
	const maps: string[] = [
		constant(
			'GATES',
			agentGates,
			'Settings gate => key of cartbay_settings.'
		),
		constant(
			'ACCESS',
			Object.fromEntries(
				agentAccess.map( ( a ) => [
					a.key,
					{
						capability: a.capability,
						gate: a.gate,
						shop_manager: a.shopManager,
					},
				] )
			),
			'Access kind (= token scope) => its WordPress capability, the settings gate it also needs, and whether shop managers get it.'
		),
		constant(
			'SURFACES',
			Object.fromEntries(
				agentSurfaces.map( ( s ) => [ s.key, [ ...s.gates ] ] )
			),
			'Surface => the gates that must be open for it besides the master gate.'
		),
		constant(
			'OPERATIONS',
			Object.fromEntries(
				agentOperations.map( ( o ) => [
					o.key,
					{ access: o.access, ability: o.ability },
				] )
			),
			"Operation => the access it needs ('action': the requested session action's) and its ability name (null: REST only)."
		),
		constant(
			'ROUTES',
			agentRoutes.flatMap( ( route ) =>
				route.endpoints.map( ( e ) => ( {
					method: e.method,
					path: `/${ plugin.restNamespace }${ route.path }`,
					operation:
						typeof e.permission === 'object'
							? e.permission.agent
							: '',
				} ) )
			),
			'Every agent route: method, path (WordPress regex syntax) and the operation it runs.'
		),
		constant(
			'SESSION_ACTIONS',
			Object.fromEntries(
				sessionActions.map( ( a ) => [ a.key, a.access ] )
			),
			'Session action => the access it needs.'
		),
		constant(
			'ROLE_ACCESS',
			[ ...agentRole.access ],
			'Access kinds the agent role carries (besides WordPress read).'
		),
		constant(
			'PROTECTED_SETTINGS',
			[ ...agentProtectedSettings ],
			'Settings an agent reads but never writes.'
		),
		constant(
			'WORKFLOWS',
			Object.fromEntries(
				agentWorkflows.map( ( w ) => [ w.key, [ ...w.access ] ] )
			),
			'Automation workflows (automation-workflows.txt) => the access each needs.'
		),
		constant(
			'ERRORS',
			Object.fromEntries(
				Object.entries( agentErrors ).map( ( [ key, e ] ) => [
					key,
					{ code: e.code, status: e.status },
				] )
			),
			'Error => its code and HTTP status (messages: error_message()).'
		),
	];
	const methods = [
		translatedMatch(
			'error_message',
			'The translated message of an ERRORS key.',
			'key',
			Object.entries( agentErrors ).map( ( [ k, e ] ) => [
				k,
				e.message,
			] )
		),
		translatedMatch(
			'refusal_message',
			'Why a session action was refused, translated (by reason key).',
			'reason',
			Object.entries( actionRefusals )
		),
		translatedMatch(
			'access_description',
			'What an access kind allows, translated.',
			'access',
			agentAccess.map( ( a ) => [ a.key, a.description ] )
		),
	];
	const content = `${ phpHeader( {
		summary:
			'AgentSchema: gates, access kinds, operations, session actions, errors and limits of agent access.',
		sources: [ 'plugin/schema/agent.ts' ],
		emitter: 'codegen/emitters/agent.ts',
		namespace: GENERATED_NAMESPACE,
	} ) }
${ docblock( 0, [ 'What agent access is made of: PermissionService decides from these maps, for every surface.' ] ) }
final class AgentSchema {

${ [
	...scalars.map( ( [ name, value, description ] ) =>
		constant( constantName( name ), value, description )
	),
	...maps,
	...methods,
].join( '\n\n' ) }
}
`;
	return { path: `${ GENERATED_DIR }/AgentSchema.php`, content };
}

const BRIDGE = `${ plugin.phpNamespace }\\Agent\\AbilityBridge`;

/**
 * The JSON Schema of an ability's input: the operation's, defaulting to `{}` when nothing is required.
 * @param input
 */
function abilityInputSchema(
	input: Readonly< Record< string, unknown > >
): Record< string, PhpValue > {
	const required = ( input as { required?: readonly string[] } ).required;
	return {
		...( input as Record< string, PhpValue > ),
		...( required && required.length > 0
			? {}
			: { default: expr( 'array()' ) } ),
	};
}

/** `AgentAbilities`: the `cartbay-agent` category and one `wp_register_ability()` per operation that has an ability. */
export function emitAgentAbilities(): GeneratedFile {
	const abilities = agentOperations.flatMap( ( o ) =>
		o.ability === null ? [] : [ { ...o, ability: o.ability } ]
	);
	const statements = abilities.map( ( o ) => {
		const annotations = Object.fromEntries(
			Object.entries( o.annotations ).filter( ( [ , on ] ) => on )
		);
		const args: Record< string, PhpValue > = {
			label: translate( o.label, plugin.textDomain ),
			description: translate( o.description, plugin.textDomain ),
			category: expr( 'self::CATEGORY' ),
			input_schema: abilityInputSchema( o.input ),
			output_schema: { type: 'object' },
			execute_callback: expr(
				`static fn ( $input = null ) => $bridge->execute( ${ str( o.key ) }, $input )`
			),
			permission_callback: expr(
				`static fn ( $input = null ) => $bridge->permit( ${ str( o.key ) }, $input )`
			),
			// Every ability is listed by wp-abilities/v1; the MCP keys only while exposure is on.
			meta: expr(
				`${ php( { annotations, show_in_rest: true }, 4 ) } + $mcp`
			),
		};
		return `\t\t// ${ o.ability }: ${ o.description }
		wp_register_ability(
			${ str( o.ability ) },
			${ php( args, 3 ) }
		);`;
	} );
	const content = `${ phpHeader( {
		summary: `AgentAbilities: the ${ abilityCategory.slug } ability category and CartBay's WordPress Abilities.`,
		details: [
			'Registered by AbilityBridge only while the agent master and Abilities gates are open (WordPress 6.9+).',
		],
		sources: [ 'plugin/schema/agent.ts' ],
		emitter: 'codegen/emitters/agent.ts',
		namespace: GENERATED_NAMESPACE,
		uses: [ BRIDGE ],
	} ) }
${ docblock( 0, [ "Registers CartBay's ability category and abilities." ] ) }
final class AgentAbilities {

${ docblock( 1, [ 'Slug of the ability category.' ] ) }
	public const CATEGORY = ${ str( abilityCategory.slug ) };

${ docblock( 1, [ 'Registers the category. Must run on `wp_abilities_api_categories_init`.' ] ) }
	public static function register_category(): void {
		if ( ! doing_action( 'wp_abilities_api_categories_init' ) ) {
			_doing_it_wrong( __METHOD__, ${ translateEscHtml( 'CartBay ability categories must be registered on wp_abilities_api_categories_init.', plugin.textDomain ).code }, ${ str( plugin.version ) } );
			return;
		}
		wp_register_ability_category(
			self::CATEGORY,
			${ php(
				{
					label: translate(
						abilityCategory.label,
						plugin.textDomain
					),
					description: translate(
						abilityCategory.description,
						plugin.textDomain
					),
				},
				3
			) }
		);
	}

${ docblock(
	1,
	[
		'Registers the abilities. Must run on `wp_abilities_api_init`.',
		'',
		'With MCP exposure on, each carries `meta.mcp` (public tool) and `meta.public`: the WordPress MCP Adapter',
		'then offers it to MCP clients.',
	],
	[
		'@param AbilityBridge $bridge     Permission and execute callbacks.',
		'@param bool          $mcp_public Whether MCP exposure is on.',
	]
) }
	public static function register( AbilityBridge $bridge, bool $mcp_public ): void {
		if ( ! doing_action( 'wp_abilities_api_init' ) ) {
			_doing_it_wrong( __METHOD__, ${ translateEscHtml( 'CartBay abilities must be registered on wp_abilities_api_init.', plugin.textDomain ).code }, ${ str( plugin.version ) } );
			return;
		}
		$mcp = $mcp_public ? array(
			'mcp'    => array(
				'public' => true,
				'type'   => 'tool',
			),
			'public' => true,
		) : array();

${ statements.join( '\n\n' ) }
	}
}
`;
	return { path: `${ GENERATED_DIR }/AgentAbilities.php`, content };
}
