// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { campaign, defaultCampaign } from '../../../plugin/schema';
import { adjustedSteps, campaignPayload, formatDelay, formatMinutes, toCampaignDraft } from '../sequence';

describe('formatDelay / formatMinutes', () => {
	it.each<[string, string, string]>([
		['one minute', formatDelay(1, 'minutes'), '1 minute'],
		['hours', formatDelay(24, 'hours'), '24 hours'],
		['one day', formatDelay(1, 'days'), '1 day'],
		['schema minimum', formatMinutes(campaign.minDelayMinutes), '15 minutes'],
		['schema maximum', formatMinutes(campaign.maxDelayMinutes), '7 days'],
		['not a whole hour', formatMinutes(90), '90 minutes'],
	])('%s', (_name, got, want) => {
		expect(got).toBe(want);
	});
});

describe('campaign drafts', () => {
	const saved = defaultCampaign();

	it('round-trips the saved sequence', () => {
		const draft = toCampaignDraft(saved);
		expect(draft.steps[0]?.delay_value).toBe(String(saved.steps[0]?.delay_value));
		expect(campaignPayload(draft)).toEqual(saved);
		expect(adjustedSteps(draft, saved)).toEqual([]);
	});

	it.each<[string, string, number[]]>([
		['a typed value that is kept', '45', []],
		['a typed value the server changed', '5', [0]],
		['a value that is not a number', 'soon', [0]],
	])('%s', (_name, typed, want) => {
		const draft = toCampaignDraft(saved);
		const edited = { ...draft, steps: draft.steps.map((step, i) => (i === 0 ? { ...step, delay_value: typed } : step)) };
		const normalized = want.length === 0 ? saved : { ...saved, steps: saved.steps.map((s, i) => (i === 0 ? { ...s, delay_value: 15 } : s)) };
		expect(adjustedSteps(edited, normalized)).toEqual(want);
	});
});
