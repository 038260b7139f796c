/**
 * Setup wizard, Launch: the recovery sequence's sending switch (the campaign's `enabled`), then Finish.
 * Leaving it off lets the owner edit the emails and coupons first; abandonment is still detected.
 */
/** WordPress dependencies */
import { Button, ToggleControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import Loading from '../components/Loading';
import { campaign } from '../schema';
import { schemaText } from '../schema-text';
import { store } from '../store';
import type { StepProps } from './step-props';

interface LaunchStepProps extends StepProps {
	/** Whether Finish is marking the wizard complete. */
	readonly isFinishing: boolean;
}

export default function LaunchStep( {
	onContinue,
	onNotice,
	isFinishing,
}: LaunchStepProps ) {
	const saved = useSelect( ( select ) => select( store ).getCampaign(), [] );
	const { saveCampaign } = useDispatch( store );
	const [ enabled, setEnabled ] = useState< boolean | null >( null );
	const [ saving, setSaving ] = useState( false );

	if ( saved === undefined ) {
		return <Loading />;
	}
	const sending = enabled ?? saved.enabled;

	const finish = async () => {
		if ( sending !== saved.enabled ) {
			setSaving( true );
			const result = await saveCampaign( { enabled: sending } );
			setSaving( false );
			if ( ! result.ok ) {
				onNotice( {
					status: 'error',
					message: sprintf(
						/* translators: %s: error message from the server */
						__(
							'The sending switch could not be saved: %s',
							'cartbay'
						),
						result.error.message
					),
				} );
				return;
			}
		}
		onContinue();
	};

	return (
		<>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ schemaText( campaign.enabled.label ) }
				help={ schemaText( campaign.enabled.description ) }
				checked={ sending }
				onChange={ setEnabled }
			/>
			<p>
				{ sending
					? __(
							'Abandoned carts get the recovery emails from now on.',
							'cartbay'
						)
					: __(
							'No recovery email is sent until you switch this on (CartBay > Recovery Sequence). You can edit the emails and coupons first.',
							'cartbay'
						) }
			</p>
			<div className="cartbay-wizard__actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					isBusy={ saving || isFinishing }
					disabled={ saving || isFinishing }
					accessibleWhenDisabled
					onClick={ finish }
				>
					{ __( 'Finish setup', 'cartbay' ) }
				</Button>
			</div>
		</>
	);
}
