/**
 * The first-run setup wizard (its own admin page, admin.php?page=cartbay-setup): Welcome, License (with
 * "I'll do this later"), Consent & Timing, Email Delivery (a test email), Launch. Each step saves what it
 * edits when the owner continues; finishing or skipping marks the wizard complete (POST /wizard), so the
 * first-run redirect never comes back, and opens CartBay. The step list is an ordered list with the
 * current step marked for assistive technology; the focus moves to each new step's heading.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import FeedbackNotices from '../components/FeedbackNotices';
import { useFeedback } from '../components/use-feedback';
import { getBootData } from '../boot';
import { toApiError } from '../store/api';
import { completeWizard } from '../store/wizard-api';
import ConsentTimingStep from './ConsentTimingStep';
import EmailDeliveryStep from './EmailDeliveryStep';
import LaunchStep from './LaunchStep';
import LicenseStep from './LicenseStep';
import {
	stepAfter,
	WIZARD_STEPS,
	wizardStepTitle,
	type WizardStep,
} from './steps';
import type { StepProps } from './step-props';

/**
 * The step list's class of one step: done, current, or none.
 * @param index    The step's position.
 * @param position The current step's position.
 */
function stepClass( index: number, position: number ): string | undefined {
	if ( index === position ) {
		return 'is-current';
	}
	return index < position ? 'is-done' : undefined;
}

export default function SetupWizard() {
	const [ step, setStep ] = useState< WizardStep >( 'welcome' );
	const [ leaving, setLeaving ] = useState( false );
	const heading = useRef< HTMLHeadingElement >( null );
	const moved = useRef( false );
	const { notices, show, dismiss } = useFeedback();
	const position = WIZARD_STEPS.indexOf( step );

	useEffect( () => {
		// Not on the first render: the page's own focus order starts there.
		if ( moved.current ) {
			heading.current?.focus();
		}
		moved.current = true;
	}, [ step ] );

	const go = ( offset: number ) => {
		show( [] );
		setStep( stepAfter( step, offset ) );
	};

	/** Marks the wizard complete and opens CartBay (Overview). */
	const finish = async () => {
		setLeaving( true );
		try {
			await completeWizard();
			window.location.assign( getBootData().screenUrl ?? '' );
		} catch ( error ) {
			setLeaving( false );
			show( [
				{
					status: 'error',
					message: sprintf(
						/* translators: %s: error message from the server */
						__( 'The setup could not be closed: %s', 'cartbay' ),
						toApiError( error ).message
					),
				},
			] );
		}
	};

	const props: StepProps = {
		onContinue: () => go( 1 ),
		onNotice: ( notice ) => show( [ notice ] ),
	};

	return (
		<div className="cartbay-wizard">
			<ol className="cartbay-wizard__steps">
				{ WIZARD_STEPS.map( ( key, index ) => (
					<li
						key={ key }
						className={ stepClass( index, position ) }
						aria-current={ index === position ? 'step' : undefined }
					>
						{ wizardStepTitle( key ) }
					</li>
				) ) }
			</ol>
			<section
				className="cartbay-wizard__panel"
				aria-labelledby="cartbay-wizard-title"
			>
				<h2 id="cartbay-wizard-title" ref={ heading } tabIndex={ -1 }>
					{ sprintf(
						/* translators: 1: step number, 2: number of steps, 3: step title */
						__( 'Step %1$d of %2$d: %3$s', 'cartbay' ),
						position + 1,
						WIZARD_STEPS.length,
						wizardStepTitle( step )
					) }
				</h2>
				<FeedbackNotices notices={ notices } onRemove={ dismiss } />
				{ step === 'welcome' && (
					<>
						<p>
							{ __(
								'CartBay saves the carts of shoppers who agree at checkout, notices when they go quiet, and sends three recovery emails with a link that rebuilds the cart. This setup takes under five minutes: license, consent and timing, email delivery, launch.',
								'cartbay'
							) }
						</p>
						<div className="cartbay-wizard__actions">
							<Button
								__next40pxDefaultSize
								variant="primary"
								onClick={ () => go( 1 ) }
							>
								{ __( 'Start setup', 'cartbay' ) }
							</Button>
						</div>
					</>
				) }
				{ step === 'license' && <LicenseStep { ...props } /> }
				{ step === 'consent-timing' && (
					<ConsentTimingStep { ...props } />
				) }
				{ step === 'email-delivery' && (
					<EmailDeliveryStep { ...props } />
				) }
				{ step === 'launch' && (
					<LaunchStep
						{ ...props }
						onContinue={ finish }
						isFinishing={ leaving }
					/>
				) }
			</section>
			<div className="cartbay-wizard__footer">
				{ position > 0 && (
					<Button variant="tertiary" onClick={ () => go( -1 ) }>
						{ __( 'Back', 'cartbay' ) }
					</Button>
				) }
				{ step !== 'launch' && (
					<Button
						variant="link"
						onClick={ finish }
						disabled={ leaving }
						accessibleWhenDisabled
					>
						{ __( 'Skip setup and open CartBay', 'cartbay' ) }
					</Button>
				) }
			</div>
		</div>
	);
}
