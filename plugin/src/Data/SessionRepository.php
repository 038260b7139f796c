<?php
/**
 * Order-backed recovery sessions, through WooCommerce CRUD only (HPOS and legacy storage alike).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use WPAnchorBay\CartBay\Analytics\AnalyticsLedger;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
use WPAnchorBay\CartBay\Generated\Transients;
use WPAnchorBay\CartBay\Logging\Logger;
use WPAnchorBay\CartBay\Security\TokenHelper;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Finds, updates and prunes CartBay sessions. Never queries order tables directly.
 */
final class SessionRepository {

	/**
	 * WooCommerce Analytics' order import scheduler (internal to WooCommerce: only ever looked up by name).
	 */
	private const ANALYTICS_ORDERS_SCHEDULER = 'Automattic\\WooCommerce\\Internal\\Admin\\Schedulers\\OrdersScheduler';

	/**
	 * Settings.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Events of sessions not saved yet, logged once the first save gives them an order id (by object id).
	 *
	 * @var array<int, array<int, array{0: string, 1: array}>>
	 */
	private $unsaved_events = array();

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings.
	 */
	public function __construct( SettingsRepository $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Every CartBay status slug (with the wc- prefix).
	 *
	 * @return string[]
	 */
	public function statuses(): array {
		return array_values( OrderStatuses::by_key() );
	}

	/**
	 * Statuses of a session that can still change: captured and abandoned.
	 *
	 * @return string[]
	 */
	public function active_statuses(): array {
		return array( OrderStatuses::CAPTURED, OrderStatuses::ABANDONED );
	}

	/**
	 * The session order with this CartBay session id, if any.
	 *
	 * @param string        $session_id CartBay session id.
	 * @param string[]|null $statuses   Statuses to consider (default: every CartBay status).
	 * @return \WC_Order|null
	 */
	public function find( string $session_id, ?array $statuses = null ): ?\WC_Order {
		if ( '' === $session_id ) {
			return null;
		}
		return $this->first(
			$statuses ?? $this->statuses(),
			array(
				array(
					'key'   => MetaKeys::SESSION_ID,
					'value' => $session_id,
				),
			)
		);
	}

	/**
	 * The session that issued a link token with this hash (restore: TOKEN_HASH, unsubscribe: UNSUB_TOKEN_HASH).
	 *
	 * @param string        $meta_key   MetaKeys::TOKEN_HASH or MetaKeys::UNSUB_TOKEN_HASH.
	 * @param string        $token_hash SHA-256 of the presented token (64 hex characters).
	 * @param string[]|null $statuses   Statuses to consider (default: every CartBay status).
	 * @return \WC_Order|null
	 */
	public function find_by_token_hash( string $meta_key, string $token_hash, ?array $statuses = null ): ?\WC_Order {
		if ( 1 !== preg_match( '/^[0-9a-f]{64}$/', $token_hash ) ) {
			return null;
		}
		return $this->first(
			$statuses ?? $this->statuses(),
			array(
				array(
					'key'   => $meta_key,
					'value' => $token_hash,
				),
			)
		);
	}

	/**
	 * Sessions of an email in some statuses, newest first.
	 *
	 * @param string   $email    Email address (matched by its hash).
	 * @param string[] $statuses Statuses.
	 * @param int      $limit    Most sessions returned.
	 * @return \WC_Order[]
	 */
	public function find_by_email( string $email, array $statuses, int $limit ): array {
		return $this->query(
			$statuses,
			array(
				array(
					'key'   => MetaKeys::EMAIL_HASH,
					'value' => TokenHelper::email_hash( $email ),
				),
			),
			$limit
		);
	}

	/**
	 * Other abandoned sessions of an email hash whose recovery sequence no newer session has superseded,
	 * newest first: the sessions that may still have recovery emails in flight.
	 *
	 * Runs at every abandonment, so it is kept cheap: ids first (the usual answer is only the session
	 * itself, which is then not loaded again), and `created_via` is checked on the few orders loaded rather
	 * than in the query (on posts storage that filter is one more meta join over every CartBay order, which
	 * made each lookup grow with the store's sessions).
	 *
	 * @param string $email_hash SHA-256 of the normalized email.
	 * @param int    $except_id  Order id of the session asking (left out).
	 * @return \WC_Order[]
	 */
	public function find_unsuperseded_by_email_hash( string $email_hash, int $except_id = 0 ): array {
		if ( 1 !== preg_match( '/^[0-9a-f]{64}$/', $email_hash ) ) {
			return array();
		}
		// Every such session is needed (each may hold pending sends); the superseded ones are left out by the query.
		$ids    = wc_get_orders(
			array(
				'status' => array( OrderStatuses::ABANDONED ),
				'limit'  => -1,
				'return' => 'ids',
			) + OrderMetaQuery::args(
				array(
					array(
						'key'   => MetaKeys::EMAIL_HASH,
						'value' => $email_hash,
					),
					array(
						'key'     => MetaKeys::SUPERSEDED_BY,
						'compare' => 'NOT EXISTS',
					),
				)
			)
		);
		$orders = array();
		foreach ( $ids as $id ) {
			$order = (int) $id !== $except_id ? wc_get_order( $id ) : null;
			if ( $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ) {
				$orders[] = $order;
			}
		}
		return $orders;
	}

	/**
	 * The newest CartBay session matching a meta query.
	 *
	 * @param string[] $statuses   Statuses.
	 * @param array    $meta_query Meta query clauses.
	 * @return \WC_Order|null
	 */
	private function first( array $statuses, array $meta_query ): ?\WC_Order {
		return $this->query( $statuses, $meta_query, 1 )[0] ?? null;
	}

	/**
	 * CartBay sessions matching a meta query, newest first.
	 *
	 * @param string[] $statuses   Statuses.
	 * @param array    $meta_query Meta query clauses.
	 * @param int      $limit      Most sessions returned.
	 * @return \WC_Order[]
	 */
	private function query( array $statuses, array $meta_query, int $limit ): array {
		$orders = wc_get_orders(
			array(
				'status'      => $statuses,
				'created_via' => CARTBAY_CREATED_VIA,
				'limit'       => $limit,
			) + OrderMetaQuery::args( $meta_query )
		);
		return array_values( array_filter( $orders, static fn ( $order ) => $order instanceof \WC_Order ) );
	}

	/**
	 * A new, unsaved session order with a fresh unguessable id (never derived from the order id).
	 *
	 * @return \WC_Order
	 */
	public function create(): \WC_Order {
		$order = new \WC_Order();
		$order->set_created_via( CARTBAY_CREATED_VIA );
		// Born captured, not moved there from "pending" (it never was): set as a data store would set a read
		// value, so the first save runs no status transition (no "status changed" note, no transition hooks).
		$order->set_object_read( false );
		$order->set_status( OrderStatuses::CAPTURED );
		$order->set_object_read( true );
		$order->update_meta_data( MetaKeys::SESSION_ID, wp_generate_password( CaptureSchema::SESSION_ID_LENGTH, false, false ) );
		return $order;
	}

	/**
	 * Cancels every pending job of a session: its abandonment check and its recovery emails.
	 *
	 * @param string $session_id CartBay session id.
	 */
	public function cancel_jobs( string $session_id ): void {
		as_unschedule_all_actions( ScheduledJobs::DETECT_SESSION_ABANDONMENT, array( $session_id ), ScheduledJobs::GROUP );
		foreach ( array_keys( EmailClasses::by_step() ) as $step ) {
			as_unschedule_all_actions( ScheduledJobs::SEND_RECOVERY_EMAIL, array( $session_id, $step ), ScheduledJobs::GROUP );
		}
	}

	/**
	 * Cancels the pending recovery-email jobs of a session (its abandonment check is left alone).
	 *
	 * @param string $session_id CartBay session id.
	 */
	public function cancel_send_jobs( string $session_id ): void {
		foreach ( array_keys( EmailClasses::by_step() ) as $step ) {
			as_unschedule_all_actions( ScheduledJobs::SEND_RECOVERY_EMAIL, array( $session_id, $step ), ScheduledJobs::GROUP );
		}
	}

	/**
	 * A meta value that holds a list, or an empty list when it is missing (get_meta() gives '' then).
	 *
	 * @param \WC_Order $order Session order.
	 * @param string    $key   Meta key.
	 * @return array
	 */
	public static function list_meta( \WC_Order $order, string $key ): array {
		$value = $order->get_meta( $key );
		return is_array( $value ) ? $value : array();
	}

	/**
	 * Saves the whole session (status and order fields included).
	 *
	 * The billing email follows the captured email here: updates in between save only meta (much cheaper
	 * than a full order save on every keystroke-settled change), so the billing field catches up at the next
	 * full save: capture, reactivation, abandonment, completion.
	 *
	 * @param \WC_Order $order Session order.
	 */
	public function save( \WC_Order $order ): void {
		$email = (string) $order->get_meta( MetaKeys::EMAIL );
		if ( '' !== $email ) {
			$order->set_billing_email( $email );
		}
		// Sessions are excluded from WooCommerce Analytics, so the import job WooCommerce schedules for every
		// updated order would load each session only to skip it: not scheduled for them.
		$import   = array( self::ANALYTICS_ORDERS_SCHEDULER, 'possibly_schedule_import' );
		$priority = has_action( 'woocommerce_update_order', $import );
		if ( false !== $priority ) {
			remove_action( 'woocommerce_update_order', $import, $priority );
		}
		try {
			$this->save_order( $order );
			$this->log_unsaved_events( $order );
		} finally {
			if ( false !== $priority ) {
				add_action( 'woocommerce_update_order', $import, $priority );
			}
		}
	}

	/**
	 * The save itself; a new session's first save skips posts storage's slug and meta lookups whose answers
	 * are known.
	 *
	 * @param \WC_Order $order Session order.
	 */
	private function save_order( \WC_Order $order ): void {
		if ( $order->get_id() ) {
			$order->save();
			return;
		}
		$insert = new LeanOrderInsert();
		$insert->arm();
		try {
			$order->save();
		} finally {
			$insert->disarm();
		}
	}

	/**
	 * Appends an event to the session's event log (without saving).
	 *
	 * @param \WC_Order            $order Session order.
	 * @param string               $event A SessionEvents value.
	 * @param array<string, mixed> $data  Context without PII or tokens.
	 */
	public function add_event( \WC_Order $order, string $event, array $data = array() ): void {
		$events = self::list_meta( $order, MetaKeys::EVENTS );
		// Repeated updates are one fact: keep only the latest, so the log stays small however often a shopper types.
		if ( SessionEvents::UPDATED === $event ) {
			$events = array_values( array_filter( $events, static fn ( $e ) => SessionEvents::UPDATED !== ( $e['event'] ?? '' ) ) );
		}
		$events[] = array(
			'event' => $event,
			'at'    => time(),
			'data'  => $data,
		);
		$order->update_meta_data( MetaKeys::EVENTS, array_slice( $events, -CaptureSchema::MAX_EVENTS ) );
		if ( $order->get_id() ) {
			Logger::session_event( $order, $event, $data );
		} else {
			$this->unsaved_events[ spl_object_id( $order ) ][] = array( $event, $data );
		}
	}

	/**
	 * Logs the events recorded on a session before its first save, now that it has an order id.
	 *
	 * @param \WC_Order $order Session order, just saved.
	 */
	private function log_unsaved_events( \WC_Order $order ): void {
		$key = spl_object_id( $order );
		if ( ! isset( $this->unsaved_events[ $key ] ) || ! $order->get_id() ) {
			return;
		}
		foreach ( $this->unsaved_events[ $key ] as $logged ) {
			Logger::session_event( $order, $logged[0], $logged[1] );
		}
		unset( $this->unsaved_events[ $key ] );
	}

	/**
	 * Retention: deletes sessions whose last change is older than `data_retention_days`, in batches of
	 * RecoverySchema::PRUNE_BATCH, for at most PRUNE_TIME_BUDGET_SECONDS a run. When sessions past retention
	 * remain, one immediate `cartbay_prune_sessions_continue` action takes over (never two pending), so any
	 * backlog clears in a chain of short runs. The daily `cartbay_prune_sessions` job and its continuations
	 * both run this.
	 *
	 * With each session go its pending jobs, its notification-context transients and its generated coupons
	 * (unused ones deleted, used ones kept without the raw email: RetiredSessionCoupons). What the sessions
	 * counted stays in the analytics ledger (AnalyticsLedger::retire()): pruning never changes a figure.
	 *
	 * @return int Sessions deleted in this run.
	 */
	public function prune_expired(): int {
		$deadline = microtime( true ) + RecoverySchema::PRUNE_TIME_BUDGET_SECONDS;
		$cutoff   = time() - (int) $this->settings->get( SettingsKeys::DATA_RETENTION_DAYS ) * DAY_IN_SECONDS;
		$done     = array(
			'sessions'        => 0,
			'coupons_deleted' => 0,
			'coupons_kept'    => 0,
		);
		$next     = 0; // When a continuation must run (0: none needed).
		while ( true ) {
			$orders = $this->expired_batch( $cutoff );
			if ( array() === $orders ) {
				break;
			}
			$deleted           = $this->prune_batch( $orders, $done );
			$done['sessions'] += $deleted;
			if ( 0 === $deleted ) {
				// The analytics ledger is busy (a rebuild): try again a little later.
				$next = time() + RecoverySchema::PRUNE_BUSY_RETRY_SECONDS;
				break;
			}
			if ( $deleted < count( $orders ) ) {
				break; // Some could not be deleted: left for the next daily run rather than retried in a loop.
			}
			if ( microtime( true ) >= $deadline ) {
				// Out of time: a continuation takes over only if sessions past retention remain.
				$next = array() !== $this->expired_ids( $cutoff, 1 ) ? time() : 0;
				break;
			}
		}
		if ( $next > 0 && ! $this->continuation_pending() ) {
			as_schedule_single_action( $next, ScheduledJobs::PRUNE_SESSIONS_CONTINUE, array(), ScheduledJobs::GROUP );
		}
		Logger::info( 'retention.sessions_pruned', $done + array( 'continues' => $next > 0 ) );
		return $done['sessions'];
	}

	/**
	 * Deletes one session the way retention does (its jobs, notification contexts and unused coupons go,
	 * used coupons stay without the email, its figures stay in the analytics ledger). The agent action
	 * `delete_session`.
	 *
	 * @param \WC_Order $order Session order.
	 * @return bool Whether it was deleted (false while a ledger rebuild runs, or when WooCommerce refused).
	 */
	public function delete_session( \WC_Order $order ): bool {
		$done = array(
			'coupons_deleted' => 0,
			'coupons_kept'    => 0,
		);
		return 1 === $this->prune_batch( array( $order ), $done );
	}

	/**
	 * Whether a retention continuation is already waiting. Only pending actions count: a continuation that
	 * is running now (this run) must be able to queue the next one, which as_has_scheduled_action() — true
	 * for a running action as well — would prevent.
	 *
	 * @return bool
	 */
	private function continuation_pending(): bool {
		$pending = as_get_scheduled_actions(
			array(
				'hook'     => ScheduledJobs::PRUNE_SESSIONS_CONTINUE,
				'group'    => ScheduledJobs::GROUP,
				'status'   => \ActionScheduler_Store::STATUS_PENDING,
				'per_page' => 1,
			),
			'ids'
		);
		return array() !== $pending;
	}

	/**
	 * The next sessions past retention (by last change), oldest first.
	 *
	 * @param int $cutoff Unix time: sessions last changed before it are past retention.
	 * @return \WC_Order[]
	 */
	private function expired_batch( int $cutoff ): array {
		$orders = array();
		foreach ( $this->expired_ids( $cutoff, RecoverySchema::PRUNE_BATCH ) as $id ) {
			$order = wc_get_order( $id );
			if ( $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ) {
				$orders[] = $order;
			}
		}
		return $orders;
	}

	/**
	 * Ids of sessions past retention, lowest first. Selected by status alone: SessionStatusGuard keeps
	 * CartBay's statuses to sessions, and `created_via` is checked on the loaded sessions.
	 *
	 * @param int $cutoff Unix time: sessions last changed before it are past retention.
	 * @param int $limit  Most ids to return.
	 * @return int[]
	 */
	private function expired_ids( int $cutoff, int $limit ): array {
		return array_map(
			'absint',
			(array) wc_get_orders(
				array(
					'status'        => $this->statuses(),
					'date_modified' => '<' . $cutoff,
					'limit'         => $limit,
					'orderby'       => 'ID',
					'order'         => 'ASC',
					'return'        => 'ids',
				)
			)
		);
	}

	/**
	 * Deletes one batch through the analytics ledger, with each session's jobs, transients and coupons.
	 *
	 * @param \WC_Order[]        $orders Sessions past retention.
	 * @param array<string, int> $done   Running counts (coupons deleted and kept are added).
	 * @return int Sessions deleted.
	 */
	private function prune_batch( array $orders, array &$done ): int {
		$coupons = RetiredSessionCoupons::of_sessions(
			array_map( static fn ( \WC_Order $order ) => (string) $order->get_meta( MetaKeys::SESSION_ID ), $orders )
		);
		return AnalyticsLedger::retire(
			$orders,
			function ( \WC_Order $order ) use ( $coupons, &$done ): bool {
				$session_id = (string) $order->get_meta( MetaKeys::SESSION_ID );
				// Expired: nothing of it may run later (a long-overdue send of a pruned session, say).
				$this->cancel_jobs( $session_id );
				foreach ( self::list_meta( $order, MetaKeys::NOTIFICATIONS ) as $record ) {
					if ( is_array( $record ) && isset( $record['id'] ) && is_string( $record['id'] ) ) {
						delete_transient( Transients::NOTIFICATION_CONTEXT_PREFIX . $record['id'] );
					}
				}
				$order_id = absint( $order->get_meta( MetaKeys::RECOVERED_ORDER_ID ) );
				if ( ! $order->delete( true ) ) {
					return false;
				}
				$retired                  = RetiredSessionCoupons::retire( $coupons[ $session_id ] ?? array(), $order_id );
				$done['coupons_deleted'] += $retired['deleted'];
				$done['coupons_kept']    += $retired['kept'];
				return true;
			}
		);
	}
}
