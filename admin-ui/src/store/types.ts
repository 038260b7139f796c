/**
 * Types of the `cartbay/admin` store: server state for the settings and the recovery sequence.
 */
/** Internal dependencies */
import type {
	CampaignSettings,
	CouponCardKey,
	LogLevelFilter,
	LogSourceFilter,
	MailConfidence,
	MetricKey,
	NotificationState,
	SessionListOrderby,
	SessionStatusFilter,
	Settings,
} from '../schema';

/** A failed REST request, from WordPress's WP_Error JSON (`{ code, message, data: { status } }`). */
export interface ApiError {
	readonly code: string;
	readonly message: string;
	/** HTTP status, when the server sent one. */
	readonly status?: number;
}

/** The server objects the store keeps, by resource name. */
export interface Resources {
	/** GET/PATCH `/settings`: the normalized `cartbay_settings` fields. */
	readonly settings: Settings;
	/** GET/PATCH `/campaign`: the normalized recovery sequence. */
	readonly campaign: CampaignSettings;
}

export type ResourceName = keyof Resources;

export interface ResourceState< T > {
	/** The last normalized object the server returned; undefined until the first load. */
	readonly value?: T;
	readonly isSaving: boolean;
	/** The error of the last failed load or save; cleared by the next success or save attempt. */
	readonly error?: ApiError;
}

/** One day of `GET /analytics`'s `series`. */
export interface AnalyticsDay {
	/** Y-m-d, site time zone. */
	readonly date: string;
	readonly tracked: number;
	readonly abandoned: number;
	readonly recovered: number;
	readonly recovered_revenue: number;
}

/** The answer of `GET /analytics?days=N` (the parts the Overview shows). */
export interface AnalyticsReport {
	readonly days: number;
	readonly from: string;
	readonly to: string;
	/** Counts and money are numbers, rates percentages, `best_step` a step number or null. */
	readonly metrics: { readonly [ K in MetricKey ]?: number | null };
	readonly series: readonly AnalyticsDay[];
	/** Current session counts by status key. */
	readonly statuses: Readonly< Record< string, number > >;
	/** Notifications of the period's sessions by lifecycle state. */
	readonly notifications?: Readonly< Record< string, number > >;
	readonly currency: string;
	readonly generated_at: string;
}

/** The arguments of one Sessions list page (`GET /sessions`), also the CSV exports' filters (without the page). */
export interface SessionsQuery {
	readonly days: number;
	readonly status: SessionStatusFilter;
	/** Empty: no search. */
	readonly search: string;
	readonly orderby: SessionListOrderby;
	readonly order: 'asc' | 'desc';
	/** 1-based. */
	readonly page: number;
}

/** One row of `GET /sessions`. */
export interface SessionRow {
	readonly session_id: string;
	readonly order_id: number;
	readonly email: string;
	readonly status: string;
	readonly cart_total: number;
	readonly currency: string;
	readonly created_at: string | null;
	readonly last_activity_at: string | null;
	readonly abandoned_at: string | null;
	readonly emails_sent: number;
	readonly attribution: 'recovered' | 'influenced' | null;
	readonly recovered_order_id: number | null;
}

/** A page of sessions with the totals of the `X-WP-Total` / `X-WP-TotalPages` headers. */
export interface SessionsPage {
	readonly rows: readonly SessionRow[];
	readonly total: number;
	readonly totalPages: number;
}

/** `GET /sessions/{id}`: the row plus the timeline, notifications, coupon and linked order. */
export interface SessionDetail extends SessionRow {
	readonly source: string;
	readonly captured_at: string | null;
	readonly recovered_at: string | null;
	readonly recovery_method: string;
	readonly cart: {
		readonly items: readonly {
			readonly name: string;
			readonly quantity: number;
			readonly line_total: number;
		}[];
		readonly total: number;
		readonly currency: string;
	};
	readonly events: readonly SessionEventEntry[];
	readonly notifications: readonly {
		readonly notification_id: string;
		readonly step: number;
		readonly status: string;
		readonly scheduled_at: string | null;
		readonly attempts: number;
		readonly last_error: string;
	}[];
	readonly coupon: {
		readonly code: string;
		readonly amount: number;
		readonly discount_type: string;
		readonly usage_count: number;
		readonly expires_at: string | null;
		readonly status: string;
	} | null;
	readonly order: {
		readonly id: number;
		readonly total: number;
		readonly total_refunded: number;
		readonly currency: string;
		readonly status: string;
		readonly edit_link: string;
	} | null;
}

/** The Coupon History cards of `GET /coupons`. */
/** Coupon History card counts, by the schema's card keys (plugin/schema/coupons.ts). */
export type CouponCards = Readonly< Record< CouponCardKey, number > >;

/** One row of `GET /coupons`: the code is masked. */
export interface CouponRow {
	readonly coupon_id: number;
	readonly code: string;
	readonly session_id: string;
	readonly discount_type: string;
	readonly amount: number;
	readonly usage_count: number;
	readonly usage_limit: number;
	readonly expires_at: string | null;
	readonly created_at: string | null;
	/** active, used or expired. */
	readonly status: string;
}

/** A page of `GET /coupons` with the totals of its headers. */
export interface CouponsPage {
	readonly cards: CouponCards;
	readonly rows: readonly CouponRow[];
	readonly total: number;
	readonly totalPages: number;
}

/** `GET /coupons/{id}`: the row with the full code and its recovery context. */
export interface CouponDetail extends CouponRow {
	readonly generated_email: string;
	readonly email_restrictions: readonly string[];
	readonly offer_note: string;
	readonly individual_use: boolean;
	readonly session: {
		readonly session_id: string;
		readonly order_id: number;
		readonly status: string;
		readonly email: string;
	} | null;
	readonly restore_clicked_at: string | null;
	readonly recovered_order: {
		readonly id: number;
		readonly total: number;
		readonly currency: string;
		readonly status: string;
		readonly edit_link: string;
	} | null;
	readonly attribution: 'recovered' | 'influenced' | null;
	readonly events: readonly SessionEventEntry[];
}

/** The arguments of one Logs page (`GET /logs`). */
export interface LogsQuery {
	readonly level: LogLevelFilter;
	readonly source: LogSourceFilter;
	/** Event name prefix; empty: none. */
	readonly event: string;
	/** Text the event or its context contains; empty: none. */
	readonly search: string;
	/** 1-based. */
	readonly page: number;
}

/** One entry of `GET /logs`. */
export interface LogEntry {
	/** ISO 8601, UTC. */
	readonly time: string;
	readonly level: string;
	readonly source: string;
	readonly event: string;
	readonly context: Readonly< Record< string, unknown > >;
}

/** A page of log entries with the totals of the `X-WP-Total` / `X-WP-TotalPages` headers. */
export interface LogsPage {
	readonly rows: readonly LogEntry[];
	readonly total: number;
	readonly totalPages: number;
}

/** The Notifications list's status filter: `all` or one lifecycle state. */
export type NotificationStatusFilter = 'all' | NotificationState;

/** The arguments of one Notifications list page (`GET /notifications`). */
export interface NotificationsQuery {
	readonly days: number;
	readonly status: NotificationStatusFilter;
	/** Empty: no search. */
	readonly search: string;
	/** 1-based. */
	readonly page: number;
}

/** One row of `GET /notifications`. */
export interface NotificationRow {
	readonly notification_id: string;
	readonly session_id: string;
	readonly status: string;
	readonly recipient: string;
	readonly step: number;
	readonly email_type: string;
	readonly trigger: string;
	readonly scheduled_at: string | null;
	readonly attempts: number;
	readonly last_error: string;
}

/** A page of notifications with the totals of the `X-WP-Total` / `X-WP-TotalPages` headers. */
export interface NotificationsPage {
	readonly rows: readonly NotificationRow[];
	readonly total: number;
	readonly totalPages: number;
}

/** `GET /notifications/{id}`: the row plus its lifecycle. */
export interface NotificationDetail extends NotificationRow {
	readonly order_id: number;
	readonly session_status: string;
	readonly cancel_reason: string;
	/** Lifecycle state → when it was entered (ISO 8601). */
	readonly timestamps: Readonly< Record< string, string | null > >;
	readonly retries: number;
	readonly restore_clicked_at: string | null;
	readonly recovered_order: {
		readonly id: number;
		readonly total: number;
		readonly currency: string;
		readonly status: string;
		readonly edit_link: string;
	} | null;
}

/** One finding of the mail environment detection. */
export interface MailDetection {
	readonly confidence: MailConfidence;
	readonly name: string;
	/** `plugin`, `hook`, or what a filter said. */
	readonly source: string;
	/** Plugin file or hook name. */
	readonly detail: string;
}

/** `GET /mail-environment`: the Email Delivery Test's detection and sender. */
export interface MailEnvironment {
	readonly confidence: MailConfidence | 'none';
	readonly service: string | null;
	readonly detections: readonly MailDetection[];
	readonly loggers: readonly {
		readonly name: string;
		readonly plugin: string;
	}[];
	readonly from_email: string;
	readonly from_name: string;
	/** The test email's default recipient: the current user's email. */
	readonly recipient: string;
}

/** The report answers the store keeps, by kind; each is kept per query key (see report-keys.ts). */
export interface Reports {
	readonly analytics: AnalyticsReport;
	readonly sessions: SessionsPage;
	readonly session: SessionDetail;
	readonly coupons: CouponsPage;
	readonly coupon: CouponDetail;
	readonly logs: LogsPage;
	readonly notifications: NotificationsPage;
	readonly notification: NotificationDetail;
	readonly mailEnvironment: MailEnvironment;
}

export type ReportKind = keyof Reports;

/** A report answer for one query: the value, or the error of its last failed load. */
export interface ReportEntry< T > {
	readonly value?: T;
	readonly error?: ApiError;
}

export type ReportsState = {
	readonly [ K in ReportKind ]: Readonly<
		Record< string, ReportEntry< Reports[ K ] > >
	>;
};

export type State = {
	readonly [ K in ResourceName ]: ResourceState< Resources[ K ] >;
} & { readonly reports: ReportsState };

/** What a save resolves to: the normalized object the server saved, or the error. */
export type SaveResult< T > =
	| { readonly ok: true; readonly value: T }
	| { readonly ok: false; readonly error: ApiError };

export type Action =
	| {
			[ K in ResourceName ]: {
				readonly type: 'RECEIVE_RESOURCE';
				readonly resource: K;
				readonly value: Resources[ K ];
			};
	  }[ ResourceName ]
	| { readonly type: 'SAVE_RESOURCE_START'; readonly resource: ResourceName }
	| {
			readonly type: 'RESOURCE_REQUEST_FAILED';
			readonly resource: ResourceName;
			readonly error: ApiError;
	  }
	| {
			[ K in ReportKind ]: {
				readonly type: 'RECEIVE_REPORT';
				readonly report: K;
				readonly key: string;
				readonly value: Reports[ K ];
			};
	  }[ ReportKind ]
	| {
			readonly type: 'REPORT_REQUEST_FAILED';
			readonly report: ReportKind;
			readonly key: string;
			readonly error: ApiError;
	  };

/** The part of @wordpress/data's thunk arguments CartBay's thunks use. */
export interface ThunkArgs {
	readonly dispatch: ( action: Action ) => unknown;
}

/** One entry of a session's event log, as the detail routes answer it. */
export interface SessionEventEntry {
	readonly event: string;
	readonly at: string | null;
}
