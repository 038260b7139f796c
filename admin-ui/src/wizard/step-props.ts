/**
 * What every setup wizard step receives.
 */
/** Internal dependencies */
import type { FeedbackNotice } from '../types';

export interface StepProps {
	/** Moves on (after the step saved what it edits). */
	readonly onContinue: () => void;
	/** Shows an outcome above the step. */
	readonly onNotice: ( notice: Omit< FeedbackNotice, 'id' > ) => void;
}
