/**
 * The agent schema holds together, and reaches PHP unchanged: every gate is a settings field, every access
 * kind's gate is a gate, every REST route runs a declared operation, every ability name is one WordPress
 * accepts, the spec's nine abilities and route inventory are there, and the generated classes carry the maps
 * PermissionService reads (no second literal in PHP).
 */
import { describe, expect, it } from 'vitest';
import {
	agentAccess,
	agentErrors,
	agentGates,
	agentOperations,
	agentProtectedSettings,
	agentRole,
	agentSurfaces,
	agentWorkflows,
	sessionActions,
} from '../../plugin/schema/agent';
import { agentRoutes } from '../../plugin/schema/agent-routes';
import { settingsOption } from '../../plugin/schema';
import { emitAgentAbilities, emitAgentSchema } from '../emitters/agent';

const settingKeys = settingsOption.fields.map( ( f ) => f.key as string );
const accessKeys = agentAccess.map( ( a ) => a.key as string );

describe( 'agent schema', () => {
	it( 'every gate is a boolean settings field, closed by default but the two surface switches', () => {
		for ( const [ gate, key ] of Object.entries( agentGates ) ) {
			const field = settingsOption.fields.find( ( f ) => f.key === key );
			expect( field?.type, key ).toBe( 'boolean' );
			expect( field?.default, key ).toBe(
				gate === 'rest' || gate === 'abilities'
			);
		}
	} );

	it( 'access kinds: the spec capabilities and scopes; gates and surfaces name real gates', () => {
		expect( agentAccess.map( ( a ) => a.capability ) ).toEqual(
			accessKeys.map( ( k ) => `cartbay_agent_${ k }` )
		);
		expect( accessKeys ).toEqual( [
			'read',
			'write',
			'contact',
			'sensitive',
			'destructive',
			'manage_tokens',
			'manage_access',
		] );
		for ( const a of agentAccess ) {
			if ( a.gate ) {
				expect( Object.keys( agentGates ) ).toContain( a.gate );
			}
		}
		for ( const s of agentSurfaces ) {
			for ( const g of s.gates ) {
				expect( Object.keys( agentGates ) ).toContain( g );
			}
		}
		expect(
			agentAccess.filter( ( a ) => a.shopManager ).map( ( a ) => a.key )
		).toEqual( [ 'read', 'write', 'contact' ] );
		for ( const k of [
			...agentRole.access,
			...sessionActions.map( ( s ) => s.access ),
			...agentWorkflows.flatMap( ( w ) => w.access ),
		] ) {
			expect( accessKeys ).toContain( k );
		}
	} );

	it( 'the nine abilities of the spec, with names WordPress accepts', () => {
		const abilities = agentOperations.flatMap( ( o ) =>
			o.ability ? [ o.ability ] : []
		);
		expect( abilities.sort() ).toEqual(
			[
				'cartbay/get-agent-manifest',
				'cartbay/list-sessions',
				'cartbay/get-session',
				'cartbay/get-analytics',
				'cartbay/get-settings',
				'cartbay/update-settings',
				'cartbay/get-campaign',
				'cartbay/update-campaign',
				'cartbay/run-session-action',
			].sort()
		);
		for ( const name of abilities ) {
			expect( name ).toMatch( /^[a-z0-9-]+\/[a-z0-9-]+$/ );
		}
	} );

	it( 'the REST inventory of the spec, each endpoint running a declared operation', () => {
		const inventory = agentRoutes.flatMap( ( r ) =>
			r.endpoints.map(
				( e ) =>
					`${ e.method } ${ r.path.replace( /\(\?P<([a-z_]+)>[^)]*\)/g, '{$1}' ) }`
			)
		);
		expect( inventory.sort() ).toEqual(
			[
				'GET /agent/manifest',
				'GET /agent/sessions',
				'GET /agent/sessions/{id}',
				'POST /agent/sessions/{id}/actions',
				'GET /agent/analytics',
				'GET /agent/settings',
				'PATCH /agent/settings',
				'GET /agent/campaign',
				'PATCH /agent/campaign',
				'GET /agent/tokens',
				'POST /agent/tokens',
				'DELETE /agent/tokens/{public_id}',
				'GET /agent/audit-log',
			].sort()
		);
		for ( const route of agentRoutes ) {
			for ( const e of route.endpoints ) {
				expect( typeof e.permission ).toBe( 'object' );
				const op =
					typeof e.permission === 'object' ? e.permission.agent : '';
				expect( agentOperations.map( ( o ) => o.key ) ).toContain( op );
			}
		}
	} );

	it( 'protected settings are settings; every agent gate is protected', () => {
		for ( const key of agentProtectedSettings ) {
			expect( settingKeys ).toContain( key );
		}
		for ( const key of Object.values( agentGates ) ) {
			expect( agentProtectedSettings ).toContain( key );
		}
	} );

	it( 'error codes are unique, prefixed, with 4xx statuses', () => {
		const codes = Object.values( agentErrors ).map( ( e ) => e.code );
		expect( new Set( codes ).size ).toBe( codes.length );
		for ( const e of Object.values( agentErrors ) ) {
			expect( e.code ).toMatch( /^cartbay_agent_[a-z_]+$/ );
			expect( e.status >= 400 && e.status < 500 ).toBe( true );
		}
	} );
} );

describe( 'generated agent classes', () => {
	const schema = emitAgentSchema().content;
	const abilities = emitAgentAbilities().content;

	it( 'AgentSchema carries every gate, capability, action and error code', () => {
		for ( const key of Object.values( agentGates ) ) {
			expect( schema ).toContain( `'${ key }'` );
		}
		for ( const a of agentAccess ) {
			expect( schema ).toContain( `'${ a.capability }'` );
		}
		for ( const a of sessionActions ) {
			expect( schema ).toMatch(
				new RegExp( `'${ a.key }'\\s+=> '${ a.access }'` )
			);
		}
		for ( const e of Object.values( agentErrors ) ) {
			expect( schema ).toContain( `'${ e.code }'` );
		}
	} );

	it( 'AgentAbilities registers each ability on its hook, with only the true annotations and MCP keys behind the switch', () => {
		for ( const o of agentOperations ) {
			if ( ! o.ability ) {
				expect( abilities ).not.toContain( `'${ o.key }'` );
				continue;
			}
			expect( abilities ).toContain( `'${ o.ability }'` );
			expect( abilities ).toContain(
				`$bridge->permit( '${ o.key }', $input )`
			);
		}
		expect( abilities ).toContain(
			"doing_action( 'wp_abilities_api_init' )"
		);
		expect( abilities ).toContain(
			"doing_action( 'wp_abilities_api_categories_init' )"
		);
		expect( abilities ).not.toMatch(
			/'(readonly|destructive|idempotent)'\s+=> false/
		);
		expect( abilities ).toContain( '$mcp = $mcp_public ?' );
	} );
} );
