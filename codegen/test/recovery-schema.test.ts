/**
 * The recovery contract reaches PHP unchanged: every number and name the sequence runtime uses comes from
 * plugin/schema (recovery.ts, notifications.ts), never from a second literal in PHP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitRecoverySchema } from '../emitters/recovery';
import {
	notificationRetry,
	recoveryCoupons,
	recoveryLinks,
	recoveryWork,
} from '../../plugin/schema';
import { phpFiles } from '../php-index';

const root = join( __dirname, '../..' );

/**
 * Every PHP file below a folder.
 * @param dir
 */

describe( 'RecoverySchema', () => {
	const php = emitRecoverySchema().content;

	it.each( [
		[ 'RESTORE_TOKEN_DAYS', String( recoveryLinks.restoreTokenDays ) ],
		[
			'NOTIFICATION_CONTEXT_DAYS',
			String( recoveryLinks.notificationContextDays ),
		],
		[ 'COUPON_CODE_PREFIX', `'${ recoveryCoupons.codePrefix }'` ],
		[
			'COUPON_CODE_RANDOM_LENGTH',
			String( recoveryCoupons.codeRandomLength ),
		],
		[ 'MAX_SEND_ATTEMPTS', String( notificationRetry.maxAttempts ) ],
		[
			'RETRY_DELAY_MINUTES_PER_ATTEMPT',
			String( notificationRetry.retryDelayMinutesPerAttempt ),
		],
		[ 'SCAN_BATCH', String( recoveryWork.scanBatch ) ],
		[
			'SCAN_TIME_BUDGET_SECONDS',
			String( recoveryWork.scanTimeBudgetSeconds ),
		],
		[ 'LOCK_STALE_SECONDS', String( recoveryWork.lockStaleSeconds ) ],
		[
			'TEST_TRIGGER_DELAY_SECONDS',
			String( recoveryWork.testTriggerDelaySeconds ),
		],
	] )( '%s = %s', ( name, value ) => {
		expect( php ).toContain( `public const ${ name } = ${ value };` );
	} );

	it( 'the scanner budget stays under the 30 s many hosts allow a WP-Cron request', () => {
		expect( recoveryWork.scanTimeBudgetSeconds ).toBeLessThan( 30 );
	} );

	it( 'the hand-written runtime never repeats these values as literals', () => {
		const sources = phpFiles( join( root, 'plugin/src' ) )
			.map( ( f ) => readFileSync( f, 'utf8' ) )
			.join( '\n' );
		expect( sources ).not.toContain( `'${ recoveryCoupons.codePrefix }'` );
		expect( sources ).not.toMatch(
			new RegExp(
				`\\b${ notificationRetry.retryDelayMinutesPerAttempt }\\s*\\*\\s*\\$attempts\\b`
			)
		);
		expect( sources ).not.toMatch( /RESTORE_TOKEN_DAYS\s*=\s*\d/ );
	} );
} );
