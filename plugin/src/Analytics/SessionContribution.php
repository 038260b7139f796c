<?php
/**
 * What one session adds to the analytics ledger: its day and its counters.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Analytics;

use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\NotificationStates;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\SessionEvents;

defined( 'ABSPATH' ) || exit;

/**
 * A pure function of a session order's current state (nothing is read from anywhere else, nothing is
 * written): the day it belongs to (ReportPeriod::day_of() of its WooCommerce `date_created`) and integer
 * counters, zeros left out. Every figure of GET /analytics is a sum of these counters over days, so this
 * class is where each metric definition of plugin/schema/analytics.ts meets the session's data. Money is
 * kept in integer units of 1/MONEY_SCALE of the currency (exact sums for any store's price decimals).
 *
 * Reads the session's meta directly (not through Data or Notifications) so that retention pruning in Data
 * can use the ledger without a dependency cycle.
 */
final class SessionContribution {

	/**
	 * Money is stored as integer multiples of 1 / MONEY_SCALE of the currency unit.
	 */
	public const MONEY_SCALE = 10000;

	/**
	 * Every session: a tracked cart.
	 */
	public const TRACKED = 'tracked';

	/**
	 * The session was abandoned at some point (`_cartbay_abandoned_at` is set), whatever its status now.
	 */
	public const ABANDONED = 'abandoned';

	/**
	 * Cart total of an abandoned session (money).
	 */
	public const ABANDONED_VALUE = 'abandoned_value';

	/**
	 * Attributed as recovered, in the recovered status (a revert removes the attribution).
	 */
	public const RECOVERED = 'recovered';

	/**
	 * Recovered revenue: the order total less refunds (money).
	 */
	public const RECOVERED_REVENUE = 'recovered_revenue';

	/**
	 * Recovered, and a restore link of the session was clicked before the attribution.
	 */
	public const LINK_RESTORED = 'link_restored';

	/**
	 * Attributed as influenced (billing email only, within the window).
	 */
	public const INFLUENCED = 'influenced';

	/**
	 * Influenced revenue (money).
	 */
	public const INFLUENCED_REVENUE = 'influenced_revenue';

	/**
	 * Recorded restore-link clicks (`restore_clicked` events).
	 */
	public const RESTORE_CLICKS = 'restore_clicks';

	/**
	 * Restore attempts that rebuilt nothing (`cart_restore_failed` events).
	 */
	public const FAILED_RESTORES = 'failed_restores';

	/**
	 * Notifications with at least one send attempt (sent and delivered ones included).
	 */
	public const SENDS_ATTEMPTED = 'sends_attempted';

	/**
	 * Prefix of the per-state notification counters (`ntf_` + a NotificationStates value).
	 */
	public const STATE_PREFIX = 'ntf_';

	/**
	 * Per-step counter suffix (`step_{n}_sent`): the step's emails sent or delivered.
	 */
	public const STEP_SENT = 'sent';

	/**
	 * Per-step counter suffix: the step's emails whose restore link was clicked.
	 */
	public const STEP_CLICKS = 'clicks';

	/**
	 * Per-step counter suffix: recoveries that belong to the step.
	 */
	public const STEP_RECOVERED = 'recovered';

	/**
	 * Per-step counter suffix: recovered revenue of those recoveries (money).
	 */
	public const STEP_REVENUE = 'revenue';

	/**
	 * The counter of a notification state.
	 *
	 * @param string $state A NotificationStates value.
	 * @return string
	 */
	public static function state_key( string $state ): string {
		return self::STATE_PREFIX . $state;
	}

	/**
	 * The counter of a step figure.
	 *
	 * @param int    $step   Step number.
	 * @param string $figure STEP_SENT, STEP_CLICKS, STEP_RECOVERED or STEP_REVENUE.
	 * @return string
	 */
	public static function step_key( int $step, string $figure ): string {
		return sprintf( 'step_%d_%s', $step, $figure );
	}

	/**
	 * The session's contribution now.
	 *
	 * @param \WC_Order $order Session order (its in-memory state, unsaved changes included).
	 * @return array{day: string, counters: array<string, int>}
	 */
	public static function of( \WC_Order $order ): array {
		$created  = $order->get_date_created();
		$counters = array( self::TRACKED => 1 );
		$meta     = self::meta_values( $order );
		$records  = array_filter( self::list_of( $meta[ MetaKeys::NOTIFICATIONS ] ?? null ), 'is_array' );
		$events   = self::list_of( $meta[ MetaKeys::EVENTS ] ?? null );

		if ( (int) ( $meta[ MetaKeys::ABANDONED_AT ] ?? '' ) > 0 ) {
			$counters[ self::ABANDONED ]       = 1;
			$counters[ self::ABANDONED_VALUE ] = self::money( $meta[ MetaKeys::CART_TOTAL ] ?? '' );
		}

		$attribution = (string) ( $meta[ MetaKeys::ATTRIBUTION ] ?? '' );
		if ( RecoverySchema::ATTRIBUTION_RECOVERED === $attribution && OrderStatuses::is( $order, OrderStatuses::RECOVERED ) ) {
			$recovered_at = (int) ( $meta[ MetaKeys::RECOVERED_AT ] ?? '' );
			$revenue      = self::money( $meta[ MetaKeys::RECOVERED_REVENUE ] ?? '' );

			$counters[ self::RECOVERED ]         = 1;
			$counters[ self::RECOVERED_REVENUE ] = $revenue;
			$counters[ self::LINK_RESTORED ]     = self::clicked_before( $records, $events, $recovered_at ) ? 1 : 0;

			$step = self::recovery_step( $records, (int) ( $meta[ MetaKeys::RECOVERED_ORDER_ID ] ?? '' ), $recovered_at );
			if ( $step > 0 ) {
				$counters[ self::step_key( $step, self::STEP_RECOVERED ) ] = 1;
				$counters[ self::step_key( $step, self::STEP_REVENUE ) ]   = $revenue;
			}
		} elseif ( RecoverySchema::ATTRIBUTION_INFLUENCED === $attribution ) {
			$counters[ self::INFLUENCED ]         = 1;
			$counters[ self::INFLUENCED_REVENUE ] = self::money( $meta[ MetaKeys::INFLUENCED_REVENUE ] ?? '' );
		}

		foreach ( $events as $event ) {
			$name = is_array( $event ) ? (string) ( $event['event'] ?? '' ) : '';
			if ( SessionEvents::RESTORE_CLICKED === $name ) {
				self::increment( $counters, self::RESTORE_CLICKS );
			} elseif ( SessionEvents::CART_RESTORE_FAILED === $name ) {
				self::increment( $counters, self::FAILED_RESTORES );
			}
		}

		$steps = EmailClasses::ids();
		foreach ( $records as $record ) {
			$state = (string) ( $record['status'] ?? '' );
			$step  = (int) ( $record['step'] ?? 0 );
			$sent  = self::is_sent( $record );
			if ( in_array( $state, NotificationStates::all(), true ) ) {
				self::increment( $counters, self::state_key( $state ) );
			}
			if ( $sent || (int) ( $record['attempts'] ?? 0 ) >= 1 ) {
				self::increment( $counters, self::SENDS_ATTEMPTED );
			}
			if ( ! isset( $steps[ $step ] ) ) {
				continue;
			}
			if ( $sent ) {
				self::increment( $counters, self::step_key( $step, self::STEP_SENT ) );
			}
			if ( (int) ( $record['restore_clicked_at'] ?? 0 ) > 0 ) {
				self::increment( $counters, self::step_key( $step, self::STEP_CLICKS ) );
			}
		}

		return array(
			'day'      => ReportPeriod::day_of( $created ? $created->getTimestamp() : time() ),
			'counters' => self::clean( $counters ),
		);
	}

	/**
	 * The contribution the ledger holds for the session (stored when it was last applied), or null.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array{day: string, counters: array<string, int>}|null
	 */
	public static function stored( \WC_Order $order ): ?array {
		return self::normalize( $order->get_meta( MetaKeys::ANALYTICS_CONTRIBUTION ) );
	}

	/**
	 * A contribution read from storage or a job argument, or null when it is not one.
	 *
	 * @param mixed $value Candidate.
	 * @return array{day: string, counters: array<string, int>}|null
	 */
	public static function normalize( $value ): ?array {
		if ( ! is_array( $value ) || ! isset( $value['day'], $value['counters'] ) || ! is_array( $value['counters'] ) ) {
			return null;
		}
		$day = (string) $value['day'];
		if ( 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}$/', $day ) ) {
			return null;
		}
		$counters = array();
		foreach ( $value['counters'] as $key => $count ) {
			if ( is_string( $key ) && 1 === preg_match( '/^[a-z0-9_]+$/', $key ) && is_numeric( $count ) ) {
				$counters[ $key ] = (int) $count;
			}
		}
		return array(
			'day'      => $day,
			'counters' => self::clean( $counters ),
		);
	}

	/**
	 * Whether two contributions are the same (null: none).
	 *
	 * @param array|null $a Contribution.
	 * @param array|null $b Contribution.
	 * @return bool
	 */
	public static function same( ?array $a, ?array $b ): bool {
		if ( null === $a || null === $b ) {
			return null === $a && null === $b;
		}
		return $a['day'] === $b['day'] && $a['counters'] === $b['counters'];
	}

	/**
	 * Whether going from $old to $new changes more than the tracked count: a key event (abandoned, sent,
	 * restored, recovered, reverted…) that is worth applying now rather than at the hourly refresh.
	 *
	 * @param array|null $old Stored contribution (null: none yet).
	 * @param array      $new Current contribution.
	 * @return bool
	 */
	public static function is_key_change( ?array $old, array $new ): bool {
		if ( null !== $old && $old['day'] !== $new['day'] ) {
			return true;
		}
		$before = null === $old ? array() : $old['counters'];
		unset( $before[ self::TRACKED ] );
		$after = $new['counters'];
		unset( $after[ self::TRACKED ] );
		return $before !== $after;
	}

	/**
	 * Adds counters into a sum, times a sign (-1 subtracts); zeros are left out of the result.
	 *
	 * @param array<string, int> $sum      Sum so far.
	 * @param array<string, int> $counters Counters to add.
	 * @param int                $sign     One to add, minus one to subtract.
	 * @return array<string, int>
	 */
	public static function add( array $sum, array $counters, int $sign = 1 ): array {
		foreach ( $counters as $key => $count ) {
			$sum[ $key ] = (int) ( $sum[ $key ] ?? 0 ) + $sign * (int) $count;
		}
		return self::clean( $sum );
	}

	/**
	 * A money amount (string or number, currency units) as integer units of 1 / MONEY_SCALE.
	 *
	 * @param mixed $amount Amount.
	 * @return int
	 */
	public static function money( $amount ): int {
		return is_numeric( $amount ) ? (int) round( (float) $amount * self::MONEY_SCALE ) : 0;
	}

	/**
	 * Counters without zeros, sorted by key (so equal counters compare identical).
	 *
	 * @param array<string, int> $counters Counters.
	 * @return array<string, int>
	 */
	private static function clean( array $counters ): array {
		$counters = array_filter( $counters, static fn ( $count ) => 0 !== (int) $count );
		ksort( $counters );
		return $counters;
	}

	/**
	 * Increments one counter.
	 *
	 * @param array<string, int> $counters Counters.
	 * @param string             $key      Counter.
	 */
	private static function increment( array &$counters, string $key ): void {
		$counters[ $key ] = (int) ( $counters[ $key ] ?? 0 ) + 1;
	}

	/**
	 * The first value of each meta key of a session, in one pass over its meta (a `get_meta()` call per key
	 * scans the whole list each time: a tenth of a rebuild's time at 100,000 sessions). Values are the order's
	 * current ones, unsaved changes included, as `get_meta( $key, true, 'edit' )` gives them.
	 *
	 * @param \WC_Order $order Session order.
	 * @return array<string, mixed>
	 */
	private static function meta_values( \WC_Order $order ): array {
		$values = array();
		foreach ( $order->get_meta_data() as $meta ) {
			// The current values (`get_data()` would give the last saved ones: this runs inside saves too).
			$key = (string) $meta->key;
			if ( ! array_key_exists( $key, $values ) ) {
				$values[ $key ] = $meta->value;
			}
		}
		return $values;
	}

	/**
	 * A list-valued meta value (anything else is an empty list).
	 *
	 * @param mixed $value Stored value.
	 * @return array<int|string, mixed>
	 */
	private static function list_of( $value ): array {
		return is_array( $value ) ? $value : array();
	}

	/**
	 * Whether a record is sent or delivered.
	 *
	 * @param array<string, mixed> $record Notification record.
	 * @return bool
	 */
	private static function is_sent( array $record ): bool {
		return in_array( $record['status'] ?? '', array( NotificationStates::SENT, NotificationStates::DELIVERED ), true );
	}

	/**
	 * When a record was sent (its latest sent or delivered stamp), 0 if it was not.
	 *
	 * @param array<string, mixed> $record Notification record.
	 * @return int
	 */
	private static function sent_at( array $record ): int {
		if ( ! self::is_sent( $record ) ) {
			return 0;
		}
		$stamps = is_array( $record['timestamps'] ?? null ) ? $record['timestamps'] : array();
		return max( (int) ( $stamps[ NotificationStates::SENT ] ?? 0 ), (int) ( $stamps[ NotificationStates::DELIVERED ] ?? 0 ) );
	}

	/**
	 * Whether a restore link of the session was clicked at or before the recovery.
	 *
	 * @param array $records      Notification records.
	 * @param array $events       Event log.
	 * @param int   $recovered_at When the recovery was attributed (0: unknown, any click counts).
	 * @return bool
	 */
	private static function clicked_before( array $records, array $events, int $recovered_at ): bool {
		$clicks = array_map( static fn ( $record ) => (int) ( $record['restore_clicked_at'] ?? 0 ), $records );
		foreach ( $events as $event ) {
			if ( is_array( $event ) && SessionEvents::RESTORE_CLICKED === ( $event['event'] ?? '' ) ) {
				$clicks[] = (int) ( $event['at'] ?? 0 );
			}
		}
		foreach ( $clicks as $at ) {
			if ( $at > 0 && ( 0 === $recovered_at || $at <= $recovered_at ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The step a recovery belongs to: the notification the attribution named (the one whose link the order
	 * came through), else the one whose link was clicked last before the recovery, else the last step sent
	 * before it; 0 when no email led to it.
	 *
	 * @param array $records      Notification records.
	 * @param int   $order_id     The recovered order.
	 * @param int   $recovered_at When the recovery was attributed (0: unknown).
	 * @return int
	 */
	private static function recovery_step( array $records, int $order_id, int $recovered_at ): int {
		$steps = EmailClasses::ids();
		if ( $order_id > 0 ) {
			foreach ( $records as $record ) {
				$step = (int) ( $record['step'] ?? 0 );
				if ( isset( $steps[ $step ] ) && (int) ( $record['recovered_order_id'] ?? 0 ) === $order_id ) {
					return $step;
				}
			}
		}
		$clicked = self::latest_step( $records, static fn ( array $record ) => (int) ( $record['restore_clicked_at'] ?? 0 ), $recovered_at );
		return $clicked > 0 ? $clicked : self::latest_step( $records, static fn ( array $record ) => self::sent_at( $record ), $recovered_at );
	}

	/**
	 * The step of the record with the latest moment (a timestamp a callback reads) at or before the recovery.
	 *
	 * @param array    $records      Notification records.
	 * @param callable $moment       Gets a record, returns a Unix time (0: none).
	 * @param int      $recovered_at When the recovery was attributed (0: unknown, any moment counts).
	 * @return int Step number, 0 for none.
	 */
	private static function latest_step( array $records, callable $moment, int $recovered_at ): int {
		$steps  = EmailClasses::ids();
		$latest = 0;
		$found  = 0;
		foreach ( $records as $record ) {
			$at   = (int) $moment( $record );
			$step = (int) ( $record['step'] ?? 0 );
			if ( isset( $steps[ $step ] ) && $at > $latest && ( 0 === $recovered_at || $at <= $recovered_at ) ) {
				$latest = $at;
				$found  = $step;
			}
		}
		return $found;
	}
}
