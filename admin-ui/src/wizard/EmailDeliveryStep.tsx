/**
 * Setup wizard, Email Delivery: the Notifications section's Email Delivery Test (the detected delivery
 * service with its confidence, loggers, the From address recovery emails use, and a test email with
 * WordPress's answer or the mailer's error), then Continue.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import DeliveryTest from '../components/notifications/DeliveryTest';
import type { StepProps } from './step-props';

export default function EmailDeliveryStep( { onContinue }: StepProps ) {
	return (
		<>
			<p>
				{ __(
					'CartBay hands recovery emails to WordPress mail. A dedicated SMTP plugin or transactional email service makes inbox delivery much more reliable; without one, recovery emails may land in spam.',
					'cartbay'
				) }
			</p>
			<DeliveryTest />
			<div className="cartbay-wizard__actions">
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
