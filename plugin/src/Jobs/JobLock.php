<?php
/**
 * A named lock for background work that must not run twice at the same time.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Jobs;

use WPAnchorBay\CartBay\Generated\RecoverySchema;

defined( 'ABSPATH' ) || exit;

/**
 * Action Scheduler claims each action for one runner, but two runners can still work on the same thing:
 * the fallback scanner and its continuation, or a send job duplicated by hand or by another plugin. The
 * lock is one options row created atomically (INSERT IGNORE on the unique option_name), so it works
 * without a persistent object cache. A lock older than RecoverySchema::LOCK_STALE_SECONDS was left by a
 * run that died and may be taken over.
 */
final class JobLock {

	/**
	 * Option name of a lock.
	 *
	 * @param string $name Lock name.
	 * @return string
	 */
	private static function option( string $name ): string {
		return 'cartbay_lock_' . md5( $name );
	}

	/**
	 * Takes the lock; false when another run holds a fresh one.
	 *
	 * @param string $name        Lock name.
	 * @param int    $stale_after Seconds after which a held lock counts as left by a crashed run.
	 * @return bool
	 */
	public static function acquire( string $name, int $stale_after = RecoverySchema::LOCK_STALE_SECONDS ): bool {
		global $wpdb;
		$option = self::option( $name );
		$now    = time();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- an atomic insert is the lock; add_option() cannot fail on an existing row.
		$taken = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $option, (string) $now ) );
		if ( 1 === (int) $taken ) {
			return true;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- reads the lock row itself, uncached on purpose.
		$since = (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $option ) );
		if ( $since > 0 && $now - $since > $stale_after ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- compare-and-swap on the stale value: one run wins.
			return 1 === (int) $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) $now, $option, (string) $since ) );
		}
		return false;
	}

	/**
	 * Releases the lock.
	 *
	 * @param string $name Lock name.
	 */
	public static function release( string $name ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the lock row was written directly, so it is removed directly.
		$wpdb->delete( $wpdb->options, array( 'option_name' => self::option( $name ) ) );
	}
}
