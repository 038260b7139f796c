<?php
/**
 * The sessions behind the Sessions list and its exports: one period, one status filter, one search, one
 * order, through `wc_get_orders()` on either order storage.
 *
 * @package WPAnchorBay\CartBay
 */

namespace WPAnchorBay\CartBay\Reports;

use WPAnchorBay\CartBay\Data\OrderMetaQuery;
use WPAnchorBay\CartBay\Data\SingleRowJoin;
use WPAnchorBay\CartBay\Generated\CaptureSchema;
use WPAnchorBay\CartBay\Generated\MetaKeys;
use WPAnchorBay\CartBay\Notifications\NotificationLog;
use WPAnchorBay\CartBay\Security\TokenHelper;

defined( 'ABSPATH' ) || exit;

/**
 * Selects the CartBay sessions created in the period, as ReportPeriod defines it, that match the status
 * filter and the search, in the list's order. A session is an order in a CartBay status: SessionStatusGuard
 * keeps those statuses to orders created via CartBay, so no query joins `created_via` (on posts storage that
 * join reads every session's meta rows and cost most of a page).
 *
 * Sorting by the creation date reads one query (the page and, in the same query, the count). Sorting by a
 * meta value (cart total, last activity, emails sent, session id) joins that meta row through a named
 * meta-query clause, cast to its type. A join leaves out the sessions without the row, so the list is
 * read in two parts: the sessions that have the value, sorted by it, and those without it (sessions made
 * before the value was stored), sorted by creation, first when ascending and last when descending. The
 * second part is counted as the difference between all sessions and the first part (a plain count: no
 * `NOT EXISTS` join over every session) and is read only when it is not empty and the page reaches it.
 *
 * Search: an email address matches its hash (exact, case-insensitive, indexed); anything else matches part
 * of the captured email, or exactly a session id or notification id of that shape.
 */
final class SessionQuery {

	/**
	 * Name of the meta-query clause a meta-backed sort orders by.
	 */
	private const SORT_CLAUSE = 'cartbay_sort';

	/**
	 * Batches whose ids one export query reads at once.
	 */
	private const ID_CHUNK_BATCHES = 25;

	/**
	 * One page of the list and the number of sessions the filter selects.
	 *
	 * @param SessionFilter $filter Filters and order.
	 * @param int           $offset Rows before the page.
	 * @param int           $limit  Rows of the page.
	 * @return array{orders: \WC_Order[], total: int}
	 */
	public function page( SessionFilter $filter, int $offset, int $limit ): array {
		$match = $this->search_clauses( $filter->search() );
		$sort  = $filter->sort();
		if ( '' === $sort->meta_key() ) {
			$page = $this->query( $filter, $match, $sort->orderby(), $offset, $limit, true );
			if ( array() === $page['orders'] && $offset > 0 ) {
				// HPOS counts nothing for an empty page; a page past the end still reports the total.
				$page['total'] = $this->count( $filter, $match );
			}
			return $page;
		}
		$total = null;
		if ( $sort->descending() ) {
			// The sessions with the value come first. A full page of them needs only the total besides.
			$first = $this->query( $filter, $this->with_value( $match, $sort ), $sort->orderby( self::SORT_CLAUSE ), $offset, $limit, false );
			$read  = count( $first['orders'] );
			$total = $this->count( $filter, $match );
			if ( $read === $limit || $offset + $read >= $total ) {
				return array(
					'orders' => $first['orders'],
					'total'  => $total,
				);
			}
		}
		$orders = array();
		$seen   = 0;
		foreach ( $this->parts( $filter, $match, $total ) as $part ) {
			$skip   = max( 0, $offset - $seen );
			$wanted = $limit - count( $orders );
			$seen  += $part['total'];
			if ( $wanted > 0 && $skip < $part['total'] ) {
				$orders = array_merge( $orders, $this->query( $filter, $part['meta'], $part['orderby'], $skip, $wanted, false )['orders'] );
			}
		}
		return array(
			'orders' => $orders,
			'total'  => $seen,
		);
	}

	/**
	 * Every session the filter selects, in list order, a batch at a time (no counting).
	 *
	 * The order is read as ids, ID_CHUNK_BATCHES batches at a time (one sorted query per chunk rather than
	 * one per batch: with every join and sort a query pays for the whole list, however few rows it returns),
	 * then each batch is loaded. Between batches the in-memory object cache is emptied, so memory holds one
	 * chunk of ids and one batch of sessions however many sessions there are.
	 *
	 * @param SessionFilter $filter Filters and order.
	 * @param int           $size   Sessions per batch.
	 * @param array         $extra  More meta-query clauses every session must match.
	 * @return \Generator<int, \WC_Order[]>
	 */
	public function batches( SessionFilter $filter, int $size, array $extra = array() ): \Generator {
		$size  = max( 1, $size );
		$chunk = $size * self::ID_CHUNK_BATCHES;
		$match = array_merge( $this->search_clauses( $filter->search() ), $extra );
		$sort  = $filter->sort();
		$parts = '' === $sort->meta_key()
			? array(
				array(
					'meta'    => $match,
					'orderby' => $sort->orderby(),
					'total'   => PHP_INT_MAX,
				),
			)
			: $this->parts( $filter, $match );
		foreach ( $parts as $part ) {
			for ( $offset = 0; $offset < $part['total']; $offset += $chunk ) {
				$ids = $this->query( $filter, $part['meta'], $part['orderby'], $offset, $chunk, false, false )['ids'];
				foreach ( array_chunk( $ids, $size ) as $batch ) {
					$orders = $this->load( $filter, $batch );
					if ( array() !== $orders ) {
						yield $orders;
					}
					self::release_memory();
				}
				if ( count( $ids ) < $chunk ) {
					break;
				}
			}
		}
	}

	/**
	 * The two parts of a meta-sorted list, in list order, each with its meta clauses, `orderby` and count.
	 *
	 * @param SessionFilter $filter Filters and order.
	 * @param array         $match  Meta clauses every session must match.
	 * @param int|null      $total  Sessions matching $match, when already counted.
	 * @return array<int, array{meta: array, orderby: array<string, string>, total: int}>
	 */
	private function parts( SessionFilter $filter, array $match, ?int $total = null ): array {
		$sort   = $filter->sort();
		$values = $this->with_value( $match, $sort );
		$with   = $this->count( $filter, $values );
		$parts  = array(
			array(
				'meta'    => $values,
				'orderby' => $sort->orderby( self::SORT_CLAUSE ),
				'total'   => $with,
			),
			array(
				'meta'    => array_merge(
					$match,
					array(
						array(
							'key'     => $sort->meta_key(),
							'compare' => 'NOT EXISTS',
						),
					)
				),
				'orderby' => $sort->orderby(),
				'total'   => max( 0, ( $total ?? $this->count( $filter, $match ) ) - $with ),
			),
		);
		return $sort->descending() ? $parts : array_reverse( $parts );
	}

	/**
	 * The meta clauses of the sessions that have the sort value, with the clause the list orders by.
	 *
	 * @param array       $match Meta clauses every session must match.
	 * @param SessionSort $sort  Sort.
	 * @return array
	 */
	private function with_value( array $match, SessionSort $sort ): array {
		return array_merge(
			$match,
			array(
				self::SORT_CLAUSE => array(
					'key'     => $sort->meta_key(),
					'compare' => 'EXISTS',
					'type'    => $sort->cast(),
				),
			)
		);
	}

	/**
	 * The meta clauses of a search ('' matches everything).
	 *
	 * @param string $search Trimmed search text.
	 * @return array
	 */
	private function search_clauses( string $search ): array {
		if ( '' === $search ) {
			return array();
		}
		if ( is_email( $search ) ) {
			return array(
				array(
					'key'   => MetaKeys::EMAIL_HASH,
					'value' => TokenHelper::email_hash( $search ),
				),
			);
		}
		$any = array(
			'relation' => 'OR',
			array(
				'key'     => MetaKeys::EMAIL,
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
		if ( NotificationLog::is_id( $search ) ) {
			$any[] = array(
				'key'   => MetaKeys::NOTIFICATION_ID,
				'value' => $search,
			);
		}
		return array( $any );
	}

	/**
	 * Sessions matching the filter and meta clauses, counted without reading them.
	 *
	 * @param SessionFilter $filter Filters.
	 * @param array         $meta   Meta clauses.
	 * @return int
	 */
	private function count( SessionFilter $filter, array $meta ): int {
		return $this->query( $filter, $meta, array(), 0, 1, true, false )['total'];
	}

	/**
	 * One `wc_get_orders()` query.
	 *
	 * @param SessionFilter         $filter  Filters.
	 * @param array                 $meta    Meta clauses.
	 * @param array<string, string> $orderby Order (none when empty: a count).
	 * @param int                   $offset  Rows to skip.
	 * @param int                   $limit   Rows to read.
	 * @param bool                  $count   Whether to count every matching session too.
	 * @param bool                  $objects Whether the rows are wanted as sessions (else as ids).
	 * @return array{orders: \WC_Order[], ids: int[], total: int}
	 */
	private function query( SessionFilter $filter, array $meta, array $orderby, int $offset, int $limit, bool $count, bool $objects = true ): array {
		$args = array(
			'type'         => 'shop_order',
			'status'       => $filter->statuses(),
			'date_created' => $filter->period()->date_created_query(),
			'orderby'      => array() === $orderby ? 'none' : $orderby,
			'limit'        => $limit,
			'offset'       => $offset,
			'paginate'     => $count,
			'return'       => $objects ? 'objects' : 'ids',
		);
		if ( array() !== $meta ) {
			$args += OrderMetaQuery::args( $meta );
			if ( self::single_row( $meta, $filter->sort() ) ) {
				$args += SingleRowJoin::args();
			}
		}
		$result = wc_get_orders( $args );
		$rows   = is_object( $result ) ? (array) $result->orders : (array) $result;
		return array(
			'orders' => $objects ? array_values( array_filter( $rows, static fn ( $order ) => $order instanceof \WC_Order ) ) : array(),
			'ids'    => $objects ? array() : array_map( 'absint', $rows ),
			'total'  => is_object( $result ) ? (int) $result->total : count( $rows ),
		);
	}

	/**
	 * Whether every meta clause is on the sort value (one row per session: a session has one value), so the
	 * query needs no GROUP BY. A search, or a caller's clause on a key with several rows per session (such
	 * as a notification id), makes it false.
	 *
	 * @param array       $meta Meta clauses.
	 * @param SessionSort $sort Sort.
	 * @return bool
	 */
	private static function single_row( array $meta, SessionSort $sort ): bool {
		foreach ( $meta as $clause ) {
			if ( ! is_array( $clause ) || '' === $sort->meta_key() || ( $clause['key'] ?? null ) !== $sort->meta_key() ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Sessions by id, in the order of the ids (one query, caches primed for the batch).
	 *
	 * @param SessionFilter $filter Filters (the statuses).
	 * @param int[]         $ids    Order ids.
	 * @return \WC_Order[]
	 */
	private function load( SessionFilter $filter, array $ids ): array {
		$loaded = wc_get_orders(
			array(
				'type'     => 'shop_order',
				'status'   => $filter->statuses(),
				'post__in' => $ids,
				'limit'    => count( $ids ),
			)
		);
		$by_id  = array();
		foreach ( (array) $loaded as $order ) {
			if ( $order instanceof \WC_Order ) {
				$by_id[ $order->get_id() ] = $order;
			}
		}
		$orders = array();
		foreach ( $ids as $id ) {
			if ( isset( $by_id[ $id ] ) ) {
				$orders[] = $by_id[ $id ];
			}
		}
		return $orders;
	}

	/**
	 * Empties the in-memory object cache (the orders and meta a batch primed), where the cache can do so
	 * without touching a persistent cache.
	 */
	private static function release_memory(): void {
		if ( function_exists( 'wp_cache_supports' ) && wp_cache_supports( 'flush_runtime' ) ) {
			wp_cache_flush_runtime();
		}
	}
}
