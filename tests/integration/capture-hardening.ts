/**
 * Capture hardening over real HTTP (php -S) and real WooCommerce:
 * - a signed-in customer is captured (classic and block) with the page's REST nonce, and their WooCommerce
 *   session (cart, coupon, chosen shipping) and its woocommerce_sessions row stay intact; without the nonce,
 *   or with their session cookie but no login, the request is refused before WooCommerce loads it;
 * - cross-site form posts and foreign origins are refused and store nothing;
 * - a stranger with the victim's email and products never gets, changes, withdraws or reactivates the
 *   victim's session, and the answers do not tell;
 * - the cart of a browser that owns a session follows into it without a capture request (and its restore
 *   link rebuilds it), and the classic checkout gets the email back; untracked shoppers pay no query for it;
 * - one email never has more than recipientLimits.maxLiveSessionsPerEmail live sessions.
 */
import { campaign, captureLimits, recipientLimits } from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall, phpString, shopCouponPhp } from '../support/php';
import { META, QUERY_ARG, STATUS, WC_KEY } from '../support/schema-names';
import { openStore, readTrace, TRACE_HEADER } from '../support/store-fixtures';
import { CAPTURE_PATH, HttpShopper } from './http-shopper';

const RESTORE = QUERY_ARG.RESTORE;
const SESSION_ID = new RegExp( captureLimits.sessionIdPattern );
const CAPTURE = CAPTURE_PATH;
const PASSWORD = 'cartbay-IT-Customer-1';
const FOREIGN = 'https://evil.example';

/**
 * Test store only (on top of the common helpers: raised rate limit, SQL tracing): the inline checkout
 * configuration as CheckoutAssets builds it for the requesting browser (`?cartbay_it_config=1`, the scripts
 * are not built for this layer), and state readers.
 */
const HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay hardening test helpers
 */
add_action(
	'template_redirect',
	static function () {
		if ( isset( $_GET['cartbay_it_config'] ) ) {
			$assets = new \WPAnchorBay\CartBay\Capture\CheckoutAssets( \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Settings\SettingsRepository::class ) );
			wp_send_json( $assets->config() );
		}
	},
	1
);

/** The woocommerce_sessions row of a session key: a digest of the stored value and the decoded data. */
function cartbay_hardening_wc_row( $key ) {
	global $wpdb;
	$row = $wpdb->get_row( $wpdb->prepare( "SELECT session_value, session_expiry FROM {$wpdb->prefix}woocommerce_sessions WHERE session_key = %s", (string) $key ), ARRAY_A );
	if ( ! $row ) {
		return null;
	}
	$data = array();
	foreach ( (array) maybe_unserialize( $row['session_value'] ) as $k => $v ) {
		$data[ $k ] = maybe_unserialize( $v );
	}
	return array( 'digest' => md5( $row['session_value'] ), 'expiry' => (int) $row['session_expiry'], 'data' => $data );
}

/** Everything a session is: status, billing email, every CartBay meta value, its pending jobs. */
function cartbay_hardening_state( $session_id ) {
	$repo  = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$order = $repo->find( (string) $session_id );
	if ( ! $order ) {
		return null;
	}
	$meta = cartbay_test_meta( $order, true );
	ksort( $meta );
	$pending = array();
	foreach ( as_get_scheduled_actions( array( 'group' => 'cartbay', 'status' => ActionScheduler_Store::STATUS_PENDING, 'per_page' => -1 ) ) as $action ) {
		if ( ( $action->get_args()[0] ?? '' ) === $session_id ) {
			$pending[] = array( $action->get_hook(), $action->get_args(), $action->get_schedule()->get_date() ? $action->get_schedule()->get_date()->getTimestamp() : 0 );
		}
	}
	usort( $pending, static fn ( $a, $b ) => array( $a[0], $a[1] ) <=> array( $b[0], $b[1] ) );
	return array(
		'order_id'      => $order->get_id(),
		'status'        => $order->get_status(),
		'billing_email' => $order->get_billing_email(),
		'order_total'   => wc_format_decimal( wc_get_order( $order->get_id() )->get_total(), 2 ),
		'meta'          => $meta,
		'pending'       => $pending,
	);
}

/** Live (captured or abandoned) sessions of an email: ids, statuses and product ids. */
function cartbay_hardening_live( $email ) {
	$repo = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$out  = array();
	foreach ( $repo->find_by_email( $email, $repo->active_statuses(), 100 ) as $order ) {
		$items = (array) ( $order->get_meta( '_cartbay_cart_snapshot' )['items'] ?? array() );
		$out[] = array(
			'session_id' => (string) $order->get_meta( '_cartbay_session_id' ),
			'status'     => $order->get_status(),
			'products'   => array_map( static fn ( $i ) => (int) $i['product_id'], $items ),
		);
	}
	return $out;
}

/** Every CartBay session (any status, any email). */
function cartbay_hardening_count() {
	return count( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1, 'return' => 'ids' ) ) );
}

/** Marks a session abandoned by its own exact check, as if its timeout had passed. */
function cartbay_hardening_abandon( $session_id ) {
	$repo  = \WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Data\SessionRepository::class );
	$order = $repo->find( (string) $session_id );
	$order->update_meta_data( '_cartbay_last_activity_at', (string) ( time() - 2 * HOUR_IN_SECONDS ) );
	$order->save_meta_data();
	do_action( 'cartbay_detect_session_abandonment', (string) $session_id );
	return wc_get_order( $order->get_id() )->get_status();
}
`;

type Answer = Awaited< ReturnType< HttpShopper[ 'post' ] > >;

/** An HTTP shopper with a few more moves: a logged-in browser, the Store API's cart routes, the capture as sent by a page of this store. */
class Shopper extends HttpShopper {
	constructor( readonly origin: string ) {
		super( origin );
	}

	/**
	 * POST /capture as the checkout script sends it: JSON, from this store's origin, with an optional nonce.
	 * @param body
	 * @param nonce
	 * @param extra
	 */
	captureAs(
		body: unknown,
		nonce = '',
		extra: Record< string, string > = {}
	): Promise< Answer > {
		return this.capture( body, {
			Origin: this.origin,
			...( nonce ? { 'X-WP-Nonce': nonce } : {} ),
			...extra,
		} );
	}

	/**
	 * Logs in through wp-login.php (test cookie first, as a browser does).
	 * @param login
	 * @param password
	 */
	async logIn( login: string, password: string ): Promise< boolean > {
		await this.get( '/wp-login.php' );
		const response = await this.request( '/wp-login.php', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				log: login,
				pwd: password,
				'wp-submit': 'Log In',
				testcookie: '1',
				redirect_to: `${ this.origin }/`,
			} ).toString(),
		} );
		return (
			response.status === 302 &&
			this.cookieNames.some( ( n ) =>
				n.startsWith( 'wordpress_logged_in_' )
			)
		);
	}

	/**
	 * A Store API cart route (POST with the Store API nonce).
	 * @param route
	 * @param body
	 */
	async storeApi(
		route: string,
		body: unknown
	): Promise< { status: number; body: string } > {
		const { nonce } = await this.get( '/wp-json/wc/store/v1/cart' );
		const response = await this.request(
			`/wp-json/wc/store/v1/cart/${ route }`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Nonce: nonce },
				body: JSON.stringify( body ),
			}
		);
		return { status: response.status, body: response.body };
	}

	/** The inline checkout configuration this browser's checkout page would carry. */
	async checkoutConfig(): Promise< {
		endpoint?: string;
		nonce?: string;
		restored?: boolean;
	} > {
		const response = await this.get( '/?cartbay_it_config=1' );
		return JSON.parse( response.body ) as { nonce?: string };
	}

	/** Name and value of the WooCommerce session cookie. */
	get wcCookie(): string {
		const name =
			this.cookieNames.find( ( n ) =>
				n.startsWith( 'wp_woocommerce_session_' )
			) ?? '';
		return name ? `${ name }=${ this.wcSession }` : '';
	}

	/** The woocommerce_sessions key of a guest browser (the customer id in its cookie). */
	get guestKey(): string {
		return decodeURIComponent( this.wcSession ).split( '|' )[ 0 ] ?? '';
	}
}

interface WcRow {
	digest: string;
	expiry: number;
	data: Record< string, unknown >;
}

interface SessionState {
	order_id: number;
	status: string;
	billing_email: string;
	/** The session order's own total as stored (read again from the database). */
	order_total: string;
	meta: Record< string, unknown[] >;
	pending: [ string, unknown[], number ][];
}

const one = ( state: SessionState | null, key: keyof typeof META ): unknown =>
	state?.meta[ META[ key ] ]?.[ 0 ];
const items = (
	state: SessionState | null
): { product_id: number; quantity: number }[] =>
	(
		(
			one( state, 'CART_SNAPSHOT' ) as
				| { items?: { product_id: number; quantity: number }[] }
				| undefined
		 )?.items ?? []
	).map( ( i ) => ( {
		product_id: i.product_id,
		quantity: i.quantity,
	} ) );

export async function hardeningScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-hardening.php': HELPERS,
	} );
	const { base, sku, php } = store;
	const wcRow = ( key: string ): Promise< WcRow | null > =>
		phpCall< WcRow | null >( php, 'cartbay_hardening_wc_row', key );
	const state = ( sessionId: string ): Promise< SessionState | null > =>
		phpCall< SessionState | null >(
			php,
			'cartbay_hardening_state',
			sessionId
		);
	const live = (
		email: string
	): Promise<
		{ session_id: string; status: string; products: number[] }[]
	> => phpCall( php, 'cartbay_hardening_live', email );
	const count = (): Promise< number > =>
		phpCall< number >( php, 'cartbay_hardening_count' );
	const abandon = ( sessionId: string ): Promise< string > =>
		phpCall< string >( php, 'cartbay_hardening_abandon', sessionId );
	let serial = 0;
	const address = ( tag: string ): string =>
		`${ tag }.${ ++serial }@example.test`;
	const shopper = (): Shopper => new Shopper( base );

	try {
		await site.runPhpOrThrow( `
foreach ( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1 ) ) as $o ) { $o->delete( true ); }
as_unschedule_all_actions( '', array(), 'cartbay' );
\\WPAnchorBay\\CartBay\\Jobs\\RecurringJobs::schedule(); // Later suites rely on the recurring jobs.
delete_option( 'cartbay_settings' );
delete_option( 'cartbay_campaign_settings' );
${ shopCouponPhp( 'it-welcome', 2 ) }` );

		for ( const source of [ 'classic', 'block' ] as const ) {
			await t.group(
				`a logged-in customer is captured (${ source }) and keeps their WooCommerce session`,
				async () => {
					const email = address( `member-${ source }` );
					const account = address( `account-${ source }` );
					const login = `member_${ source }_${ serial }`;
					const userId = await php< number >( `
$id = wp_insert_user( array( 'user_login' => ${ phpString( login ) }, 'user_email' => ${ phpString( account ) }, 'user_pass' => ${ phpString( PASSWORD ) }, 'role' => 'customer' ) );
echo wp_json_encode( $id ), "\\n";` );
					const customer = shopper();
					t.check(
						`${ source }: logged in through wp-login.php`,
						await customer.logIn( login, PASSWORD ),
						customer.cookieNames
					);
					await customer.get(
						`/?add-to-cart=${ sku( 'CB-HOODIE' ) }`
					);
					const coupon = await customer.storeApi( 'apply-coupon', {
						code: 'it-welcome',
					} );
					const cart = JSON.parse(
						( await customer.get( '/wp-json/wc/store/v1/cart' ) )
							.body
					) as {
						shipping_rates?: {
							shipping_rates?: { rate_id: string }[];
						}[];
					};
					const rate =
						cart.shipping_rates?.[ 0 ]?.shipping_rates?.[ 0 ]
							?.rate_id ?? '';
					const shipping = await customer.storeApi(
						'select-shipping-rate',
						{ package_id: 0, rate_id: rate }
					);
					t.equal(
						`${ source }: coupon applied and shipping rate ${ rate || '(none)' } chosen through the Store API`,
						[ coupon.status, shipping.status, rate !== '' ],
						[ 200, 200, true ]
					);
					const before = await wcRow( String( userId ) );
					const cookie = customer.wcCookie;
					t.check(
						`${ source }: the customer's woocommerce_sessions row holds the cart, the coupon and the chosen rate`,
						!! before &&
							JSON.stringify( before.data.cart ?? '' ).includes(
								`"product_id":${ sku( 'CB-HOODIE' ) }`
							) &&
							JSON.stringify( before.data.applied_coupons ) ===
								'["it-welcome"]' &&
							JSON.stringify(
								before.data.chosen_shipping_methods
							) === JSON.stringify( [ rate ] ),
						before?.data
					);

					const config = await customer.checkoutConfig();
					const guestConfig = await shopper().checkoutConfig();
					t.check(
						`${ source }: the checkout config carries a REST nonce for the customer, none for a guest`,
						/^[0-9a-f]{10}$/.test( config.nonce ?? '' ) &&
							guestConfig.nonce === undefined,
						{ config, guestConfig }
					);
					const page = await customer.get( '/checkout/' );
					const apiNonce =
						/createNonceMiddleware\(\s*"([0-9a-f]{10})"\s*\)/.exec(
							page.body
						)?.[ 1 ] ?? '';
					t.equal(
						`${ source }: it is WordPress's own wp_rest nonce of this login (the one the page gives wp.apiFetch)`,
						config.nonce,
						apiNonce
					);

					const body = {
						email,
						consent: true,
						source,
						...( source === 'block'
							? {
									cart: {
										items: [
											{
												product_id: sku( 'CB-HOODIE' ),
												quantity: 1,
											},
										],
									},
								}
							: {} ),
					};
					// Page loads update the row; what counts is that the refused requests change nothing.
					const rowBefore = await wcRow( String( userId ) );
					const refused = await customer.captureAs( body );
					const afterRefusal = await wcRow( String( userId ) );
					t.equal(
						`${ source }: without the nonce → 403 cartbay_nonce_required`,
						[ refused.status, refused.data.code ],
						[ 403, 'cartbay_nonce_required' ]
					);
					t.check(
						`${ source }: … the session row is byte for byte as it was and the cookie is kept`,
						!! rowBefore &&
							afterRefusal?.digest === rowBefore.digest &&
							customer.wcCookie === cookie,
						{
							before: rowBefore?.digest,
							after: afterRefusal?.digest,
						}
					);
					t.equal(
						`${ source }: … nothing stored`,
						await live( email ),
						[]
					);

					// The same login cookie and WooCommerce session in a browser that has lost its login cookie (an expired login).
					const stale = shopper();
					const staleAnswer = await stale.request( CAPTURE, {
						method: 'POST',
						headers: {
							'Content-Type': 'application/json',
							Origin: base,
							Cookie: cookie,
						},
						body: JSON.stringify( body ),
					} );
					t.check(
						`${ source }: the customer's session cookie without their login → 403 cartbay_session_user_mismatch, row untouched`,
						staleAnswer.status === 403 &&
							staleAnswer.body.includes(
								'cartbay_session_user_mismatch'
							) &&
							( await wcRow( String( userId ) ) )?.digest ===
								rowBefore?.digest,
						staleAnswer.body.slice( 0, 200 )
					);

					const captured = await customer.captureAs(
						body,
						config.nonce
					);
					const id = String( captured.data.session_id ?? '' );
					const after = await wcRow( String( userId ) );
					const session = await state( id );
					t.check(
						`${ source }: with the nonce → 200 and a session id`,
						captured.status === 200 && SESSION_ID.test( id ),
						captured
					);
					t.equal(
						`${ source }: the session holds the customer's email, source and the real cart`,
						[
							one( session, 'EMAIL' ),
							one( session, 'SOURCE' ),
							items( session ),
						],
						[
							email,
							source,
							[ { product_id: sku( 'CB-HOODIE' ), quantity: 1 } ],
						]
					);
					t.check(
						`${ source }: the woocommerce_sessions row is still there with the same cart, coupon and chosen shipping`,
						!! after &&
							[
								'cart',
								'applied_coupons',
								'chosen_shipping_methods',
							].every(
								( k ) =>
									JSON.stringify( after.data[ k ] ) ===
									JSON.stringify( before?.data[ k ] )
							),
						{ before: before?.data, after: after?.data }
					);
					t.equal(
						`${ source }: the WooCommerce session cookie was neither deleted nor replaced`,
						customer.wcCookie,
						cookie
					);
					const storeCart = await customer.cart();
					t.equal(
						`${ source }: the Store API still shows the cart and its coupon`,
						[
							storeCart.items.map( ( i ) => i.id ),
							storeCart.coupons.map( ( c ) => c.code ),
						],
						[ [ sku( 'CB-HOODIE' ) ], [ 'it-welcome' ] ]
					);
					t.equal(
						`${ source }: the WooCommerce session remembers the CartBay session`,
						after?.data[ WC_KEY.SESSION_ID ?? '' ],
						id
					);
					const classic = await customer.get( '/classic-checkout/' );
					const field =
						/<input[^>]*name="billing_email"[^>]*>/.exec(
							classic.body
						)?.[ 0 ] ?? '';
					t.check(
						`${ source }: classic checkout shows the customer's own account address, not the captured one`,
						field.includes( `value="${ account }"` ),
						field
					);
				}
			);
		}

		await t.group(
			'cross-site form posts and foreign origins are refused and store nothing',
			async () => {
				const email = address( 'csrf' );
				const browser = shopper();
				await browser.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const form = new URLSearchParams( {
					email,
					consent: 'true',
					source: 'classic',
				} ).toString();
				const before = await count();
				const attempts: [ string, Answer, number, string ][] = [
					[
						'a cross-site form post',
						await browser.post(
							CAPTURE,
							form,
							'application/x-www-form-urlencoded',
							{ Origin: FOREIGN, 'Sec-Fetch-Site': 'cross-site' }
						),
						403,
						'cartbay_cross_origin',
					],
					[
						'a form post without Origin',
						await browser.post(
							CAPTURE,
							form,
							'application/x-www-form-urlencoded'
						),
						415,
						'cartbay_unsupported_media_type',
					],
					[
						'a same-origin form post',
						await browser.post(
							CAPTURE,
							form,
							'application/x-www-form-urlencoded',
							{ Origin: base }
						),
						415,
						'cartbay_unsupported_media_type',
					],
					[
						'a text/plain JSON post (no preflight)',
						await browser.post(
							`${ CAPTURE }?${ form }`,
							JSON.stringify( {
								email,
								consent: true,
								source: 'classic',
							} ),
							'text/plain',
							{ Origin: base }
						),
						415,
						'cartbay_unsupported_media_type',
					],
					[
						'JSON with a foreign Origin',
						await browser.capture(
							{ email, consent: true, source: 'classic' },
							{ Origin: FOREIGN }
						),
						403,
						'cartbay_cross_origin',
					],
					[
						'JSON with Origin: null',
						await browser.capture(
							{ email, consent: true, source: 'classic' },
							{ Origin: 'null' }
						),
						403,
						'cartbay_cross_origin',
					],
					[
						'JSON from another port of this host',
						await browser.capture(
							{ email, consent: true, source: 'classic' },
							{
								Origin: `${ new URL( base ).protocol }//${ new URL( base ).hostname }:1`,
							}
						),
						403,
						'cartbay_cross_origin',
					],
					[
						'JSON with Sec-Fetch-Site: cross-site',
						await browser.capture(
							{ email, consent: true, source: 'classic' },
							{ 'Sec-Fetch-Site': 'cross-site' }
						),
						403,
						'cartbay_cross_origin',
					],
				];
				for ( const [ name, answer, status, code ] of attempts ) {
					t.equal(
						`${ name } → ${ status } ${ code }`,
						[ answer.status, answer.data.code ],
						[ status, code ]
					);
				}
				t.equal(
					'nothing stored by any of them',
					[ await count(), await live( email ) ],
					[ before, [] ]
				);
				const withdrawal = await browser.post(
					CAPTURE,
					new URLSearchParams( {
						consent: 'false',
						source: 'classic',
					} ).toString(),
					'application/x-www-form-urlencoded',
					{ Origin: FOREIGN }
				);
				t.equal(
					'a cross-site withdrawal is refused too',
					withdrawal.status,
					403
				);
				const same = await browser.captureAs(
					{ email, consent: true, source: 'classic' },
					'',
					{ 'Sec-Fetch-Site': 'same-origin' }
				);
				t.check(
					"the same JSON from this store's own origin is captured",
					same.status === 200 && ( await live( email ) ).length === 1,
					same
				);
			}
		);

		await t.group(
			"a stranger with the victim's email and products gets nothing of the victim's session",
			async () => {
				const email = address( 'victim' );
				const victim = shopper();
				await victim.get( `/?add-to-cart=${ sku( 'CB-HOODIE' ) }` );
				await victim.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const victimAnswer = await victim.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				const victimId = String( victimAnswer.data.session_id ?? '' );
				const captured = await state( victimId );

				const attacker = shopper();
				await attacker.get(
					`/?add-to-cart=${ sku( 'CB-HOODIE' ) }&quantity=3`
				);
				await attacker.get(
					`/?add-to-cart=${ sku( 'CB-MUG' ) }&quantity=2`
				);
				const first = await attacker.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				const decoy = String( first.data.session_id ?? '' );
				t.check(
					"the attacker gets a 200 shaped like any capture, with an id that is not the victim's",
					first.status === 200 &&
						SESSION_ID.test( decoy ) &&
						decoy !== victimId &&
						JSON.stringify( Object.keys( first.data ) ) ===
							JSON.stringify( Object.keys( victimAnswer.data ) ),
					{ first, victimId }
				);
				const merged = await state( victimId );
				t.equal(
					'no second session for that email and cart',
					( await live( email ) ).map( ( s ) => s.session_id ),
					[ victimId ]
				);
				t.equal(
					"the victim's email, consent record, cart and status are unchanged (other quantities were not taken)",
					[
						one( merged, 'EMAIL' ),
						one( merged, 'CONSENT' ),
						one( merged, 'CONSENT_AT' ),
						one( merged, 'CONSENT_TEXT' ),
						one( merged, 'CART_HASH' ),
						items( merged ),
						merged?.status,
					],
					[
						email,
						one( captured, 'CONSENT' ),
						one( captured, 'CONSENT_AT' ),
						one( captured, 'CONSENT_TEXT' ),
						one( captured, 'CART_HASH' ),
						items( captured ),
						STATUS.captured,
					]
				);
				const again = await attacker.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				t.equal(
					'the attacker keeps seeing one stable id, as for a real session',
					again.data.session_id,
					decoy
				);
				const stolen = await attacker.captureAs( {
					consent: false,
					source: 'classic',
					session_id: victimId,
				} );
				t.equal(
					"the victim's real id from another browser → 403 cartbay_unknown_session",
					[ stolen.status, stolen.data.code ],
					[ 403, 'cartbay_unknown_session' ]
				);

				t.equal(
					"the victim's session is abandoned by its own check",
					await abandon( victimId ),
					STATUS.abandoned
				);
				const abandoned = await state( victimId );
				const sends = ( abandoned?.pending ?? [] ).filter(
					( [ hook ] ) => hook === 'cartbay_send_recovery_email'
				);
				t.equal(
					`… with ${ campaign.steps.length } queued sends`,
					sends.length,
					campaign.steps.length
				);

				const reactivate = await attacker.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				const rewrite = await attacker.captureAs( {
					email: address( 'attacker' ),
					consent: true,
					source: 'classic',
					session_id: decoy,
				} );
				const withdraw = await attacker.captureAs( {
					consent: false,
					source: 'classic',
					session_id: decoy,
				} );
				const fresh = shopper();
				await fresh.get( `/?add-to-cart=${ sku( 'CB-HOODIE' ) }` );
				await fresh.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const reactivateFresh = await fresh.captureAs( {
					email,
					consent: true,
					source: 'block',
					cart: {
						items: [
							{ product_id: sku( 'CB-HOODIE' ), quantity: 7 },
						],
					},
				} );
				const withdrawFresh = await fresh.captureAs( {
					consent: false,
					source: 'block',
				} );
				t.equal(
					'reactivation, email rewrite and withdrawal attempts answer like any capture',
					[
						reactivate.status,
						rewrite.status,
						withdraw.status,
						withdraw.data.session_id,
						reactivateFresh.status,
						withdrawFresh.status,
					],
					[ 200, 200, 200, null, 200, 200 ]
				);
				t.equal(
					"… with the same decoy until the attacker's own session takes it",
					[ reactivate.data.session_id, rewrite.data.session_id ],
					[ decoy, decoy ]
				);
				const after = await state( victimId );
				t.check(
					"the victim's session, email, consent record and three queued emails are exactly as they were",
					JSON.stringify( after ) === JSON.stringify( abandoned ),
					{ before: abandoned, after }
				);
				t.equal(
					"one live session of the victim's email",
					( await live( email ) ).map( ( s ) => [
						s.session_id,
						s.status,
					] ),
					[ [ victimId, STATUS.abandoned ] ]
				);
			}
		);

		await t.group(
			'classic: the cart follows into the owned session without a capture; its restore link rebuilds it',
			async () => {
				const email = address( 'sync' );
				const browser = shopper();
				await browser.get( `/?add-to-cart=${ sku( 'CB-HOODIE' ) }` );
				const captured = await browser.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				const id = String( captured.data.session_id ?? '' );
				const first = await state( id );
				await php(
					`$o = wc_get_order( ${ first?.order_id ?? 0 } ); $o->update_meta_data( '_cartbay_last_activity_at', '1000' ); $o->save_meta_data(); echo 1, "\\n";`
				);

				await browser.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const added = await state( id );
				const expected = await php< {
					hash: string;
					fingerprint: string;
					total: string;
					count: string;
				} >( `
wc_load_cart();
$snapshot = \\WPAnchorBay\\CartBay\\Capture\\CartSnapshot::from_client( array( 'items' => array( array( 'product_id' => ${ sku( 'CB-HOODIE' ) }, 'quantity' => 1 ), array( 'product_id' => ${ sku( 'CB-MUG' ) }, 'quantity' => 1 ) ) ) );
echo wp_json_encode( array( 'hash' => \\WPAnchorBay\\CartBay\\Capture\\CartSnapshot::hash( $snapshot ), 'fingerprint' => \\WPAnchorBay\\CartBay\\Capture\\CartSnapshot::fingerprint( $snapshot ), 'count' => (string) $snapshot['item_count'] ) ), "\\n";` );
				t.equal(
					'?add-to-cart=: the snapshot holds both items',
					items( added ),
					[
						{ product_id: sku( 'CB-HOODIE' ), quantity: 1 },
						{ product_id: sku( 'CB-MUG' ), quantity: 1 },
					].sort( ( a, b ) => a.product_id - b.product_id )
				);
				t.equal(
					'… hash, fingerprint and item count follow',
					[
						one( added, 'CART_HASH' ),
						one( added, 'CART_FINGERPRINT' ),
						one( added, 'CART_ITEM_COUNT' ),
					],
					[ expected.hash, expected.fingerprint, expected.count ]
				);
				t.check(
					'… the total and the last activity follow',
					Number( one( added, 'CART_TOTAL' ) ) >
						Number( one( first, 'CART_TOTAL' ) ) &&
						Number( one( added, 'LAST_ACTIVITY_AT' ) ) > 1000,
					{
						before: one( first, 'CART_TOTAL' ),
						after: one( added, 'CART_TOTAL' ),
						activity: one( added, 'LAST_ACTIVITY_AT' ),
					}
				);
				t.equal(
					'… and the session order’s own total follows the cart total (saved, not only set)',
					added?.order_total,
					Number( one( added, 'CART_TOTAL' ) ).toFixed( 2 )
				);
				t.equal(
					'… and status, email and consent stay',
					[
						added?.status,
						one( added, 'EMAIL' ),
						one( added, 'CONSENT_AT' ),
					],
					[ STATUS.captured, email, one( first, 'CONSENT_AT' ) ]
				);

				const storeAdd = await browser.storeApi( 'add-item', {
					id: sku( 'CB-EBOOK' ),
					quantity: 2,
				} );
				const viaStoreApi = await state( id );
				t.equal(
					'Store API add-item: the snapshot follows',
					[
						storeAdd.status,
						items( viaStoreApi ).find(
							( i ) => i.product_id === sku( 'CB-EBOOK' )
						)?.quantity,
					],
					[ 201, 2 ]
				);
				const cart = await browser.cart();
				const ebookKey =
					(
						cart.items as unknown as { id: number; key: string }[]
					 ).find( ( i ) => i.id === sku( 'CB-EBOOK' ) )?.key ?? '';
				const quantity = await browser.storeApi( 'update-item', {
					key: ebookKey,
					quantity: 3,
				} );
				t.equal(
					'Store API update-item (quantity): the snapshot follows',
					[
						quantity.status,
						items( await state( id ) ).find(
							( i ) => i.product_id === sku( 'CB-EBOOK' )
						)?.quantity,
					],
					[ 200, 3 ]
				);
				const removed = await browser.storeApi( 'remove-item', {
					key: ebookKey,
				} );
				t.equal(
					'Store API remove-item: the snapshot follows',
					[
						removed.status,
						items( await state( id ) ).map( ( i ) => i.product_id ),
					],
					[
						200,
						[ sku( 'CB-HOODIE' ), sku( 'CB-MUG' ) ].sort(
							( a, b ) => a - b
						),
					]
				);

				const page = await browser.get( '/classic-checkout/' );
				const field =
					/<input[^>]*name="billing_email"[^>]*>/.exec(
						page.body
					)?.[ 0 ] ?? '';
				t.check(
					'the classic checkout page has the email prefilled for the owning browser',
					field.includes( `value="${ email }"` ),
					field
				);
				const stranger = shopper();
				await stranger.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const strangerField =
					/<input[^>]*name="billing_email"[^>]*>/.exec(
						( await stranger.get( '/classic-checkout/' ) ).body
					)?.[ 0 ] ?? '';
				t.check(
					'… and not for another browser',
					strangerField !== '' && ! strangerField.includes( email ),
					strangerField
				);

				t.equal(
					'made abandoned by its own check',
					await abandon( id ),
					STATUS.abandoned
				);
				const link = await php< string >( `
$repo  = \\WPAnchorBay\\CartBay\\Core\\Plugin::instance()->service( \\WPAnchorBay\\CartBay\\Data\\SessionRepository::class );
$order = $repo->find( ${ phpString( id ) } );
$url   = \\WPAnchorBay\\CartBay\\Recovery\\RecoveryLinks::issue_restore( $order );
$repo->save( $order );
echo wp_json_encode( $url ), "\\n";` );
				const other = shopper();
				const restored = await other.get(
					`${ new URL( link ).pathname }${ new URL( link ).search }`
				);
				const rebuilt = await other.cart();
				t.check(
					'its restore link (issued with RecoveryLinks) rebuilds both items in another browser',
					restored.status === 302 &&
						new URL( link ).searchParams.has( RESTORE ) &&
						JSON.stringify(
							rebuilt.items
								.map( ( i ) => [ i.id, i.quantity ] )
								.sort(
									( a, b ) =>
										Number( a[ 0 ] ) - Number( b[ 0 ] )
								)
						) ===
							JSON.stringify(
								[
									[ sku( 'CB-HOODIE' ), 1 ],
									[ sku( 'CB-MUG' ), 1 ],
								].sort(
									( a, b ) =>
										Number( a[ 0 ] ) - Number( b[ 0 ] )
								)
							),
					{ status: restored.status, items: rebuilt.items }
				);
			}
		);

		await t.group(
			'untracked shoppers pay nothing for the cart sync',
			async () => {
				const traced = async (
					browser: Shopper,
					path: string
				): Promise< string[] > => {
					const id = `t${ ++serial }`;
					await browser.get( path, { [ TRACE_HEADER ]: id } );
					return readTrace( site, id );
				};
				const untracked = shopper();
				await untracked.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				const queries = await traced(
					untracked,
					`/?add-to-cart=${ sku( 'CB-HOODIE' ) }`
				);
				t.check(
					"an untracked shopper's add-to-cart makes no CartBay query",
					queries.length > 0 &&
						! queries.some( ( q ) => q.includes( '_cartbay_' ) ),
					queries.filter( ( q ) => q.includes( '_cartbay_' ) )
				);
				const tracked = shopper();
				await tracked.get( `/?add-to-cart=${ sku( 'CB-MUG' ) }` );
				await tracked.captureAs( {
					email: address( 'traced' ),
					consent: true,
					source: 'classic',
				} );
				const trackedQueries = await traced(
					tracked,
					`/?add-to-cart=${ sku( 'CB-HOODIE' ) }`
				);
				t.check(
					'(the trace sees the sync of a tracked shopper)',
					trackedQueries.some( ( q ) => q.includes( '_cartbay_' ) ),
					trackedQueries.length
				);
			}
		);

		await t.group(
			`one email never has more than ${ recipientLimits.maxLiveSessionsPerEmail } live sessions`,
			async () => {
				const email = address( 'limit' );
				const sets: [ string, number ][][] = [
					[ [ 'CB-HOODIE', 1 ] ],
					[ [ 'CB-MUG', 1 ] ],
					[ [ 'CB-EBOOK', 1 ] ],
					[ [ 'CB-CAP', 1 ] ],
					[
						[ 'CB-HOODIE', 1 ],
						[ 'CB-MUG', 1 ],
					],
					[
						[ 'CB-MUG', 1 ],
						[ 'CB-EBOOK', 1 ],
					],
					[
						[ 'CB-HOODIE', 1 ],
						[ 'CB-CAP', 1 ],
					],
				];
				const answers: Answer[] = [];
				const browsers: Shopper[] = [];
				for ( const set of sets ) {
					const browser = shopper();
					for ( const [ name, quantity ] of set ) {
						await browser.get(
							`/?add-to-cart=${ sku( name ) }&quantity=${ quantity }`
						);
					}
					browsers.push( browser );
					answers.push(
						await browser.captureAs( {
							email,
							consent: true,
							source: 'classic',
						} )
					);
				}
				const sessions = await live( email );
				t.equal(
					`${ sets.length } captures with ${ sets.length } product sets → ${ recipientLimits.maxLiveSessionsPerEmail } live sessions`,
					sessions.length,
					recipientLimits.maxLiveSessionsPerEmail
				);
				t.check(
					'every answer is a 200 with an id, whether stored or not',
					answers.every(
						( a ) =>
							a.status === 200 &&
							SESSION_ID.test( String( a.data.session_id ) )
					),
					answers.map( ( a ) => a.status )
				);
				t.check(
					'the stored ones are the first ones',
					sessions.every( ( s ) =>
						answers
							.slice( 0, recipientLimits.maxLiveSessionsPerEmail )
							.some( ( a ) => a.data.session_id === s.session_id )
					),
					{
						sessions,
						answers: answers.map( ( a ) => a.data.session_id ),
					}
				);
				const owner = browsers[ 0 ]!;
				await owner.get( `/?add-to-cart=${ sku( 'CB-TEE-M' ) }` );
				const ownUpdate = await owner.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				t.check(
					'an owner still updates its own session beyond the limit',
					ownUpdate.data.session_id ===
						answers[ 0 ]?.data.session_id &&
						( await live( email ) ).length ===
							recipientLimits.maxLiveSessionsPerEmail,
					ownUpdate
				);
				const mover = shopper();
				await mover.get( `/?add-to-cart=${ sku( 'CB-CAP' ) }` );
				const moverFirst = await mover.captureAs( {
					email: address( 'mover' ),
					consent: true,
					source: 'classic',
				} );
				const moved = await mover.captureAs( {
					email,
					consent: true,
					source: 'classic',
				} );
				const moverState = await state(
					String( moverFirst.data.session_id )
				);
				t.check(
					'moving a session to an email at the limit stores nothing of that email (same answer)',
					moved.status === 200 &&
						moved.data.session_id === moverFirst.data.session_id &&
						one( moverState, 'EMAIL' ) !== email &&
						( await live( email ) ).length ===
							recipientLimits.maxLiveSessionsPerEmail,
					{ moved, email: one( moverState, 'EMAIL' ) }
				);
			}
		);
	} finally {
		await store.close();
	}
}
