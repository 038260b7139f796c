/**
 * Recovery over real HTTP (php -S) and real WooCommerce: restore links rebuild carts, unsubscribe links
 * suppress, recovery coupons stay inside their recovery, paid orders are attributed once.
 */
import { createHash } from 'node:crypto';
import {
	attribution,
	captureLimits,
	recoveryCoupons,
} from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpString } from '../support/php';
import {
	CANCEL,
	EVENT,
	META,
	NOTIFICATION,
	POST_TYPE,
	QUERY_ARG,
	STATUS,
	TRANSIENT,
	WC_KEY,
} from '../support/schema-names';
import {
	addresses,
	openStore,
	REAL_RATE_LIMIT,
	recoveryFixtures,
	RECOVERY_TEST_HELPERS,
	type RecoveryState,
} from '../support/store-fixtures';
import {
	CAPTURE_PATH,
	HttpShopper as Shopper,
	type StoreCart,
} from './http-shopper';

const RESTORE = QUERY_ARG.RESTORE;
const UNSUBSCRIBE = QUERY_ARG.UNSUBSCRIBE;
const UNSUBSCRIBE_CONFIRM = QUERY_ARG.UNSUBSCRIBE_CONFIRM;

const sha256 = ( value: string ): string =>
	createHash( 'sha256' ).update( value ).digest( 'hex' );
const address = addresses();

function tokenOf( link: string, arg: string ): string {
	return new URL( link ).searchParams.get( arg ) ?? '';
}

function pathOf( link: string ): string {
	const url = new URL( link );
	return `${ url.pathname }${ url.search }`;
}

export async function recoveryScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
	} );
	const { base, sku, php } = store;
	const fixtures = recoveryFixtures( php );
	const session = fixtures.session;
	const state = async ( id: number ): Promise< RecoveryState > => {
		const found = await fixtures.state( id );
		if ( ! found ) {
			throw new Error( `session #${ id } is gone` );
		}
		return found;
	};
	const wcSession = (
		shopper: Shopper
	): Promise< Record< string, unknown > > =>
		fixtures.wcSession( shopper.wcSession );
	const wcLogs = fixtures.wcLogs;
	const notices = ( data: Record< string, unknown > ): string =>
		JSON.stringify( data.wc_notices ?? '' );
	const cartLines = ( cart: StoreCart ) =>
		cart.items
			.map( ( i ) => ( {
				id: i.id,
				quantity: i.quantity,
				variation: i.variation.map(
					( v ) => `${ v.attribute }=${ v.value }`
				),
			} ) )
			.sort( ( a, b ) => a.id - b.id );
	const samePage = ( location: string, page: string ): boolean =>
		location !== '' &&
		new URL( location, base ).pathname === new URL( page, base ).pathname;
	const tokensSeen: string[] = [];

	try {
		const checkoutUrl = await php< string >(
			`echo wp_json_encode( wc_get_checkout_url() ), "\\n";`
		);
		const cartUrl = await php< string >(
			`echo wp_json_encode( wc_get_cart_url() ), "\\n";`
		);

		await t.group(
			'a restore link rebuilds the exact cart (variation included) and lands on checkout with the email',
			async () => {
				const email = address( 'restore' );
				const fixture = await session( {
					email,
					items: [
						[ 'CB-HOODIE', 2 ],
						[ 'CB-TEE-M', 1 ],
					],
				} );
				const token = tokenOf( fixture.restore, RESTORE );
				tokensSeen.push( token );
				const shopper = new Shopper( base );
				await shopper.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const response = await shopper.get( pathOf( fixture.restore ) );
				t.check(
					'302 to the checkout page',
					response.status === 302 &&
						samePage( response.location, checkoutUrl ),
					response
				);
				const cart = await shopper.cart();
				t.equal(
					'the cart is exactly the saved one (the earlier mug is gone)',
					cartLines( cart ),
					[
						{ id: sku( 'CB-HOODIE' ), quantity: 2, variation: [] },
						{
							id: sku( 'CB-TEE-M' ),
							quantity: 1,
							variation: [ 'Size=M' ],
						},
					].sort( ( a, b ) => a.id - b.id )
				);
				t.equal(
					'Block Checkout: the customer billing email is the session email',
					cart.billing_address.email,
					email
				);
				const classic = await shopper.get( '/classic-checkout/' );
				const field =
					/<input[^>]*name="billing_email"[^>]*>/.exec(
						classic.body
					)?.[ 0 ] ?? '';
				t.check(
					'classic checkout: billing_email is prefilled',
					field.includes( `value="${ email }"` ),
					field || classic.body.slice( 0, 300 )
				);
				const stored = await wcSession( shopper );
				t.equal(
					'WooCommerce session holds the restored session id and token hash',
					[
						stored[ WC_KEY.RESTORED_SESSION_ID! ],
						stored[ WC_KEY.RESTORE_TOKEN_HASH! ],
					],
					[ fixture.session_id, sha256( token ) ]
				);
				t.check(
					'a success notice is waiting',
					/restored/i.test( notices( stored ) ) ||
						/restored/i.test( classic.body ),
					notices( stored )
				);
				t.check(
					'nobody is logged in by the link',
					! shopper.cookieNames.some( ( n ) =>
						n.startsWith( 'wordpress_logged_in' )
					),
					shopper.cookieNames
				);
				const after = await state( fixture.id );
				t.equal(
					'still abandoned; events restore_clicked, cart_restore_started, cart_restored',
					[ after.status, after.events ],
					[
						STATUS.abandoned,
						[
							EVENT.RESTORE_CLICKED,
							EVENT.CART_RESTORE_STARTED,
							EVENT.CART_RESTORED,
						],
					]
				);
				t.check(
					'the notification that carried the link records the click',
					( after.notifications[ 0 ]?.restore_clicked_at ?? 0 ) > 0,
					after.notifications
				);
			}
		);

		await t.group(
			'the session coupon is applied on restore and stays inside its recovery',
			async () => {
				const email = address( 'coupon' );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
					coupon: true,
				} );
				const other = await session( {
					email: address( 'other' ),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				t.check(
					`the fixture has a ${ recoveryCoupons.codePrefix } coupon`,
					fixture.coupon
						.toUpperCase()
						.startsWith( recoveryCoupons.codePrefix ),
					fixture
				);
				const shopper = new Shopper( base );
				tokensSeen.push( tokenOf( fixture.restore, RESTORE ) );
				await shopper.get( pathOf( fixture.restore ) );
				const cart = await shopper.cart();
				t.equal(
					'the restored cart carries the coupon',
					cart.coupons.map( ( c ) => c.code.toUpperCase() ),
					[ fixture.coupon.toUpperCase() ]
				);

				const verdicts = await php<
					Record< string, string | boolean >
				>( `
wc_load_cart();
$coupon = new WC_Coupon( ${ phpString( fixture.coupon ) } );
WC()->cart->add_to_cart( ${ sku( 'CB-HOODIE' ) }, 1 );
$try = function ( $restored, $email ) use ( $coupon ) {
	WC()->session->set( ${ phpString( WC_KEY.RESTORED_SESSION_ID! ) }, $restored );
	WC()->customer->set_billing_email( $email );
	$valid = ( new WC_Discounts( WC()->cart ) )->is_coupon_valid( $coupon );
	return true === $valid ? true : $valid->get_error_message();
};
$guard = function ( $restored, $email ) use ( $coupon ) {
	WC()->session->set( ${ phpString( WC_KEY.RESTORED_SESSION_ID! ) }, $restored );
	WC()->customer->set_billing_email( $email );
	try {
		return apply_filters( 'woocommerce_coupon_is_valid', true, $coupon, new WC_Discounts( WC()->cart ) );
	} catch ( Exception $e ) {
		return $e->getMessage();
	}
};
$out = array(
	'own'                 => $try( ${ phpString( fixture.session_id ) }, ${ phpString( email.toUpperCase() ) } ),
	'other_email'         => $try( ${ phpString( fixture.session_id ) }, 'someone-else@example.test' ),
	'other_email_guard'   => $guard( ${ phpString( fixture.session_id ) }, 'someone-else@example.test' ),
	'other_session'       => $try( ${ phpString( other.session_id ) }, ${ phpString( email ) } ),
	'no_restore'          => $try( '', ${ phpString( email ) } ),
);
// A WooCommerce Subscriptions product in the cart (its product type, as that extension registers it).
$subscription = new class() extends WC_Product_Simple {
	public function get_type() { return 'subscription'; }
};
$subscription->set_props( array( 'name' => 'Monthly box', 'regular_price' => '10' ) );
WC()->cart->set_cart_contents( array( 'sub' => array( 'key' => 'sub', 'product_id' => 0, 'variation_id' => 0, 'quantity' => 1, 'data' => $subscription ) ) );
WC()->session->set( ${ phpString( WC_KEY.RESTORED_SESSION_ID! ) }, ${ phpString( fixture.session_id ) } );
WC()->customer->set_billing_email( ${ phpString( email ) } );
try {
	$out['subscription'] = apply_filters( 'woocommerce_coupon_is_valid', true, $coupon, null );
} catch ( Exception $e ) {
	$out['subscription'] = $e->getMessage();
}
$plain = new WC_Coupon();
$plain->set_code( 'plain-' . wp_generate_password( 6, false ) );
$plain->set_amount( 5 );
$plain->save();
WC()->session->set( ${ phpString( WC_KEY.RESTORED_SESSION_ID! ) }, '' );
$out['plain_coupon'] = apply_filters( 'woocommerce_coupon_is_valid', true, $plain, null );
echo wp_json_encode( $out ), "\\n";` );
				t.equal(
					'valid in its restored session, whatever the email case',
					verdicts.own,
					true
				);
				t.check(
					'refused for another email (WooCommerce email restriction and the CartBay guard)',
					typeof verdicts.other_email === 'string' &&
						/email address it was sent to/.test(
							String( verdicts.other_email_guard )
						),
					verdicts
				);
				t.check(
					'refused in another restored session',
					/only works with the saved cart/.test(
						String( verdicts.other_session )
					),
					verdicts
				);
				t.check(
					'refused without a restore',
					/only works with the saved cart/.test(
						String( verdicts.no_restore )
					),
					verdicts
				);
				t.check(
					'refused on a cart with a subscription product',
					/subscription/.test( String( verdicts.subscription ) ),
					verdicts
				);
				t.equal(
					'other coupons are untouched',
					verdicts.plain_coupon,
					true
				);
			}
		);

		await t.group(
			'forged, expired, random and spent restore tokens change nothing',
			async () => {
				const email = address( 'refused' );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const spent = await session( {
					email: address( 'spent' ),
					items: [ [ 'CB-MUG', 1 ] ],
					status: `wc-${ STATUS.recovered }`,
				} );
				const token = tokenOf( fixture.restore, RESTORE );
				const expiredFixture = await session( {
					email: address( 'expired' ),
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const expiredToken = tokenOf( expiredFixture.restore, RESTORE );
				await php( `
$o = wc_get_order( ${ expiredFixture.id } );
$hashes = $o->get_meta( '_cartbay_token_hashes' );
foreach ( $hashes as $h => $grant ) { $hashes[ $h ]['expires_at'] = time() - 60; }
$o->update_meta_data( '_cartbay_token_hashes', $hashes );
$o->save();
echo "1\\n";` );
				const cases: [ string, string, number ][] = [
					[
						'tampered (one character changed)',
						`${ token.slice( 0, -1 ) }${ token.endsWith( 'A' ) ? 'B' : 'A' }`,
						fixture.id,
					],
					[
						'random',
						'Zm9yZ2VkLXRva2VuLXRoYXQtbmV2ZXItZXhpc3RlZC0xMjM0NQ',
						fixture.id,
					],
					[ 'malformed', '<script>alert(1)</script>', fixture.id ],
					[ 'an array', '', fixture.id ],
					[ 'expired', expiredToken, expiredFixture.id ],
					[
						'spent (session already recovered)',
						tokenOf( spent.restore, RESTORE ),
						spent.id,
					],
				];
				await site.clearDebugLog();
				for ( const [ name, value, id ] of cases ) {
					tokensSeen.push( value );
					const before = await state( id );
					const shopper = new Shopper( base );
					await shopper.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
					const path =
						name === 'an array'
							? `/?${ RESTORE }[]=x`
							: `/?${ RESTORE }=${ encodeURIComponent( value ) }`;
					const response = await shopper.get( path );
					const cart = await shopper.cart();
					const stored = await wcSession( shopper );
					const after = await state( id );
					t.check(
						`${ name }: redirected to the cart with a notice`,
						response.status === 302 &&
							samePage( response.location, cartUrl ) &&
							/no longer valid/.test( notices( stored ) ),
						{
							response: {
								...response,
								body: response.body.slice( 0, 200 ),
							},
							notices: notices( stored ),
						}
					);
					t.equal(
						`${ name }: the shopper's cart and the session are unchanged`,
						[ cartLines( cart ).map( ( l ) => l.id ), after ],
						[ [ sku( 'CB-MUG' ) ], before ]
					);
					t.check(
						`${ name }: no attribution stored`,
						! ( WC_KEY.RESTORED_SESSION_ID! in stored ),
						stored
					);
				}
				const logs = await wcLogs();
				t.check(
					'refusals are logged with source cartbay',
					/restore\.refused \{"reason":"(forged|unknown_token|expired|not_abandoned)"/.test(
						logs
					),
					logs.slice( -600 )
				);
				const leaks = cases
					.map( ( [ , value ] ) => value )
					.filter(
						( v ) =>
							v.length > 8 &&
							( logs.includes( v ) ||
								site.readDebugLog().includes( v ) )
					);
				t.equal(
					'no token in the WooCommerce logs or the debug log',
					leaks,
					[]
				);
				t.check(
					'no email in the WooCommerce logs',
					! logs.includes( email ),
					'an email was logged'
				);
			}
		);

		await t.group(
			'out-of-stock items restore partially; nothing restorable fails without touching the cart',
			async () => {
				const email = address( 'partial' );
				const fixture = await session( {
					email,
					items: [
						[ 'CB-HOODIE', 1 ],
						[ 'CB-CAP', 2 ],
					],
				} );
				const onlyCap = await session( {
					email: address( 'failed' ),
					items: [ [ 'CB-CAP', 1 ] ],
				} );
				tokensSeen.push(
					tokenOf( fixture.restore, RESTORE ),
					tokenOf( onlyCap.restore, RESTORE )
				);
				await php(
					`$p = wc_get_product( ${ sku( 'CB-CAP' ) } ); $p->set_stock_quantity( 0 ); $p->save(); echo "1\\n";`
				);
				try {
					const shopper = new Shopper( base );
					const response = await shopper.get(
						pathOf( fixture.restore )
					);
					const cart = await shopper.cart();
					const stored = await wcSession( shopper );
					const after = await state( fixture.id );
					t.check(
						'partial: still lands on checkout',
						response.status === 302 &&
							samePage( response.location, checkoutUrl ),
						response.location
					);
					t.equal(
						'partial: only the hoodie is in the cart',
						cartLines( cart ).map( ( l ) => [ l.id, l.quantity ] ),
						[ [ sku( 'CB-HOODIE' ), 1 ] ]
					);
					t.check(
						'partial: the notice names the out-of-stock product',
						/CartBay Test Cap is out of stock/.test(
							notices( stored )
						),
						notices( stored )
					);
					t.equal(
						'partial: event cart_restore_partial',
						after.events.slice( -1 ),
						[ EVENT.CART_RESTORE_PARTIAL ]
					);

					const other = new Shopper( base );
					await other.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
					const failed = await other.get( pathOf( onlyCap.restore ) );
					const failedCart = await other.cart();
					const failedState = await state( onlyCap.id );
					t.check(
						'failed: back to the cart, with a notice',
						failed.status === 302 &&
							samePage( failed.location, cartUrl ) &&
							/no longer available/.test(
								notices( await wcSession( other ) )
							),
						failed.location
					);
					t.equal(
						'failed: the current cart is untouched; event cart_restore_failed; no attribution',
						[
							cartLines( failedCart ).map( ( l ) => l.id ),
							failedState.events.slice( -1 ),
							WC_KEY.RESTORED_SESSION_ID! in
								( await wcSession( other ) ),
						],
						[
							[ sku( 'CB-MUG' ) ],
							[ EVENT.CART_RESTORE_FAILED ],
							false,
						]
					);
				} finally {
					await php(
						`$p = wc_get_product( ${ sku( 'CB-CAP' ) } ); $p->set_stock_quantity( 10 ); $p->save(); echo "1\\n";`
					);
				}
			}
		);

		const restoreBucket = `${ TRANSIENT.RATE_LIMIT_PREFIX }restore_${ createHash( 'md5' ).update( '127.0.0.1' ).digest( 'hex' ) }`;
		await t.group(
			`failed restore attempts are rate limited per IP: attempt ${ captureLimits.rateLimitRequests + 1 } gets 429 before any lookup`,
			async () => {
				await php(
					`delete_transient( ${ phpString( restoreBucket ) } ); echo "1\\n";`
				);
				const shopper = new Shopper( base );
				let last = {
					status: 0,
					location: '',
					body: '',
					retryAfter: null as string | null,
				};
				for ( let i = 0; i <= captureLimits.rateLimitRequests; i++ ) {
					last = await shopper.get(
						`/?${ RESTORE }=not-a-real-token-${ i }xxxxxxxx`,
						REAL_RATE_LIMIT
					);
				}
				t.check(
					`failed attempt ${ captureLimits.rateLimitRequests + 1 } in a window: 429, Retry-After and a wait page`,
					last.status === 429 &&
						Number( last.retryAfter ) > 0 &&
						/Too many attempts/.test( last.body ),
					{
						status: last.status,
						retryAfter: last.retryAfter,
						body: last.body.slice( 0, 300 ),
					}
				);
				await php(
					`delete_transient( ${ phpString( restoreBucket ) } ); echo "1\\n";`
				);
			}
		);

		await t.group(
			'unsubscribe suppresses the email, the session and its pending work; idempotent',
			async () => {
				const email = address( 'Unsub' );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const sibling = await session( {
					email: email.toLowerCase(),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				tokensSeen.push( tokenOf( fixture.unsubscribe, UNSUBSCRIBE ) );
				const before = await state( fixture.id );
				t.equal(
					'before: abandoned, one pending send, a queued notification',
					[
						before.status,
						before.pending_sends,
						before.notifications[ 0 ]?.status,
					],
					[ STATUS.abandoned, 1, NOTIFICATION.QUEUED ]
				);
				const visitor = new Shopper( base );
				const page = await visitor.get( pathOf( fixture.unsubscribe ) );
				const untouched = await state( fixture.id );
				t.check(
					'GET: 200 with a confirmation form that POSTs, and nothing changed yet',
					page.status === 200 &&
						/<form[^>]*method="post"/.test( page.body ) &&
						/<button type="submit"/.test( page.body ) &&
						untouched.status === STATUS.abandoned &&
						untouched.pending_sends === 1,
					{
						status: page.status,
						body: page.body.slice( 0, 300 ),
						state: untouched.status,
					}
				);
				const confirm = (): ReturnType< Shopper[ 'request' ] > =>
					visitor.request( pathOf( fixture.unsubscribe ), {
						method: 'POST',
						headers: {
							'Content-Type': 'application/x-www-form-urlencoded',
						},
						body: `${ UNSUBSCRIBE_CONFIRM }=1`,
					} );
				const confirmed = await confirm();
				t.check(
					"the form's POST: 200 with the confirmation",
					confirmed.status === 200 &&
						/unsubscribed/i.test( confirmed.body ),
					{
						status: confirmed.status,
						body: confirmed.body.slice( 0, 300 ),
					}
				);
				const records = async () =>
					php< { count: number; names: string[]; leaks: number } >( `
global $wpdb;
$posts = get_posts( array( 'post_type' => ${ phpString( POST_TYPE.SUPPRESSED ) }, 'post_status' => 'any', 'numberposts' => -1 ) );
$like  = '%' . $wpdb->esc_like( ${ phpString( email.toLowerCase() ) } ) . '%';
$leaks = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE LOWER(post_title) LIKE %s OR LOWER(post_name) LIKE %s OR LOWER(post_content) LIKE %s OR LOWER(post_excerpt) LIKE %s", $like, $like, $like, $like ) );
$mine  = array_values( array_filter( $posts, fn ( $p ) => $p->post_name === ${ phpString( sha256( email.toLowerCase() ) ) } ) );
echo wp_json_encode( array( 'count' => count( $mine ), 'names' => array_map( fn ( $p ) => $p->post_name . '|' . $p->post_title, $mine ), 'leaks' => $leaks ) ), "\\n";` );
				const first = await records();
				const hash = sha256( email.toLowerCase() );
				t.equal(
					'one suppression record: slug and title are the SHA-256 of the email',
					[ first.count, first.names ],
					[ 1, [ `${ hash }|${ hash }` ] ]
				);
				t.equal( 'no plain email in wp_posts', first.leaks, 0 );
				const after = await state( fixture.id );
				t.equal(
					'session suppressed, event unsubscribed, no pending send, notification canceled',
					[
						after.status,
						after.events.filter( ( e ) => e === EVENT.UNSUBSCRIBED )
							.length,
						after.pending_sends,
						after.notifications[ 0 ]?.status,
						after.notifications[ 0 ]?.cancel_reason,
					],
					[
						STATUS.suppressed,
						1,
						0,
						NOTIFICATION.CANCELED,
						CANCEL.UNSUBSCRIBED,
					]
				);
				const siblingState = await state( sibling.id );
				t.equal(
					"the same email's other live session is suppressed too",
					[ siblingState.status, siblingState.pending_sends ],
					[ STATUS.suppressed, 0 ]
				);

				const again = await confirm();
				const second = await records();
				const repeated = await state( fixture.id );
				t.equal(
					'a second click: same page, still one record, one event',
					[
						again.status,
						second.count,
						repeated.events.filter(
							( e ) => e === EVENT.UNSUBSCRIBED
						).length,
					],
					[ 200, 1, 1 ]
				);

				const oneClick = await session( {
					email: address( 'oneclick' ),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				const post = await new Shopper( base ).request(
					pathOf( oneClick.unsubscribe ),
					{
						method: 'POST',
						headers: {
							'Content-Type': 'application/x-www-form-urlencoded',
						},
						body: 'List-Unsubscribe=One-Click',
					}
				);
				const oneClickState = await state( oneClick.id );
				t.equal(
					'RFC 8058 one-click POST: 200, session suppressed',
					[
						post.status,
						oneClickState.status,
						oneClickState.pending_sends,
					],
					[ 200, STATUS.suppressed, 0 ]
				);

				const invalid = await new Shopper( base ).get(
					`/?${ UNSUBSCRIBE }=not-a-real-token-at-all-123`
				);
				t.check(
					'an unknown token: a friendly page, nothing changed',
					invalid.status === 404 &&
						/not valid/.test( invalid.body ) &&
						( await records() ).count === 1,
					{ status: invalid.status }
				);

				// A later capture of the suppressed email (another case) stores nothing.
				const count = async () =>
					php< number >(
						`echo count( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1, 'return' => 'ids' ) ) ), "\\n";`
					);
				const sessionsBefore = await count();
				const shopper = new Shopper( base );
				await shopper.get( `/?add-to-cart=${ sku( 'CB-EBOOK' ) }` );
				const captured = await shopper.request( CAPTURE_PATH, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify( {
						email: email.toUpperCase(),
						consent: true,
						source: 'classic',
					} ),
				} );
				t.equal(
					'a later capture of that email answers 200 and creates nothing',
					[ captured.status, await count() ],
					[ 200, sessionsBefore ]
				);
			}
		);

		await t.group(
			'paid orders are attributed by session id > restore token > coupon (recovered) > email hash (influenced), once',
			async () => {
				const results = await php<
					Record<
						string,
						{
							status: string;
							method: string;
							attribution: string;
							revenue: string;
							influenced_revenue: string;
							order_total: string;
							order_id: number;
							recovered_order_id: string;
							recovered: number;
							influenced: number;
							attributed: string;
							pending: number;
							notification: unknown;
						}
					>
				>( `
$make_order = function ( $meta, $email, $coupon = '' ) {
	$order = wc_create_order( array( 'status' => 'pending' ) );
	$order->add_product( wc_get_product( ${ sku( 'CB-HOODIE' ) } ), 1 );
	$order->set_billing_email( $email );
	foreach ( $meta as $k => $v ) { $order->update_meta_data( $k, $v ); }
	if ( '' !== $coupon ) {
		$item = new WC_Order_Item_Coupon();
		$item->set_code( $coupon );
		$item->set_discount( 10 );
		$order->add_item( $item );
	}
	$order->calculate_totals( false );
	$order->save();
	return $order;
};
$report = function ( $fixture, $order ) {
	$s = wc_get_order( $fixture['id'] );
	$o = wc_get_order( $order->get_id() );
	$n = array_values( (array) $s->get_meta( '_cartbay_notifications' ) );
	$state = cartbay_test_state( $fixture['id'] );
	return array(
		'status'             => $s->get_status(),
		'method'             => (string) $s->get_meta( '_cartbay_recovery_method' ),
		'attribution'        => (string) $s->get_meta( '_cartbay_attribution' ),
		'revenue'            => (string) $s->get_meta( '_cartbay_recovered_revenue' ),
		'influenced_revenue' => (string) $s->get_meta( '_cartbay_influenced_revenue' ),
		'order_total'        => (string) $o->get_total(),
		'order_id'           => $o->get_id(),
		'recovered_order_id' => (string) $s->get_meta( '_cartbay_recovered_order_id' ),
		'recovered'          => count( array_filter( $state['events'], fn ( $e ) => 'recovered' === $e ) ),
		'influenced'         => count( array_filter( $state['events'], fn ( $e ) => 'influenced' === $e ) ),
		'recovered_at'       => (int) $s->get_meta( '_cartbay_recovered_at' ),
		'attributed'         => (string) $o->get_meta( '_cartbay_attributed_session_id' ),
		'pending'            => $state['pending_sends'],
		'notification'       => $n[0] ?? null,
	);
};
$out = array();

// 1. Session id (plus a misleading email of another abandoned session: the id wins).
$decoy = cartbay_test_session( array( 'email' => 'decoy-${ process.pid }@example.test', 'items' => array( array( 'CB-MUG', 1 ) ) ) );
$s1    = cartbay_test_session( array( 'email' => 'by-id-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ) ) );
$o1    = $make_order( array( '_cartbay_session_id' => $s1['session_id'] ), 'decoy-${ process.pid }@example.test' );
$o1->payment_complete( 'txn-1' );
$first_recovered_at = (int) wc_get_order( $s1['id'] )->get_meta( '_cartbay_recovered_at' );
// Every later hook is a no-op.
do_action( 'woocommerce_payment_complete', $o1->get_id(), 'txn-1' );
do_action( 'woocommerce_payment_complete', $o1->get_id(), 'txn-1' );
$again = wc_get_order( $o1->get_id() );
$again->update_status( 'completed' );
do_action( 'woocommerce_order_status_changed', $o1->get_id(), 'processing', 'completed', $again );
do_action( 'woocommerce_order_status_changed', $o1->get_id(), 'processing', 'processing', $again );
$out['session_id'] = $report( $s1, $o1 );
$out['session_id']['same_recovered_at'] = $first_recovered_at === $out['session_id']['recovered_at'];
$out['decoy'] = $report( $decoy, $o1 );

// 2. Restore token hash (paid: processing alone, as cash on delivery leaves it, does not count).
$s2 = cartbay_test_session( array( 'email' => 'by-token-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ) ) );
parse_str( (string) wp_parse_url( $s2['restore'], PHP_URL_QUERY ), $q2 );
$o2 = $make_order( array( '_cartbay_restore_token_hash' => hash( 'sha256', $q2['${ RESTORE }'] ) ), 'someone-${ process.pid }@example.test' );
$o2->payment_complete();
$out['restore_token'] = $report( $s2, $o2 );
$out['restore_token']['notification_id'] = $s2['notification'];

// 3. A CartBay coupon on the order.
$s3 = cartbay_test_session( array( 'email' => 'by-coupon-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ), 'coupon' => true ) );
$o3 = $make_order( array(), 'unrelated-${ process.pid }@example.test', $s3['coupon'] );
$o3->update_status( 'completed' );
$out['coupon'] = $report( $s3, $o3 );

// 4. The billing email hash (case-insensitive): influenced only.
$s4 = cartbay_test_session( array( 'email' => 'by-email-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ) ) );
$o4 = $make_order( array(), 'BY-Email-${ process.pid }@Example.test' );
$o4->payment_complete();
$out['email_hash'] = $report( $s4, $o4 );

// Never: a session completed before abandonment, a captured one, and a CartBay session order itself.
$s5 = cartbay_test_session( array( 'email' => 'early-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ), 'status' => 'wc-cartbay-expired', 'meta' => array( '_cartbay_completed_before_abandonment' => 1 ) ) );
$o5 = $make_order( array( '_cartbay_session_id' => $s5['session_id'] ), 'early-${ process.pid }@example.test' );
$o5->payment_complete();
$out['completed_before'] = $report( $s5, $o5 );
$s6 = cartbay_test_session( array( 'email' => 'odd-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ), 'meta' => array( '_cartbay_completed_before_abandonment' => 1 ) ) );
$o6 = $make_order( array(), 'odd-${ process.pid }@example.test' );
$o6->payment_complete();
$out['completed_before_abandoned'] = $report( $s6, $o6 );
$s7 = cartbay_test_session( array( 'email' => 'live-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ), 'status' => 'wc-cartbay-captured' ) );
$o7 = $make_order( array(), 'live-${ process.pid }@example.test' );
$o7->payment_complete();
$out['captured'] = $report( $s7, $o7 );
$s9 = cartbay_test_session( array( 'email' => 'paid-before-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ) ) );
$o9 = $make_order( array(), 'paid-before-${ process.pid }@example.test' );
$o9->set_date_paid( time() - 2 * HOUR_IN_SECONDS );
$o9->set_status( 'completed' );
$o9->save();
$out['paid_before_abandonment'] = $report( $s9, $o9 );
$s8 = cartbay_test_session( array( 'email' => 'self-${ process.pid }@example.test', 'items' => array( array( 'CB-HOODIE', 1 ) ) ) );
do_action( 'woocommerce_payment_complete', $s8['id'], '' );
do_action( 'woocommerce_order_status_changed', $s8['id'], 'cartbay-abandoned', 'processing', wc_get_order( $s8['id'] ) );
$out['session_order'] = $report( $s8, wc_get_order( $s8['id'] ) );
echo wp_json_encode( $out ), "\\n";` );
				for ( const method of [
					'session_id',
					'restore_token',
					'coupon',
				] as const ) {
					const r = results[ method ]!;
					t.equal(
						`${ method }: recovered once, method ${ method }, revenue = order total, order id recorded`,
						[
							r.status,
							r.attribution,
							r.method,
							Number( r.revenue ),
							r.influenced_revenue,
							Number( r.recovered_order_id ),
							r.recovered,
							r.pending,
						],
						[
							STATUS.recovered,
							attribution.recovered,
							method,
							Number( r.order_total ),
							'',
							r.order_id,
							1,
							0,
						]
					);
					t.check(
						`${ method }: the order is marked attributed`,
						r.attributed !== '',
						r
					);
				}
				const byEmail = results.email_hash!;
				t.equal(
					'email_hash: influenced once (expired, never recovered), revenue apart, order id recorded',
					[
						byEmail.status,
						byEmail.attribution,
						byEmail.method,
						byEmail.revenue,
						Number( byEmail.influenced_revenue ),
						Number( byEmail.recovered_order_id ),
						byEmail.influenced,
						byEmail.recovered,
						byEmail.pending,
						byEmail.attributed !== '',
					],
					[
						STATUS.expired,
						attribution.influenced,
						'email_hash',
						'',
						Number( byEmail.order_total ),
						byEmail.order_id,
						1,
						0,
						0,
						true,
					]
				);
				t.check(
					'repeated payment_complete and status changes changed nothing after the first',
					(
						results.session_id as unknown as {
							same_recovered_at: boolean;
						}
					 ).same_recovered_at === true &&
						results.session_id!.recovered === 1,
					results.session_id
				);
				t.equal(
					'the decoy email session is untouched (session id has priority)',
					results.decoy!.status,
					STATUS.abandoned
				);
				const note = results.restore_token!.notification as {
					recovered_order_id?: number;
					status?: string;
					cancel_reason?: string;
				} | null;
				t.equal(
					'restore token: the notification that carried the link records the order; pending work canceled',
					[
						note?.recovered_order_id,
						note?.status,
						note?.cancel_reason,
					],
					[
						results.restore_token!.order_id,
						NOTIFICATION.CANCELED,
						CANCEL.RECOVERED,
					]
				);
				t.equal(
					'completed before abandonment: never recovered (expired or still abandoned)',
					[
						results.completed_before!.status,
						results.completed_before_abandoned!.status,
					],
					[ STATUS.expired, STATUS.abandoned ]
				);
				t.equal(
					'an order paid before the session was abandoned is not attributed by email',
					results.paid_before_abandonment!.status,
					STATUS.abandoned
				);
				t.equal(
					'captured sessions and CartBay session orders are never recovered',
					[
						results.captured!.status,
						results.session_order!.status,
						results.session_order!.method,
					],
					[ STATUS.captured, STATUS.abandoned, '' ]
				);
			}
		);

		await t.group(
			'a restore link of a recovered session changes nothing',
			async () => {
				const email = address( 'reused' );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const token = tokenOf( fixture.restore, RESTORE );
				tokensSeen.push( token );
				const buyer = new Shopper( base );
				await buyer.get( pathOf( fixture.restore ) );
				await php( `
$order = wc_create_order( array( 'status' => 'pending' ) );
$order->add_product( wc_get_product( ${ sku( 'CB-HOODIE' ) } ), 1 );
$order->update_meta_data( '_cartbay_restore_token_hash', ${ phpString( sha256( token ) ) } );
$order->calculate_totals( false );
$order->save();
$order->payment_complete();
echo "1\\n";` );
				const recovered = await state( fixture.id );
				const again = new Shopper( base );
				await again.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const response = await again.get( pathOf( fixture.restore ) );
				const after = await state( fixture.id );
				t.equal(
					'recovered by its token; reopening: cart page, cart and session unchanged',
					[
						recovered.status,
						samePage( response.location, cartUrl ),
						cartLines( await again.cart() ).map( ( l ) => l.id ),
						after,
					],
					[ STATUS.recovered, true, [ sku( 'CB-MUG' ) ], recovered ]
				);
			}
		);

		await t.group(
			'restore → Store API checkout → paid (completed): recovered by the link; also with a capture on the restored checkout',
			async () => {
				const email = address( 'checkout' );
				const fixture = await session( {
					email,
					items: [
						[ 'CB-HOODIE', 1 ],
						[ 'CB-TEE-M', 1 ],
					],
				} );
				const token = tokenOf( fixture.restore, RESTORE );
				tokensSeen.push( token );
				const shopper = new Shopper( base );
				await shopper.get( pathOf( fixture.restore ) );
				const placed = await shopper.checkout( email );
				const order = await php< {
					total: string;
					status: string;
					meta: Record< string, string >;
				} >( `
$o = wc_get_order( ${ placed.order_id } );
echo wp_json_encode( array( 'total' => $o ? $o->get_total() : '', 'status' => $o ? $o->get_status() : '', 'meta' => $o ? array(
	'restored' => (string) $o->get_meta( '_cartbay_restored_session_id' ),
	'token'    => (string) $o->get_meta( '_cartbay_restore_token_hash' ),
) : array() ) ), "\\n";` );
				const unpaid = await state( fixture.id );
				t.check(
					'the order is placed and processing',
					placed.status === 200 && order.status === 'processing',
					{ placed, order }
				);
				t.equal(
					'the order carries the restored session and the token hash (never the token)',
					[ order.meta.restored, order.meta.token ],
					[ fixture.session_id, sha256( token ) ]
				);
				const thanks = await shopper.get(
					pathOf( placed.redirect || `${ base }/` )
				);
				const forgotten = await wcSession( shopper );
				t.check(
					'the thank-you page ends the restore in the WooCommerce session',
					thanks.status === 200 &&
						! (
							WC_KEY.RESTORED_SESSION_ID! in forgotten &&
							forgotten[ WC_KEY.RESTORED_SESSION_ID! ]
						),
					{
						status: thanks.status,
						redirect: placed.redirect,
						keys: Object.keys( forgotten ),
					}
				);
				t.equal(
					'cash on delivery, processing but unpaid: not recovered yet',
					[ unpaid.status, META.RECOVERED_REVENUE! in unpaid.meta ],
					[ STATUS.abandoned, false ]
				);
				await php(
					`wc_get_order( ${ placed.order_id } )->update_status( 'completed' ); echo "1\\n";`
				);
				const after = await state( fixture.id );
				t.equal(
					'completed (paid on delivery): the session is recovered by restore_token with revenue = order total',
					[
						after.status,
						after.meta[ META.RECOVERY_METHOD! ],
						Number( after.meta[ META.RECOVERED_REVENUE! ] ),
						Number( after.meta[ META.RECOVERED_ORDER_ID! ] ),
					],
					[
						STATUS.recovered,
						'restore_token',
						Number( order.total ),
						placed.order_id,
					]
				);

				const edited = address( 'edited' );
				const second = await session( {
					email: edited,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				tokensSeen.push( tokenOf( second.restore, RESTORE ) );
				const other = new Shopper( base );
				await other.get( pathOf( second.restore ) );
				const captured = await other.request( CAPTURE_PATH, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify( {
						email: edited,
						consent: true,
						source: 'block',
					} ),
				} );
				const reactivated = await state( second.id );
				const paid = await other.checkout( edited );
				await php(
					`wc_get_order( ${ paid.order_id } )->update_status( 'completed' ); echo "1\\n";`
				);
				const final = await state( second.id );
				t.equal(
					'a capture on the restored checkout keeps the session abandoned (its recovery is under way); the order, once completed, recovers it',
					[
						captured.status,
						reactivated.status,
						paid.status,
						final.status,
					],
					[ 200, STATUS.abandoned, 200, STATUS.recovered ]
				);
				// The race a real browser can produce: the capture lands after the order was created (so the order
				// carries only the restore identity) and before it is paid.
				const racer = address( 'race' );
				const third = await session( {
					email: racer,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const thirdToken = tokenOf( third.restore, RESTORE );
				tokensSeen.push( thirdToken );
				const late = new Shopper( base );
				await late.get( pathOf( third.restore ) );
				await late.request( CAPTURE_PATH, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify( {
						email: racer,
						consent: true,
						source: 'classic',
					} ),
				} );
				const raced = await state( third.id );
				await php( `
$order = wc_create_order( array( 'status' => 'pending' ) );
$order->add_product( wc_get_product( ${ sku( 'CB-HOODIE' ) } ), 1 );
$order->set_billing_email( ${ phpString( racer ) } );
$order->update_meta_data( '_cartbay_restored_session_id', ${ phpString( third.session_id ) } );
$order->update_meta_data( '_cartbay_restore_token_hash', ${ phpString( sha256( thirdToken ) ) } );
$order->calculate_totals( false );
$order->save();
$order->payment_complete();
echo "1\n";` );
				const thirdFinal = await state( third.id );
				t.equal(
					'a capture after the order was created: still abandoned, then recovered by its restore token',
					[
						raced.status,
						thirdFinal.status,
						thirdFinal.meta[ META.RECOVERY_METHOD! ],
						thirdFinal.pending_sends,
					],
					[ STATUS.abandoned, STATUS.recovered, 'restore_token', 0 ]
				);
				t.check(
					'attributed by session id or restore token, not completed_before_abandonment',
					[ 'session_id', 'restore_token' ].includes(
						String( final.meta[ META.RECOVERY_METHOD! ] )
					) &&
						! final.events.includes(
							EVENT.COMPLETED_BEFORE_ABANDONMENT ??
								'completed_before_abandonment'
						),
					final.events
				);
			}
		);

		await t.group(
			'no restore or unsubscribe token and no shopper email in any log',
			async () => {
				const logs = `${ await wcLogs() }\n${ site.readDebugLog() }`;
				const leaked = tokensSeen.filter(
					( tok ) => tok.length >= 20 && logs.includes( tok )
				);
				t.equal(
					'no token in WooCommerce logs or wp-debug.log',
					leaked,
					[]
				);
				t.check(
					'no @example.test address logged by CartBay',
					! /cartbay[^\n]*@example\.test/i.test( logs ),
					'an email next to cartbay in the logs'
				);
			}
		);
	} finally {
		await store.close();
	}
}
