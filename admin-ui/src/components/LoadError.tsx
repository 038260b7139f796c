/**
 * A resource that could not be loaded, with a way to try again.
 */
/** WordPress dependencies */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import type { LoadErrorProps } from '../types';

export default function LoadError( { error, onRetry }: LoadErrorProps ) {
	return (
		<Notice
			status="error"
			isDismissible={ false }
			politeness="assertive"
			actions={ [
				{
					label: __( 'Try again', 'cartbay' ),
					onClick: onRetry,
					variant: 'secondary',
				},
			] }
		>
			{ sprintf(
				/* translators: %s: error message from the server */
				__( 'CartBay could not load this screen: %s', 'cartbay' ),
				error.message
			) }
		</Notice>
	);
}
