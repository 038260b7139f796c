/**
 * Props of the admin UI components, and the shape of a screen.
 */
/** External dependencies */
import type { ReactNode } from 'react';

/** Internal dependencies */
import type {
	MetricDef,
	Settings,
	SettingsField,
	SettingsSection,
} from './schema';
import type { AnalyticsDay, AnalyticsReport, ApiError } from './store/types';
import type { SectionName } from './sections';
import type { StepDraft } from './sequence';
import type { FieldDraft } from './settings-fields';

/** A tab of the CartBay admin page. */
export interface AdminScreen {
	/** Tab name; also the `section` query argument that opens the tab directly. */
	readonly name: SectionName;
	/** Translated tab title. */
	readonly title: string;
	/** No tab: opened only by its `section` argument or a link (the Logs section). */
	readonly hidden?: boolean;
	readonly render: () => ReactNode;
}

export interface SettingFieldProps {
	/** The schema declaration the control is rendered from (type, label, description, range, options). */
	readonly field: SettingsField;
	/** The value shown: the draft while edited, else the saved value. */
	readonly value: FieldDraft;
	readonly onChange: ( value: FieldDraft ) => void;
	/** The value the server would save instead of the draft (client-side preview), when they differ. */
	readonly preview?: string;
	readonly disabled?: boolean;
}

export interface SettingsScreenProps {
	/** Schema sections whose fields this screen edits, in display order. */
	readonly sections: readonly SettingsSection[];
	/** Whether the screen starts with License & Updates (the Settings section). */
	readonly withLicense?: boolean;
	/**
	 * More of a section, after its fields and inside the form: gets the live preview (what the server
	 * would save of the drafts), so it can follow the fields as they are typed (the Discount Summary).
	 */
	readonly extras?: (
		section: SettingsSection,
		preview: Settings
	) => ReactNode;
	/** Shown below the form (Coupon History under the Offers settings). */
	readonly after?: ReactNode;
}

export interface SequenceStepProps {
	/** 0-based position in the sequence. */
	readonly index: number;
	readonly step: StepDraft;
	readonly onChange: ( step: StepDraft ) => void;
	/** How the server would save this step, when that differs from the draft. */
	readonly preview?: string;
	readonly disabled?: boolean;
}

export interface FeedbackNotice {
	readonly id: string;
	readonly status: 'success' | 'warning' | 'error' | 'info';
	readonly message: string;
	/** Lines listed under the message (fields the server adjusted). */
	readonly details?: readonly string[];
}

export interface FeedbackNoticesProps {
	readonly notices: readonly FeedbackNotice[];
	readonly onRemove: ( id: string ) => void;
}

export interface SaveButtonProps {
	readonly isSaving: boolean;
	/** Nothing to save yet. */
	readonly disabled: boolean;
}

export interface LoadErrorProps {
	/** Why the screen's data could not be loaded. */
	readonly error: ApiError;
	/** Load again. */
	readonly onRetry: () => void;
}

export interface StatCardProps {
	/** The schema's metric: label, definition and format. */
	readonly metric: MetricDef;
	/** Its value in the `GET /analytics` answer (null: `best_step` without recoveries). */
	readonly value: number | null | undefined;
	/** The answer's currency (money figures). */
	readonly currency: string;
}

export interface StatCardsProps {
	readonly report: AnalyticsReport;
}

export interface TrendChartProps {
	/** One entry per day of the period. */
	readonly series: readonly AnalyticsDay[];
	readonly currency: string;
}

export interface StatusGuideProps {
	/** Current session counts by status key. */
	readonly statuses: Readonly< Record< string, number > >;
}

export interface SessionsTableProps {
	/** Reporting period in days. */
	readonly days: number;
}

export interface SessionDetailModalProps {
	readonly sessionId: string;
	readonly onClose: () => void;
}
