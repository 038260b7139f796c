/**
 * Log contract (plugin/schema/logging.ts) → `LogSchema`: the log file, entry bounds, the levels, the sources
 * and which log event (and level) each session event is written as.
 */
import {
	logLevels,
	logSchemaClass,
	logSources,
	sessionEventLog,
	sessionEventWarnings,
	sessionEvents,
} from '../../plugin/schema';
import type { GeneratedFile } from '../file';
import { docblock, php } from '../php';
import { emitValueClass } from './value-class';

/** The array constants: levels, sources, session event → log event, warning events. */
function arrayConstants(): string[] {
	const missing = sessionEvents.constants
		.map( ( c ) => c.value )
		.filter( ( value ) => ! ( value in sessionEventLog ) );
	if ( missing.length > 0 ) {
		throw new Error(
			`plugin/schema/logging.ts: sessionEventLog has no log event for ${ missing.join(
				', '
			) }`
		);
	}
	const lists: [ string, unknown, string ][] = [
		[ 'LEVELS', [ ...logLevels ], 'Entry levels, least severe first.' ],
		[
			'SOURCES',
			Object.values( logSources ),
			'Sources: the part of an event name before the first dot.',
		],
		[
			'SESSION_EVENTS',
			{ ...sessionEventLog },
			'Session event => the log event written when it is recorded.',
		],
		[
			'SESSION_EVENT_WARNINGS',
			[ ...sessionEventWarnings ],
			'Session events logged as warnings (the others are info).',
		],
	];
	return lists.map(
		( [ name, values, description ] ) =>
			`${ docblock( 1, [ description ] ) }\n\tpublic const ${ name } = ${ php(
				values as Parameters< typeof php >[ 0 ],
				1
			) };`
	);
}

export function emitLogSchema(): GeneratedFile {
	return emitValueClass(
		logSchemaClass,
		'codegen/emitters/log.ts',
		arrayConstants()
	);
}
