/**
 * Templates section rules: the recovery emails with their saved subject and campaign step, the link to each
 * email's WooCommerce settings, and the Trigger Test Flow answer.
 */
/** Internal dependencies */
import type { CampaignSettings, CampaignStep, EmailStepDef } from './schema';

/** One recovery email as the Templates section lists it. */
export interface TemplateEmail {
	readonly step: number;
	/** WooCommerce email id (`cartbay_email_recovery_1`). */
	readonly id: string;
	/** Email class name, whose lower case is WooCommerce's settings section. */
	readonly className: string;
	/** The subject saved in WooCommerce, or undefined when the page did not say (shown as the default). */
	readonly subject: string | undefined;
	/** The step's timing and coupon from the campaign settings, once loaded. */
	readonly sequence: CampaignStep | undefined;
}

/**
 * The WooCommerce settings page of one email (relative to wp-admin). WooCommerce names an email's section
 * after the lower-cased key of its emails list, which for CartBay's emails is the short class name.
 * @param className Email class name (`CartBay_Email_Recovery_1`).
 */
export function emailSettingsUrl( className: string ): string {
	return `admin.php?page=wc-settings&tab=email&section=${ encodeURIComponent(
		className.toLowerCase()
	) }`;
}

/**
 * The recovery emails in step order, each with its saved subject and its campaign step.
 * @param steps    The schema's email steps.
 * @param subjects Saved subjects by email id (boot data).
 * @param campaign Campaign settings, once loaded.
 */
export function templateEmails(
	steps: readonly EmailStepDef[],
	subjects: Readonly< Record< string, string > > | undefined,
	campaign: CampaignSettings | undefined
): TemplateEmail[] {
	return steps.map( ( s ) => {
		const subject = subjects?.[ s.id ]?.trim();
		return {
			step: s.step,
			id: s.id,
			className: s.className,
			subject:
				subject === undefined || subject === '' ? undefined : subject,
			sequence: campaign?.steps[ s.step - 1 ],
		};
	} );
}

/** What `POST /test/trigger` answers. */
export interface TestTriggerAnswer {
	readonly session_id: string;
	readonly scheduled_at: string;
}

/**
 * The trigger's answer, or null when it is not one (a proxy page, an empty body).
 * @param value Parsed response.
 */
export function readTestTrigger( value: unknown ): TestTriggerAnswer | null {
	if ( typeof value !== 'object' || value === null ) {
		return null;
	}
	const answer = value as Record< string, unknown >;
	return typeof answer.session_id === 'string' &&
		typeof answer.scheduled_at === 'string' &&
		answer.scheduled_at !== ''
		? { session_id: answer.session_id, scheduled_at: answer.scheduled_at }
		: null;
}
