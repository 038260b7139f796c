/**
 * The schema declarations the admin UI renders: one import path for the whole UI.
 * Nothing is declared here; every name, default and limit comes from plugin/schema. The modules are
 * imported one by one (not through plugin/schema/index.ts) so the bundle carries only what the UI uses.
 */
export { campaign } from '../../plugin/schema/campaign';
export {
	normalizeCampaign,
	normalizeSettings,
	parseNumber,
} from '../../plugin/schema/normalize';
export type {
	CampaignSettings,
	CampaignStep,
	Settings,
	SettingsValue,
} from '../../plugin/schema/normalize';
export { plugin } from '../../plugin/schema/plugin';
export { settingsOption } from '../../plugin/schema/settings';
export type { SettingsKey } from '../../plugin/schema/settings';
export type { DelayUnit, SettingsField } from '../../plugin/schema/types';

/** A settings section key (`capture`, `offers`, …), as the schema declares them. */
export type SettingsSection =
	( typeof import( '../../plugin/schema/settings' ).settingsOption.fields )[ number ][ 'section' ];

/** A REST route path inside the plugin's namespace (`/settings`, `/campaign`), as the schema declares them. */
export type RoutePath =
	( typeof import( '../../plugin/schema/rest' ).routes )[ number ][ 'path' ];
export {
	reportPeriodChoices,
	reportPeriods,
} from '../../plugin/schema/analytics';
export { metrics, sessionList } from '../../plugin/schema/analytics';
export type {
	MetricDef,
	MetricFormat,
	MetricKey,
} from '../../plugin/schema/analytics';
export { orderStatuses } from '../../plugin/schema/statuses';
export { sessionEvents } from '../../plugin/schema/events';
export { couponCards, couponStatuses } from '../../plugin/schema/coupons';
export type {
	CouponCardKey,
	CouponStatusKey,
} from '../../plugin/schema/coupons';
export { emailSteps } from '../../plugin/schema/emails';
export { placeholders } from '../../plugin/schema/placeholders';
export { licenseKeyFormat, licenseStatuses } from '../../plugin/schema/license';
export type { EmailStepDef } from '../../plugin/schema/types';

/** A sortable column of the Sessions list (the `orderby` argument). */
export type SessionListOrderby =
	( typeof import( '../../plugin/schema/analytics' ).sessionList.orderby )[ number ];

/** The Sessions list's status filter: `all` or one of the schema's filter statuses. */
export type SessionStatusFilter =
	| 'all'
	| ( typeof import( '../../plugin/schema/analytics' ).sessionList.statusFilter )[ number ];

/** A CSV export kind (`sessions`, `emails`). */
export type ExportKind =
	( typeof import( '../../plugin/schema/analytics' ).exportKinds )[ number ];
export { reportLimits } from '../../plugin/schema/analytics';
export { logLevels, logLimits, logSources } from '../../plugin/schema/logging';

/** A GET /logs level filter: `all` or one of the schema's levels. */
export type LogLevelFilter =
	| 'all'
	| ( typeof import( '../../plugin/schema/logging' ).logLevels )[ number ];

/** A GET /logs source filter: `all` or one of the schema's sources. */
export type LogSourceFilter =
	| 'all'
	| ( typeof import( '../../plugin/schema/logging' ).logSources )[ keyof typeof import( '../../plugin/schema/logging' ).logSources ];
export {
	notificationStates,
	notificationTriggers,
} from '../../plugin/schema/notifications';
export type { NotificationState } from '../../plugin/schema/notifications';
export { mailConfidence } from '../../plugin/schema/mail-environment';
export type { MailConfidence } from '../../plugin/schema/mail-environment';
