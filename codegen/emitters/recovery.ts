/**
 * Recovery contract (plugin/schema/recovery.ts, notifications.ts) → `RecoverySchema`: link lifetimes,
 * coupon shape, retry policy and the bounds of the background work.
 */
import { recoverySchemaClass } from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { emitValueClass } from './value-class';

export function emitRecoverySchema(): GeneratedFile {
	return emitValueClass(
		recoverySchemaClass,
		'codegen/emitters/recovery.ts'
	);
}
