/**
 * Settings fields as the forms edit them: drafts (what was typed), payloads (what is sent), and the
 * comparison of what was expected with what the server (or the client-side preview) normalized.
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { parseNumber, settingsOption } from './schema';
import type {
	Settings,
	SettingsField,
	SettingsSection,
	SettingsValue,
} from './schema';
import { schemaText } from './schema-text';

/** A field's value while it is edited: booleans as they are, everything else as the typed text. */
export type FieldDraft = boolean | string;

export type SettingsDrafts = Readonly< Record< string, FieldDraft > >;

/**
 * The schema fields of some sections, in schema order.
 * @param sections Sections in screen order.
 */
export function fieldsInSections(
	sections: readonly SettingsSection[]
): SettingsField[] {
	return settingsOption.fields.filter( ( field ) =>
		( sections as readonly string[] ).includes( field.section )
	);
}

/**
 * What a form control shows for a saved value.
 * @param value Saved value.
 */
export function toDraft( value: SettingsValue ): FieldDraft {
	return typeof value === 'boolean' ? value : String( value );
}

/**
 * What is sent for a draft: numbers parsed when they are numbers; anything else as typed (the server keeps the old value).
 * @param field Field the draft belongs to.
 * @param draft What the input holds.
 */
export function toInput( field: SettingsField, draft: FieldDraft ): unknown {
	if (
		( field.type === 'integer' || field.type === 'number' ) &&
		typeof draft === 'string'
	) {
		return parseNumber( draft ) ?? draft;
	}
	return draft;
}

/**
 * The PATCH body for some drafts.
 * @param fields Fields to send.
 * @param drafts Drafts keyed by field.
 */
export function draftsToPayload(
	fields: readonly SettingsField[],
	drafts: SettingsDrafts
): Record< string, unknown > {
	const payload: Record< string, unknown > = {};
	for ( const field of fields ) {
		const draft = drafts[ field.key ];
		if ( draft !== undefined ) {
			payload[ field.key ] = toInput( field, draft );
		}
	}
	return payload;
}

/**
 * Whether a normalized value is what the draft meant (ignoring whitespace the normalizer always collapses).
 * @param field Field compared.
 * @param draft What the input holds.
 * @param value Saved value.
 */
export function draftMatches(
	field: SettingsField,
	draft: FieldDraft,
	value: SettingsValue | undefined
): boolean {
	if ( typeof draft === 'boolean' ) {
		return draft === value;
	}
	switch ( field.type ) {
		case 'integer':
		case 'number':
			return parseNumber( draft ) === value;
		case 'string':
			return draft.replace( /\s+/g, ' ' ).trim() === value;
		default:
			return draft === value;
	}
}

/**
 * A value as the admin reads it: On/Off, an option label, or the value itself.
 * @param field Field the value belongs to.
 * @param value Value to show.
 */
export function formatValue(
	field: SettingsField,
	value: SettingsValue | undefined
): string {
	if ( value === undefined ) {
		return '';
	}
	switch ( field.type ) {
		case 'boolean':
			return value ? __( 'On', 'cartbay' ) : __( 'Off', 'cartbay' );
		case 'enum': {
			const option = field.options.find(
				( candidate ) => candidate.value === value
			);
			return option ? schemaText( option.label ) : String( value );
		}
		default:
			return String( value );
	}
}

/**
 * Fields whose normalized value is not what the admin expects: a draft that normalized to something else,
 * or an untouched field a cross-field rule changed (a percentage coupon capped at 100).
 *
 * @param fields     Fields of the form.
 * @param drafts     What was typed.
 * @param before     The saved settings the drafts were made on.
 * @param normalized The server's response, or the client-side preview.
 */
export function adjustedFields(
	fields: readonly SettingsField[],
	drafts: SettingsDrafts,
	before: Settings,
	normalized: Settings
): SettingsField[] {
	return fields.filter( ( field ) => {
		const draft = drafts[ field.key ];
		return draft === undefined
			? before[ field.key ] !== normalized[ field.key ]
			: ! draftMatches( field, draft, normalized[ field.key ] );
	} );
}
