/**
 * Issue 11 suite (being written).
 */
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';

export async function reportsScenarios( t: Checks, site: Site ): Promise< void > {
	void t;
	void site;
}
