import type { EmailStepDef } from './types';

/**
 * The three recovery email steps. Each becomes a generated `WC_Email` subclass over the hand-written
 * `AbstractCartBayRecoveryEmail`, editable in WooCommerce > Settings > Emails.
 */
export const emailSteps = [
	{
		step: 1,
		id: 'cartbay_email_recovery_1',
		className: 'CartBay_Email_Recovery_1',
		title: 'CartBay recovery email 1: initial reminder',
		description: 'Sent to a shopper whose cart was abandoned: a friendly reminder with a link back to their cart.',
		defaults: {
			subject: 'You left something in your cart at {site_title}',
			heading: 'Your cart is waiting',
			preheader: 'Pick up right where you left off.',
			body: 'Hi there,\n\nYou left a few items in your cart at {site_title}. We saved them for you, so you can finish your order in a click.',
			button_text: 'Return to my cart',
			additional_content: 'Questions about your order? Just reply to this email.',
		},
	},
	{
		step: 2,
		id: 'cartbay_email_recovery_2',
		className: 'CartBay_Email_Recovery_2',
		title: 'CartBay recovery email 2: value follow-up',
		description: 'Follows up on an abandoned cart a day later, reinforcing why the shopper chose it.',
		defaults: {
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
		description: 'The last recovery email for an abandoned cart, with the recovery coupon when the step includes one.',
		defaults: {
			subject: 'Last chance to complete your order at {site_title}',
			heading: 'A last reminder about your cart',
			preheader: 'Your saved cart will not wait forever.',
			body: 'Hello,\n\nThis is our last reminder about the cart you left at {site_title}. Your items are saved, but we cannot hold them forever.',
			button_text: 'Restore my cart',
			additional_content: 'We hope to see you again soon.',
		},
	},
] as const satisfies readonly EmailStepDef[];
