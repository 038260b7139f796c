/**
 * Session statuses → `OrderStatuses`: WooCommerce order status registration.
 */
import {
	ORDER_STATUS_MAX_LENGTH,
	orderStatuses,
	plugin,
} from '../../plugin/schema';
import type { OrderStatusDef } from '../../plugin/schema/types';
import {
	type GeneratedFile,
	GENERATED_DIR,
	GENERATED_NAMESPACE,
	phpHeader,
} from '../file';
import { constantName, docblock, expr, php, str } from '../php';

/**
 * Refuse a slug WooCommerce cannot store.
 * @param status
 */
export function assertStatusFits( status: OrderStatusDef ): void {
	const stored = `wc-${ status.slug }`;
	if ( stored.length > ORDER_STATUS_MAX_LENGTH ) {
		throw new Error(
			`Order status "${ stored }" is ${ stored.length } characters; WooCommerce stores at most ${ ORDER_STATUS_MAX_LENGTH }.`
		);
	}
	if ( ! /^[a-z0-9-]+$/.test( status.slug ) ) {
		throw new Error(
			`Order status slug "${ status.slug }" must be lower-case letters, digits and hyphens.`
		);
	}
}

export function emitOrderStatuses(
	statuses: readonly OrderStatusDef[] = orderStatuses
): GeneratedFile {
	statuses.forEach( assertStatusFits );
	const td = plugin.textDomain;
	const width = Math.max(
		...statuses.map( ( s ) => constantName( s.key ).length )
	);
	const constants = statuses
		.map(
			( s ) =>
				`${ docblock( 1, [ `${ s.label }: ${ s.description }` ] ) }\n\tpublic const ${ constantName( s.key ) } = ${ str( `wc-${ s.slug }` ) };`
		)
		.join( '\n\n' );
	const keys = statuses
		.map(
			( s ) =>
				`\t\t\t${ str( s.key ).padEnd( width + 2 ) } => self::${ constantName( s.key ) },`
		)
		.join( '\n' );
	const labels = statuses
		.map(
			( s ) =>
				`\t\t\tself::${ constantName( s.key ).padEnd( width ) } => _x( ${ str( s.label ) }, 'Order status', ${ str( td ) } ),`
		)
		.join( '\n' );
	const postStatuses = statuses
		.map( ( s ) => {
			const count = `${ s.label } <span class="count">(%s)</span>`;
			return `\t\t$statuses[ self::${ constantName( s.key ) } ] = ${ php(
				{
					label: expr(
						`_x( ${ str( s.label ) }, 'Order status', ${ str( td ) } )`
					),
					public: false,
					exclude_from_search: true,
					show_in_admin_all_list: false,
					show_in_admin_status_list: true,
					label_count: expr(
						`_n_noop( ${ str( count ) }, ${ str( count ) }, ${ str( td ) } )`
					),
				},
				2
			).replace(
				/^(\t+)('label_count')/m,
				'$1/* translators: %s: number of sessions. */\n$1$2'
			) };`;
		} )
		.join( '\n\n' );

	const content = `${ phpHeader( {
		summary:
			'OrderStatuses: the WooCommerce order statuses of CartBay recovery sessions.',
		details: [
			'Registered unconditionally, so a session order never drops out of lists or falls back to pending.',
			`Slugs carry the wc- prefix and fit WooCommerce's ${ ORDER_STATUS_MAX_LENGTH }-character status column.`,
		],
		sources: [ 'plugin/schema/statuses.ts' ],
		emitter: 'codegen/emitters/order-statuses.ts',
		namespace: GENERATED_NAMESPACE,
	} ) }
${ docblock( 0, [ 'CartBay session statuses.' ] ) }
final class OrderStatuses {

${ constants }

${ docblock( 1, [ 'Hooks the statuses into WooCommerce. Call once, before `init`.' ] ) }
	public static function register(): void {
		add_filter( 'woocommerce_register_shop_order_post_statuses', array( self::class, 'handle_register_shop_order_post_statuses' ) );
		add_filter( 'wc_order_statuses', array( self::class, 'handle_wc_order_statuses' ) );
	}

${ docblock(
	1,
	[
		'Whether an order has one of the given statuses.',
		'',
		'WooCommerce returns statuses without the wc- prefix these constants carry; this is the one place that',
		'bridges the two.',
	],
	[
		'@param \\WC_Order|null $order       Order (null is never a match).',
		'@param string         ...$statuses Status constants of this class.',
		'@return bool',
	]
) }
	public static function is( $order, string ...$statuses ): bool {
		return $order instanceof \\WC_Order && in_array( 'wc-' . $order->get_status(), $statuses, true );
	}

${ docblock( 1, [ 'Status slugs (with the wc- prefix) keyed by their short key.' ], [ '@return array<string, string>' ] ) }
	public static function by_key(): array {
		return array(
${ keys }
		);
	}

${ docblock( 1, [ 'Translated labels keyed by status slug.' ], [ '@return array<string, string>' ] ) }
	public static function labels(): array {
		return array(
${ labels }
		);
	}

${ docblock(
	1,
	[
		'Adds the CartBay statuses to the post statuses WooCommerce registers.',
		'',
		'Hidden from the "All" orders list: sessions are not orders a shop manager fulfils.',
	],
	[
		'@param array $statuses Post status arguments keyed by status slug.',
		'@return array',
	]
) }
	public static function handle_register_shop_order_post_statuses( $statuses ) {
		if ( ! is_array( $statuses ) ) {
			return $statuses;
		}
${ postStatuses }
		return $statuses;
	}

${ docblock( 1, [ "Adds the CartBay statuses to WooCommerce's order status list." ], [ '@param array $statuses Labels keyed by status slug.', '@return array' ] ) }
	public static function handle_wc_order_statuses( $statuses ) {
		if ( ! is_array( $statuses ) ) {
			return $statuses;
		}
		return array_merge( $statuses, self::labels() );
	}
}
`;
	return { path: `${ GENERATED_DIR }/OrderStatuses.php`, content };
}
