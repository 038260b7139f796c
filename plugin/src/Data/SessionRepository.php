<?php
/**
 * Order-backed recovery sessions, through WooCommerce CRUD only (HPOS and legacy storage alike).
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Data;

use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Finds, updates and prunes CartBay sessions. Never queries order tables directly.
 */
final class SessionRepository {

	/**
	 * Sessions deleted per prune run, so one run stays short; the daily job catches up.
	 */
	private const PRUNE_BATCH = 200;

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
	 * The session order with this CartBay session id, if any.
	 *
	 * @param string $session_id CartBay session id.
	 */
	public function find( string $session_id ): ?\WC_Order {
		if ( '' === $session_id ) {
			return null;
		}
		$orders = wc_get_orders(
			array(
				'status'      => $this->statuses(),
				'created_via' => CARTBAY_CREATED_VIA,
				'limit'       => 1,
			) + OrderMetaQuery::args(
				array(
					array(
						'key'   => MetaKeys::SESSION_ID,
						'value' => $session_id,
					),
				)
			)
		);
		$order = $orders[0] ?? null;
		return $order instanceof \WC_Order ? $order : null;
	}

	/**
	 * Appends an event to the session's event log (without saving).
	 *
	 * @param \WC_Order            $order Session order.
	 * @param string               $event A SessionEvents value.
	 * @param array<string, mixed> $data  Context without PII or tokens.
	 */
	public function add_event( \WC_Order $order, string $event, array $data = array() ): void {
		$events   = (array) $order->get_meta( MetaKeys::EVENTS );
		$events[] = array(
			'event' => $event,
			'at'    => time(),
			'data'  => $data,
		);
		$order->update_meta_data( MetaKeys::EVENTS, $events );
	}

	/**
	 * Deletes sessions whose last change is older than the retention period. Runs daily.
	 *
	 * @return int Sessions deleted in this run.
	 */
	public function prune_expired(): int {
		$days = (int) $this->settings->get( 'data_retention_days' );
		$ids  = wc_get_orders(
			array(
				'status'        => $this->statuses(),
				'created_via'   => CARTBAY_CREATED_VIA,
				'date_modified' => '<' . ( time() - $days * DAY_IN_SECONDS ),
				'limit'         => self::PRUNE_BATCH,
				'return'        => 'ids',
			)
		);
		$deleted = 0;
		foreach ( $ids as $id ) {
			$order = wc_get_order( $id );
			if ( $order instanceof \WC_Order && CARTBAY_CREATED_VIA === $order->get_created_via() ) {
				$order->delete( true );
				++$deleted;
			}
		}
		return $deleted;
	}
}
