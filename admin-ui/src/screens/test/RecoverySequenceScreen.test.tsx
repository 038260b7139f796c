// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

import { defaultCampaign, normalizeCampaign } from '../../../../plugin/schema';
import { store } from '../../store';
import RecoverySequenceScreen from '../RecoverySequenceScreen';

vi.mock('@wordpress/api-fetch', () => ({ default: vi.fn() }));

const mockedFetch = vi.mocked(apiFetch);

interface Request {
	method?: string;
	data?: Record<string, unknown>;
}

describe('RecoverySequenceScreen', () => {
	afterEach(() => {
		cleanup();
		mockedFetch.mockReset();
	});

	it('saves the steps and shows the order the server kept', async () => {
		let sent: Record<string, unknown> | undefined;
		mockedFetch.mockImplementation(async (request: Request) => {
			if (request.method === 'PATCH') {
				sent = request.data;
				// The server runs the same sequence rules (tests/contract checks both sides agree).
				return normalizeCampaign(request.data, defaultCampaign());
			}
			return defaultCampaign();
		});
		const registry = createRegistry();
		registry.register(store);
		render(
			<RegistryProvider value={registry}>
				<RecoverySequenceScreen />
			</RegistryProvider>
		);

		const email2 = within((await screen.findByText('Email 2')).closest('fieldset')!);
		const delay = email2.getByLabelText('Delay after abandonment') as HTMLInputElement;
		const unit = email2.getByLabelText('Unit') as HTMLSelectElement;
		expect([delay.value, unit.value]).toEqual(['24', 'hours']);

		// Email 2 before Email 1 (45 minutes): the server moves it to 15 minutes after Email 1.
		fireEvent.change(unit, { target: { value: 'minutes' } });
		fireEvent.change(delay, { target: { value: '10' } });
		expect(email2.getByText('Will be saved as: 1 hour')).toBeTruthy();

		fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

		await waitFor(() => expect([delay.value, unit.value]).toEqual(['1', 'hours']));
		expect(sent).toEqual({
			enabled: true,
			steps: [
				{ delay_value: 45, delay_unit: 'minutes', coupon_enabled: false },
				{ delay_value: 10, delay_unit: 'minutes', coupon_enabled: false },
				{ delay_value: 72, delay_unit: 'hours', coupon_enabled: true },
			],
		});
		const notice = document.querySelector('.cartbay-notices');
		expect(notice?.textContent).toContain('Some delays were adjusted');
		expect(notice?.querySelector('li')?.textContent).toBe('Email 2: 1 hour');
	});
});
