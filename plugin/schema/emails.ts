import { recoverySteps } from './steps';
import type { EmailStepDef } from './types';

/**
 * The recovery emails, one per step: the email side of `recoverySteps` (steps.ts), with each step's copy as
 * `defaults`. Declared nowhere else; read `recoverySteps` for the whole step.
 */
export const emailSteps: readonly EmailStepDef[] = recoverySteps.map(
	( { step, id, className, title, description, copy } ) => ( {
		step,
		id,
		className,
		title,
		description,
		defaults: copy,
	} )
);
