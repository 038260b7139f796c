/**
 * Constant groups (meta keys, events, notification states, placeholders, options, transients) → PHP classes.
 */
import {
	cancelReasons,
	couponStatuses,
	metricKeys,
	metaKeys,
	notificationStates,
	notificationTriggers,
	options,
	placeholders,
	postTypes,
	publicHooks,
	queryArgs,
	rateLimitBuckets,
	sessionEvents,
	transients,
	wcSessionKeys,
} from '../../plugin/schema';
import type { ConstantGroupDef } from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { docblock, str } from '../php';

const groups: readonly { group: ConstantGroupDef; source: string }[] = [
	{ group: metaKeys, source: 'plugin/schema/meta.ts' },
	{ group: sessionEvents, source: 'plugin/schema/events.ts' },
	{ group: notificationStates, source: 'plugin/schema/notifications.ts' },
	{ group: notificationTriggers, source: 'plugin/schema/notifications.ts' },
	{ group: cancelReasons, source: 'plugin/schema/notifications.ts' },
	{ group: rateLimitBuckets, source: 'plugin/schema/notifications.ts' },
	{ group: publicHooks, source: 'plugin/schema/hooks.ts' },
	{ group: placeholders, source: 'plugin/schema/placeholders.ts' },
	{ group: options, source: 'plugin/schema/storage.ts' },
	{ group: transients, source: 'plugin/schema/storage.ts' },
	{ group: queryArgs, source: 'plugin/schema/storage.ts' },
	{ group: postTypes, source: 'plugin/schema/storage.ts' },
	{ group: metricKeys, source: 'plugin/schema/analytics.ts' },
	{ group: couponStatuses, source: 'plugin/schema/coupons.ts' },
	{ group: wcSessionKeys, source: 'plugin/schema/capture.ts' },
];

export function emitConstantGroup(
	group: ConstantGroupDef,
	source: string
): GeneratedFile {
	const constants = group.constants
		.map( ( c ) =>
			[
				`${ docblock( 1, [ c.description ] ) }\n\tpublic const ${ c.name } = ${ str( c.value ) };`,
				...( c.lifetimeSeconds === undefined
					? []
					: [
							`${ docblock( 1, [ `Lifetime of ${ c.name }, in seconds.` ] ) }\n\tpublic const ${ c.name }_SECONDS = ${ c.lifetimeSeconds };`,
						] ),
			].join( '\n\n' )
		)
		.join( '\n\n' );
	const all = group.constants
		.map( ( c ) => `\t\t\tself::${ c.name },` )
		.join( '\n' );
	const content = `${ phpHeader( {
		summary: `${ group.className }: ${ group.description }`,
		sources: [ source ],
		emitter: 'codegen/emitters/constants.ts',
		namespace: GENERATED_NAMESPACE,
	} ) }
${ docblock( 0, [ group.description ] ) }
final class ${ group.className } {

${ constants }

${ docblock( 1, [ 'Every value, in schema order.' ], [ '@return string[]' ] ) }
	public static function all(): array {
		return array(
${ all }
		);
	}
}
`;
	return { path: `${ GENERATED_DIR }/${ group.className }.php`, content };
}

export function emitConstants(): GeneratedFile[] {
	return groups.map( ( { group, source } ) =>
		emitConstantGroup( group, source )
	);
}
