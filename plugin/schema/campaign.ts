import { sequenceDefaults } from './steps';
import type { CampaignDef } from './types';

/**
 * `cartbay_campaign_settings`: the recovery sequence switch and its timed steps (declared in steps.ts).
 *
 * Delays count from abandonment. Every delay is normalized into minutes, kept within
 * [minDelayMinutes, maxDelayMinutes], and later steps are moved forward so each step is at least
 * minGapMinutes after the one before it.
 */
export const campaign = {
	option: 'cartbay_campaign_settings',
	description:
		'Recovery sequence enabled state, per-step delays and per-step coupon controls.',
	enabled: {
		key: 'enabled',
		type: 'boolean',
		default: true,
		section: 'sequence',
		label: 'Send the 3-email recovery sequence',
		description:
			'Master sending switch; abandonment is detected for reporting either way.',
	},
	/** Key of the step list in the option. */
	stepsKey: 'steps',
	/** Default steps, in order: each step's `sequence` entry in `recoverySteps` (steps.ts). */
	steps: sequenceDefaults(),
	units: [
		{ value: 'minutes', label: 'Minutes', minutes: 1 },
		{ value: 'hours', label: 'Hours', minutes: 60 },
		{ value: 'days', label: 'Days', minutes: 1440 },
	],
	minDelayMinutes: 15,
	maxDelayMinutes: 10080,
	minGapMinutes: 15,
	testModeDivisor: 60,
} as const satisfies CampaignDef;
