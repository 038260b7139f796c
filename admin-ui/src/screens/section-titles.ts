/**
 * Headings of the schema's settings sections, for screens that show more than one.
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import type { SettingsSection } from '../schema';

export function sectionTitle( section: SettingsSection ): string {
	switch ( section ) {
		case 'capture':
			return __( 'Capture', 'cartbay' );
		case 'offers':
			return __( 'Offers', 'cartbay' );
		case 'settings':
			return __( 'General', 'cartbay' );
		case 'logs':
			return __( 'Logs', 'cartbay' );
		case 'agent':
			return __( 'AI Agent Access', 'cartbay' );
	}
}
