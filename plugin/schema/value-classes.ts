/**
 * The generated PHP value classes (`CaptureSchema`, `RecoverySchema`) and the schema groups each is walked
 * from. Kept apart from the groups themselves so the checkout scripts, which import capture.ts, do not carry
 * the PHP docblocks.
 */
import {
	csvFormulaGuard,
	ledgerDerivation,
	reportLimits,
	reportPeriods,
} from './analytics';
import { blockConsentField, captureClient, captureLimits } from './capture';
import {
	licenseKeyFormat,
	licenseServerRoutes,
	licenseStatuses,
	licenseTiming,
} from './license';
import { logFile, logLimits } from './logging';
import { notificationMail, notificationRetry } from './notifications';
import { phpGroup } from './php-values';
import {
	attribution,
	recipientLimits,
	recoveryCoupons,
	recoveryLinks,
	recoveryWork,
} from './recovery';
import type { PhpValueClassDef } from './types';

/** `CaptureSchema`: the capture limits and names the PHP side enforces and hands to the checkout scripts. */
export const captureSchemaClass: PhpValueClassDef = {
	className: 'CaptureSchema',
	summary: 'CaptureSchema: limits and names of the public checkout capture.',
	classDoc:
		'Checkout capture limits and names shared with the checkout scripts.',
	sources: [ 'plugin/schema/capture.ts' ],
	groups: [
		phpGroup( captureLimits, {
			rateLimitRequests:
				'Capture requests allowed per window per IP (filter cartbay_rate_limit).',
			rateLimitWindowSeconds: {
				name: 'RATE_LIMIT_WINDOW',
				description: 'Rate-limit window in seconds.',
			},
			maxBodyBytes: 'Largest capture request body, in bytes.',
			maxCartItems: 'Most lines a client cart may carry.',
			maxQuantity: 'Largest quantity of one cart line.',
			maxEmailLength: 'Longest email accepted (RFC 5321 path limit).',
			sessionIdPattern: false, // The REST argument schema carries the pattern.
			sessionIdLength: 'Length of a CartBay session id ([A-Za-z0-9]).',
			maxEvents: "Most events kept in a session's event log.",
			emailLockStaleSeconds:
				'Age after which a per-email capture lock is taken over.',
		} ),
		phpGroup( blockConsentField, {
			id: {
				name: 'CONSENT_FIELD_ID',
				description:
					'Block Checkout additional field id of the consent checkbox.',
			},
			location: {
				name: 'CONSENT_FIELD_LOCATION',
				description: 'Block Checkout location of the consent field.',
			},
		} ),
		phpGroup( captureClient, {
			sessionStorageKey: false,
			debounceMs: false,
			configGlobal:
				'Global the checkout scripts read their configuration from.',
			classicHandle:
				'Script handle (and build name) of the classic checkout capture script.',
			blockHandle:
				'Script handle (and build name) of the Block Checkout capture script.',
			classicCheckboxId: false,
		} ),
	],
};

/** `RecoverySchema`: the numbers and names the recovery runtime (sequence, links, coupons, scanner) works with. */
export const recoverySchemaClass: PhpValueClassDef = {
	className: 'RecoverySchema',
	summary:
		'RecoverySchema: link lifetimes, coupon shape, retry policy and background work limits.',
	classDoc:
		'Numbers and names the recovery runtime (sequence, links, coupons, scanner) works with.',
	sources: [ 'plugin/schema/recovery.ts', 'plugin/schema/notifications.ts' ],
	groups: [
		phpGroup( recoveryLinks, {
			restoreTokenDays:
				'Days a restore link works after its email was sent.',
			notificationContextDays:
				'Days a notification id resolves to its session for mail hooks and delivery integrations.',
		} ),
		phpGroup( recoveryCoupons, {
			codePrefix: {
				name: 'COUPON_CODE_PREFIX',
				description: 'Prefix of every generated recovery coupon code.',
			},
			codeRandomLength: {
				name: 'COUPON_CODE_RANDOM_LENGTH',
				description: 'Random characters after the coupon code prefix.',
			},
			codeAlphabet: {
				name: 'COUPON_CODE_ALPHABET',
				description:
					'Characters the random part is drawn from (no look-alikes).',
			},
		} ),
		phpGroup( notificationRetry, {
			maxAttempts: {
				name: 'MAX_SEND_ATTEMPTS',
				description:
					'Send attempts of one email before it is failed for good.',
			},
			retryDelayMinutesPerAttempt:
				'A failed send is retried this many minutes × attempts so far later.',
		} ),
		phpGroup( notificationMail, {
			idPrefix: {
				name: 'NOTIFICATION_ID_PREFIX',
				description: 'Prefix of every notification record id.',
			},
			idRandomLength: {
				name: 'NOTIFICATION_ID_RANDOM_LENGTH',
				description:
					'Lowercase letters and digits after the notification id prefix.',
			},
			header: {
				name: 'NOTIFICATION_HEADER',
				description:
					'Mail header naming the notification record of a recovery email (read by the mail hooks).',
			},
		} ),
		phpGroup( recoveryWork, {
			scanBatch:
				'Sessions one abandonment scanner query loads at a time.',
			scanTimeBudgetSeconds:
				'Seconds one scanner run works before handing the rest to an immediate continuation.',
			lockStaleSeconds:
				'Age after which a job lock is considered left by a crashed run.',
			attributionLockSeconds:
				"Age after which an order's attribution lock counts as left by a crashed request.",
			attributionLockWaitSeconds:
				'Seconds a cancellation or refund waits for a concurrent attribution of the same order.',
			emailFallbackCandidates:
				'Most abandoned sessions of one email the billing-email fallback looks at.',
			testTriggerDelaySeconds:
				'Delay of the email the Test Mode trigger schedules.',
			pruneBatch: 'Sessions one retention batch deletes at most.',
			pruneTimeBudgetSeconds:
				'Seconds one retention run deletes batches before handing the rest to an immediate continuation.',
			pruneBusyRetrySeconds:
				'Seconds a retention continuation waits when the analytics ledger is busy.',
			unsubscribeSiblingLimit:
				'Most other sessions of the same email an unsubscribe stops along with the one whose link was used.',
		} ),
		phpGroup( recipientLimits, {
			maxLiveSessionsPerEmail:
				'Most live sessions one email hash may have; a capture that would make another stores nothing (same answer).',
			sequencesInFlightPerEmail:
				'Recovery sequences in flight per email hash: a newer abandonment supersedes older unsent steps.',
			couponsPerEmailPerExpiry:
				'CartBay coupons one email hash may be issued within one coupon-expiry period.',
		} ),
		phpGroup( attribution, {
			recovered: {
				name: 'ATTRIBUTION_RECOVERED',
				description:
					'Attribution of a paid order matched by session id, restore token or CartBay coupon.',
			},
			influenced: {
				name: 'ATTRIBUTION_INFLUENCED',
				description:
					'Attribution of a paid order matched by billing email only: never counted as recovered.',
			},
			influencedWindowDays:
				'Days after abandonment within which the billing-email fallback counts (as influenced).',
		} ),
	],
};

/** `AnalyticsSchema`: reporting periods and the bounds of the reporting work. */
export const analyticsSchemaClass: PhpValueClassDef = {
	className: 'AnalyticsSchema',
	summary:
		'AnalyticsSchema: reporting periods, list pages, ledger batches and the CSV formula guard.',
	classDoc:
		'Reporting periods and the bounds of the analytics and reporting work.',
	sources: [ 'plugin/schema/analytics.ts' ],
	groups: [
		phpGroup( reportPeriods, {
			shortDays: {
				name: 'PERIOD_SHORT_DAYS',
				description: 'Shortest reporting period, in days.',
			},
			defaultDays: {
				name: 'PERIOD_DEFAULT_DAYS',
				description:
					'Default reporting period, in days (any unsupported value falls back to it).',
			},
			longDays: {
				name: 'PERIOD_LONG_DAYS',
				description: 'Longest reporting period, in days.',
			},
		} ),
		phpGroup( reportLimits, {
			pageSize: 'Rows of one Sessions, Notifications or Coupons page.',
			maxPageSize: 'Largest page a client may ask for.',
			maxSearchLength: 'Longest search text.',
			ledgerBatch:
				'Sessions one ledger apply or rebuild query loads at a time.',
			rebuildRequestSeconds:
				'Seconds one ledger rebuild request works before it hands the rest to a continuation.',
			cacheSeconds:
				'Seconds the cached report stays fresh without an event.',
			exportBatch: 'Sessions one CSV export query loads at a time.',
		} ),
		phpGroup( ledgerDerivation, {
			version: {
				name: 'LEDGER_DERIVATION_VERSION',
				description:
					'Version of what a rebuild derives from each session; a newer one than the last rebuild recorded starts a rebuild.',
			},
		} ),
		phpGroup( csvFormulaGuard, {
			triggers: {
				name: 'CSV_FORMULA_TRIGGERS',
				description:
					'A CSV cell starting with one of these characters could run as a spreadsheet formula.',
			},
			prefix: {
				name: 'CSV_FORMULA_PREFIX',
				description: 'What such a cell is prefixed with.',
			},
		} ),
	],
};

/** `LicenseSchema`: key format, statuses, cache lifetimes, request bounds and license-server routes. */
export const licenseSchemaClass: PhpValueClassDef = {
	className: 'LicenseSchema',
	summary:
		'LicenseSchema: the license key format, statuses, caches, timeouts, Dev Mode hosts and license-server routes.',
	classDoc:
		'What the license runtime (activation, checks, Dev Mode, private updates) works with.',
	sources: [ 'plugin/schema/license.ts' ],
	groups: [
		phpGroup( licenseKeyFormat, {
			prefix: {
				name: 'KEY_PREFIX',
				description: 'Text before the first dash of every key.',
			},
			pattern: {
				name: 'KEY_PATTERN',
				description:
					'A whole key, as a regular expression without delimiters (input is trimmed and upper-cased first).',
			},
			length: { name: 'KEY_LENGTH', description: 'Characters of a key.' },
			visibleTail: {
				name: 'KEY_VISIBLE_TAIL',
				description:
					'Characters at the end of a key a masked key shows.',
			},
			maskCharacter: {
				name: 'KEY_MASK_CHARACTER',
				description:
					'What a masked key shows instead of every other character but the prefix and the dashes.',
			},
		} ),
		phpGroup(
			Object.fromEntries(
				licenseStatuses.map( ( s ) => [ s.key, s.key ] )
			),
			Object.fromEntries(
				licenseStatuses.map( ( s ) => [
					s.key,
					{
						name: `STATUS_${ s.key.toUpperCase() }`,
						description: `${ s.label }: ${ s.description }`,
					},
				] )
			)
		),
		phpGroup( licenseTiming, {
			validCacheHours:
				'Hours the cached license status (cartbay_license_valid) stays fresh.',
			updateCacheHours:
				'Hours an update-check answer is reused by the plugin update flow.',
			updateRetryMinutes:
				'Minutes a failed update check is remembered before the server is asked again.',
			requestTimeoutSeconds:
				'Seconds one license-server request may take (admin requests and the daily job alike).',
			maxResponseBytes: 'Largest license-server answer read, in bytes.',
			maxTextLength:
				'Longest text kept from a license-server field (plan, message).',
		} ),
		phpGroup( licenseServerRoutes, {
			productSlug: 'Product slug sent with every license-server request.',
			activatePath: {
				name: 'ROUTE_ACTIVATE',
				description:
					'License-server route: POST license_key, slug, domain.',
			},
			checkPath: {
				name: 'ROUTE_CHECK',
				description:
					'License-server route: GET ?license_key, slug, domain.',
			},
			updateCheckPath: {
				name: 'ROUTE_UPDATE_CHECK',
				description:
					'License-server route: GET /{slug}/{license_key}?host (update metadata).',
			},
			downloadPath: {
				name: 'ROUTE_DOWNLOAD',
				description:
					'License-server route: GET /{slug}/{license_key}?host (the release zip).',
			},
		} ),
	],
};

/** `LogSchema`: the CartBay log file, the bounds of one entry and of GET /logs. */
export const logSchemaClass: PhpValueClassDef = {
	className: 'LogSchema',
	summary:
		'LogSchema: the CartBay log file, entry bounds, levels, sources and the GET /logs limits.',
	classDoc:
		'What the Logger, the log file and GET /logs work with (the on/off switch, retention days and size cap are settings).',
	sources: [ 'plugin/schema/logging.ts' ],
	groups: [
		phpGroup( logFile, {
			directory: {
				name: 'DIRECTORY',
				description:
					'Folder under the uploads folder holding the log file (web access denied).',
			},
			fileName: {
				name: 'FILE_NAME',
				description: 'Name of the current JSON-lines log file.',
			},
			backupSuffix: {
				name: 'BACKUP_SUFFIX',
				description:
					'Appended to the file name for the one backup a rotation keeps.',
			},
		} ),
		phpGroup( logLimits, {
			bytesPerMegabyte:
				'Bytes in one megabyte of the log_max_size_mb setting.',
			maxValueLength: 'Longest text kept from one context value.',
			maxContextKeys: 'Most keys kept from one context array.',
			maxContextDepth: 'Deepest context nesting kept.',
			maxEventLength: 'Longest event name.',
			readMaxEntries:
				'Most entries GET /logs reads (newest first, both files) before filtering.',
			pageSize: 'Rows of one GET /logs page by default.',
			maxPageSize: 'Largest GET /logs page.',
			maxFilterLength: 'Longest GET /logs search text or event prefix.',
		} ),
	],
};
