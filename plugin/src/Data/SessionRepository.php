<?php
/**
 * Order-backed recovery sessions, through WooCommerce CRUD only (HPOS and legacy storage alike).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\EmailClasses;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\RecoverySchema;
use WPAnchorBay\CartBay\Generated\ScheduledJobs;
use WPAnchorBay\CartBay\Generated\SessionEvents;
use WPAnchorBay\CartBay\Generated\SettingsKeys;
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
	}

	/**
	 * Deletes sessions whose last change is older than the retention period. Runs daily, at most
	 * RecoverySchema::PRUNE_BATCH sessions a run so one run stays short (the next run catches up).
	 *
	 * @return int Sessions deleted in this run.
	 */
	public function prune_expired(): int {
		$days    = (int) $this->settings->get( SettingsKeys::DATA_RETENTION_DAYS );
		$ids     = wc_get_orders(
			array(
				'status'        => $this->statuses(),
				'created_via'   => CARTBAY_CREATED_VIA,
				'date_modified' => '<' . ( time() - $days * DAY_IN_SECONDS ),
				'limit'         => RecoverySchema::PRUNE_BATCH,
				'return'        => 'ids',
			)
		);
		$deleted = 0;
		foreach ( $ids as $id ) {
			$order = wc_get_order( $id );
			if ( $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ) {
				// Expired: nothing of it may run later (a long-overdue send of a pruned session, say).
				$this->cancel_jobs( (string) $order->get_meta( MetaKeys::SESSION_ID ) );
				$order->delete( true );
				++$deleted;
			}
		}
		return $deleted;
	}
}
