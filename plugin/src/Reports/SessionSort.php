<?php
/**
 * How the Sessions list sorts: its sortable columns and where each value is stored.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Generated\MetaKeys;

defined( 'ABSPATH' ) || exit;

/**
 * The `orderby` choices of the Sessions list (plugin/schema/analytics.ts `sessionList.orderby`; the route
 * refuses any other): `created` is the order's creation date, a column of both order storages; the others
 * are session meta, sorted through a named meta-query clause cast to the value's type. Ties are broken by
 * the creation date, then the order id, in the same direction, so pages never overlap.
 *
 * A session without the meta sorts below every session that has it (first ascending, last descending):
 * no send yet has no `_cartbay_emails_sent` row (it counts as 0), and a session captured before a key
 * existed still lists.
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
		'cart_total'    => array( MetaKeys::CART_TOTAL, 'DECIMAL(20,6)' ),
		'last_activity' => array( MetaKeys::LAST_ACTIVITY_AT, 'NUMERIC' ),
		'emails_sent'   => array( MetaKeys::EMAILS_SENT, 'NUMERIC' ),
	);

	/**
	 * The column.
	 *
	 * @var string
	 */
	private $column;

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
		$this->column     = isset( self::META[ $column ] ) ? $column : self::CREATED;
		$this->descending = $descending;
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
	 * The meta key behind the column, or '' for the creation date (a column).
	 *
	 * @return string
	 */
	public function meta_key(): string {
		return self::META[ $this->column ][0] ?? '';
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
	 * The `orderby` argument of `wc_get_orders()`. By creation: the creation date, then the order id. By a
	 * meta value (the named clause): the value, then the order id, the order sessions were created in. The
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
		return array(
			'date' => $this->direction(),
			'ID'   => $this->direction(),
		);
	}
}
