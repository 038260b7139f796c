import type { RecoveryStepDef, SequenceStepDefault } from './types';

/**
 * The recovery steps, in sending order: the one declaration of each step.
 *
 * A step is one recovery email (a generated `WC_Email` subclass over the hand-written
 * `AbstractCartBayRecoveryEmail`, editable in WooCommerce > Settings > Emails) and one entry of the
 * campaign option (its default delay after abandonment and whether it includes the recovery coupon).
 * `emailSteps` (emails.ts) and `campaign.steps` (campaign.ts) are views of this list.
 */
export const recoverySteps = [
	{
		step: 1,
		id: 'cartbay_email_recovery_1',
		className: 'CartBay_Email_Recovery_1',
		title: 'CartBay recovery email 1: initial reminder',
		description:
			'Sent to a shopper whose cart was abandoned: a friendly reminder with a link back to their cart.',
		sequence: {
			delay_value: 45,
			delay_unit: 'minutes',
			coupon_enabled: false,
		},
		copy: {
			subject: 'You left something in your cart at {site_title}',
			heading: 'Your cart is waiting',
			preheader: 'Pick up right where you left off.',
			body: 'Hi there,\n\nYou left a few items in your cart at {site_title}. We saved them for you, so you can finish your order in a click.',
			button_text: 'Return to my cart',
			additional_content:
				'Questions about your order? Just reply to this email.',
		},
	},
	{
		step: 2,
		id: 'cartbay_email_recovery_2',
		className: 'CartBay_Email_Recovery_2',
		title: 'CartBay recovery email 2: value follow-up',
		description:
			'Follows up on an abandoned cart a day later, reinforcing why the shopper chose it.',
		sequence: {
			delay_value: 24,
			delay_unit: 'hours',
			coupon_enabled: false,
		},
		copy: {
			subject: 'Still thinking it over?',
			heading: 'Your items are still here',
			preheader: 'Your cart at {site_title} is saved and ready.',
			body: 'Hi again,\n\nYour cart at {site_title} is still saved. If anything held you back (shipping, sizing, payment), reply to this email and we will help.',
			button_text: 'Complete my order',
			additional_content: 'Thanks for shopping with {site_title}.',
		},
	},
	{
		step: 3,
		id: 'cartbay_email_recovery_3',
		className: 'CartBay_Email_Recovery_3',
		title: 'CartBay recovery email 3: final reminder',
		description:
			'The last recovery email for an abandoned cart, with the recovery coupon when the step includes one.',
		sequence: {
			delay_value: 72,
			delay_unit: 'hours',
			coupon_enabled: true,
		},
		copy: {
			subject: 'Last chance to complete your order at {site_title}',
			heading: 'A last reminder about your cart',
			preheader: 'Your saved cart will not wait forever.',
			body: 'Hello,\n\nThis is our last reminder about the cart you left at {site_title}. Your items are saved, but we cannot hold them forever.',
			button_text: 'Restore my cart',
			additional_content: 'We hope to see you again soon.',
		},
	},
] as const satisfies readonly RecoveryStepDef[];

/**
 * The default campaign entries of the steps, in order (the shape `cartbay_campaign_settings` stores).
 * @param steps Recovery steps, in order.
 */
export function sequenceDefaults(
	steps: readonly RecoveryStepDef[] = recoverySteps
): readonly SequenceStepDefault[] {
	return steps.map( ( s ) => ( { ...s.sequence } ) );
}

/**
 * Step numbers must be 1, 2, … in list order: the campaign option stores the steps as a list.
 * @param steps Recovery steps, in order.
 */
export function assertStepsInOrder(
	steps: readonly RecoveryStepDef[] = recoverySteps
): void {
	steps.forEach( ( s, index ) => {
		if ( s.step !== index + 1 ) {
			throw new Error(
				`Recovery step ${ s.id } is number ${ s.step } but sits at position ${ index + 1 } of recoverySteps.`
			);
		}
	} );
}
