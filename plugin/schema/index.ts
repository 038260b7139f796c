/**
 * The CartBay schema: the one place every name, default and limit is declared.
 */
export { plugin } from './plugin';
export { orderStatuses, statusSlug, ORDER_STATUS_MAX_LENGTH } from './statuses';
export type { SessionStatusKey } from './statuses';
export { settingsOption } from './settings';
export type { SettingsKey } from './settings';
export { campaign } from './campaign';
export { jobs } from './jobs';
export { recoverySteps } from './steps';
export { emailSteps } from './emails';
export { routes, fieldJsonSchema } from './rest';
export { metaKeys } from './meta';
export { sessionEvents } from './events';
export { couponCards, couponStatuses } from './coupons';
export type { CouponCardKey, CouponStatusKey } from './coupons';
export {
	notificationStates,
	notificationRetry,
	notificationMail,
	notificationTriggers,
	cancelReasons,
	rateLimitBuckets,
	constantValue,
} from './notifications';
export { publicHooks } from './hooks';
export {
	mailConfidence,
	mailEnvironment,
	mailEnvironmentSchemaClass,
} from './mail-environment';
export type { MailConfidence } from './mail-environment';
export { placeholders } from './placeholders';
export { options, transients, postTypes, queryArgs } from './storage';
export {
	recoveryLinks,
	recoveryCoupons,
	recoveryWork,
	recipientLimits,
	attribution,
} from './recovery';
export {
	captureClient,
	blockConsentField,
	captureLimits,
	wcSessionKeys,
} from './capture';
export {
	analyticsSchemaClass,
	captureSchemaClass,
	licenseSchemaClass,
	logSchemaClass,
	recoverySchemaClass,
} from './value-classes';
export {
	logFile,
	logLevels,
	logLimits,
	logSources,
	sessionEventLog,
	sessionEventWarnings,
} from './logging';
export {
	licenseDevDomains,
	licenseKeyFormat,
	licenseServerRoutes,
	licenseStatuses,
	licenseTiming,
} from './license';
export type { LicenseStatusKey } from './license';
export {
	csvFormulaGuard,
	exportKinds,
	ledgerDerivation,
	metricKeys,
	metrics,
	reportLimits,
	reportPeriodChoices,
	reportPeriods,
	sessionList,
} from './analytics';
export type { MetricDef, MetricFormat, MetricKey } from './analytics';
export { phpGroup } from './php-values';
export * from './normalize';
export type * from './types';
