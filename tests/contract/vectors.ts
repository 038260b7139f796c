/**
 * The settings contract vectors (settings-vectors.json): each carries its input, optional base and the
 * expected normalized option. Read by the vitest contract test and by the integration layer's PATCH checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignSettings, Settings } from '../../plugin/schema';

export interface SettingsVector {
	name: string;
	kind: 'settings';
	input: unknown;
	base?: unknown;
	expected: Settings;
}

export interface CampaignVector {
	name: string;
	kind: 'campaign';
	input: unknown;
	base?: unknown;
	expected: CampaignSettings;
}

export type Vector = SettingsVector | CampaignVector;

export const VECTORS_FILE = join( __dirname, 'settings-vectors.json' );

export function loadVectors(): Vector[] {
	return (
		JSON.parse( readFileSync( VECTORS_FILE, 'utf8' ) ) as {
			vectors: Vector[];
		}
	 ).vectors;
}

/**
 * Whether a REST PATCH accepts the vector's input as a body (an object, or JSON null); anything else is a 400.
 * @param input
 */
export function isPatchBody( input: unknown ): boolean {
	return (
		input === null ||
		( typeof input === 'object' && ! Array.isArray( input ) )
	);
}
