/**
 * Table-driven emitter tests: given a schema declaration, want PHP that says the right thing.
 */
import { describe, expect, it } from 'vitest';
import {
	emitOrderStatuses,
	assertStatusFits,
} from '../emitters/order-statuses';
import { emitRestRoutes, permissionCallback } from '../emitters/rest-routes';
import { emitScheduledJobs } from '../emitters/scheduled-jobs';
import { emitEmailClasses } from '../emitters/emails';
import {
	emitSettingsNormalizer,
	emitSettingsSchema,
} from '../emitters/settings';
import { renderTemplate } from '../emitters/plugin-file';
import { constantName, php, PhpFloat, str } from '../php';
import { indexSource, missingHandlers } from '../php-index';
import {
	jobs,
	orderStatuses,
	emailSteps,
	settingsOption,
	plugin,
	ORDER_STATUS_MAX_LENGTH,
} from '../../plugin/schema';

/**
 * A string as a regular expression that matches it literally.
 * @param text
 */
const literal = ( text: string ): string =>
	text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );

describe( 'php value printer', () => {
	it.each( [
		[ 'string with quote', "it's", "'it\\'s'" ],
		[ 'backslash', 'a\\b', "'a\\\\b'" ],
		[ 'integer', 30, '30' ],
		[ 'float', new PhpFloat( 10 ), '10.0' ],
		[ 'boolean', false, 'false' ],
		[ 'null', null, 'null' ],
		[ 'empty list', [], 'array()' ],
		[ 'list', [ 1, 'a' ], "array(\n\t1,\n\t'a',\n)" ],
		[
			'aligned map',
			{ a: 1, long_key: 2 },
			"array(\n\t'a'        => 1,\n\t'long_key' => 2,\n)",
		],
	] as const )( '%s', ( _name, given, want ) => {
		expect( php( given as never ) ).toBe( want );
	} );

	it.each( [
		[ 'cartbay_detect_abandonment', 'cartbay_', 'DETECT_ABANDONMENT' ],
		[ 'cartbay-captured', '', 'CARTBAY_CAPTURED' ],
	] )( 'constantName(%s)', ( given, prefix, want ) => {
		expect( constantName( given, prefix ) ).toBe( want );
	} );
} );

describe( 'order statuses', () => {
	it( `every status fits the ${ ORDER_STATUS_MAX_LENGTH }-character column with its wc- prefix`, () => {
		for ( const status of orderStatuses ) {
			expect( `wc-${ status.slug }`.length ).toBeLessThanOrEqual(
				ORDER_STATUS_MAX_LENGTH
			);
		}
	} );

	it.each( [
		[
			'too long',
			{
				key: 'x',
				slug: 'cartbay-suppressed',
				label: 'S',
				description: 'd',
			},
			/21 characters/,
		],
		[
			'bad characters',
			{ key: 'x', slug: 'Cartbay_X', label: 'S', description: 'd' },
			/lower-case/,
		],
	] )( 'refuses a slug that is %s', ( _name, status, message ) => {
		expect( () => assertStatusFits( status ) ).toThrow( message );
	} );

	it( 'registers through the real WooCommerce filters', () => {
		const { content } = emitOrderStatuses();
		expect( content ).toContain(
			"add_filter( 'woocommerce_register_shop_order_post_statuses'"
		);
		expect( content ).toContain( "add_filter( 'wc_order_statuses'" );
		expect( content ).not.toContain(
			'woocommerce_register_shop_order_statuses'
		);
		for ( const status of orderStatuses ) {
			expect( content ).toContain( `'wc-${ status.slug }'` );
		}
	} );
} );

describe( 'REST routes', () => {
	it.each( [
		[ 'public', "'__return_true'" ],
		[
			'manage_woocommerce',
			"array( Permissions::class, 'can_manage_woocommerce' )",
		],
	] as const )( 'permission %s', ( kind, want ) => {
		expect( permissionCallback( kind ) ).toBe( want );
	} );

	it( 'normalized args opt out of WordPress coercion; strict args keep it', () => {
		const content = emitRestRoutes( [
			{
				path: '/x',
				description: 'X',
				endpoints: [
					{
						method: 'POST',
						description: 'x',
						permission: 'public',
						handler: {
							class: 'Api\\SettingsController',
							method: 'get_settings',
						},
						args: [
							{
								name: 'loose',
								description: 'l',
								schema: { type: 'integer', default: 3 },
								validation: 'normalize',
							},
							{
								name: 'tight',
								description: 't',
								schema: { type: 'string' },
								required: true,
							},
						],
					},
				],
			},
		] ).content;
		expect( content ).toMatch(
			/'loose' => array\([^)]*'sanitize_callback' => null/s
		);
		expect( content ).not.toMatch( /'loose' => array\([^)]*'default'/s );
		expect( content ).toMatch(
			/'tight' => array\([^)]*'required'\s+=> true[^)]*'validate_callback' => 'rest_validate_request_arg'/s
		);
		expect( content ).toContain(
			"'permission_callback' => '__return_true'"
		);
	} );

	const answering = ( path: string, title: string, note: string ) => ( {
		path,
		description: path,
		responseSchema: {
			title,
			type: 'object' as const,
			properties: { note: { description: note, type: 'string' } },
		},
		endpoints: [
			{
				method: 'GET' as const,
				description: 'x',
				permission: 'public' as const,
				handler: {
					class: 'Api\\SettingsController',
					method: 'get_settings',
				},
				args: [],
			},
		],
	} );

	it( 'routes answering with one schema share one method, named by its title', () => {
		const content = emitRestRoutes( [
			answering( '/a', 'cartbay_shared', 'n' ),
			answering( '/b', 'cartbay_shared', 'n' ),
		] ).content;
		expect( content.match( /function shared_schema\(\)/g ) ).toHaveLength(
			1
		);
		expect(
			content.match(
				/'schema' => array\( self::class, 'shared_schema' \)/g
			)
		).toHaveLength( 2 );
		expect( content ).toContain( 'what `/a`, `/b` answer' );
	} );

	it( 'two different schemas under one title are refused', () => {
		expect( () =>
			emitRestRoutes( [
				answering( '/a', 'cartbay_shared', 'n' ),
				answering( '/b', 'cartbay_shared', 'other' ),
			] )
		).toThrow( /differ under one title/ );
	} );
} );

describe( 'scheduled jobs', () => {
	it( "emits every job in the schema's group, each recurring one with its interval", () => {
		const { content } = emitScheduledJobs();
		expect( content ).toContain(
			`public const GROUP = '${ plugin.jobGroup }';`
		);
		for ( const job of jobs ) {
			const name = constantName( job.hook, 'cartbay_' );
			expect( content ).toContain(
				`public const ${ name } = '${ job.hook }';`
			);
			if ( job.kind === 'recurring' ) {
				expect( content ).toMatch(
					new RegExp(
						`self::${ name }\\s+=> ${ job.intervalSeconds },`
					)
				);
			}
		}
	} );

	it( 'casts stored args to their declared types and passes them in order', () => {
		const { content } = emitScheduledJobs();
		expect( content ).toContain(
			'->send_step( (string) $session_id, (int) $step_index )'
		);
		expect( content ).toMatch(
			/SEND_RECOVERY_EMAIL,[\s\S]*?},\s*10,\s*2\s*\);/
		);
	} );
} );

describe( 'emails', () => {
	it( 'emits one class per step over the hand-written base, plus the list of them by step', () => {
		const files = emitEmailClasses();
		expect( files ).toHaveLength( emailSteps.length + 1 );
		for ( const step of emailSteps ) {
			const file = files.find( ( f ) =>
				f.path.endsWith( `${ step.className }.php` )
			);
			expect( file?.content ).toContain(
				`extends AbstractCartBayRecoveryEmail`
			);
			expect( file?.content ).toContain(
				`$this->id          = '${ step.id }';`
			);
		}
		const list = files.find(
			( f ) =>
				! emailSteps.some( ( step ) =>
					f.path.endsWith( `${ step.className }.php` )
				)
		);
		for ( const step of emailSteps ) {
			expect( list?.content ).toContain(
				`${ step.step } => ${ step.className }::class,`
			);
			expect( list?.content ).toContain(
				`${ step.step } => '${ step.id }',`
			);
		}
	} );
} );

describe( 'settings', () => {
	it( 'writes every default and every limit once, from the schema', () => {
		const schema = emitSettingsSchema().content;
		const normalizer = emitSettingsNormalizer().content;
		for ( const field of settingsOption.fields ) {
			const key = literal( `'${ field.key }'` );
			// The default, as PHP: numbers of a `number` field are floats (10.0).
			const value = php(
				field.type === 'number'
					? new PhpFloat( field.default )
					: field.default
			);
			expect( schema ).toMatch(
				new RegExp( `${ key }\\s*=> ${ literal( value ) },` )
			);
			expect( normalizer ).toMatch(
				new RegExp( `Normalize::has\\( \\$input, ${ key } \\)` )
			);
			if ( field.type === 'integer' ) {
				expect( normalizer ).toMatch(
					new RegExp(
						`Normalize::integer\\( [^;]*, ${ field.minimum }, ${ field.maximum },`
					)
				);
			}
		}
	} );
} );

describe( 'plugin file template', () => {
	it( 'fills known keys and refuses unknown ones', () => {
		expect( renderTemplate( 'v{{version}}', { version: '1.2' } ) ).toBe(
			'v1.2'
		);
		expect( () => renderTemplate( '{{nope}}', {} ) ).toThrow( /nope/ );
	} );
} );

describe( 'handler check', () => {
	const index = indexSource(
		`<?php
namespace WPAnchorBay\\CartBay\\Api;
final class Thing {
	public function ok() {}
	private function hidden() {}
}`,
		'thing.php'
	);

	it.each( [
		[
			'an existing public method',
			{ class: 'Api\\Thing', method: 'ok' },
			[],
		],
		[
			'a private method',
			{ class: 'Api\\Thing', method: 'hidden' },
			[
				'x: WPAnchorBay\\CartBay\\Api\\Thing has no public method hidden()',
			],
		],
		[
			'a missing class',
			{ class: 'Api\\Nope', method: 'ok' },
			[
				'x: class WPAnchorBay\\CartBay\\Api\\Nope does not exist in plugin/src',
			],
		],
	] )( '%s', ( _name, handler, want ) => {
		expect( missingHandlers( [ { where: 'x', handler } ], index ) ).toEqual(
			want
		);
	} );
} );

it( 'str escapes for single-quoted PHP', () => {
	expect( str( "a'b\\c" ) ).toBe( "'a\\'b\\\\c'" );
} );
