/**
 * Shown while a screen's data loads.
 */
/** WordPress dependencies */
import { Spinner, VisuallyHidden } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export default function Loading() {
	return (
		<div className="cartbay-loading" role="status">
			<Spinner />
			<VisuallyHidden>{ __( 'Loading…', 'cartbay' ) }</VisuallyHidden>
		</div>
	);
}
