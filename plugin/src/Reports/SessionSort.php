<?php
/**
 * How the Sessions list sorts: its sortable columns and where each value is stored.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use Automattic\WooCommerce\Utilities\OrderUtil;
use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * The `orderby` choices of the Sessions list (plugin/schema/analytics.ts `sessionList.orderby`; the route
 * refuses any other): `created` is the order's creation date, a column of both order storages. `cart_total`
 * is the session order's own total, which CartBay keeps equal to the cart total (CartSnapshot::sync_order_total()):
 * on HPOS the `total_amount` column, sorted without a join; on posts storage its `_order_total` meta row. The
 * others are session meta. Meta values are sorted through a named meta-query clause cast to the value's
 * type; ties are broken by the order id in the same direction, so pages never overlap.
 *
 * A session without the meta sorts below every session that has it (first ascending, last descending):
 * no send yet has no `_cartbay_emails_sent` row (it counts as 0), and a session captured before a key
 * existed still lists. Every order has a total, so that never applies to the cart total.
 */
final class SessionSort {

	/**
	 * The default column: newest sessions first.
	 */
	public const CREATED = 'created';

	/**
	 * Meta-backed columns: orderby choice => array( meta key, meta-query cast type ).
	 */
	private const META = array(
		'session'       => array( MetaKeys::SESSION_ID, 'CHAR' ),
		'cart_total'    => array( '_order_total', 'DECIMAL(20,6)' ),
		'last_activity' => array( MetaKeys::LAST_ACTIVITY_AT, 'NUMERIC' ),
		'emails_sent'   => array( MetaKeys::EMAILS_SENT, 'NUMERIC' ),
	);

	/**
	 * Choices sorted by a column of the HPOS orders table instead: orderby choice => `wc_get_orders()` orderby.
	 */
	private const HPOS_COLUMNS = array(
		'cart_total' => 'total',
	);

	/**
	 * The column.
	 *
	 * @var string
	 */
	private $column;

	/**
	 * The `wc_get_orders()` orderby of an order column the choice sorts by on this storage, '' for meta.
	 *
	 * @var string
	 */
	private $order_column;

	/**
	 * Whether the order is descending.
	 *
	 * @var bool
	 */
	private $descending;

	/**
	 * Constructor.
	 *
	 * @param string $column     An `orderby` choice (anything unknown sorts by creation).
	 * @param bool   $descending Whether the order is descending.
	 */
	public function __construct( string $column, bool $descending ) {
		$this->column       = isset( self::META[ $column ] ) ? $column : self::CREATED;
		$this->descending   = $descending;
		$this->order_column = isset( self::HPOS_COLUMNS[ $this->column ] ) && OrderUtil::custom_orders_table_usage_is_enabled()
			? self::HPOS_COLUMNS[ $this->column ]
			: '';
	}

	/**
	 * The column sorted by.
	 *
	 * @return string
	 */
	public function column(): string {
		return $this->column;
	}

	/**
	 * Whether the order is descending.
	 *
	 * @return bool
	 */
	public function descending(): bool {
		return $this->descending;
	}

	/**
	 * The meta key behind the column, or '' when it is an order column (the creation date; the total on HPOS).
	 *
	 * @return string
	 */
	public function meta_key(): string {
		return '' === $this->order_column ? self::META[ $this->column ][0] ?? '' : '';
	}

	/**
	 * The meta-query cast type of the column's values.
	 *
	 * @return string
	 */
	public function cast(): string {
		return self::META[ $this->column ][1] ?? 'CHAR';
	}

	/**
	 * SQL direction.
	 *
	 * @return string
	 */
	public function direction(): string {
		return $this->descending ? 'DESC' : 'ASC';
	}

	/**
	 * The `orderby` argument of `wc_get_orders()`. By creation: the creation date, then the order id. By an
	 * order column (the total on HPOS): the column, then the order id. By a meta value (the named clause): the value, then the order id, the order sessions were created in. The
	 * date is left out there on purpose: the value's join already hands the database the order id, while
	 * the date would make it read every session's order row for the sort (a third of a sorted page's time
	 * at 100,000 sessions).
	 *
	 * @param string $clause Name of the meta-query clause holding the column's meta, or '' for none.
	 * @return array<string, string>
	 */
	public function orderby( string $clause = '' ): array {
		if ( '' !== $clause ) {
			return array(
				$clause => $this->direction(),
				'ID'    => $this->direction(),
			);
		}
		if ( '' !== $this->order_column ) {
			return array(
				$this->order_column => $this->direction(),
				'ID'                => $this->direction(),
			);
		}
		return array(
			'date' => $this->direction(),
			'ID'   => $this->direction(),
		);
	}
}
