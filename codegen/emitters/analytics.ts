/**
 * Analytics contract (plugin/schema/analytics.ts) → `AnalyticsSchema`: reporting periods, list pages, ledger
 * batches and the CSV formula guard.
 */
import { analyticsSchemaClass } from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { emitValueClass } from './value-class';

export function emitAnalyticsSchema(): GeneratedFile {
	return emitValueClass(
		analyticsSchemaClass,
		'codegen/emitters/analytics.ts'
	);
}
