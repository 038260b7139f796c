/**
 * The reporting REST API of issue 11 inside real WordPress + WooCommerce, on both order storages: the
 * Sessions list (period, status filter, search, every sort both ways, pages and their headers), the session
 * details, the Notifications list and details, Coupon History, the CSV exports over real HTTP (the same rows
 * in the same order, every cell guarded against spreadsheet formulas, logged without PII), and the
 * permissions and argument errors of every route.
 *
 * The suite starts from a store without CartBay sessions or coupons (it deletes what earlier suites left),
 * builds a known fixture through CartBay's own services, and removes it again when it ends.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
	csvFormulaGuard,
	emailSteps,
	plugin,
	recoveryCoupons,
	reportLimits,
	reportPeriods,
	sessionList,
} from '../../plugin/schema';
import { ADMIN, type Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall, phpString, shopCouponPhp } from '../support/php';
import {
	META,
	NOTIFICATION,
	STATUS,
	TRANSIENT,
	TRIGGER,
} from '../support/schema-names';
import {
	addresses,
	openStore,
	RECOVERY_TEST_HELPERS,
} from '../support/store-fixtures';

type StatusKey = keyof typeof STATUS;
type SortKey = ( typeof sessionList.orderby )[ number ];

/** One notification record of a fixture session. */
interface NoteSpec {
	step: number;
	state: string;
	/** Offset (seconds) from the suite's clock. */
	scheduled: number;
	trigger?: string;
	attempts?: number;
	last_error?: string;
	restore_clicked?: boolean;
	recovered?: boolean;
}

/** A fixture session, as the PHP helper builds it. */
interface SessionSpec {
	key: string;
	status: StatusKey;
	email: string;
	session_id: string;
	/** Cart total as stored; null: the session has no cart total row. */
	total: string | null;
	created: number;
	last_activity: number | null;
	abandoned: number | null;
	notifications: NoteSpec[];
	/** `delete`: no `_cartbay_emails_sent` row, as for a session captured before the count existed. */
	emails_sent_meta?: 'delete';
	attribution?: 'recovered' | 'influenced';
	revenue?: number;
	product_name?: string;
}

interface Built {
	order_id: number;
	session_id: string;
	notification_ids: string[];
	recovered_order_id: number;
}

interface SessionRow {
	session_id: string;
	order_id: number;
	email: string;
	status: string;
	cart_total: number;
	currency: string;
	created_at: string | null;
	last_activity_at: string | null;
	abandoned_at: string | null;
	emails_sent: number;
	attribution: string | null;
	recovered_revenue: number;
	influenced_revenue: number;
	recovered_order_id: number | null;
}

interface NotificationRow {
	notification_id: string;
	session_id: string;
	status: string;
	recipient: string;
	step: number;
	email_type: string;
	trigger: string;
	scheduled_at: string | null;
	attempts: number;
	last_error: string;
}

interface Answer< T = unknown > {
	status: number;
	headers: Record< string, string >;
	data: T;
}

interface ErrorData {
	code?: string;
}

const API = `/${ plugin.restNamespace }`;
const SUBSCRIBER = 'cb_subscriber';
const SHOP_MANAGER = 'cb_shop_manager';
const TRIGGERS = csvFormulaGuard.triggers;
/** The cell an attacker would like a spreadsheet to run. */
const FORMULA = "=cmd|' /C calc'!A0";
const HOUR = 3600;
const address = addresses( 'reports-' );
const sha = ( value: string ): string =>
	createHash( 'md5' ).update( value ).digest( 'hex' );

/** Test-store helpers of this suite (a must-use plugin). */
const REPORTS_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay reports test helpers
 */

/** Deletes every CartBay session and CartBay coupon: the lists start from a known store. */
function cartbay_reports_reset() {
	$ids = wc_get_orders( array( 'type' => 'shop_order', 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1, 'return' => 'ids' ) );
	foreach ( $ids as $id ) {
		$order = wc_get_order( $id );
		if ( $order ) {
			$order->delete( true );
		}
	}
	foreach ( get_posts( array( 'post_type' => 'shop_coupon', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids', 'meta_key' => '${ META.COUPON_GENERATED }', 'meta_value' => 'yes' ) ) as $id ) {
		wp_delete_post( $id, true );
	}
	return count( $ids );
}

/** The suite's clock: now, each period's first moment, today's date (site time zone). */
function cartbay_reports_clock() {
	$starts = array();
	foreach ( array( ${ reportPeriods.shortDays }, ${ reportPeriods.defaultDays }, ${ reportPeriods.longDays } ) as $days ) {
		$starts[ $days ] = ( new \WPAnchorBay\CartBay\Analytics\ReportPeriod( $days ) )->start_timestamp();
	}
	return array( 'now' => time(), 'starts' => $starts, 'today' => wp_date( 'Y-m-d' ), 'admin' => get_user_by( 'login', '${ ADMIN.user }' )->ID );
}

/** A session built from a spec (see SessionSpec in tests/integration/reports.ts). */
function cartbay_reports_session( array $spec ) {
	$repo  = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$order = cartbay_test_new_session( $spec['email'], array( array( 'CB-MUG', 1 ) ) );
	$order->set_status( 'wc-' . $spec['status'] );
	$order->set_date_created( $spec['created'] );
	$order->set_currency( 'USD' );
	$order->update_meta_data( '${ META.SESSION_ID }', $spec['session_id'] );
	$order->update_meta_data( '${ META.CURRENCY }', 'USD' );
	$order->update_meta_data( '${ META.CAPTURED_AT }', $spec['created'] );
	$order->update_meta_data( '${ META.CONSENT }', true );
	$order->update_meta_data( '${ META.CONSENT_TEXT }', 'Save my cart.' );
	$order->update_meta_data( '${ META.CONSENT_AT }', $spec['created'] );
	$order->update_meta_data( '${ META.SOURCE }', 'classic' );
	if ( null === $spec['total'] ) {
		$order->delete_meta_data( '${ META.CART_TOTAL }' );
	} else {
		$order->update_meta_data( '${ META.CART_TOTAL }', $spec['total'] );
	}
	// What CartBay does wherever it stores a cart total: the session order's total follows it (0 without one).
	\WPAnchorBay\CartBay\Capture\CartSnapshot::sync_order_total( $order );
	if ( null !== $spec['last_activity'] ) {
		$order->update_meta_data( '${ META.LAST_ACTIVITY_AT }', (string) $spec['last_activity'] );
	}
	if ( null !== $spec['abandoned'] ) {
		$order->update_meta_data( '${ META.ABANDONED_AT }', $spec['abandoned'] );
	}
	if ( ! empty( $spec['product_name'] ) ) {
		$snapshot                     = $order->get_meta( '${ META.CART_SNAPSHOT }' );
		$snapshot['items'][0]['name'] = $spec['product_name'];
		$order->update_meta_data( '${ META.CART_SNAPSHOT }', $snapshot );
	}
	$repo->add_event( $order, 'captured', array( 'source' => 'classic' ) );
	$recovered_order = 0;
	if ( ! empty( $spec['attribution'] ) ) {
		$real = wc_create_order();
		$real->set_total( $spec['revenue'] );
		$real->save();
		$recovered_order = $real->get_id();
		$order->update_meta_data( '${ META.ATTRIBUTION }', $spec['attribution'] );
		$order->update_meta_data( '${ META.RECOVERED_ORDER_ID }', $recovered_order );
		$order->update_meta_data( 'recovered' === $spec['attribution'] ? '${ META.RECOVERED_REVENUE }' : '${ META.INFLUENCED_REVENUE }', wc_format_decimal( $spec['revenue'] ) );
		$repo->add_event( $order, $spec['attribution'], array( 'order_id' => $recovered_order ) );
	}
	$ids = array();
	foreach ( $spec['notifications'] as $note ) {
		$id = \WPAnchorBay\CartBay\Notifications\NotificationLog::queue( $order, $note['step'], $note['scheduled'], $note['trigger'] ?? '${ TRIGGER.ABANDONMENT }' );
		if ( '${ NOTIFICATION.QUEUED }' !== $note['state'] ) {
			\WPAnchorBay\CartBay\Notifications\NotificationLog::transition( $order, $id, $note['state'], array( 'attempts' => $note['attempts'] ?? 1, 'last_error' => $note['last_error'] ?? '' ) );
		}
		$changes = array();
		if ( ! empty( $note['restore_clicked'] ) ) {
			$changes['restore_clicked_at'] = $spec['created'] + 60;
		}
		if ( ! empty( $note['recovered'] ) ) {
			$changes['recovered_order_id'] = $recovered_order;
		}
		if ( $changes ) {
			\WPAnchorBay\CartBay\Notifications\NotificationLog::annotate( $order, $id, $changes );
		}
		$ids[] = $id;
	}
	$repo->save( $order );
	if ( 'delete' === ( $spec['emails_sent_meta'] ?? '' ) ) {
		$order->delete_meta_data( '${ META.EMAILS_SENT }' );
		$order->save_meta_data();
	}
	return array( 'order_id' => $order->get_id(), 'session_id' => $spec['session_id'], 'notification_ids' => $ids, 'recovered_order_id' => $recovered_order );
}

/** Many sessions at once. */
function cartbay_reports_sessions( array $specs ) {
	$built = array();
	foreach ( $specs as $spec ) {
		$built[] = cartbay_reports_session( $spec );
	}
	return $built;
}

/** A CartBay coupon (as CouponIssuer makes them) in a given state; its session keeps its code. */
function cartbay_reports_coupon( array $spec ) {
	$coupon = new WC_Coupon();
	$coupon->set_code( $spec['code'] );
	$coupon->set_discount_type( 'fixed_cart' );
	$coupon->set_amount( $spec['amount'] );
	$coupon->set_individual_use( true );
	$coupon->set_usage_limit( 1 );
	$coupon->set_email_restrictions( array( $spec['email'] ) );
	$coupon->set_date_expires( $spec['expires'] );
	$coupon->set_usage_count( $spec['usage'] );
	$coupon->set_date_created( $spec['created'] );
	$coupon->update_meta_data( '${ META.SESSION_ID }', $spec['session_id'] );
	$coupon->update_meta_data( '${ META.EMAIL }', $spec['email'] );
	$coupon->update_meta_data( '${ META.COUPON_GENERATED }', 'yes' );
	$coupon->update_meta_data( '${ META.COUPON_OFFER_NOTE }', 'fixed_cart 5, 7 days' );
	$coupon->save();
	$repo    = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$session = $repo->find( $spec['session_id'] );
	if ( $session ) {
		$session->update_meta_data( '${ META.COUPON_CODE }', $spec['code'] );
		$session->save_meta_data();
	}
	return $coupon->get_id();
}

/** REST requests dispatched in-process, each as a user ('' for anonymous): status, headers, data. */
function cartbay_reports_rest( array $calls ) {
	$out = array();
	foreach ( $calls as $call ) {
		wp_set_current_user( 0 );
		if ( '' !== $call['user'] ) {
			wp_set_current_user( get_user_by( 'login', $call['user'] )->ID );
		}
		$request = new WP_REST_Request( 'GET', '/${ plugin.restNamespace }' . $call['path'] );
		$request->set_query_params( $call['params'] );
		$response = rest_get_server()->dispatch( $request );
		$out[]    = array( 'status' => $response->get_status(), 'headers' => (object) $response->get_headers(), 'data' => rest_get_server()->response_to_data( $response, false ) );
	}
	return $out;
}

/** The CartBay meta of a session order (one value per key). */
function cartbay_reports_meta( $order_id ) {
	return cartbay_test_meta( wc_get_order( $order_id ) );
}

/** Removes a session's per-notification rows (a session queued before they existed); optionally sets a send context. */
function cartbay_reports_forget_notification_rows( $order_id, $context_id ) {
	$order = wc_get_order( $order_id );
	$order->delete_meta_data( '${ META.NOTIFICATION_ID }' );
	$order->save_meta_data();
	if ( '' !== $context_id ) {
		set_transient( '${ TRANSIENT.NOTIFICATION_CONTEXT_PREFIX }' . $context_id, array( 'session_id' => (string) $order->get_meta( '${ META.SESSION_ID }' ) ), HOUR_IN_SECONDS );
	}
	return true;
}

/** Whether WordPress keeps an email as it is and takes it for valid (what a capture would store). */
function cartbay_reports_email_kept( $email ) {
	return is_email( $email ) && sanitize_email( $email ) === $email;
}

/** Deletes orders (the real orders the fixture linked to sessions). */
function cartbay_reports_delete_orders( array $ids ) {
	foreach ( $ids as $id ) {
		$order = wc_get_order( $id );
		if ( $order ) {
			$order->delete( true );
		}
	}
	return true;
}
`;

/** A logged-in administrator's browser over real HTTP: cookies kept, redirects not followed. */
class AdminBrowser {
	private cookies = new Map< string, string >();

	constructor( private readonly base: string ) {}

	async fetch(
		path: string,
		init: RequestInit = {}
	): Promise< { status: number; headers: Headers; body: string } > {
		const response = await fetch( `${ this.base }${ path }`, {
			...init,
			redirect: 'manual',
			headers: {
				Cookie: [ ...this.cookies ]
					.map( ( [ n, v ] ) => `${ n }=${ v }` )
					.join( '; ' ),
				...( ( init.headers as Record< string, string > ) ?? {} ),
			},
		} );
		for ( const cookie of response.headers.getSetCookie() ) {
			const [ pair = '' ] = cookie.split( ';' );
			const at = pair.indexOf( '=' );
			const value = pair.slice( at + 1 );
			if ( /^deleted$|^$/.test( value ) ) {
				this.cookies.delete( pair.slice( 0, at ).trim() );
			} else {
				this.cookies.set( pair.slice( 0, at ).trim(), value );
			}
		}
		// Decoded with its byte order mark kept (response.text() drops it).
		return {
			status: response.status,
			headers: response.headers,
			body: new TextDecoder( 'utf-8', { ignoreBOM: true } ).decode(
				await response.arrayBuffer()
			),
		};
	}

	/**
	 * Logs in through wp-login.php and returns a `wp_rest` nonce (from admin-ajax's `rest-nonce`).
	 * @param login
	 * @param password
	 */
	async logIn( login: string, password: string ): Promise< string > {
		await this.fetch( '/wp-login.php' );
		await this.fetch( '/wp-login.php', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				log: login,
				pwd: password,
				'wp-submit': 'Log In',
				testcookie: '1',
				redirect_to: `${ this.base }/wp-admin/`,
			} ).toString(),
		} );
		return (
			await this.fetch( '/wp-admin/admin-ajax.php?action=rest-nonce' )
		).body.trim();
	}
}

/**
 * Parses RFC 4180 CSV (quoted cells, doubled quotes, newlines inside quotes); a leading BOM is dropped.
 * @param text
 */
function parseCsv( text: string ): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace( /^\uFEFF/, '' );
	for ( let i = 0; i < body.length; i++ ) {
		const c = body[ i ]!;
		if ( quoted ) {
			if ( c === '"' && body[ i + 1 ] === '"' ) {
				cell += '"';
				i++;
			} else if ( c === '"' ) {
				quoted = false;
			} else {
				cell += c;
			}
		} else if ( c === '"' ) {
			quoted = true;
		} else if ( c === ',' ) {
			row.push( cell );
			cell = '';
		} else if ( c === '\n' ) {
			row.push( cell );
			rows.push( row );
			row = [];
			cell = '';
		} else if ( c !== '\r' ) {
			cell += c;
		}
	}
	if ( cell !== '' || row.length > 0 ) {
		row.push( cell );
		rows.push( row );
	}
	return rows;
}

/**
 * A lowercase session id (32 hex characters): its order is the same under every database collation.
 * @param tag
 */
const sessionId = ( tag: string ): string =>
	sha( `${ tag }.${ process.pid }.${ randomBytes( 8 ).toString( 'hex' ) }` );

/**
 * A coupon code as CouponIssuer makes them.
 * @param tail The last characters (from the code alphabet).
 */
function couponCode( tail: string ): string {
	const alphabet = recoveryCoupons.codeAlphabet;
	let code = recoveryCoupons.codePrefix;
	const bytes = randomBytes( recoveryCoupons.codeRandomLength );
	for ( let i = 0; i < recoveryCoupons.codeRandomLength - tail.length; i++ ) {
		code += alphabet[ bytes[ i ]! % alphabet.length ];
	}
	return code + tail;
}

/** What a fixture session is worth to each sort: undefined when it has no stored value. */
interface Sortable {
	key: string;
	order_id: number;
	session_id: string;
	created: number;
	cart_total?: number;
	last_activity?: number;
	emails_sent?: number;
}

/**
 * The list order the API promises: sessions with the value sorted by it, then order id (same direction);
 * sessions without it sorted by creation, then order id, first ascending and last descending. The cart total
 * sorts by the order total, which every session has.
 * @param rows
 * @param orderby
 * @param order
 */
function expectedOrder(
	rows: Sortable[],
	orderby: SortKey,
	order: 'asc' | 'desc'
): string[] {
	const sign = order === 'asc' ? 1 : -1;
	const value = ( r: Sortable ): number | string | undefined => {
		switch ( orderby ) {
			case 'session':
				return r.session_id;
			case 'cart_total':
				// Sorted by the session order's total, which follows the cart total: every session has one
				// (0 without a cart total), so none is listed apart.
				return r.cart_total ?? 0;
			case 'last_activity':
				return r.last_activity;
			case 'emails_sent':
				return r.emails_sent;
			default:
				return undefined;
		}
	};
	const byCreation = ( a: Sortable, b: Sortable ) =>
		sign * ( a.created - b.created || a.order_id - b.order_id );
	if ( orderby === 'created' ) {
		return [ ...rows ].sort( byCreation ).map( ( r ) => r.key );
	}
	const withValue = rows
		.filter( ( r ) => value( r ) !== undefined )
		.sort( ( a, b ) => {
			const va = value( a )!;
			const vb = value( b )!;
			if ( va !== vb ) {
				return sign * ( va < vb ? -1 : 1 );
			}
			return sign * ( a.order_id - b.order_id );
		} );
	const without = rows
		.filter( ( r ) => value( r ) === undefined )
		.sort( byCreation );
	return (
		order === 'asc'
			? [ ...without, ...withValue ]
			: [ ...withValue, ...without ]
	).map( ( r ) => r.key );
}

export async function reportsScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-reports.php': REPORTS_TEST_HELPERS,
	} );
	const { php } = store;
	const realOrders: number[] = [];

	/**
	 * GET requests dispatched in one PHP run.
	 * @param calls
	 */
	const rest = < T = unknown >(
		calls: {
			path: string;
			params?: Record< string, string | number >;
			user?: string;
		}[]
	): Promise< Answer< T >[] > =>
		phpCall< Answer< T >[] >(
			php,
			'cartbay_reports_rest',
			calls.map( ( c ) => ( {
				path: c.path,
				params: c.params ?? {},
				user: c.user ?? ADMIN.user,
			} ) )
		);
	const one = async < T = unknown >(
		path: string,
		params: Record< string, string | number > = {},
		user: string = ADMIN.user
	): Promise< Answer< T > > =>
		( await rest< T >( [ { path, params, user } ] ) )[ 0 ]!;

	try {
		await php( `
foreach ( array( 'subscriber', 'shop_manager' ) as $role ) {
	if ( ! get_user_by( 'login', "cb_$role" ) ) {
		wp_insert_user( array( 'user_login' => "cb_$role", 'user_pass' => wp_generate_password(), 'user_email' => "$role@example.test", 'role' => $role ) );
	}
}
echo wp_json_encode( true ), "\\n";` );
		await phpCall< number >( php, 'cartbay_reports_reset' );
		const clock = await phpCall< {
			now: number;
			starts: Record< string, number >;
			today: string;
			admin: number;
		} >( php, 'cartbay_reports_clock' );
		const now = clock.now;
		const start7 = clock.starts[ reportPeriods.shortDays ]!;
		const start30 = clock.starts[ reportPeriods.defaultDays ]!;
		let scheduled = 0;
		/**
		 * A notification spec with a schedule no other record shares (newest last).
		 * @param step
		 * @param state
		 * @param extra
		 */
		const note = (
			step: number,
			state: string,
			extra: Partial< NoteSpec > = {}
		): NoteSpec => ( {
			step,
			state,
			scheduled: now + ++scheduled * 60,
			...extra,
		} );
		const formulaEmail = `=cmd|'/Ccalc'!A0.${ process.pid }@example.test`;
		const specs: SessionSpec[] = [
			{
				key: 'a',
				status: 'abandoned',
				email: address( 'alpha' ),
				session_id: sessionId( 'a' ),
				total: '45.00',
				created: now - HOUR,
				last_activity: now - HOUR,
				abandoned: now - HOUR / 2,
				notifications: [
					note( 1, NOTIFICATION.SENT, { restore_clicked: true } ),
					note( 2, NOTIFICATION.SENT ),
					note( 3, NOTIFICATION.QUEUED ),
				],
				product_name: FORMULA,
			},
			{
				key: 'b',
				status: 'captured',
				email: formulaEmail,
				session_id: sessionId( 'b' ),
				total: '12.5',
				created: now - 2 * HOUR,
				last_activity: now - HOUR / 4,
				abandoned: null,
				notifications: [],
				emails_sent_meta: 'delete',
			},
			{
				key: 'c',
				status: 'recovered',
				email: address( 'carol' ),
				session_id: sessionId( 'c' ),
				total: '12.25',
				created: now - 3 * HOUR,
				last_activity: now - 3 * HOUR,
				abandoned: now - 2 * HOUR,
				notifications: [
					note( 1, NOTIFICATION.SENT, { recovered: true } ),
				],
				attribution: 'recovered',
				revenue: 20,
			},
			{
				key: 'd',
				status: 'suppressed',
				email: `-dave+${ process.pid }@example.test`,
				session_id: sessionId( 'd' ),
				total: '9.99',
				created: now - 4 * HOUR,
				last_activity: null,
				abandoned: now - 3 * HOUR,
				notifications: [
					note( 1, NOTIFICATION.CANCELED, {
						trigger: TRIGGER.TEST,
					} ),
				],
			},
			{
				key: 'e',
				status: 'expired',
				email: address( 'erin' ),
				session_id: sessionId( 'e' ),
				total: '100',
				created: now - 5 * HOUR,
				last_activity: now - 5 * HOUR,
				abandoned: now - 4 * HOUR,
				notifications: [
					note( 1, NOTIFICATION.SENT ),
					note( 2, NOTIFICATION.DELIVERED ),
					note( 3, NOTIFICATION.SENT ),
				],
				attribution: 'influenced',
				revenue: 80,
			},
			{
				key: 'f',
				status: 'abandoned',
				email: address( 'frank' ),
				session_id: sessionId( 'f' ),
				total: '20',
				created: start7,
				last_activity: start7 + 60,
				abandoned: start7 + 120,
				notifications: [
					note( 1, NOTIFICATION.FAILED, {
						attempts: 3,
						last_error: FORMULA,
					} ),
				],
			},
			{
				key: 'g',
				status: 'abandoned',
				email: `+gina.${ process.pid }@example.test`,
				session_id: sessionId( 'g' ),
				total: '15',
				created: start7 - 1,
				last_activity: start7 - 1,
				abandoned: start7 + 60,
				notifications: [
					note( 1, NOTIFICATION.SENT, {
						last_error: `@SUM(1+1)*${ FORMULA }`,
					} ),
				],
			},
			{
				key: 'h',
				status: 'captured',
				email: address( 'hank' ),
				session_id: sessionId( 'h' ),
				total: null,
				created: start30,
				last_activity: start30 + 30,
				abandoned: null,
				notifications: [],
				emails_sent_meta: 'delete',
			},
			{
				key: 'x',
				status: 'abandoned',
				email: address( 'xena' ),
				session_id: sessionId( 'x' ),
				total: '50',
				created: start30 - 1,
				last_activity: start30 - 1,
				abandoned: start30 + 60,
				notifications: [ note( 1, NOTIFICATION.SENT ) ],
			},
		];
		const built = await phpCall< Built[] >(
			php,
			'cartbay_reports_sessions',
			specs.map( ( s ) => ( {
				...s,
				status: STATUS[ s.status ],
			} ) )
		);
		const by: Record< string, SessionSpec & Built > = {};
		specs.forEach( ( s, i ) => {
			by[ s.key ] = { ...s, ...built[ i ]! };
			if ( built[ i ]!.recovered_order_id ) {
				realOrders.push( built[ i ]!.recovered_order_id );
			}
		} );
		const sent = ( s: SessionSpec ): number =>
			s.notifications.filter(
				( n ) =>
					n.state === NOTIFICATION.SENT ||
					n.state === NOTIFICATION.DELIVERED
			).length;
		const sortable = ( keys: string[] ): Sortable[] =>
			keys.map( ( k ) => {
				const s = by[ k ]!;
				return {
					key: k,
					order_id: s.order_id,
					session_id: s.session_id,
					created: s.created,
					cart_total:
						s.total === null ? undefined : Number( s.total ),
					last_activity: s.last_activity ?? undefined,
					emails_sent:
						s.emails_sent_meta === 'delete' ? undefined : sent( s ),
				};
			} );
		const IN30 = [ 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' ];
		const IN7 = [ 'a', 'b', 'c', 'd', 'e', 'f' ];
		const keyOf = ( row: { session_id: string } ): string =>
			Object.values( by ).find( ( s ) => s.session_id === row.session_id )
				?.key ?? `?${ row.session_id }`;
		const list = async (
			params: Record< string, string | number > = {}
		): Promise< Answer< SessionRow[] > > =>
			one< SessionRow[] >( '/sessions', {
				per_page: reportLimits.maxPageSize,
				...params,
			} );
		/**
		 * Several lists in one PHP run.
		 * @param paramsList
		 */
		const lists = (
			paramsList: Record< string, string | number >[]
		): Promise< Answer< SessionRow[] >[] > =>
			rest< SessionRow[] >(
				paramsList.map( ( params ) => ( {
					path: '/sessions',
					params: { per_page: reportLimits.maxPageSize, ...params },
				} ) )
			);
		/**
		 * Several notification lists in one PHP run.
		 * @param paramsList
		 */
		const notificationLists = (
			paramsList: Record< string, string | number >[]
		): Promise< Answer< NotificationRow[] >[] > =>
			rest< NotificationRow[] >(
				paramsList.map( ( params ) => ( {
					path: '/notifications',
					params: { per_page: reportLimits.maxPageSize, ...params },
				} ) )
			);

		await t.group( 'the fixture: stored email counts', async () => {
			t.check(
				'a formula-shaped email is an email WordPress keeps as it is (a capture stores it)',
				await phpCall< boolean >(
					php,
					'cartbay_reports_email_kept',
					formulaEmail
				)
			);
			const meta = await Promise.all(
				[ 'a', 'b', 'd', 'e' ].map( ( k ) =>
					phpCall< Record< string, unknown > >(
						php,
						'cartbay_reports_meta',
						by[ k ]!.order_id
					)
				)
			);
			t.equal(
				`${ META.EMAILS_SENT } follows the sent and delivered records on save (0 written at the first save; none for a session from before)`,
				meta.map( ( m ) => m[ META.EMAILS_SENT ] ),
				[ '2', undefined, '0', '3' ]
			);
			t.equal(
				`one ${ META.NOTIFICATION_ID } row per queued notification`,
				await php< number >(
					`echo wp_json_encode( count( wc_get_order( ${
						by.a!.order_id
					} )->get_meta( '${ META.NOTIFICATION_ID }', false ) ) ), "\\n";`
				),
				3
			);
		} );

		await t.group(
			`GET /sessions: exactly the sessions created in the period (${ reportPeriods.defaultDays } days by default, expired included under "all")`,
			async () => {
				const all = await list();
				t.equal(
					'the default period lists every session created since its first midnight, not the one a second before',
					all.data.map( keyOf ).sort(),
					[ ...IN30 ].sort()
				);
				t.equal(
					`newest first by default, X-WP-Total ${ IN30.length }, X-WP-TotalPages 1`,
					[
						all.data.map( keyOf ),
						all.headers[ 'X-WP-Total' ],
						all.headers[ 'X-WP-TotalPages' ],
					],
					[
						expectedOrder( sortable( IN30 ), 'created', 'desc' ),
						String( IN30.length ),
						'1',
					]
				);
				const week = await list( { days: reportPeriods.shortDays } );
				t.equal(
					`${ reportPeriods.shortDays } days: the session created at the period's first second is in, the one a second before is out`,
					week.data.map( keyOf ),
					expectedOrder( sortable( IN7 ), 'created', 'desc' )
				);
				const quarter = await list( { days: reportPeriods.longDays } );
				t.equal(
					`${ reportPeriods.longDays } days: the older session too`,
					quarter.data.map( keyOf ).sort(),
					[ ...IN30, 'x' ].sort()
				);
				const odd = await list( { days: 13 } );
				t.equal(
					`an unsupported period is the default ${ reportPeriods.defaultDays } days`,
					odd.data.map( keyOf ),
					all.data.map( keyOf )
				);
				const a = all.data.find( ( r ) => keyOf( r ) === 'a' );
				const c = all.data.find( ( r ) => keyOf( r ) === 'c' );
				const e = all.data.find( ( r ) => keyOf( r ) === 'e' );
				const h = all.data.find( ( r ) => keyOf( r ) === 'h' );
				const iso = ( ts: number ) =>
					new Date( ts * 1000 )
						.toISOString()
						.replace( '.000Z', '+00:00' );
				t.equal( 'a row holds the session as stored', a, {
					session_id: by.a!.session_id,
					order_id: by.a!.order_id,
					email: by.a!.email,
					status: 'abandoned',
					cart_total: 45,
					currency: 'USD',
					created_at: iso( by.a!.created ),
					last_activity_at: iso( by.a!.last_activity! ),
					abandoned_at: iso( by.a!.abandoned! ),
					emails_sent: 2,
					attribution: null,
					recovered_revenue: 0,
					influenced_revenue: 0,
					recovered_order_id: null,
				} );
				t.equal(
					'recovered and influenced sessions carry their attribution, revenue and order; a session without a cart total shows 0',
					[
						[
							c?.status,
							c?.attribution,
							c?.recovered_revenue,
							c?.influenced_revenue,
							c?.recovered_order_id,
						],
						[
							e?.status,
							e?.attribution,
							e?.recovered_revenue,
							e?.influenced_revenue,
							e?.recovered_order_id,
							e?.emails_sent,
						],
						[ h?.cart_total, h?.emails_sent, h?.abandoned_at ],
					],
					[
						[
							'recovered',
							'recovered',
							20,
							0,
							by.c!.recovered_order_id,
						],
						[
							'expired',
							'influenced',
							0,
							80,
							by.e!.recovered_order_id,
							3,
						],
						[ 0, 0, null ],
					]
				);
			}
		);

		await t.group(
			'GET /sessions: every sort, both directions (sessions without the value sort lowest)',
			async () => {
				const sorts = sessionList.orderby.flatMap( ( orderby ) =>
					( [ 'asc', 'desc' ] as const ).map( ( order ) => ( {
						orderby,
						order,
					} ) )
				);
				const answers = await lists( sorts );
				sorts.forEach( ( { orderby, order }, i ) => {
					t.equal(
						`orderby=${ orderby }&order=${ order }`,
						answers[ i ]!.data.map( keyOf ),
						expectedOrder( sortable( IN30 ), orderby, order )
					);
				} );
			}
		);

		await t.group(
			'GET /sessions: status filter, search, pages',
			async () => {
				const statusKeys: Record< string, string[] > = {
					captured: [ 'b', 'h' ],
					abandoned: [ 'a', 'f', 'g' ],
					recovered: [ 'c' ],
					suppressed: [ 'd' ],
				};
				const byStatus = await lists(
					sessionList.statusFilter.map( ( status ) => ( { status } ) )
				);
				for ( const [
					i,
					status,
				] of sessionList.statusFilter.entries() ) {
					const answer = byStatus[ i ]!;
					t.equal(
						`status=${ status }`,
						[
							answer.data.map( keyOf ),
							answer.headers[ 'X-WP-Total' ],
						],
						[
							expectedOrder(
								sortable( statusKeys[ status ]! ),
								'created',
								'desc'
							),
							String( statusKeys[ status ]!.length ),
						]
					);
				}
				const searches: [ string, string, string[] ][] = [
					[ 'an exact session id', by.c!.session_id, [ 'c' ] ],
					[
						'an exact email in other letter case (its hash)',
						by.a!.email.toUpperCase(),
						[ 'a' ],
					],
					[ 'part of an email', 'alpha', [ 'a' ] ],
					[
						'part of a formula-shaped email',
						"=cmd|'/Ccalc'",
						[ 'b' ],
					],
					[
						'a notification id',
						by.e!.notification_ids[ 1 ]!,
						[ 'e' ],
					],
					[ 'a LIKE wildcard matches only itself', '%', [] ],
					[ 'an underscore matches only itself', '_', [] ],
				];
				const found = await lists(
					searches.map( ( [ , search ] ) => ( { search } ) )
				);
				for ( const [ i, [ name, , keys ] ] of searches.entries() ) {
					const answer = found[ i ]!;
					t.equal(
						`search: ${ name }`,
						[
							answer.data.map( keyOf ),
							answer.headers[ 'X-WP-Total' ],
						],
						[
							expectedOrder(
								sortable( keys ),
								'created',
								'desc'
							),
							String( keys.length ),
						]
					);
				}
				const combined = await list( {
					search: 'reports-',
					status: 'abandoned',
					orderby: 'emails_sent',
					order: 'asc',
				} );
				t.equal(
					'search, status filter and sort together',
					combined.data.map( keyOf ),
					expectedOrder(
						sortable( [ 'a', 'f' ] ),
						'emails_sent',
						'asc'
					)
				);
				const full = expectedOrder(
					sortable( IN30 ),
					'cart_total',
					'desc'
				);
				const paged = await lists(
					[ 1, 2, 3, 4 ].map( ( page ) => ( {
						orderby: 'cart_total',
						order: 'desc',
						per_page: 3,
						page,
					} ) )
				);
				const pages = paged.map( ( a ) =>
					a.data.map( keyOf ).join( '' )
				);
				const headers = paged.map( ( a ) => [
					a.headers[ 'X-WP-Total' ]!,
					a.headers[ 'X-WP-TotalPages' ]!,
				] );
				t.equal(
					'per_page=3: pages 1–3 are the whole list in order, page 4 is empty; X-WP-Total 8, X-WP-TotalPages 3 on each',
					[ pages, headers ],
					[
						[
							full.slice( 0, 3 ).join( '' ),
							full.slice( 3, 6 ).join( '' ),
							full.slice( 6 ).join( '' ),
							'',
						],
						Array( 4 ).fill( [ String( IN30.length ), '3' ] ),
					]
				);
				const seam = expectedOrder(
					sortable( IN30 ),
					'emails_sent',
					'asc'
				);
				const seamPages = (
					await lists(
						[ 1, 2, 3 ].map( ( page ) => ( {
							orderby: 'emails_sent',
							order: 'asc',
							per_page: 3,
							page,
						} ) )
					)
				).map( ( a ) => a.data.map( keyOf ).join( '' ) );
				t.equal(
					'pages across the seam between sessions without and with a stored count',
					seamPages.join( '' ),
					seam.join( '' )
				);
				const defaults = await one< SessionRow[] >( '/sessions' );
				t.equal(
					`${ reportLimits.pageSize } rows a page by default`,
					defaults.headers[ 'X-WP-TotalPages' ],
					String( Math.ceil( IN30.length / reportLimits.pageSize ) )
				);
			}
		);

		// Coupons first: the session details show the session's coupon.
		const coupons = [
			{
				key: 'k1',
				code: couponCode( '7K2Q' ),
				session: 'a',
				usage: 0,
				expires: now + 7 * 24 * HOUR,
			},
			{
				key: 'k2',
				code: couponCode( 'USED' ),
				session: 'c',
				usage: 1,
				expires: now + 7 * 24 * HOUR,
			},
			{
				key: 'k3',
				code: couponCode( 'XPRD' ),
				session: 'f',
				usage: 0,
				expires: now - 24 * HOUR,
			},
			{
				key: 'k4',
				code: couponCode( 'BTH2' ),
				session: 'g',
				usage: 1,
				expires: now - 24 * HOUR,
			},
			{
				key: 'k5',
				code: couponCode( 'NXPR' ),
				session: 'e',
				usage: 0,
				expires: null,
			},
		];
		const couponIds: Record< string, number > = {};
		for ( const [ i, c ] of coupons.entries() ) {
			couponIds[ c.key ] = await phpCall< number >(
				php,
				'cartbay_reports_coupon',
				{
					code: c.code,
					amount: 5,
					email: by[ c.session ]!.email,
					session_id: by[ c.session ]!.session_id,
					usage: c.usage,
					expires: c.expires,
					created: now - ( 10 - i ) * 60,
				}
			);
		}
		const storeCoupon = `shop-own-${ process.pid }`;
		const storeCouponId = await php< number >(
			`${ shopCouponPhp(
				storeCoupon,
				5
			) } echo wp_json_encode( wc_get_coupon_id_by_code( ${ phpString(
				storeCoupon
			) } ) ), "\\n";`
		);

		await t.group( 'GET /sessions/{id}: one session in full', async () => {
			const [ a, c, missing ] = await rest<
				Record< string, unknown > & ErrorData
			>( [
				{ path: `/sessions/${ by.a!.session_id }` },
				{ path: `/sessions/${ by.c!.session_id }` },
				{ path: `/sessions/${ 'z'.repeat( 32 ) }` },
			] );
			const detail = a!.data as Record< string, unknown > & {
				events: { event: string }[];
				notifications: { notification_id: string; status: string }[];
				cart: { items: { name: string; quantity: number }[] };
				consent: { given: boolean; text: string };
				coupon: { code: string; status: string } | null;
			};
			t.equal(
				'the row, consent, cart lines, events, every notification and the coupon (full code)',
				[
					a!.status,
					detail.session_id,
					detail.emails_sent,
					detail.consent,
					detail.cart.items.map( ( i ) => [ i.name, i.quantity ] ),
					detail.events.map( ( e ) => e.event ),
					detail.notifications.map( ( n ) => [
						n.notification_id,
						n.status,
					] ),
					detail.coupon?.code,
					detail.coupon?.status,
				],
				[
					200,
					by.a!.session_id,
					2,
					{
						given: true,
						text: 'Save my cart.',
						at: new Date( by.a!.created * 1000 )
							.toISOString()
							.replace( '.000Z', '+00:00' ),
					},
					[ [ FORMULA, 1 ] ],
					[ 'captured' ],
					by.a!.notification_ids.map( ( id, i ) => [
						id,
						specs[ 0 ]!.notifications[ i ]!.state,
					] ),
					coupons[ 0 ]!.code,
					'active',
				]
			);
			const order = (
				c!.data as { order: Record< string, unknown > | null }
			 ).order;
			t.check(
				'a recovered session links its order: id, total, status, edit link',
				order?.id === by.c!.recovered_order_id &&
					order?.total === 20 &&
					typeof order?.status === 'string' &&
					String( order?.edit_link ).includes(
						String( by.c!.recovered_order_id )
					),
				order
			);
			t.equal(
				'an unknown session id → 404 cartbay_session_not_found',
				[ missing!.status, missing!.data.code ],
				[ 404, 'cartbay_session_not_found' ]
			);
		} );

		// Every record of the period's sessions, newest scheduled first.
		const records = ( keys: string[] ) =>
			keys
				.flatMap( ( k ) =>
					by[ k ]!.notification_ids.map( ( id, i ) => ( {
						id,
						key: k,
						note: specs.find( ( s ) => s.key === k )!.notifications[
							i
						]!,
					} ) )
				)
				.sort( ( x, y ) => y.note.scheduled - x.note.scheduled );

		await t.group(
			'GET /notifications: the records of the period’s sessions, newest scheduled first',
			async () => {
				const all = await one< NotificationRow[] >( '/notifications', {
					per_page: reportLimits.maxPageSize,
				} );
				const expected = records( IN30 );
				t.equal(
					`every record of the ${ reportPeriods.defaultDays }-day sessions (not the older session's), X-WP-Total ${ expected.length }`,
					[
						all.data.map( ( r ) => r.notification_id ),
						all.headers[ 'X-WP-Total' ],
					],
					[ expected.map( ( r ) => r.id ), String( expected.length ) ]
				);
				const f = all.data.find(
					( r ) => r.notification_id === by.f!.notification_ids[ 0 ]
				);
				t.equal(
					'a row: the record with its session and recipient',
					f,
					{
						notification_id: by.f!.notification_ids[ 0 ],
						session_id: by.f!.session_id,
						status: NOTIFICATION.FAILED,
						recipient: by.f!.email,
						step: 1,
						email_type: emailSteps[ 0 ]!.id,
						trigger: TRIGGER.ABANDONMENT,
						scheduled_at: new Date(
							specs.find( ( s ) => s.key === 'f' )!
								.notifications[ 0 ]!.scheduled * 1000
						)
							.toISOString()
							.replace( '.000Z', '+00:00' ),
						attempts: 3,
						last_error: FORMULA,
					}
				);
				const week = await one< NotificationRow[] >( '/notifications', {
					days: reportPeriods.shortDays,
					per_page: reportLimits.maxPageSize,
				} );
				t.equal(
					`${ reportPeriods.shortDays } days: only the records of that period's sessions`,
					week.data.map( ( r ) => r.notification_id ),
					records( IN7 ).map( ( r ) => r.id )
				);
				const states = Object.values( NOTIFICATION );
				const byState = await notificationLists(
					states.map( ( status ) => ( { status } ) )
				);
				for ( const [ i, state ] of states.entries() ) {
					const answer = byState[ i ]!;
					t.equal(
						`status=${ state }`,
						answer.data.map( ( r ) => r.notification_id ),
						expected
							.filter( ( r ) => r.note.state === state )
							.map( ( r ) => r.id )
					);
				}
				const searches: [
					string,
					string,
					( r: ( typeof expected )[ number ] ) => boolean,
				][] = [
					[
						'part of the recipient',
						'alpha',
						( r ) => r.key === 'a',
					],
					[
						'the recipient in other letter case',
						by.e!.email.toUpperCase(),
						( r ) => r.key === 'e',
					],
					[
						'a session id',
						by.f!.session_id,
						( r ) => r.key === 'f',
					],
					[
						'a notification id',
						by.a!.notification_ids[ 1 ]!,
						( r ) => r.id === by.a!.notification_ids[ 1 ],
					],
					[
						'an email type',
						emailSteps[ 1 ]!.id,
						( r ) => r.note.step === 2,
					],
					[
						'a trigger source',
						TRIGGER.ABANDONMENT,
						( r ) =>
							( r.note.trigger ?? TRIGGER.ABANDONMENT ) ===
							TRIGGER.ABANDONMENT,
					],
				];
				const found = await notificationLists(
					searches.map( ( [ , search ] ) => ( { search } ) )
				);
				for ( const [ i, [ name, , keep ] ] of searches.entries() ) {
					const answer = found[ i ]!;
					t.equal(
						`search: ${ name }`,
						answer.data.map( ( r ) => r.notification_id ),
						expected.filter( keep ).map( ( r ) => r.id )
					);
				}
				const paged = await notificationLists(
					[ 1, 2, 3 ].map( ( page ) => ( { per_page: 4, page } ) )
				);
				const pages = paged.map( ( a ) =>
					a.data.map( ( r ) => r.notification_id )
				);
				const headers = [
					paged[ 2 ]!.headers[ 'X-WP-Total' ]!,
					paged[ 2 ]!.headers[ 'X-WP-TotalPages' ]!,
				];
				t.equal(
					'per_page=4: three pages in order, with the totals headers',
					[ pages.flat(), headers ],
					[
						expected.map( ( r ) => r.id ),
						[
							String( expected.length ),
							String( Math.ceil( expected.length / 4 ) ),
						],
					]
				);
			}
		);

		await t.group(
			'GET /notifications/{id}: the record with its lifecycle',
			async () => {
				const [ a1, c1, f1, unknown ] = await rest<
					Record< string, unknown > & ErrorData
				>( [
					{ path: `/notifications/${ by.a!.notification_ids[ 0 ] }` },
					{ path: `/notifications/${ by.c!.notification_ids[ 0 ] }` },
					{ path: `/notifications/${ by.f!.notification_ids[ 0 ] }` },
					{ path: `/notifications/ntf_${ 'z'.repeat( 16 ) }` },
				] );
				const timestamps = a1!.data.timestamps as Record<
					string,
					string
				>;
				t.check(
					'lifecycle timestamps (ISO 8601), attempts, retries and the restore click',
					a1!.status === 200 &&
						a1!.data.status === NOTIFICATION.SENT &&
						a1!.data.recipient === by.a!.email &&
						a1!.data.session_id === by.a!.session_id &&
						a1!.data.order_id === by.a!.order_id &&
						a1!.data.email_type === emailSteps[ 0 ]!.id &&
						a1!.data.trigger === TRIGGER.ABANDONMENT &&
						Object.keys( timestamps ).sort().join() ===
							[ NOTIFICATION.QUEUED, NOTIFICATION.SENT ]
								.sort()
								.join() &&
						Object.values( timestamps ).every( ( v ) =>
							/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/.test( v )
						) &&
						a1!.data.attempts === 1 &&
						a1!.data.retries === 0 &&
						typeof a1!.data.restore_clicked_at === 'string' &&
						a1!.data.recovered_order === null,
					a1
				);
				t.check(
					'the order the notification led to',
					( c1!.data.recovered_order as { id?: number } | null )
						?.id === by.c!.recovered_order_id,
					c1
				);
				t.equal(
					'a failed record: attempts, retries and its last error as recorded',
					[
						f1!.data.status,
						f1!.data.attempts,
						f1!.data.retries,
						f1!.data.last_error,
					],
					[ NOTIFICATION.FAILED, 3, 2, FORMULA ]
				);
				t.equal(
					'an unknown notification id → 404 cartbay_notification_not_found',
					[ unknown!.status, unknown!.data.code ],
					[ 404, 'cartbay_notification_not_found' ]
				);
				// A record queued before the per-notification rows existed: found through its send context only.
				const old = by.g!.notification_ids[ 0 ]!;
				await phpCall(
					php,
					'cartbay_reports_forget_notification_rows',
					by.g!.order_id,
					''
				);
				const without = await one< ErrorData >(
					`/notifications/${ old }`
				);
				await phpCall(
					php,
					'cartbay_reports_forget_notification_rows',
					by.g!.order_id,
					old
				);
				const withContext = await one< Record< string, unknown > >(
					`/notifications/${ old }`
				);
				t.equal(
					'a record without its id row: 404 without a send context, found through the context',
					[
						without.status,
						withContext.status,
						withContext.data.session_id,
					],
					[ 404, 200, by.g!.session_id ]
				);
			}
		);

		await t.group(
			'GET /coupons: the cards and the CartBay coupons, newest first, codes masked',
			async () => {
				const answer = await one< {
					cards: Record< string, number >;
					coupons: Record< string, unknown >[];
				} >( '/coupons' );
				t.equal(
					'cards: generated, active (unused, not expired), used, expired (unused, past expiry)',
					answer.data.cards,
					{ generated: 5, active: 2, used: 2, expired: 1 }
				);
				const newest = [ ...coupons ].reverse();
				t.equal(
					"rows newest first, the store's own coupon not among them; X-WP-Total 5",
					[
						answer.data.coupons.map( ( c ) => c.coupon_id ),
						answer.headers[ 'X-WP-Total' ],
					],
					[ newest.map( ( c ) => couponIds[ c.key ] ), '5' ]
				);
				const masked = ( code: string ) =>
					recoveryCoupons.codePrefix +
					'*'.repeat( recoveryCoupons.codeRandomLength - 4 ) +
					code.slice( -4 );
				t.equal(
					'each row: masked code (prefix and last 4), session, discount, usage, expiry, status',
					answer.data.coupons.map( ( c ) => [
						c.code,
						c.session_id,
						c.discount_type,
						c.amount,
						c.usage_count,
						c.expires_at === null,
						c.status,
					] ),
					newest.map( ( c ) => [
						masked( c.code ),
						by[ c.session ]!.session_id,
						'fixed_cart',
						5,
						c.usage,
						c.expires === null,
						{
							k1: 'active',
							k2: 'used',
							k3: 'expired',
							k4: 'used',
							k5: 'active',
						}[ c.key ],
					] )
				);
				t.check(
					'the example of the spec: CARTBAY-******7K2Q',
					masked( coupons[ 0 ]!.code ) ===
						`${ recoveryCoupons.codePrefix }******7K2Q`,
					masked( coupons[ 0 ]!.code )
				);
				const paged = await one< { coupons: unknown[] } >( '/coupons', {
					per_page: 2,
					page: 3,
				} );
				t.equal(
					'per_page=2, page 3: the last coupon; X-WP-TotalPages 3',
					[
						paged.data.coupons.length,
						paged.headers[ 'X-WP-TotalPages' ],
					],
					[ 1, '3' ]
				);
				const [ k1, k2, own, none ] = await rest<
					Record< string, unknown > & ErrorData
				>( [
					{ path: `/coupons/${ couponIds.k1 }` },
					{ path: `/coupons/${ couponIds.k2 }` },
					{ path: `/coupons/${ storeCouponId }` },
					{ path: `/coupons/${ by.a!.order_id }` },
				] );
				t.check(
					'details: full code, generated email, email restriction, session, restore click, events',
					k1!.status === 200 &&
						k1!.data.code === coupons[ 0 ]!.code &&
						k1!.data.generated_email === by.a!.email &&
						JSON.stringify( k1!.data.email_restrictions ) ===
							JSON.stringify( [ by.a!.email ] ) &&
						( k1!.data.session as { session_id?: string } )
							?.session_id === by.a!.session_id &&
						typeof k1!.data.restore_clicked_at === 'string' &&
						( k1!.data.events as { event: string }[] )
							.map( ( e ) => e.event )
							.join() === 'captured',
					k1
				);
				t.check(
					'details of a used coupon: the order its session recovered',
					( k2!.data.recovered_order as { id?: number } | null )
						?.id === by.c!.recovered_order_id &&
						k2!.data.attribution === 'recovered',
					k2
				);
				t.equal(
					"the store's own coupon and a post that is no coupon → 404 cartbay_coupon_not_found",
					[
						[ own!.status, own!.data.code ],
						[ none!.status, none!.data.code ],
					],
					[
						[ 404, 'cartbay_coupon_not_found' ],
						[ 404, 'cartbay_coupon_not_found' ],
					]
				);
			}
		);

		const browser = new AdminBrowser( store.base );
		const nonce = await browser.logIn( ADMIN.user, ADMIN.password );
		const download = async (
			kind: string,
			params: Record< string, string >
		) => {
			const answer = await browser.fetch(
				`/wp-json${ API }/exports/${ kind }?${ new URLSearchParams(
					params
				).toString() }`,
				{ headers: { 'X-WP-Nonce': nonce } }
			);
			return { ...answer, rows: parseCsv( answer.body ) };
		};
		/**
		 * Every row of the list for some filters (all pages), as session keys.
		 * @param params
		 */
		const listAll = async ( params: Record< string, string > ) => {
			const rows: SessionRow[] = [];
			for ( let page = 1; ; page++ ) {
				const answer = await list( { ...params, page } );
				rows.push( ...answer.data );
				if ( page >= Number( answer.headers[ 'X-WP-TotalPages' ] ) ) {
					return rows;
				}
			}
		};
		const unguarded = ( rows: string[][] ): string[] =>
			rows
				.flat()
				.filter(
					( cell ) => cell !== '' && TRIGGERS.includes( cell[ 0 ]! )
				);

		await t.group(
			'GET /exports/{kind} over HTTP: the list’s rows in the list’s order, guarded, logged without PII',
			async () => {
				await site.runPhpOrThrow(
					`foreach ( glob( trailingslashit( WC_LOG_DIR ) . '*.log' ) ?: array() as $file ) { unlink( $file ); }`
				);
				const filters: Record< string, string >[] = [
					{},
					{ orderby: 'cart_total', order: 'asc' },
					{ orderby: 'emails_sent', order: 'desc', days: '7' },
					{
						status: 'abandoned',
						search: 'reports-',
						orderby: 'session',
					},
				];
				for ( const params of filters ) {
					const csv = await download( 'sessions', params );
					const rows = await listAll( params );
					t.equal(
						`sessions ${ JSON.stringify( params ) }: one CSV row per list row, same order`,
						[
							csv.status,
							csv.rows.slice( 1 ).map( ( r ) => r[ 0 ] ),
						],
						[ 200, rows.map( ( r ) => r.session_id ) ]
					);
				}
				const csv = await download( 'sessions', {
					orderby: 'cart_total',
					order: 'desc',
				} );
				t.equal(
					'a download: text/csv in UTF-8 (with a byte order mark), an attachment with a dated name, never cached',
					[
						csv.headers.get( 'content-type' ),
						csv.headers.get( 'content-disposition' ),
						/no-store/.test(
							csv.headers.get( 'cache-control' ) ?? ''
						),
						csv.body.startsWith( '\uFEFF' ),
					],
					[
						'text/csv; charset=utf-8',
						`attachment; filename="cartbay-sessions-${ clock.today }.csv"`,
						true,
						true,
					]
				);
				const header = csv.rows[ 0 ]!;
				const col = ( name: string ) => header.indexOf( name );
				const rowOf = ( key: string ) =>
					csv.rows.find( ( r ) => r[ 0 ] === by[ key ]!.session_id )!;
				t.equal(
					'cells: text starting with a formula trigger gets the prefix; numbers CartBay wrote stay numbers',
					[
						rowOf( 'b' )[ col( 'Email' ) ],
						rowOf( 'd' )[ col( 'Email' ) ],
						rowOf( 'g' )[ col( 'Email' ) ],
						rowOf( 'b' )[ col( 'Cart Total' ) ],
						rowOf( 'e' )[ col( 'Influenced Revenue' ) ],
						rowOf( 'a' )[ col( 'Emails Sent' ) ],
						unguarded( csv.rows ),
					],
					[
						csvFormulaGuard.prefix + formulaEmail,
						`${ csvFormulaGuard.prefix }-dave+${ process.pid }@example.test`,
						`${ csvFormulaGuard.prefix }+gina.${ process.pid }@example.test`,
						'12.50',
						'80.00',
						'2',
						[],
					]
				);
				const emails = await download( 'emails', {
					orderby: 'emails_sent',
					order: 'desc',
				} );
				const order = (
					await listAll( {
						orderby: 'emails_sent',
						order: 'desc',
					} )
				).map( keyOf );
				const expectedIds = order.flatMap( ( k ) =>
					records( [ k ] )
						.reverse()
						.map( ( r ) => r.id )
				);
				const ecol = ( name: string ) =>
					emails.rows[ 0 ]!.indexOf( name );
				const erow = ( id: string ) =>
					emails.rows.find( ( r ) => r[ 1 ] === id )!;
				t.equal(
					'emails: one row per notification of the listed sessions, in list order, each session’s by schedule',
					[
						emails.status,
						emails.headers.get( 'content-disposition' ),
						emails.rows.slice( 1 ).map( ( r ) => r[ 1 ] ),
					],
					[
						200,
						`attachment; filename="cartbay-emails-${ clock.today }.csv"`,
						expectedIds,
					]
				);
				t.equal(
					'emails: a last error holding a formula, and formula-shaped recipients, come out as text',
					[
						erow( by.f!.notification_ids[ 0 ]! )[
							ecol( 'Last Error' )
						],
						erow( by.g!.notification_ids[ 0 ]! )[
							ecol( 'Last Error' )
						],
						erow( by.d!.notification_ids[ 0 ]! )[
							ecol( 'Recipient Email' )
						],
						erow( by.f!.notification_ids[ 0 ]! )[
							ecol( 'Attempts' )
						],
						unguarded( emails.rows ),
					],
					[
						csvFormulaGuard.prefix + FORMULA,
						`${ csvFormulaGuard.prefix }@SUM(1+1)*${ FORMULA }`,
						`${ csvFormulaGuard.prefix }-dave+${ process.pid }@example.test`,
						'3',
						[],
					]
				);
				const searched = await download( 'sessions', {
					search: by.a!.email,
				} );
				t.equal(
					'a search by email exports that session only',
					searched.rows.slice( 1 ).map( ( r ) => r[ 0 ] ),
					[ by.a!.session_id ]
				);
				const logs = await phpCall< string >(
					php,
					'cartbay_test_wc_logs'
				);
				const lines = logs
					.split( '\n' )
					.filter( ( l ) => l.includes( 'CartBay CSV export' ) );
				t.check(
					'each export is logged with the user, kind, filters and row count',
					lines.length === filters.length + 3 &&
						lines.some( ( l ) =>
							l.includes(
								`user #${ clock.admin }: sessions, ${ reportPeriods.defaultDays } days, status all, sorted by cart_total desc, no search, ${ IN30.length } rows`
							)
						) &&
						lines.some( ( l ) =>
							l.includes(
								`user #${ clock.admin }: emails, ${ reportPeriods.defaultDays } days`
							)
						) &&
						lines.some( ( l ) =>
							l.includes( 'with a search, 1 rows' )
						),
					lines
				);
				const leaked = Object.values( by )
					.map( ( s ) => s.email )
					.filter(
						( email ) =>
							logs.includes( email ) ||
							logs.includes( email.split( '@' )[ 0 ]! )
					);
				t.equal(
					'the log names no email address and no search text',
					[ leaked, logs.includes( 'reports-' ) ],
					[ [], false ]
				);
				const anonymous = await fetch(
					`${ store.base }/wp-json${ API }/exports/sessions`
				);
				const bad = await browser.fetch(
					`/wp-json${ API }/exports/sessions?status=bogus`,
					{ headers: { 'X-WP-Nonce': nonce } }
				);
				t.equal(
					'over HTTP: anonymous → 401, a bad argument → 400, both JSON errors',
					[
						anonymous.status,
						( ( await anonymous.json() ) as ErrorData ).code,
						bad.status,
						( JSON.parse( bad.body ) as ErrorData ).code,
					],
					[ 401, 'cartbay_rest_forbidden', 400, 'rest_invalid_param' ]
				);
			}
		);

		await t.group(
			`more sessions than one export batch (${ reportLimits.exportBatch }): exports and the notification list stay exact`,
			async () => {
				const count = reportLimits.exportBatch + 5;
				const bulk: SessionSpec[] = Array.from(
					{ length: count },
					( _, i ) => ( {
						key: `n${ i }`,
						status: 'abandoned',
						email: address( `bulk${ i }` ),
						session_id: sessionId( `n${ i }` ),
						total: String( ( i * 7 ) % 50 ),
						created: now - 6 * HOUR - i * 60,
						last_activity: now - 6 * HOUR - i * 60,
						abandoned: now - 6 * HOUR,
						notifications: [
							note(
								1 + ( i % 3 ),
								i % 2 ? NOTIFICATION.SENT : NOTIFICATION.QUEUED
							),
						],
					} )
				);
				const made = await phpCall< Built[] >(
					php,
					'cartbay_reports_sessions',
					bulk.map( ( s ) => ( {
						...s,
						status: STATUS[ s.status ],
					} ) )
				);
				bulk.forEach( ( s, i ) => {
					by[ s.key ] = { ...s, ...made[ i ]! };
					specs.push( s );
				} );
				const keys = [ ...IN30, ...bulk.map( ( s ) => s.key ) ];
				for ( const params of [
					{ orderby: 'emails_sent', order: 'asc' },
					{ orderby: 'cart_total', order: 'desc' },
				] ) {
					const csv = await download( 'sessions', params );
					t.equal(
						`sessions ${ JSON.stringify( params ) }: ${ keys.length } rows, in list order`,
						csv.rows
							.slice( 1 )
							.map( ( r ) => keyOf( { session_id: r[ 0 ]! } ) ),
						expectedOrder(
							sortable( keys ),
							params.orderby as SortKey,
							params.order as 'asc' | 'desc'
						)
					);
				}
				const emails = await download( 'emails', {} );
				t.equal(
					'emails: every record of every listed session',
					emails.rows.length - 1,
					records( keys ).length
				);
				const expected = records( keys ).map( ( r ) => r.id );
				const last = Math.ceil(
					expected.length / reportLimits.maxPageSize
				);
				const page = await one< NotificationRow[] >( '/notifications', {
					per_page: reportLimits.maxPageSize,
					page: last,
				} );
				const first = await one< NotificationRow[] >(
					'/notifications',
					{
						per_page: reportLimits.maxPageSize,
					}
				);
				t.equal(
					'the notification list: first and last pages in order, the total counted across batches',
					[
						first.data.map( ( r ) => r.notification_id ),
						page.data.map( ( r ) => r.notification_id ),
						page.headers[ 'X-WP-Total' ],
					],
					[
						expected.slice( 0, reportLimits.maxPageSize ),
						expected.slice(
							( last - 1 ) * reportLimits.maxPageSize
						),
						String( expected.length ),
					]
				);
			}
		);

		await t.group(
			'every route: anonymous 401, subscriber 403, shop manager 200; bad arguments 400',
			async () => {
				const paths = [
					'/sessions',
					`/sessions/${ by.a!.session_id }`,
					'/exports/sessions',
					'/exports/emails',
					'/notifications',
					`/notifications/${ by.a!.notification_ids[ 0 ] }`,
					'/coupons',
					`/coupons/${ couponIds.k1 }`,
				];
				const answers = await rest< ErrorData >(
					paths.flatMap( ( path ) => [
						{ path, user: '' },
						{ path, user: SUBSCRIBER },
						{ path, user: SHOP_MANAGER },
					] )
				);
				paths.forEach( ( path, i ) => {
					const [ anonymous, subscriber, manager ] = answers.slice(
						i * 3,
						i * 3 + 3
					);
					t.equal(
						`GET ${ path.replace( /[a-z0-9_]{16,}$/, '{id}' ) }: 401, 403, 200`,
						[
							anonymous!.status,
							anonymous!.data.code,
							subscriber!.status,
							subscriber!.data.code,
							manager!.status,
						],
						[
							401,
							'cartbay_rest_forbidden',
							403,
							'cartbay_rest_forbidden',
							200,
						]
					);
				} );
				const bad: [ string, Record< string, string > ][] = [
					[ '/sessions', { status: 'bogus' } ],
					[ '/sessions', { status: 'expired' } ],
					[ '/sessions', { orderby: 'email' } ],
					[ '/sessions', { order: 'sideways' } ],
					[ '/sessions', { per_page: '0' } ],
					[
						'/sessions',
						{ per_page: String( reportLimits.maxPageSize + 1 ) },
					],
					[ '/sessions', { page: '0' } ],
					[
						'/sessions',
						{
							search: 'x'.repeat(
								reportLimits.maxSearchLength + 1
							),
						},
					],
					[ '/exports/emails', { orderby: 'bogus' } ],
					[ '/notifications', { status: 'bogus' } ],
					[
						'/notifications',
						{ per_page: String( reportLimits.maxPageSize + 1 ) },
					],
					[ '/coupons', { page: '0' } ],
				];
				const refused = await rest< ErrorData >(
					bad.map( ( [ path, params ] ) => ( { path, params } ) )
				);
				t.equal(
					`${ bad.length } bad arguments → 400 rest_invalid_param`,
					refused.map( ( r ) => [ r.status, r.data.code ] ),
					bad.map( () => [ 400, 'rest_invalid_param' ] )
				);
			}
		);
	} finally {
		try {
			await phpCall( php, 'cartbay_reports_reset' );
			await phpCall( php, 'cartbay_reports_delete_orders', realOrders );
		} finally {
			await store.close();
		}
	}
}
