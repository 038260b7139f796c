<?php
/**
 * Runs due Action Scheduler actions now, in this process, and prints what ran as JSON.
 *
 * Actions that ran may schedule new due actions; those run too, up to a bounded
 * number of rounds, so a test sees the settled state.
 *
 * Environment:
 * - CARTBAY_STORE_AS_HOOKS  comma-separated hooks to run (default: every hook).
 * - CARTBAY_STORE_AS_GROUP  only actions of this group.
 * - CARTBAY_STORE_AS_UNTIL  unix time; actions scheduled up to it count as due (default: now).
 *
 * Output: {"ran":[{"id":1,"hook":"x","group":"g","status":"complete"}],"pending":N}
 *
 * @package CartBay\Tools\Store
 */

if ( ! class_exists( 'ActionScheduler' ) ) {
	fwrite( STDERR, "Action Scheduler is not loaded (is WooCommerce active?)\n" );
	exit( 1 );
}

/**
 * Ids of pending actions that are due.
 *
 * @param string[] $hooks Hooks to match; empty for all.
 * @param string   $group Group to match; empty for all.
 * @param int      $until Unix time up to which actions are due.
 * @return int[]
 */
function cartbay_store_due_action_ids( array $hooks, $group, $until ) {
	$query = array(
		'status'       => ActionScheduler_Store::STATUS_PENDING,
		'date'         => as_get_datetime_object( $until ), // A DateTime: the store ignores a date given as a string.
		'date_compare' => '<=',
		'per_page'     => 500,
		'orderby'      => 'date',
		'order'        => 'ASC',
	);
	if ( '' !== $group ) {
		$query['group'] = $group;
	}

	$ids = array();
	foreach ( $hooks ? $hooks : array( '' ) as $hook ) {
		$query['hook'] = $hook;
		$ids           = array_merge( $ids, array_map( 'intval', ActionScheduler::store()->query_actions( $query ) ) );
	}
	sort( $ids );
	return array_values( array_unique( $ids ) );
}

$cartbay_store_hooks = array_filter( array_map( 'trim', explode( ',', (string) getenv( 'CARTBAY_STORE_AS_HOOKS' ) ) ) );
$cartbay_store_group = (string) getenv( 'CARTBAY_STORE_AS_GROUP' );
$cartbay_store_until = getenv( 'CARTBAY_STORE_AS_UNTIL' ) ? (int) getenv( 'CARTBAY_STORE_AS_UNTIL' ) : time();
$cartbay_store_ran   = array();
$cartbay_store_seen  = array();

for ( $cartbay_store_round = 0; $cartbay_store_round < 10; $cartbay_store_round++ ) {
	$cartbay_store_ids = array_diff( cartbay_store_due_action_ids( $cartbay_store_hooks, $cartbay_store_group, $cartbay_store_until ), $cartbay_store_seen );
	if ( ! $cartbay_store_ids ) {
		break;
	}
	foreach ( $cartbay_store_ids as $cartbay_store_id ) {
		$cartbay_store_seen[] = $cartbay_store_id;
		$cartbay_store_action = ActionScheduler::store()->fetch_action( $cartbay_store_id );
		ActionScheduler::runner()->process_action( $cartbay_store_id, 'CartBay store' );
		$cartbay_store_ran[] = array(
			'id'     => $cartbay_store_id,
			'hook'   => $cartbay_store_action->get_hook(),
			'group'  => $cartbay_store_action->get_group(),
			'status' => ActionScheduler::store()->get_status( $cartbay_store_id ),
		);
	}
}

echo wp_json_encode(
	array(
		'ran'     => $cartbay_store_ran,
		'pending' => count( cartbay_store_due_action_ids( $cartbay_store_hooks, $cartbay_store_group, $cartbay_store_until ) ),
	)
) . "\n";
