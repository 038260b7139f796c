// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';
import { createRegistry, RegistryProvider } from '@wordpress/data';

import { defaultSettings } from '../../../../plugin/schema';
import { store } from '../../store';
import SettingsScreen from '../SettingsScreen';

vi.mock('@wordpress/api-fetch', () => ({ default: vi.fn() }));

const mockedFetch = vi.mocked(apiFetch);

interface Request {
	path?: string;
	method?: string;
	data?: Record<string, unknown>;
}

function renderScreen() {
	const registry = createRegistry();
	registry.register(store);
	return render(
		<RegistryProvider value={registry}>
			<SettingsScreen sections={['capture']} />
		</RegistryProvider>
	);
}

describe('SettingsScreen (Capture)', () => {
	beforeEach(() => {
		mockedFetch.mockReset();
	});
	afterEach(cleanup);

	it('renders the Capture fields from the schema with the server values', async () => {
		mockedFetch.mockResolvedValueOnce({ ...defaultSettings(), consent_default_checked: false });
		renderScreen();

		await screen.findByLabelText('Enable Capture');
		expect((screen.getByLabelText('Enable Capture') as HTMLInputElement).checked).toBe(true);
		expect((screen.getByLabelText('Consent Checkbox Checked by Default') as HTMLInputElement).checked).toBe(false);
		expect((screen.getByLabelText('Consent Text') as HTMLTextAreaElement).value).toBe(
			'Save my email to recover my cart if I leave.'
		);
		const timeout = screen.getByLabelText('Abandonment Timeout (minutes)') as HTMLInputElement;
		expect(timeout.value).toBe('30');
		expect(timeout.min).toBe('5');
		expect(timeout.max).toBe('1440');
		// Only the Capture section.
		expect(screen.queryByLabelText('Coupon Amount')).toBeNull();
		expect(mockedFetch).toHaveBeenCalledWith({ path: '/cartbay/v1/settings' });
	});

	it('saves an edit and shows the value the server normalized', async () => {
		const requests: Request[] = [];
		mockedFetch.mockImplementation(async (request: Request) => {
			requests.push(request);
			// The server clamps the timeout into its declared range.
			return request.method === 'PATCH' ? { ...defaultSettings(), abandonment_timeout: 1440 } : defaultSettings();
		});
		renderScreen();

		const timeout = (await screen.findByLabelText('Abandonment Timeout (minutes)')) as HTMLInputElement;
		const save = screen.getByRole('button', { name: 'Save changes' });
		expect(save.getAttribute('aria-disabled')).toBe('true');

		fireEvent.change(timeout, { target: { value: '2000' } });
		// Client-side preview from the shared normalizer.
		expect(screen.getByText(/Will be saved as: 1440/)).toBeTruthy();

		fireEvent.click(save);

		await waitFor(() => expect(timeout.value).toBe('1440'));
		expect(requests.at(-1)).toEqual({
			path: '/cartbay/v1/settings',
			method: 'PATCH',
			data: { abandonment_timeout: 2000 },
		});
		const notice = document.querySelector('.cartbay-notices');
		expect(notice?.textContent).toContain('Settings saved. Some values were adjusted to fit the allowed limits:');
		expect(notice?.querySelector('li')?.textContent).toBe('Abandonment Timeout (minutes): 1440');
		expect(screen.queryByText(/Will be saved as/)).toBeNull();
	});

	it('shows the server error and keeps what was typed when the save fails', async () => {
		mockedFetch.mockImplementation(async (request: Request) => {
			if (request.method === 'PATCH') {
				throw { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 403 } };
			}
			return defaultSettings();
		});
		renderScreen();

		const consent = (await screen.findByLabelText('Consent Text')) as HTMLTextAreaElement;
		fireEvent.change(consent, { target: { value: 'Email me a reminder if I do not finish checkout.' } });
		fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

		const message = 'Settings could not be saved: Sorry, you are not allowed to do that.';
		await waitFor(() => expect(document.querySelector('.cartbay-notices')?.textContent).toContain(message));
		// Announced to screen readers right away.
		expect(document.getElementById('a11y-speak-assertive')?.textContent).toContain(message);
		expect(consent.value).toBe('Email me a reminder if I do not finish checkout.');
	});

	it('reports a failed load and loads again on request', async () => {
		mockedFetch
			.mockRejectedValueOnce({ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 403 } })
			.mockResolvedValueOnce(defaultSettings());
		renderScreen();

		const retry = await screen.findByRole('button', { name: 'Try again' });
		expect(document.body.textContent).toContain('CartBay could not load this screen: Sorry, you are not allowed to do that.');
		fireEvent.click(retry);

		expect(await screen.findByLabelText('Enable Capture')).toBeTruthy();
		expect(mockedFetch).toHaveBeenCalledTimes(2);
	});
});
