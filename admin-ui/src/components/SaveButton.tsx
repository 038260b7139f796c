/**
 * The submit button of a screen's form.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import type { SaveButtonProps } from '../types';

export default function SaveButton( { isSaving, disabled }: SaveButtonProps ) {
	return (
		<Button
			__next40pxDefaultSize
			type="submit"
			variant="primary"
			isBusy={ isSaving }
			disabled={ disabled || isSaving }
			accessibleWhenDisabled
		>
			{ isSaving
				? __( 'Saving…', 'cartbay' )
				: __( 'Save changes', 'cartbay' ) }
		</Button>
	);
}
