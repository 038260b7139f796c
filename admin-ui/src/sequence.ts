/**
 * The recovery sequence as the form edits it, and delays as the admin reads them.
 */
/** WordPress dependencies */
import { _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { parseNumber } from './schema';
import type { CampaignSettings, CampaignStep, DelayUnit } from './schema';
// Step arithmetic has one TypeScript home, the schema normalizer (the PHP side is generated from the same schema).
import { expressMinutes } from '../../plugin/schema/normalize';

/** One step while it is edited: the delay value as typed. */
export interface StepDraft {
	readonly delay_value: string;
	readonly delay_unit: DelayUnit;
	readonly coupon_enabled: boolean;
}

export interface CampaignDraft {
	readonly enabled: boolean;
	readonly steps: readonly StepDraft[];
}

export function toCampaignDraft( value: CampaignSettings ): CampaignDraft {
	return {
		enabled: value.enabled,
		steps: value.steps.map( ( step ) => ( {
			...step,
			delay_value: String( step.delay_value ),
		} ) ),
	};
}

/**
 * The PATCH body: delay values parsed when they are numbers, otherwise sent as typed (the server keeps the old value).
 * @param draft The form's sequence.
 */
export function campaignPayload(
	draft: CampaignDraft
): Record< string, unknown > {
	return {
		enabled: draft.enabled,
		steps: draft.steps.map( ( step ) => ( {
			...step,
			delay_value: parseNumber( step.delay_value ) ?? step.delay_value,
		} ) ),
	};
}

/**
 * Indexes of the steps whose normalized delay or coupon differs from the draft.
 * @param draft      The form's sequence.
 * @param normalized The sequence the server saved.
 */
export function adjustedSteps(
	draft: CampaignDraft,
	normalized: CampaignSettings
): number[] {
	return draft.steps.flatMap( ( step, index ) => {
		const saved = normalized.steps[ index ];
		const same =
			saved !== undefined &&
			parseNumber( step.delay_value ) === saved.delay_value &&
			step.delay_unit === saved.delay_unit &&
			step.coupon_enabled === saved.coupon_enabled;
		return same ? [] : [ index ];
	} );
}

/**
 * "45 minutes", "24 hours", "7 days".
 * @param value Delay in `unit`s.
 * @param unit  Delay unit.
 */
export function formatDelay( value: number, unit: DelayUnit ): string {
	switch ( unit ) {
		case 'minutes':
			return sprintf(
				/* translators: %d: number of minutes */
				_n( '%d minute', '%d minutes', value, 'cartbay' ),
				value
			);
		case 'hours':
			return sprintf(
				/* translators: %d: number of hours */
				_n( '%d hour', '%d hours', value, 'cartbay' ),
				value
			);
		case 'days':
			return sprintf(
				/* translators: %d: number of days */
				_n( '%d day', '%d days', value, 'cartbay' ),
				value
			);
	}
}

export function formatStep( step: CampaignStep ): string {
	return formatDelay( step.delay_value, step.delay_unit );
}

/**
 * A number of minutes in the largest unit that expresses it exactly ("10080" → "7 days").
 * @param minutes Delay in minutes.
 */
export function formatMinutes( minutes: number ): string {
	const delay = expressMinutes( minutes );
	return formatDelay( delay.delay_value, delay.delay_unit );
}
