/**
 * The schema's names and defaults as the tests look them up: by constant name, so a check never writes a
 * value the schema holds.
 */
import {
	cancelReasons,
	delayMinutes,
	defaultCampaign,
	metaKeys,
	notificationStates,
	notificationTriggers,
	options,
	orderStatuses,
	postTypes,
	publicHooks,
	queryArgs,
	sessionEvents,
	settingsOption,
	transients,
	wcSessionKeys,
	type SettingsField,
	type SettingsKey,
	type SettingsValue,
} from '../../plugin/schema';

interface ConstantGroup {
	className: string;
	constants: readonly { name: string; value: string }[];
}

type Lookup< G extends ConstantGroup > = {
	readonly [ K in G[ 'constants' ][ number ][ 'name' ] ]: string;
};

/**
 * A constant group as a lookup by constant name: a name the group does not have fails to compile, and
 * throws at run time too (never a silent `undefined`).
 * @param group
 */
function byName< G extends ConstantGroup >( group: G ): Lookup< G > {
	const values = Object.fromEntries(
		group.constants.map( ( c ) => [ c.name, c.value ] )
	) as Record< string, string >;
	return new Proxy( values, {
		get( target, name ) {
			if ( typeof name === 'symbol' ) {
				return Reflect.get( target, name );
			}
			if ( ! ( name in target ) ) {
				throw new Error(
					`${ group.className } has no constant ${ name }`
				);
			}
			return target[ name ];
		},
	} ) as Lookup< G >;
}

/** Meta keys by constant name: META.SESSION_ID is `_cartbay_session_id`. */
export const META = byName( metaKeys );
/** Session event names by constant name. */
export const EVENT = byName( sessionEvents );
/** Notification states by constant name (QUEUED, SENT, CANCELED, ...). */
export const NOTIFICATION = byName( notificationStates );
/** Notification cancel reasons by constant name. */
export const CANCEL = byName( cancelReasons );
/** What scheduled a notification, by constant name. */
export const TRIGGER = byName( notificationTriggers );
/** WooCommerce session keys by constant name. */
export const WC_KEY = byName( wcSessionKeys );
/** Query arguments (RESTORE, UNSUBSCRIBE, UNSUBSCRIBE_CONFIRM). */
export const QUERY_ARG = byName( queryArgs );
/** Option names by constant name. */
export const OPTION = byName( options );
/** Transient names and prefixes by constant name. */
export const TRANSIENT = byName( transients );
/** Post types by constant name. */
export const POST_TYPE = byName( postTypes );
/** Public action and filter names by constant name. */
export const HOOK = byName( publicHooks );

/** Session order status slugs (without `wc-`) by status key: STATUS.abandoned is `cartbay-abandoned`. */
export const STATUS = byName( {
	className: 'orderStatuses',
	constants: orderStatuses.map( ( s ) => ( {
		name: s.key,
		value: s.slug,
	} ) ) as {
		name: ( typeof orderStatuses )[ number ][ 'key' ];
		value: string;
	}[],
} );

/**
 * One settings field's declaration.
 * @param key
 */
export function settingsField( key: SettingsKey ): SettingsField {
	const field = settingsOption.fields.find( ( f ) => f.key === key );
	if ( ! field ) {
		throw new Error( `no settings field ${ key }` );
	}
	return field;
}

/**
 * One settings field's default.
 * @param key
 */
export function settingDefault< T extends SettingsValue = SettingsValue >(
	key: SettingsKey
): T {
	return settingsField( key ).default as T;
}

/** The default delay of each recovery step after abandonment, in seconds (step 1 first). */
export function defaultStepDelaysSeconds(): number[] {
	return defaultCampaign().steps.map( ( step ) => delayMinutes( step ) * 60 );
}
