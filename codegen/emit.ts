/**
 * Runs every emitter: the complete generated output, checked against the hand-written runtime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobs, routes } from '../plugin/schema';
import { emitAgentAbilities, emitAgentSchema } from './emitters/agent';
import { emitAnalyticsSchema } from './emitters/analytics';
import { emitCaptureSchema } from './emitters/capture';
import { emitConstants } from './emitters/constants';
import { emitEmailClasses } from './emitters/emails';
import { emitLicenseSchema } from './emitters/license';
import { emitLogSchema } from './emitters/log';
import { emitMailEnvironmentSchema } from './emitters/mail-environment';
import { emitOrderStatuses } from './emitters/order-statuses';
import { emitPluginFile } from './emitters/plugin-file';
import { emitRecoverySchema } from './emitters/recovery';
import { emitRestRoutes } from './emitters/rest-routes';
import { emitScheduledJobs } from './emitters/scheduled-jobs';
import {
	emitSettingsNormalizer,
	emitSettingsSchema,
} from './emitters/settings';
import { emitSettingsKeys } from './emitters/settings-keys';
import { emitStepTiming } from './emitters/step-timing';
import type { GeneratedFile } from './file';
import { indexDirectory, missingHandlers } from './php-index';

/** Every handler the schema names, with where it is named. */
export function schemaHandlers() {
	return [
		...routes.flatMap( ( r ) =>
			r.endpoints.map( ( e ) => ( {
				where: `route ${ e.method } ${ r.path }`,
				handler: e.handler,
			} ) )
		),
		...jobs.map( ( j ) => ( {
			where: `job ${ j.hook }`,
			handler: j.handler,
		} ) ),
	];
}

export function generate( root: string ): GeneratedFile[] {
	const problems = missingHandlers(
		schemaHandlers(),
		indexDirectory( join( root, 'plugin/src' ) )
	);
	if ( problems.length > 0 ) {
		throw new Error(
			`The schema names PHP handlers that do not exist:\n  ${ problems.join( '\n  ' ) }`
		);
	}
	const template = readFileSync( join( root, 'cartbay.php.tpl' ), 'utf8' );
	return [
		emitPluginFile( template ),
		emitOrderStatuses(),
		emitSettingsSchema(),
		emitSettingsNormalizer(),
		emitSettingsKeys(),
		emitStepTiming(),
		emitRestRoutes(),
		emitScheduledJobs(),
		...emitEmailClasses(),
		...emitConstants(),
		emitCaptureSchema(),
		emitRecoverySchema(),
		emitAnalyticsSchema(),
		emitLicenseSchema(),
		emitAgentSchema(),
		emitAgentAbilities(),
		emitLogSchema(),
		emitMailEnvironmentSchema(),
	];
}
