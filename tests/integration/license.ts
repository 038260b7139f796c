/**
 * Issue 12 license suite (being written).
 */
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';

export async function licenseScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	void t;
	void site;
}
