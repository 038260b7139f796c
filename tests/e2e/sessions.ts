/**
 * Reading CartBay state straight from the store's database (through WordPress, in a PHP process):
 * session orders with their `_cartbay_*` meta, pending per-session actions, and the shop's real orders.
 */
import { jobs, plugin } from '../../plugin/schema';
import type { Site } from '../../tools/store';

/** The per-session Action Scheduler hook (schema: the single job with a session_id argument). */
export const SESSION_ABANDONMENT_HOOK =
	jobs.find( ( j ) => j.hook === 'cartbay_detect_session_abandonment' )
		?.hook ?? 'cartbay_detect_session_abandonment';

export interface SessionRow {
	id: number;
	status: string;
	created_via: string;
	billing_email: string;
	/** Every `_cartbay_*` meta value (unserialized / as stored). */
	meta: Record< string, unknown >;
	/** Pending `cartbay_detect_session_abandonment` actions whose args name this session. */
	pending: number;
}

export interface OrderRow {
	id: number;
	status: string;
	created_via: string;
	billing_email: string;
	total: string;
	meta: Record< string, unknown >;
}

export interface StoreState {
	sessions: SessionRow[];
	orders: OrderRow[];
	/** Every pending cartbay_detect_session_abandonment action: its session_id argument. */
	pendingActions: { id: number; session_id: string | null }[];
}

const STATE_PHP = `
$created_via = ${ JSON.stringify( plugin.createdVia ) };
$hook = ${ JSON.stringify( SESSION_ABANDONMENT_HOOK ) };
$statuses = array_merge( array_keys( wc_get_order_statuses() ), array( 'trash', 'checkout-draft', 'wc-checkout-draft', 'draft', 'auto-draft' ) );
$orders = wc_get_orders( array( 'limit' => -1, 'status' => array_unique( $statuses ), 'type' => 'shop_order', 'orderby' => 'ID', 'order' => 'ASC' ) );
$pending = array();
if ( function_exists( 'as_get_scheduled_actions' ) ) {
	$actions = as_get_scheduled_actions( array( 'hook' => $hook, 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ) );
	foreach ( $actions as $action_id => $action ) {
		$args = $action->get_args();
		$sid = isset( $args['session_id'] ) ? $args['session_id'] : ( isset( $args[0] ) && is_string( $args[0] ) ? $args[0] : null );
		$pending[] = array( 'id' => (int) $action_id, 'session_id' => $sid );
	}
}
$out = array( 'sessions' => array(), 'orders' => array(), 'pendingActions' => $pending );
foreach ( $orders as $order ) {
	$meta = array();
	foreach ( $order->get_meta_data() as $m ) {
		$d = $m->get_data();
		if ( 0 === strpos( $d['key'], '_cartbay_' ) ) {
			$meta[ $d['key'] ] = maybe_unserialize( $d['value'] );
		}
	}
	$row = array(
		'id' => $order->get_id(),
		'status' => $order->get_status(),
		'created_via' => $order->get_created_via(),
		'billing_email' => $order->get_billing_email(),
		'meta' => (object) $meta,
	);
	if ( $created_via === $order->get_created_via() ) {
		$sid = isset( $meta['_cartbay_session_id'] ) ? $meta['_cartbay_session_id'] : '';
		$row['pending'] = count( array_filter( $pending, fn ( $p ) => '' !== $sid && $p['session_id'] === $sid ) );
		$out['sessions'][] = $row;
	} else {
		$row['total'] = $order->get_total();
		$out['orders'][] = $row;
	}
}
echo json_encode( $out, JSON_PRESERVE_ZERO_FRACTION ), "\\n";
`;

/**
 * Sessions, real orders and pending per-session actions, as the database holds them now.
 * @param site
 */
export async function readState( site: Site ): Promise< StoreState > {
	const stdout = await site.runPhpOrThrow( STATE_PHP );
	const line = stdout.trim().split( '\n' ).pop() ?? '';
	return JSON.parse( line ) as StoreState;
}

/**
 * Deletes every CartBay session order and pending per-session action (a clean slate between scenarios).
 * @param site
 */
export async function resetSessions( site: Site ): Promise< void > {
	await site.runPhpOrThrow( `
foreach ( wc_get_orders( array( 'limit' => -1, 'status' => array_keys( wc_get_order_statuses() ), 'created_via' => ${ JSON.stringify( plugin.createdVia ) }, 'return' => 'ids' ) ) as $id ) {
	$order = wc_get_order( $id );
	if ( $order && ${ JSON.stringify( plugin.createdVia ) } === $order->get_created_via() ) { $order->delete( true ); }
}
if ( function_exists( 'as_unschedule_all_actions' ) ) { as_unschedule_all_actions( ${ JSON.stringify( SESSION_ABANDONMENT_HOOK ) } ); }
echo "ok\\n";` );
}

/** The shape a check compares: a session's snapshot lines as (product id, quantity). */
export interface CartLine {
	product_id: number;
	variation_id?: number;
	quantity: number;
}
