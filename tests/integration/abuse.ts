/**
 * Abuse limits and unsubscribe over real HTTP (php -S) and real WooCommerce: rate limits count failures
 * (not valid links, not successful captures), atomically; signed restore and unsubscribe links skip the
 * limiter and verify without a lookup; unsubscribe needs a POST (a scanner's GET or a HEAD changes
 * nothing) and works after its session is gone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { captureLimits } from '../../plugin/schema';
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpString } from '../support/php';
import {
	CANCEL,
	EVENT,
	NOTIFICATION,
	OPTION,
	POST_TYPE,
	QUERY_ARG,
	STATUS,
	TRANSIENT,
} from '../support/schema-names';
import {
	addresses,
	openStore,
	readTrace,
	REAL_RATE_LIMIT,
	recoveryFixtures,
	type RecoveryFixture,
	RECOVERY_TEST_HELPERS,
	TRACE_HEADER,
} from '../support/store-fixtures';
import { CAPTURE_PATH, HttpShopper as Shopper } from './http-shopper';

const RESTORE = QUERY_ARG.RESTORE;
const UNSUBSCRIBE = QUERY_ARG.UNSUBSCRIBE;
const UNSUBSCRIBE_CONFIRM = QUERY_ARG.UNSUBSCRIBE_CONFIRM;
const KEY_OPTION = OPTION.UNSUBSCRIBE_KEY;
const RL_PREFIX = TRANSIENT.RATE_LIMIT_PREFIX;
const SUPPRESSED = POST_TYPE.SUPPRESSED;
const LIMIT = captureLimits.rateLimitRequests;
/** Requests with this header get the real limit (the test store raises it for every other request). */
const REAL_LIMIT = REAL_RATE_LIMIT;
const ONE_CLICK = 'List-Unsubscribe=One-Click';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

const sha256 = ( value: string ): string =>
	createHash( 'sha256' ).update( value ).digest( 'hex' );
const base64url = ( bytes: Buffer ): string =>
	bytes
		.toString( 'base64' )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
/** A token of the signed shape (43 + 22 URL-safe characters) whose MAC is made up. */
const forgedSigned = (): string =>
	base64url( randomBytes( 32 ) ) + base64url( randomBytes( 16 ) );
/** A token of the older unsigned shape (32 random bytes), never issued. */
const randomUnsigned = (): string => base64url( randomBytes( 32 ) );

interface Answer {
	status: number;
	headers: Headers;
	body: string;
}

const address = addresses( 'abuse-' );

function tokenOf( link: string, name: string ): string {
	return new URL( link ).searchParams.get( name ) ?? '';
}

export async function abuseScenarios( t: Checks, site: Site ): Promise< void > {
	const store = await openStore( site, {
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
	} );
	const { base, sku, php } = store;
	const { session, state, wcLogs } = recoveryFixtures( php );
	const bucketKey = ( endpoint: string ): string =>
		`${ RL_PREFIX }${ endpoint }_${ createHash( 'md5' ).update( '127.0.0.1' ).digest( 'hex' ) }`;
	/**
	 * The stored count of a bucket (uncached, as the limiter reads it).
	 * @param endpoint
	 */
	const count = ( endpoint: string ): Promise< number > =>
		php< number >(
			`global $wpdb; echo wp_json_encode( (int) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", ${ phpString( `_transient_${ bucketKey( endpoint ) }` ) } ) ) ), "\\n";`
		);
	const resetBucket = ( endpoint: string ): Promise< unknown > =>
		php(
			`delete_transient( ${ phpString( bucketKey( endpoint ) ) } ); echo "1\\n";`
		);
	/**
	 * Suppression records of an email (by its hash) and how many CartBay sessions exist.
	 * @param email
	 */
	const suppression = ( email: string ): Promise< { records: string[] } > =>
		php< { records: string[] } >( `
$posts = get_posts( array( 'post_type' => ${ phpString( SUPPRESSED ) }, 'post_status' => 'any', 'numberposts' => -1, 'name' => ${ phpString( sha256( email.toLowerCase() ) ) } ) );
echo wp_json_encode( array( 'records' => array_map( fn ( $p ) => $p->post_name . '|' . $p->post_title, $posts ) ) ), "\\n";` );
	const sessionCount = (): Promise< number > =>
		php< number >(
			`echo count( wc_get_orders( array( 'created_via' => 'cartbay', 'status' => array_keys( wc_get_order_statuses() ), 'limit' => -1, 'return' => 'ids' ) ) ), "\\n";`
		);
	const logs = async (): Promise< string > =>
		`${ await wcLogs() }\n${ site.readDebugLog() }`;

	/**
	 * One request, headers kept (redirects observed, not followed).
	 * @param path
	 * @param init
	 */
	const http = async (
		path: string,
		init: RequestInit = {}
	): Promise< Answer > => {
		const response = await fetch(
			path.startsWith( 'http' ) ? path : `${ base }${ path }`,
			{ redirect: 'manual', ...init }
		);
		return {
			status: response.status,
			headers: response.headers,
			body: await response.text(),
		};
	};
	let traces = 0;
	/**
	 * A request whose SQL queries are recorded; returns the answer and the queries.
	 * @param path
	 * @param init
	 */
	const traced = async (
		path: string,
		init: RequestInit = {}
	): Promise< Answer & { queries: string[] } > => {
		const id = `t${ process.pid }x${ ++traces }`;
		const answer = await http( path, {
			...init,
			headers: {
				...( ( init.headers as Record< string, string > ) ?? {} ),
				[ TRACE_HEADER ]: id,
			},
		} );
		return { ...answer, queries: await readTrace( site, id ) };
	};
	const mentions = ( queries: string[], metaKey: string ): boolean =>
		queries.some( ( q ) => q.includes( `'${ metaKey }'` ) );
	const noReferrer = ( answer: Answer ): boolean =>
		answer.headers.get( 'referrer-policy' ) === 'no-referrer';

	const tokensSeen: string[] = [];
	const emailsSeen: string[] = [];
	const pathOf = ( link: string ): string => {
		const url = new URL( link );
		return `${ url.pathname }${ url.search }`;
	};
	const restorePath = ( token: string ): string =>
		`/?${ RESTORE }=${ encodeURIComponent( token ) }`;
	const unsubscribePath = ( token: string ): string =>
		`/?${ UNSUBSCRIBE }=${ encodeURIComponent( token ) }`;
	/**
	 * Adds an older unsigned link (as issued before signing) to a session: 'restore' or 'unsubscribe'.
	 * @param id
	 * @param kind
	 */
	const legacyToken = (
		id: number,
		kind: 'restore' | 'unsubscribe'
	): Promise< string > =>
		php< string >( `
$o     = wc_get_order( ${ id } );
$token = \\WPAnchorBay\\CartBay\\Security\\TokenHelper::generate();
$hash  = hash( 'sha256', $token );
if ( 'restore' === ${ phpString( kind ) } ) {
	$hashes = (array) $o->get_meta( '_cartbay_token_hashes' );
	$hashes[ $hash ] = array( 'expires_at' => time() + DAY_IN_SECONDS, 'notification_id' => '' );
	$o->update_meta_data( '_cartbay_token_hashes', $hashes );
	$o->add_meta_data( '_cartbay_token_hash', $hash );
} else {
	$o->add_meta_data( '_cartbay_unsub_token_hash', $hash );
}
$o->save();
echo wp_json_encode( $token ), "\\n";` );

	try {
		await t.group(
			'the link key: a 64-character secret in a non-autoloaded option, created on first use',
			async () => {
				// Links issued by earlier suites stop verifying; every link below is issued after this.
				await php(
					`delete_option( ${ phpString( KEY_OPTION ) } ); echo "1\\n";`
				);
				t.equal(
					'no key before the first link',
					await php< boolean >(
						`echo wp_json_encode( false !== get_option( ${ phpString( KEY_OPTION ) } ) ), "\\n";`
					),
					false
				);
				await session( {
					email: address( 'key' ),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				const key = await php< {
					length: number;
					hex: boolean;
					autoload: string;
					in_alloptions: boolean;
					value: string;
				} >( `
global $wpdb;
$row = $wpdb->get_row( $wpdb->prepare( "SELECT option_value, autoload FROM {$wpdb->options} WHERE option_name = %s", ${ phpString( KEY_OPTION ) } ), ARRAY_A );
wp_cache_delete( 'alloptions', 'options' );
echo wp_json_encode( array( 'length' => strlen( (string) $row['option_value'] ), 'hex' => 1 === preg_match( '/^[0-9a-f]+$/', (string) $row['option_value'] ), 'autoload' => $row['autoload'], 'in_alloptions' => array_key_exists( ${ phpString( KEY_OPTION ) }, wp_load_alloptions() ), 'value' => $row['option_value'] ) ), "\\n";` );
				t.equal(
					'64 hex characters, autoload off, not in alloptions',
					[ key.length, key.hex, key.autoload, key.in_alloptions ],
					[ 64, true, 'off', false ]
				);
				tokensSeen.push( key.value );
			}
		);

		await t.group(
			`restore: ${ LIMIT } bogus hits fill the window, a valid link still restores, the next bogus hit gets 429 before any lookup`,
			async () => {
				await resetBucket( 'restore' );
				const email = address( 'restore' );
				emailsSeen.push( email );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const legacy = await session( {
					email: address( 'legacy-restore' ),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				const legacyToken1 = await legacyToken( legacy.id, 'restore' );
				const token = tokenOf( fixture.restore, RESTORE );
				tokensSeen.push( token, legacyToken1 );

				// An older unsigned link that is valid does not count.
				const legacyShopper = new Shopper( base );
				const legacyOpened = await legacyShopper.get(
					restorePath( legacyToken1 ),
					REAL_LIMIT
				);
				t.check(
					'an older unsigned valid link restores (302 to checkout) and is not counted',
					legacyOpened.status === 302 &&
						! /cart/.test(
							new URL( legacyOpened.location, base ).pathname
						) &&
						( await count( 'restore' ) ) === 0,
					{
						legacyOpened: legacyOpened.location,
						count: await count( 'restore' ),
					}
				);

				const bogus = [
					forgedSigned(),
					randomUnsigned(),
					'short',
					'<script>x</script>',
					`${ token.slice( 0, -1 ) }${ token.endsWith( 'A' ) ? 'B' : 'A' }`,
				];
				const statuses: number[] = [];
				let underLimit: Answer & { queries: string[] } = {
					status: 0,
					headers: new Headers(),
					body: '',
					queries: [],
				};
				let forgedTrace: Answer & { queries: string[] } = underLimit;
				for ( let i = 0; i < LIMIT; i++ ) {
					const value = bogus[ i % bogus.length ]!;
					tokensSeen.push( value );
					if ( i === 1 ) {
						underLimit = await traced( restorePath( value ), {
							headers: REAL_LIMIT,
						} );
						statuses.push( underLimit.status );
					} else if ( i === 0 ) {
						forgedTrace = await traced( restorePath( value ), {
							headers: REAL_LIMIT,
						} );
						statuses.push( forgedTrace.status );
					} else {
						statuses.push(
							(
								await http( restorePath( value ), {
									headers: REAL_LIMIT,
								} )
							).status
						);
					}
				}
				t.equal(
					`${ LIMIT } bogus hits: each redirected (302), none refused for the rate`,
					statuses,
					Array< number >( LIMIT ).fill( 302 )
				);
				t.equal(
					`the window counts ${ LIMIT } failures`,
					await count( 'restore' ),
					LIMIT
				);
				t.check(
					'an unsigned unknown token is looked up (control: the trace sees lookups)',
					mentions( underLimit.queries, '_cartbay_token_hash' ),
					underLimit.queries.length
				);
				t.check(
					'a forged signed token fails its MAC without a lookup (and is counted)',
					forgedTrace.queries.length > 0 &&
						! mentions(
							forgedTrace.queries,
							'_cartbay_token_hash'
						),
					forgedTrace.queries.filter( ( q ) =>
						q.includes( 'cartbay_token' )
					)
				);

				const shopper = new Shopper( base );
				const opened = await shopper.get(
					pathOf( fixture.restore ),
					REAL_LIMIT
				);
				const cart = await shopper.cart();
				t.check(
					'the valid signed link restores: 302 to checkout, the saved cart',
					opened.status === 302 &&
						cart.items.map( ( i ) => i.id ).join() ===
							String( sku( 'CB-HOODIE' ) ),
					{
						status: opened.status,
						location: opened.location,
						items: cart.items.map( ( i ) => i.id ),
					}
				);
				t.equal(
					'the valid link was not counted',
					await count( 'restore' ),
					LIMIT
				);

				const blocked = await traced( restorePath( randomUnsigned() ), {
					headers: REAL_LIMIT,
				} );
				t.check(
					`bogus hit ${ LIMIT + 1 }: 429, Retry-After, a wait page`,
					blocked.status === 429 &&
						Number( blocked.headers.get( 'retry-after' ) ) > 0 &&
						/Too many attempts/.test( blocked.body ),
					{
						status: blocked.status,
						retryAfter: blocked.headers.get( 'retry-after' ),
						body: blocked.body.slice( 0, 200 ),
					}
				);
				t.check(
					'… refused before any lookup (no session query)',
					blocked.queries.length > 0 &&
						! mentions( blocked.queries, '_cartbay_token_hash' ),
					blocked.queries.filter( ( q ) =>
						q.includes( 'cartbay_token' )
					)
				);
				const legacyBlocked = await http(
					restorePath( await legacyToken( legacy.id, 'restore' ) ),
					{ headers: REAL_LIMIT }
				);
				t.equal(
					'an older unsigned link is limited like any unsigned token (429 while the window is full)',
					legacyBlocked.status,
					429
				);
				const second = await session( {
					email: address( 'restore-2' ),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				tokensSeen.push( tokenOf( second.restore, RESTORE ) );
				const stillValid = await new Shopper( base ).get(
					pathOf( second.restore ),
					REAL_LIMIT
				);
				t.check(
					'another valid signed link from the same blocked address still restores',
					stillValid.status === 302 &&
						! /cart/.test(
							new URL( stillValid.location, base ).pathname
						),
					stillValid.location
				);
				t.check(
					'restore answers send Referrer-Policy: no-referrer (redirect, 429)',
					noReferrer( blocked ) &&
						noReferrer( await http( pathOf( second.restore ) ) ),
					blocked.headers.get( 'referrer-policy' )
				);
				await resetBucket( 'restore' );
			}
		);

		await t.group(
			'restore: HEAD does nothing (no cart, no click, no event)',
			async () => {
				const fixture = await session( {
					email: address( 'head' ),
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				tokensSeen.push( tokenOf( fixture.restore, RESTORE ) );
				const before = await state( fixture.id );
				const head = await http( pathOf( fixture.restore ), {
					method: 'HEAD',
				} );
				const after = await state( fixture.id );
				t.check(
					'HEAD: 200, no redirect, Referrer-Policy: no-referrer',
					head.status === 200 &&
						! head.headers.get( 'location' ) &&
						noReferrer( head ),
					{
						status: head.status,
						location: head.headers.get( 'location' ),
					}
				);
				t.equal(
					'the session is unchanged: no event, no click on the notification',
					after,
					before
				);
				const opened = await new Shopper( base ).get(
					pathOf( fixture.restore )
				);
				const clicked = await state( fixture.id );
				t.check(
					'a GET afterwards restores as usual (control)',
					opened.status === 302 &&
						clicked !== null &&
						clicked.events.includes( EVENT.RESTORE_CLICKED! ),
					clicked?.events
				);
			}
		);

		await t.group(
			'capture: each refusal counts once, successes not at all',
			async () => {
				await resetBucket( 'capture' );
				const post = ( body: unknown ): Promise< Answer > =>
					http( CAPTURE_PATH, {
						method: 'POST',
						headers: {
							'Content-Type': 'application/json',
							...REAL_LIMIT,
						},
						body: JSON.stringify( body ),
					} );
				const invalid = [
					await post( { consent: true, source: 'not-a-checkout' } ),
					await post( { consent: 'yes', source: 'classic' } ),
					await post( {
						consent: true,
						source: 'classic',
						email: 'not an email',
					} ),
				];
				t.check(
					'refused by WordPress before the permission callback: 400 each',
					invalid.every( ( a ) => a.status === 400 ),
					invalid.map( ( a ) => a.status )
				);
				t.equal(
					'… counted once each (the Allow header does not count again)',
					await count( 'capture' ),
					invalid.length
				);
				const empty = await post( {
					consent: true,
					source: 'classic',
					email: 'empty-cart@example.test',
				} );
				const withdrawn = await post( {
					consent: false,
					source: 'classic',
				} );
				t.equal(
					'an empty cart (400) counts, a withdrawal (200) does not',
					[
						empty.status,
						withdrawn.status,
						await count( 'capture' ),
					],
					[ 400, 200, invalid.length + 1 ]
				);
				await resetBucket( 'capture' );
			}
		);

		await t.group(
			`restore and capture: ${ LIMIT * 4 } parallel bogus requests let at most ${ LIMIT } through`,
			async () => {
				await resetBucket( 'restore' );
				await resetBucket( 'capture' );
				const restores = await Promise.all(
					Array.from( { length: LIMIT * 4 }, () =>
						http( restorePath( randomUnsigned() ), {
							headers: REAL_LIMIT,
						} )
					)
				);
				const restorePassed = restores.filter(
					( r ) => r.status !== 429
				).length;
				t.check(
					`restore: at most ${ LIMIT } answered other than 429`,
					restorePassed >= 1 && restorePassed <= LIMIT,
					restores.map( ( r ) => r.status ).join( ',' )
				);
				const bodies = [
					(): string =>
						JSON.stringify( {
							consent: true,
							source: 'classic',
							email: 'parallel@example.test',
							session_id: base64url( randomBytes( 24 ) )
								.replace( /[-_]/g, 'a' )
								.slice( 0, captureLimits.sessionIdLength ),
						} ),
					(): string =>
						JSON.stringify( {
							consent: true,
							source: 'block',
							email: 'parallel@example.test',
						} ),
				];
				const captures = await Promise.all(
					Array.from( { length: LIMIT * 4 }, ( _, i ) =>
						http( CAPTURE_PATH, {
							method: 'POST',
							headers: {
								'Content-Type': 'application/json',
								...REAL_LIMIT,
							},
							body: bodies[ i % 2 ]!(),
						} )
					)
				);
				const passed = captures.filter( ( r ) => r.status !== 429 );
				t.check(
					`capture: at most ${ LIMIT } answered other than 429, each a 4xx refusal`,
					passed.length >= 1 &&
						passed.length <= LIMIT &&
						passed.every(
							( r ) => r.status >= 400 && r.status < 500
						),
					captures.map( ( r ) => r.status ).join( ',' )
				);
				t.check(
					`the capture window holds at most ${ LIMIT }`,
					( await count( 'capture' ) ) <= LIMIT,
					await count( 'capture' )
				);
				const blocked = await traced( CAPTURE_PATH, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						...REAL_LIMIT,
					},
					body: bodies[ 0 ]!(),
				} );
				t.check(
					'a blocked capture window answers 429 with Retry-After before any session lookup',
					blocked.status === 429 &&
						Number( blocked.headers.get( 'retry-after' ) ) > 0 &&
						blocked.queries.length > 0 &&
						! blocked.queries.some( ( q ) =>
							q.includes( "'_cartbay_" )
						),
					{
						status: blocked.status,
						lookups: blocked.queries.filter( ( q ) =>
							q.includes( "'_cartbay_" )
						),
					}
				);
				await resetBucket( 'restore' );
				await resetBucket( 'capture' );
			}
		);

		await t.group(
			"unsubscribe: HEAD, a link scanner's GET and other methods change nothing",
			async () => {
				const email = address( 'scanner' );
				emailsSeen.push( email );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				tokensSeen.push( tokenOf( fixture.unsubscribe, UNSUBSCRIBE ) );
				const before = await state( fixture.id );
				const head = await http( pathOf( fixture.unsubscribe ), {
					method: 'HEAD',
				} );
				const scan = await http( pathOf( fixture.unsubscribe ), {
					headers: {
						'User-Agent':
							'Mozilla/5.0 (compatible; LinkScanner/1.0; +https://scanner.example)',
					},
				} );
				const put = await http( pathOf( fixture.unsubscribe ), {
					method: 'PUT',
					headers: FORM,
					body: ONE_CLICK,
				} );
				const emptyPost = await http( pathOf( fixture.unsubscribe ), {
					method: 'POST',
					headers: FORM,
					body: 'something=else',
				} );
				const after = await state( fixture.id );
				t.check(
					'HEAD: 200, empty; PUT: 405',
					head.status === 200 &&
						head.body === '' &&
						put.status === 405,
					{ head: head.status, put: put.status }
				);
				t.check(
					'GET: 200, a form that POSTs back to the link, with a labelled submit button',
					scan.status === 200 &&
						/<form[^>]*method="post"[^>]*action="[^"]*cartbay_unsubscribe=/.test(
							scan.body
						) &&
						new RegExp( `name="${ UNSUBSCRIBE_CONFIRM }"` ).test(
							scan.body
						) &&
						/<button type="submit"[^>]*>[^<]*Unsubscribe[^<]*<\/button>/.test(
							scan.body
						),
					scan.body.slice( 0, 1500 )
				);
				t.check(
					'a POST asking for nothing shows the form again',
					emptyPost.status === 200 && /<form/.test( emptyPost.body ),
					emptyPost.status
				);
				t.equal(
					'the session, its sends and notification are unchanged; no suppression record',
					[ after, ( await suppression( email ) ).records ],
					[ before, [] ]
				);
				t.check(
					'Referrer-Policy: no-referrer on HEAD and GET',
					noReferrer( head ) && noReferrer( scan ),
					[
						head.headers.get( 'referrer-policy' ),
						scan.headers.get( 'referrer-policy' ),
					]
				);
			}
		);

		/**
		 * Checks that an email is unsubscribed: one record named by its hash, sessions suppressed, sends canceled.
		 * @param label
		 * @param email
		 * @param ids
		 */
		const expectUnsubscribed = async (
			label: string,
			email: string,
			ids: number[]
		): Promise< void > => {
			const hash = sha256( email.toLowerCase() );
			t.equal(
				`${ label }: one suppression record, named by the email's hash`,
				( await suppression( email ) ).records,
				[ `${ hash }|${ hash }` ]
			);
			for ( const id of ids ) {
				const s = await state( id );
				t.equal(
					`${ label }: session #${ id } suppressed, one unsubscribed event, no pending send, notification canceled`,
					[
						s?.status,
						s?.events.filter( ( e ) => e === EVENT.UNSUBSCRIBED )
							.length,
						s?.pending_sends,
						s?.notifications[ 0 ]?.status,
						s?.notifications[ 0 ]?.cancel_reason,
					],
					[
						STATUS.suppressed,
						1,
						0,
						NOTIFICATION.CANCELED,
						CANCEL.UNSUBSCRIBED,
					]
				);
			}
		};

		await t.group(
			"unsubscribe: the confirmation form's POST suppresses the email and every live session; idempotent",
			async () => {
				const email = address( 'Confirm' );
				emailsSeen.push( email, email.toLowerCase() );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const sibling = await session( {
					email: email.toLowerCase(),
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				tokensSeen.push( tokenOf( fixture.unsubscribe, UNSUBSCRIBE ) );
				const form = await http( pathOf( fixture.unsubscribe ) );
				const action = (
					/<form[^>]*action="([^"]+)"/.exec( form.body )?.[ 1 ] ?? ''
				).replace( /&amp;/g, '&' );
				const posted = await http(
					action || pathOf( fixture.unsubscribe ),
					{
						method: 'POST',
						headers: FORM,
						body: `${ UNSUBSCRIBE_CONFIRM }=1`,
					}
				);
				t.check(
					'POST from the form: 200 with the confirmation page, Referrer-Policy: no-referrer',
					posted.status === 200 &&
						/You are unsubscribed/.test( posted.body ) &&
						noReferrer( posted ),
					{ status: posted.status, body: posted.body.slice( 0, 300 ) }
				);
				await expectUnsubscribed( 'confirmation POST', email, [
					fixture.id,
					sibling.id,
				] );
				const again = await http( pathOf( fixture.unsubscribe ), {
					method: 'POST',
					headers: FORM,
					body: `${ UNSUBSCRIBE_CONFIRM }=1`,
				} );
				const reopened = await http( pathOf( fixture.unsubscribe ) );
				t.check(
					'a second POST: 200 again; opening the link now says so without a form',
					again.status === 200 &&
						reopened.status === 200 &&
						/You are unsubscribed/.test( reopened.body ) &&
						! /<form/.test( reopened.body ),
					{
						again: again.status,
						reopened: reopened.body.slice( 0, 200 ),
					}
				);
				await expectUnsubscribed( 'after the second POST', email, [
					fixture.id,
					sibling.id,
				] );
			}
		);

		await t.group(
			`unsubscribe: ${ LIMIT * 2 } one-click POSTs (different emails) from one address all succeed`,
			async () => {
				await resetBucket( 'unsubscribe' );
				const emails = Array.from( { length: LIMIT * 2 }, () =>
					address( 'oneclick' )
				);
				emailsSeen.push( ...emails );
				const fixtures = await php< RecoveryFixture[] >( `
$out = array();
foreach ( json_decode( ${ phpString( JSON.stringify( emails ) ) }, true ) as $email ) {
	$out[] = cartbay_test_session( array( 'email' => $email, 'items' => array( array( 'CB-MUG', 1 ) ) ) );
}
echo wp_json_encode( $out ), "\\n";` );
				const answers: Answer[] = [];
				for ( const fixture of fixtures ) {
					tokensSeen.push(
						tokenOf( fixture.unsubscribe, UNSUBSCRIBE )
					);
					answers.push(
						await http( pathOf( fixture.unsubscribe ), {
							method: 'POST',
							headers: { ...FORM, ...REAL_LIMIT },
							body: ONE_CLICK,
						} )
					);
				}
				t.equal(
					'every one-click POST: 200',
					answers.map( ( a ) => a.status ),
					Array< number >( emails.length ).fill( 200 )
				);
				t.check(
					'one-click answers are bare text with Referrer-Policy: no-referrer',
					answers.every(
						( a ) =>
							/text\/plain/.test(
								a.headers.get( 'content-type' ) ?? ''
							) && noReferrer( a )
					),
					answers[ 0 ]?.headers.get( 'content-type' )
				);
				const states = await Promise.all(
					fixtures.map( ( f ) => state( f.id ) )
				);
				t.check(
					'every session suppressed with its sends canceled',
					states.every(
						( s ) =>
							s?.status === STATUS.suppressed &&
							s?.pending_sends === 0 &&
							s?.notifications[ 0 ]?.status ===
								NOTIFICATION.CANCELED
					),
					states.map( ( s ) => s?.status )
				);
				t.equal(
					'signed links were never counted',
					await count( 'unsubscribe' ),
					0
				);
				await expectUnsubscribed(
					'one-click (first email)',
					emails[ 0 ]!,
					[ fixtures[ 0 ]!.id ]
				);
				const repeat = await http(
					pathOf( fixtures[ 0 ]!.unsubscribe ),
					{ method: 'POST', headers: FORM, body: ONE_CLICK }
				);
				t.equal( 'a repeated one-click POST: 200', repeat.status, 200 );
				await expectUnsubscribed( 'one-click repeated', emails[ 0 ]!, [
					fixtures[ 0 ]!.id,
				] );
			}
		);

		await t.group(
			'unsubscribe: a link whose session was deleted still unsubscribes; later captures of that email store nothing',
			async () => {
				const email = address( 'pruned' );
				emailsSeen.push( email );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				tokensSeen.push( tokenOf( fixture.unsubscribe, UNSUBSCRIBE ) );
				await php(
					`wc_get_order( ${ fixture.id } )->delete( true ); echo "1\\n";`
				);
				const later = await session( {
					email,
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				t.equal(
					'the session is gone',
					await state( fixture.id ),
					null
				);
				const posted = await http( pathOf( fixture.unsubscribe ), {
					method: 'POST',
					headers: FORM,
					body: ONE_CLICK,
				} );
				t.equal(
					"one-click POST of the pruned session's link: 200",
					posted.status,
					200
				);
				await expectUnsubscribed( 'pruned session', email, [
					later.id,
				] );
				const before = await sessionCount();
				const shopper = new Shopper( base );
				await shopper.get( `/?add-to-cart=${ sku( 'CB-EBOOK' ) }` );
				const captured = await shopper.capture( {
					email: email.toUpperCase(),
					consent: true,
					source: 'classic',
				} );
				t.equal(
					'a later capture of that email: 200, nothing stored',
					[ captured.status, await sessionCount() ],
					[ 200, before ]
				);
			}
		);

		await t.group(
			'unsubscribe: older per-session links still work; forged tokens are refused and counted',
			async () => {
				await resetBucket( 'unsubscribe' );
				const email = address( 'legacy-unsub' );
				emailsSeen.push( email );
				const fixture = await session( {
					email,
					items: [ [ 'CB-HOODIE', 1 ] ],
				} );
				const legacy = await legacyToken( fixture.id, 'unsubscribe' );
				tokensSeen.push( legacy );
				const page = await http( unsubscribePath( legacy ), {
					headers: REAL_LIMIT,
				} );
				const posted = await http( unsubscribePath( legacy ), {
					method: 'POST',
					headers: { ...FORM, ...REAL_LIMIT },
					body: ONE_CLICK,
				} );
				t.check(
					'an older link: GET shows the form, the one-click POST unsubscribes',
					page.status === 200 &&
						/<form/.test( page.body ) &&
						posted.status === 200,
					[ page.status, posted.status ]
				);
				await expectUnsubscribed( 'older link', email, [ fixture.id ] );
				t.equal(
					'… and valid older links are not counted',
					await count( 'unsubscribe' ),
					0
				);

				const victimEmail = address( 'victim' );
				emailsSeen.push( victimEmail );
				const victim = await session( {
					email: victimEmail,
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				const signed = tokenOf( victim.unsubscribe, UNSUBSCRIBE );
				const forged = [
					`${ signed.slice( 0, -1 ) }${ signed.endsWith( 'A' ) ? 'B' : 'A' }`,
					tokenOf( victim.restore, RESTORE ), // a genuine restore token is not an unsubscribe token
					forgedSigned(),
					randomUnsigned(),
				];
				tokensSeen.push( signed, ...forged );
				const refused: number[] = [];
				for ( let i = 0; i < LIMIT; i++ ) {
					refused.push(
						(
							await http(
								unsubscribePath( forged[ i % forged.length ]! ),
								{
									method: 'POST',
									headers: { ...FORM, ...REAL_LIMIT },
									body: ONE_CLICK,
								}
							)
						).status
					);
				}
				t.equal(
					`${ LIMIT } forged tokens: each 404`,
					refused,
					Array< number >( LIMIT ).fill( 404 )
				);
				t.equal(
					`… and counted (${ LIMIT })`,
					await count( 'unsubscribe' ),
					LIMIT
				);
				t.equal(
					'the victim is untouched',
					[
						( await state( victim.id ) )?.status,
						( await suppression( victimEmail ) ).records,
					],
					[ STATUS.abandoned, [] ]
				);
				const blocked = await traced(
					unsubscribePath( forgedSigned() ),
					{ headers: REAL_LIMIT }
				);
				t.check(
					'the next one: 429 with Retry-After and no lookup',
					blocked.status === 429 &&
						Number( blocked.headers.get( 'retry-after' ) ) > 0 &&
						noReferrer( blocked ) &&
						blocked.queries.length > 0 &&
						! mentions(
							blocked.queries,
							'_cartbay_unsub_token_hash'
						),
					{
						status: blocked.status,
						lookups: blocked.queries.filter( ( q ) =>
							q.includes( 'unsub' )
						),
					}
				);
				const valid = await http( pathOf( victim.unsubscribe ), {
					method: 'POST',
					headers: { ...FORM, ...REAL_LIMIT },
					body: ONE_CLICK,
				} );
				t.check(
					'a valid signed link from the blocked address still unsubscribes',
					valid.status === 200 &&
						( await state( victim.id ) )?.status ===
							STATUS.suppressed,
					valid.status
				);
				await resetBucket( 'unsubscribe' );
			}
		);

		await t.group(
			'unsubscribe: a link signed under a replaced key still works while its session exists (its stored hash)',
			async () => {
				const email = address( 'rotated' );
				emailsSeen.push( email );
				const fixture = await session( {
					email,
					items: [ [ 'CB-MUG', 1 ] ],
				} );
				tokensSeen.push( tokenOf( fixture.unsubscribe, UNSUBSCRIBE ) );
				const previous = await php< string >(
					`$key = get_option( ${ phpString( KEY_OPTION ) } ); update_option( ${ phpString( KEY_OPTION ) }, bin2hex( random_bytes( 32 ) ), false ); echo wp_json_encode( $key ), "\\n";`
				);
				try {
					const posted = await http( pathOf( fixture.unsubscribe ), {
						method: 'POST',
						headers: { ...FORM, ...REAL_LIMIT },
						body: ONE_CLICK,
					} );
					t.equal( 'one-click POST: 200', posted.status, 200 );
					await expectUnsubscribed( 'replaced key', email, [
						fixture.id,
					] );
				} finally {
					await php(
						`update_option( ${ phpString( KEY_OPTION ) }, ${ phpString( previous ) }, false ); echo "1\\n";`
					);
				}
			}
		);

		await t.group(
			'rate limiter with a persistent object cache: wp_cache_add + wp_cache_incr, same limits',
			async () => {
				const result = await php< {
					first: ( string | number )[];
					released: ( string | number )[];
					stored_rows: number;
				} >( `
global $wpdb;
wp_using_ext_object_cache( true );
$_SERVER['REMOTE_ADDR'] = '192.0.2.77';
$_SERVER['HTTP_X_CARTBAY_TEST_LIMIT'] = '1';
$verdict = fn ( $v ) => true === $v ? 'ok' : $v->get_error_data()['status'];
$limiter = new \\WPAnchorBay\\CartBay\\Security\\RateLimiter();
$first   = array();
for ( $i = 0; $i < ${ LIMIT + 2 }; $i++ ) { $first[] = $verdict( $limiter->reserve( 'objcache' ) ); }
$limiter->release( 'objcache' );
$limiter->release( 'objcache' );
$released = array( $verdict( $limiter->reserve( 'objcache' ) ), $verdict( $limiter->reserve( 'objcache' ) ), $verdict( $limiter->reserve( 'objcache' ) ) );
$rows = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", '%' . $wpdb->esc_like( 'cartbay_rl_objcache' ) . '%' ) );
echo wp_json_encode( array( 'first' => $first, 'released' => $released, 'stored_rows' => $rows ) ), "\\n";` );
				t.equal( `${ LIMIT } reserved, then 429`, result.first, [
					...Array< string >( LIMIT ).fill( 'ok' ),
					429,
					429,
				] );
				t.equal(
					'two released slots can be taken again, not three',
					result.released,
					[ 'ok', 'ok', 429 ]
				);
				t.equal(
					'nothing written to the options table',
					result.stored_rows,
					0
				);
			}
		);

		await t.group(
			"stored counters: non-autoloaded transient rows, removed by WordPress's expired-transient cleanup",
			async () => {
				await resetBucket( 'restore' );
				await http( restorePath( randomUnsigned() ), {
					headers: REAL_LIMIT,
				} );
				const rows = await php< {
					rows: { option_name: string; autoload: string }[];
					after: number;
				} >( `
global $wpdb;
$like = '%' . $wpdb->esc_like( ${ phpString( bucketKey( 'restore' ) ) } );
$rows = $wpdb->get_results( $wpdb->prepare( "SELECT option_name, autoload FROM {$wpdb->options} WHERE option_name LIKE %s ORDER BY option_name", $like ), ARRAY_A );
$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s", (string) ( time() - 1 ), ${ phpString( `_transient_timeout_${ bucketKey( 'restore' ) }` ) } ) );
delete_expired_transients( true );
$after = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) );
echo wp_json_encode( array( 'rows' => $rows, 'after' => $after ) ), "\\n";` );
				t.equal( 'count and window rows, autoload off', rows.rows, [
					{
						option_name: `_transient_${ bucketKey( 'restore' ) }`,
						autoload: 'off',
					},
					{
						option_name: `_transient_timeout_${ bucketKey( 'restore' ) }`,
						autoload: 'off',
					},
				] );
				t.equal(
					'an expired window is removed by delete_expired_transients()',
					rows.after,
					0
				);
			}
		);

		await t.group(
			'no token, key or shopper email in any log',
			async () => {
				const text = await logs();
				t.equal(
					'no token or key in the WooCommerce logs or wp-debug.log',
					tokensSeen.filter(
						( tok ) => tok.length >= 20 && text.includes( tok )
					),
					[]
				);
				t.equal(
					'no email or email hash of these scenarios in the logs',
					emailsSeen.filter(
						( e ) =>
							text.includes( e ) ||
							text.includes( sha256( e.toLowerCase() ) )
					),
					[]
				);
				t.check(
					'refusals were logged by reason (control)',
					/restore\.refused \{"reason":"rate_limited"/.test( text ) &&
						/unsubscribe\.refused \{"reason":"unknown_token"/.test(
							text
						),
					text.slice( -400 )
				);
			}
		);
	} finally {
		await store.close();
	}
}
