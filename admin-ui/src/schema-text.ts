/**
 * Translate text declared in the schema (field labels, descriptions, option and unit labels).
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/**
 * The schema declares admin text once, in English; the build's POT step extracts those declarations
 * (tools/build/pot/extract-schema.ts), so translating the variable here finds them at run time.
 *
 * @param text A label or description from plugin/schema.
 */
export function schemaText( text: string ): string {
	// eslint-disable-next-line @wordpress/i18n-no-variables -- the strings are extracted from the schema.
	return __( text, 'cartbay' );
}
