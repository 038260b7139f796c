/**
 * Capture contract (plugin/schema/capture.ts) → `CaptureSchema`: limits and names the PHP side enforces
 * and hands to the checkout scripts.
 */
import { captureSchemaClass } from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { emitValueClass } from './value-class';

export function emitCaptureSchema(): GeneratedFile {
	return emitValueClass( captureSchemaClass, 'codegen/emitters/capture.ts' );
}
