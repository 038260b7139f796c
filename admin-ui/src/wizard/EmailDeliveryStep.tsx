/**
 * Setup wizard, Email Delivery: recovery emails go out through WordPress mail, so the step sends a test
 * email to an address the owner chooses and shows WordPress's answer (or the mailer's error).
 */
/** WordPress dependencies */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { toApiError } from '../store/api';
import { sendDeliveryTest } from '../store/wizard-api';
import type { StepProps } from './step-props';

export default function EmailDeliveryStep( {
	onContinue,
	onNotice,
}: StepProps ) {
	const [ email, setEmail ] = useState( '' );
	const [ sending, setSending ] = useState( false );

	const send = async () => {
		setSending( true );
		try {
			const sent = await sendDeliveryTest( email );
			onNotice(
				sent
					? {
							status: 'success',
							message: __(
								'WordPress accepted the test email. Check the inbox (and the spam folder) of the address.',
								'cartbay'
							),
						}
					: {
							status: 'error',
							message: __(
								'WordPress did not accept the test email.',
								'cartbay'
							),
						}
			);
		} catch ( error ) {
			onNotice( {
				status: 'error',
				message: sprintf(
					/* translators: %s: the mailer's error message */
					__( 'The test email was not sent: %s', 'cartbay' ),
					toApiError( error ).message
				),
			} );
		} finally {
			setSending( false );
		}
	};

	return (
		<>
			<p>
				{ __(
					'CartBay hands recovery emails to WordPress mail. A dedicated SMTP plugin or transactional email service makes inbox delivery much more reliable; without one, recovery emails may land in spam.',
					'cartbay'
				) }
			</p>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="email"
				label={ __( 'Send a test email to', 'cartbay' ) }
				help={ __(
					'Leave empty to use your own account’s email address.',
					'cartbay'
				) }
				value={ email }
				autoComplete="email"
				onChange={ setEmail }
			/>
			<div className="cartbay-wizard__actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					isBusy={ sending }
					disabled={ sending }
					accessibleWhenDisabled
					onClick={ send }
				>
					{ __( 'Send test email', 'cartbay' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="primary"
					onClick={ onContinue }
				>
					{ __( 'Continue', 'cartbay' ) }
				</Button>
			</div>
		</>
	);
}
