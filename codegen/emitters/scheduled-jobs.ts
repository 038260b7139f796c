/**
 * Action Scheduler job declarations → `ScheduledJobs`: hook names, the recurring schedule and hook wiring.
 */
import { jobs, plugin } from '../../plugin/schema';
import type { JobDef } from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { constantName, docblock, str } from '../php';
import { handlerCall, handlerFqcn, PLUGIN_CLASS } from './handlers';

function argsOf(
	job: JobDef
): readonly { name: string; type: 'int' | 'string' }[] {
	return job.kind === 'single' ? job.args : [];
}

function wiring( job: JobDef ): string {
	const args = argsOf( job );
	const params = args.map( ( a ) => `$${ a.name }` );
	// Action Scheduler passes the stored args positionally, as JSON decoded them: cast to the declared types.
	const callArgs = args.map( ( a ) => `(${ a.type }) $${ a.name }` );
	const count = args.length > 0 ? `,\n\t\t\t10,\n\t\t\t${ args.length }` : '';
	return `\t\t// ${ job.description }
		add_action(
			self::${ constantName( job.hook, `${ plugin.slug }_` ) },
			static function (${ params.length > 0 ? ` ${ params.join( ', ' ) } ` : '' }) use ( $plugin ): void {
				${ handlerCall( job.handler, callArgs ) };
			}${ count }
		);`;
}

export function emitScheduledJobs(
	allJobs: readonly JobDef[] = jobs
): GeneratedFile {
	const recurringJobs = allJobs.filter( ( j ) => j.kind === 'recurring' );
	const width = Math.max(
		...recurringJobs.map(
			( j ) => constantName( j.hook, `${ plugin.slug }_` ).length
		)
	);
	const constants = allJobs
		.map( ( job ) => {
			const tags =
				job.kind === 'recurring'
					? [ `Recurring every ${ job.intervalSeconds } seconds.` ]
					: [
							`Single action; args: [${ job.args.map( ( a ) => a.name ).join( ', ' ) }].`,
						];
			return `${ docblock( 1, [ job.description, '', ...tags ] ) }\n\tpublic const ${ constantName( job.hook, `${ plugin.slug }_` ) } = ${ str( job.hook ) };`;
		} )
		.join( '\n\n' );
	const recurring = recurringJobs
		.map(
			( j ) =>
				`\t\t\tself::${ constantName( j.hook, `${ plugin.slug }_` ).padEnd( width ) } => ${ j.kind === 'recurring' ? j.intervalSeconds : 0 },`
		)
		.join( '\n' );
	const content = `${ phpHeader( {
		summary:
			"ScheduledJobs: CartBay's Action Scheduler hooks, recurring schedule and handlers.",
		details: [
			'Every job runs in the Action Scheduler group GROUP. Handlers must be idempotent.',
		],
		sources: [ 'plugin/schema/jobs.ts' ],
		emitter: 'codegen/emitters/scheduled-jobs.ts',
		namespace: GENERATED_NAMESPACE,
		uses: [
			PLUGIN_CLASS,
			...allJobs.map( ( j ) => handlerFqcn( j.handler ) ),
		],
	} ) }
${ docblock( 0, [ 'Action Scheduler hook names and wiring.' ] ) }
final class ScheduledJobs {

${ docblock( 1, [ 'Action Scheduler group of every CartBay action.' ] ) }
	public const GROUP = ${ str( plugin.jobGroup ) };

${ constants }

${ docblock( 1, [ 'Recurring jobs and their intervals in seconds.' ], [ '@return array<string, int>' ] ) }
	public static function recurring(): array {
		return array(
${ recurring }
		);
	}

${ docblock(
	1,
	[ 'Connects every job hook to its handler.' ],
	[ '@param Plugin $plugin Service registry the handlers are taken from.' ]
) }
	public static function add_hooks( Plugin $plugin ): void {
${ allJobs.map( wiring ).join( '\n\n' ) }
	}
}
`;
	return { path: `${ GENERATED_DIR }/ScheduledJobs.php`, content };
}
