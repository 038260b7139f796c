<?php
/**
 * The Notifications list: the notification records of the period's sessions, flattened.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Analytics\ReportPeriod;
use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SessionRepository;
use WPAnchorBay\CartBay\Generated\AnalyticsSchema;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Generated\OrderStatuses;
use WPAnchorBay\CartBay\Generated\Transients;
use WPAnchorBay\CartBay\Notifications\NotificationLog;

defined( 'ABSPATH' ) || exit;

/**
 * Records live on their sessions (`_cartbay_notifications`), so the list reads the period's sessions that
 * have any, AnalyticsSchema::EXPORT_BATCH at a time, and keeps only the rows the page needs (the newest
 * scheduled `offset + limit`) plus a count: memory follows the page, never the store.
 *
 * Sessions that cannot hold a matching record are left out by the query itself: a session without records,
 * one whose records have no record in the asked state (a match on the stored records' `status` fields), and,
 * with a search, one whose email, ids and records do not contain the text. PHP then checks each record
 * exactly.
 */
final class NotificationQuery {

	/**
	 * The state filter choice that selects every state.
	 */
	public const ALL = 'all';

	/**
	 * Session queries.
	 *
	 * @var SessionQuery
	 */
	private $query;

	/**
	 * Sessions.
	 *
	 * @var SessionRepository
	 */
	private $sessions;

	/**
	 * Constructor.
	 *
	 * @param SessionQuery      $query    Session queries.
	 * @param SessionRepository $sessions Sessions.
	 */
	public function __construct( SessionQuery $query, SessionRepository $sessions ) {
		$this->query    = $query;
		$this->sessions = $sessions;
	}

	/**
	 * One page of rows, newest scheduled first, and how many rows match.
	 *
	 * @param ReportPeriod $period Period (sessions created in it).
	 * @param string       $state  A notification state, or ALL.
	 * @param string       $search Search text ('' for none).
	 * @param int          $offset Rows before the page.
	 * @param int          $limit  Rows of the page.
	 * @return array{rows: array<int, array<string, mixed>>, total: int}
	 */
	public function page( ReportPeriod $period, string $state, string $search, int $offset, int $limit ): array {
		$search = trim( $search );
		$keep   = $offset + $limit;
		$top    = array();
		$total  = 0;
		$filter = new SessionFilter( $period, SessionFilter::ALL, '', new SessionSort( SessionSort::CREATED, true ) );
		foreach ( $this->query->batches( $filter, AnalyticsSchema::EXPORT_BATCH, $this->prefilter( $state, $search ) ) as $orders ) {
			foreach ( $orders as $order ) {
				foreach ( NotificationLog::all( $order ) as $record ) {
					if ( ! is_array( $record ) || ( self::ALL !== $state && ( $record['status'] ?? '' ) !== $state ) ) {
						continue;
					}
					$row = NotificationRow::of( $record, $order );
					if ( NotificationRow::matches( $row, $search ) ) {
						++$total;
						$top[] = array( IsoTime::timestamp( $record['scheduled_at'] ?? 0 ), $row['notification_id'], $row );
					}
				}
			}
			if ( count( $top ) > 2 * $keep ) {
				$top = self::newest( $top, $keep );
			}
		}
		return array(
			'rows'  => array_column( array_slice( self::newest( $top, $keep ), $offset, $limit ), 2 ),
			'total' => $total,
		);
	}

	/**
	 * A record by notification id, with its session, or null when no session holds it.
	 *
	 * Found by the record's own meta row (`_cartbay_notification_id`, written when it was queued); a record
	 * queued before that row existed is found through its send context while that lasts.
	 *
	 * @param string $id Notification id.
	 * @return array{record: array<string, mixed>, order: \WC_Order}|null
	 */
	public function find( string $id ): ?array {
		if ( ! NotificationLog::is_id( $id ) ) {
			return null;
		}
		$orders = wc_get_orders(
			array(
				'type'   => 'shop_order',
				'status' => array_values( OrderStatuses::by_key() ),
				'limit'  => 1,
			) + OrderMetaQuery::args(
				array(
					array(
						'key'   => MetaKeys::NOTIFICATION_ID,
						'value' => $id,
					),
				)
			)
		);
		$order  = is_array( $orders ) ? ( $orders[0] ?? null ) : null;
		if ( ! $order instanceof \WC_Order ) {
			$context = get_transient( Transients::NOTIFICATION_CONTEXT_PREFIX . $id );
			$order   = is_array( $context ) ? $this->sessions->find( (string) ( $context['session_id'] ?? '' ) ) : null;
		}
		$record = $order instanceof \WC_Order ? NotificationLog::get( $order, $id ) : null;
		return null === $record ? null : array(
			'record' => $record,
			'order'  => $order,
		);
	}

	/**
	 * Meta clauses leaving out sessions that cannot hold a matching record.
	 *
	 * The state is matched on the serialized records (`"status";s:N:"state"`), the search on the captured
	 * email, the exact ids and the serialized records (email type, trigger): both only narrow the sessions
	 * read, every record is then checked in PHP.
	 *
	 * @param string $state  A notification state, or ALL.
	 * @param string $search Trimmed search text.
	 * @return array
	 */
	private function prefilter( string $state, string $search ): array {
		$clauses = array(
			array(
				'key'     => MetaKeys::NOTIFICATIONS,
				'compare' => 'EXISTS',
			),
		);
		if ( self::ALL !== $state ) {
			$clauses[] = array(
				'key'     => MetaKeys::NOTIFICATIONS,
				'value'   => serialize( 'status' ) . serialize( $state ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- the stored form of the records' status field, matched as text.
				'compare' => 'LIKE',
			);
		}
		if ( '' !== $search ) {
			$any = array(
				'relation' => 'OR',
				array(
					'key'     => MetaKeys::EMAIL,
					'value'   => $search,
					'compare' => 'LIKE',
				),
				array(
					'key'     => MetaKeys::NOTIFICATIONS,
					'value'   => $search,
					'compare' => 'LIKE',
				),
			);
			if ( CaptureSchema::SESSION_ID_LENGTH === strlen( $search ) && ctype_alnum( $search ) ) {
				$any[] = array(
					'key'   => MetaKeys::SESSION_ID,
					'value' => $search,
				);
			}
			$clauses[] = $any;
		}
		return $clauses;
	}

	/**
	 * The newest scheduled entries first (ties: the larger notification id first), at most $keep of them.
	 *
	 * @param array<int, array{0: int, 1: string, 2: array}> $entries Entries: scheduled time, id, row.
	 * @param int                                            $keep    Entries kept.
	 * @return array<int, array{0: int, 1: string, 2: array}>
	 */
	private static function newest( array $entries, int $keep ): array {
		usort( $entries, static fn ( $a, $b ) => array( $b[0], $b[1] ) <=> array( $a[0], $a[1] ) );
		return array_slice( $entries, 0, $keep );
	}
}
