/**
 * Capture contract (plugin/schema/capture.ts) → `CaptureSchema`: limits and names the PHP side enforces
 * and hands to the checkout scripts.
 */
import { blockConsentField, captureClient, captureLimits } from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { emitValueClass, type ValueConstant } from './value-class';

const values: readonly ValueConstant[] = [
	{ name: 'RATE_LIMIT_REQUESTS', value: captureLimits.rateLimitRequests, description: 'Capture requests allowed per window per IP (filter cartbay_rate_limit).' },
	{ name: 'RATE_LIMIT_WINDOW', value: captureLimits.rateLimitWindowSeconds, description: 'Rate-limit window in seconds.' },
	{ name: 'MAX_BODY_BYTES', value: captureLimits.maxBodyBytes, description: 'Largest capture request body, in bytes.' },
	{ name: 'MAX_CART_ITEMS', value: captureLimits.maxCartItems, description: 'Most lines a client cart may carry.' },
	{ name: 'MAX_QUANTITY', value: captureLimits.maxQuantity, description: 'Largest quantity of one cart line.' },
	{ name: 'SESSION_ID_LENGTH', value: captureLimits.sessionIdLength, description: 'Length of a CartBay session id ([A-Za-z0-9]).' },
	{ name: 'MAX_EVENTS', value: captureLimits.maxEvents, description: 'Most events kept in a session\'s event log.' },
	{ name: 'EMAIL_LOCK_STALE_SECONDS', value: captureLimits.emailLockStaleSeconds, description: 'Age after which a per-email capture lock is taken over.' },
	{ name: 'CONSENT_FIELD_ID', value: blockConsentField.id, description: 'Block Checkout additional field id of the consent checkbox.' },
	{ name: 'CONSENT_FIELD_LOCATION', value: blockConsentField.location, description: 'Block Checkout location of the consent field.' },
	{ name: 'CONFIG_GLOBAL', value: captureClient.configGlobal, description: 'Global the checkout scripts read their configuration from.' },
	{ name: 'CLASSIC_HANDLE', value: captureClient.classicHandle, description: 'Script handle (and build name) of the classic checkout capture script.' },
	{ name: 'BLOCK_HANDLE', value: captureClient.blockHandle, description: 'Script handle (and build name) of the Block Checkout capture script.' },
];

export function emitCaptureSchema(): GeneratedFile {
	return emitValueClass({
		className: 'CaptureSchema',
		summary: 'CaptureSchema: limits and names of the public checkout capture.',
		classDoc: 'Checkout capture limits and names shared with the checkout scripts.',
		sources: ['plugin/schema/capture.ts'],
		emitter: 'codegen/emitters/capture.ts',
		values,
	});
}
