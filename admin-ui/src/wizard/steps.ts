/**
 * The setup wizard's steps, in order, as the docs list them (Welcome, License, Consent & Timing, Email
 * Delivery, Launch).
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

export const WIZARD_STEPS = [
	'welcome',
	'license',
	'consent-timing',
	'email-delivery',
	'launch',
] as const;

export type WizardStep = ( typeof WIZARD_STEPS )[ number ];

/**
 * A step's title.
 * @param step Step key.
 */
export function wizardStepTitle( step: WizardStep ): string {
	switch ( step ) {
		case 'welcome':
			return __( 'Welcome', 'cartbay' );
		case 'license':
			return __( 'License', 'cartbay' );
		case 'consent-timing':
			return __( 'Consent & Timing', 'cartbay' );
		case 'email-delivery':
			return __( 'Email Delivery', 'cartbay' );
		case 'launch':
			return __( 'Launch', 'cartbay' );
	}
}

/**
 * The step `offset` places away from `step`, kept inside the list.
 * @param step   Current step.
 * @param offset +1 for Continue, -1 for Back.
 */
export function stepAfter( step: WizardStep, offset: number ): WizardStep {
	const index = Math.min(
		WIZARD_STEPS.length - 1,
		Math.max( 0, WIZARD_STEPS.indexOf( step ) + offset )
	);
	return WIZARD_STEPS[ index ]!;
}

/**
 * The settings fields the Consent & Timing step edits (schema keys).
 */
export const CONSENT_TIMING_FIELDS = [
	'consent_text',
	'abandonment_timeout',
] as const;
