/**
 * A generated class of typed constants (numbers and strings) with a docblock each, walked from the schema
 * groups of a `PhpValueClassDef` (CaptureSchema, RecoverySchema): every value of a group is emitted unless
 * the schema marks it browser-only, so a new limit cannot be left out.
 */
import type { PhpValueClassDef, PhpValueDoc } from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { constantName, docblock, php } from '../php';

export interface ValueConstant {
	name: string;
	value: string | number;
	description: string;
}

/**
 * The constants of a class, in schema order.
 * @param def
 */
export function valueConstants( def: PhpValueClassDef ): ValueConstant[] {
	return def.groups.flatMap( ( group ) =>
		Object.entries( group.values ).flatMap( ( [ key, value ] ) => {
			const doc: PhpValueDoc | undefined = group.docs[ key ];
			if ( doc === undefined ) {
				throw new Error(
					`${ def.className }: the schema value ${ key } has no PHP doc`
				);
			}
			if ( doc === false ) {
				return [];
			}
			const named =
				typeof doc === 'string'
					? {
							name: constantName(
								key.replace( /([a-z0-9])([A-Z])/g, '$1_$2' )
							),
							description: doc,
						}
					: doc;
			return [ { ...named, value } ];
		} )
	);
}

/**
 * The class file. `members` (already printed, one tab in) follow the constants: what a value class needs
 * beyond scalars (array constants, translated labels).
 * @param def
 * @param emitter
 * @param members
 */
export function emitValueClass(
	def: PhpValueClassDef,
	emitter: string,
	members: readonly string[] = []
): GeneratedFile {
	const constants = valueConstants( def )
		.map(
			( v ) =>
				`${ docblock( 1, [ v.description ] ) }\n\tpublic const ${ v.name } = ${ php( v.value ) };`
		)
		.join( '\n\n' );
	const content = `${ phpHeader( { summary: def.summary, sources: [ ...def.sources ], emitter, namespace: GENERATED_NAMESPACE } ) }
${ docblock( 0, [ def.classDoc ] ) }
final class ${ def.className } {

${ [ constants, ...members ].join( '\n\n' ) }
}
`;
	return { path: `${ GENERATED_DIR }/${ def.className }.php`, content };
}
