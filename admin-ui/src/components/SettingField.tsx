/**
 * One settings field, rendered from its schema declaration.
 */
/** WordPress dependencies */
import {
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { schemaText } from '../schema-text';
import DangerToggle from './DangerToggle';
import type { SettingFieldProps } from '../types';

/** Strings longer than this many characters get a multi-line control. */
const TEXTAREA_FROM_LENGTH = 120;

function Help( {
	field,
	preview,
}: Pick< SettingFieldProps, 'field' | 'preview' > ) {
	let limit: string | null = null;
	if ( field.type === 'integer' || field.type === 'number' ) {
		limit = sprintf(
			/* translators: 1: smallest allowed value, 2: largest allowed value */
			__( 'Allowed: %1$s to %2$s.', 'cartbay' ),
			String( field.minimum ),
			String( field.maximum )
		);
	} else if ( field.type === 'string' ) {
		limit = sprintf(
			/* translators: %d: maximum number of characters */
			__( 'Up to %d characters.', 'cartbay' ),
			field.maxLength
		);
	}
	return (
		<>
			{ schemaText( field.description ) }
			{ limit && ` ${ limit }` }
			{ preview !== undefined && (
				<strong className="cartbay-field__preview">
					{ ' ' }
					{ sprintf(
						/* translators: %s: the value CartBay will save */
						__( 'Will be saved as: %s', 'cartbay' ),
						preview
					) }
				</strong>
			) }
		</>
	);
}

export default function SettingField( {
	field,
	value,
	onChange,
	preview,
	disabled = false,
}: SettingFieldProps ) {
	const label = schemaText( field.label );
	const help = <Help field={ field } preview={ preview } />;
	const text = typeof value === 'string' ? value : String( value );

	switch ( field.type ) {
		case 'boolean':
			return field.danger !== undefined ? (
				<DangerToggle
					field={ field }
					value={ value }
					onChange={ onChange }
					disabled={ disabled }
					help={ help }
					danger={ field.danger }
				/>
			) : (
				<ToggleControl
					__nextHasNoMarginBottom
					label={ label }
					help={ help }
					checked={ value === true }
					disabled={ disabled }
					onChange={ onChange }
				/>
			);
		case 'enum':
			return (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ label }
					help={ help }
					value={ text }
					disabled={ disabled }
					options={ field.options.map( ( option ) => ( {
						value: option.value,
						label: schemaText( option.label ),
					} ) ) }
					onChange={ ( next: string ) => onChange( next ) }
				/>
			);
		case 'integer':
		case 'number':
			return (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					label={ label }
					help={ help }
					value={ text }
					min={ field.minimum }
					max={ field.maximum }
					step={
						field.type === 'integer' ? 1 : 10 ** -field.precision
					}
					disabled={ disabled }
					onChange={ ( next: string ) => onChange( next ) }
				/>
			);
		case 'string':
			return field.maxLength > TEXTAREA_FROM_LENGTH ? (
				<TextareaControl
					__nextHasNoMarginBottom
					label={ label }
					help={ help }
					value={ text }
					rows={ 3 }
					disabled={ disabled }
					onChange={ ( next: string ) => onChange( next ) }
				/>
			) : (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ label }
					help={ help }
					value={ text }
					disabled={ disabled }
					onChange={ ( next: string ) => onChange( next ) }
				/>
			);
	}
}
