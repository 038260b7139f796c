/**
 * Privacy tools (issue 12): WordPress's personal data exporter and eraser find CartBay's sessions, coupons and
 * unsubscribe record by email; erasing removes the sessions and unused coupons, takes the email off used
 * coupons, keeps (and reports) the unsubscribe hash, and leaves other shoppers alone.
 */
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall, phpJson } from '../support/php';
import { META } from '../support/schema-names';
import {
	addresses,
	COMMON_TEST_HELPERS,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
	recoveryFixtures,
} from '../support/store-fixtures';

const PRIVACY_TEST_HELPERS = String.raw`<?php
/**
 * Plugin Name: CartBay test: privacy tools
 */

/** Runs every page of the registered exporter named $id for $email, as Tools > Export Personal Data does. */
function cartbay_test_export( $id, $email ) {
	$exporter = apply_filters( 'wp_privacy_personal_data_exporters', array() )[ $id ] ?? null;
	if ( ! $exporter ) {
		return null;
	}
	$items = array();
	for ( $page = 1; $page < 50; $page++ ) {
		$out   = call_user_func( $exporter['callback'], $email, $page );
		$items = array_merge( $items, $out['data'] );
		if ( $out['done'] ) {
			break;
		}
	}
	return array_map(
		static fn ( $item ) => array(
			'group' => $item['group_id'],
			'data'  => array_column( $item['data'], 'value', 'name' ),
		),
		$items
	);
}

/** Runs the registered eraser named $id for $email until done; returns every page's answer. */
function cartbay_test_erase( $id, $email ) {
	$eraser = apply_filters( 'wp_privacy_personal_data_erasers', array() )[ $id ] ?? null;
	if ( ! $eraser ) {
		return null;
	}
	$answers = array();
	for ( $page = 1; $page < 50; $page++ ) {
		$answers[] = $out = call_user_func( $eraser['callback'], $email, $page );
		if ( $out['done'] ) {
			break;
		}
	}
	return $answers;
}

/** Marks a coupon used once (as an order using it would). */
function cartbay_test_use_coupon( $code ) {
	$coupon = new WC_Coupon( $code );
	$coupon->set_usage_count( 1 );
	$coupon->save();
	return $coupon->get_id();
}

/** A coupon's email restrictions and CartBay email meta, or null when it is gone. */
function cartbay_test_coupon_state( $id ) {
	$coupon = new WC_Coupon( (int) $id );
	if ( ! $coupon->get_id() ) {
		return null;
	}
	return array(
		'restrictions' => $coupon->get_email_restrictions(),
		'email'        => $coupon->get_meta( '${ META.EMAIL }' ),
		'email_hash'   => $coupon->get_meta( '${ META.EMAIL_HASH }' ),
	);
}

/** The id of a coupon by code (0 when gone). */
function cartbay_test_coupon_id( $code ) {
	return wc_get_coupon_id_by_code( $code );
}

/** Suppresses an email (as an unsubscribe does). */
function cartbay_test_privacy_suppress( $email ) {
	\WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Suppression\SuppressionList::class )->suppress( $email );
	return true;
}
`;

interface ExportItem {
	group: string;
	data: Record< string, string >;
}
interface EraseAnswer {
	items_removed: boolean;
	items_retained: boolean;
	messages: string[];
	done: boolean;
}

export async function privacyScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const remove = installMuPlugins( site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-privacy.php': PRIVACY_TEST_HELPERS,
	} );
	const php = phpJson( site );
	const fixtures = recoveryFixtures( php );
	const email = addresses( 'privacy-' );
	const exportOf = ( address: string ) =>
		phpCall< ExportItem[] | null >(
			php,
			'cartbay_test_export',
			'cartbay',
			address
		);
	try {
		await t.group(
			'personal data export and erasure round trip for one email',
			async () => {
				const shopper = email( 'shopper' );
				const other = email( 'other' );
				const first = await fixtures.session( {
					email: shopper,
					items: [ [ 'CB-EBOOK', 1 ] ],
					coupon: true,
				} );
				const second = await fixtures.session( {
					email: shopper,
					items: [ [ 'CB-MUG', 2 ] ],
					coupon: true,
				} );
				const bystander = await fixtures.session( {
					email: other,
					items: [ [ 'CB-EBOOK', 1 ] ],
				} );
				await phpCall( php, 'cartbay_test_privacy_suppress', shopper );
				// One coupon was used on an order: it stays, without the email.
				const usedCouponId = await phpCall< number >(
					php,
					'cartbay_test_use_coupon',
					first.coupon
				);

				const exported = await exportOf( shopper.toUpperCase() );
				const groups = ( exported ?? [] ).map( ( i ) => i.group );
				t.equal(
					'export (email in any case): both sessions, the coupon(s), the unsubscribe record',
					{
						sessions: groups.filter(
							( g ) => g === 'cartbay-sessions'
						).length,
						coupons:
							groups.filter( ( g ) => g === 'cartbay-coupons' )
								.length >= 1,
						unsubscribe: groups.includes( 'cartbay-unsubscribe' ),
					},
					{ sessions: 2, coupons: true, unsubscribe: true }
				);
				const sessionItems = ( exported ?? [] ).filter(
					( i ) => i.group === 'cartbay-sessions'
				);
				t.check(
					'exported sessions carry the email and the cart lines, and nothing of the other shopper',
					sessionItems.every(
						( i ) =>
							Object.values( i.data ).includes( shopper ) &&
							Object.values( i.data ).some( ( v ) =>
								v.includes( '×' )
							)
					) && ! JSON.stringify( exported ).includes( other ),
					exported
				);

				const answers = await phpCall< EraseAnswer[] >(
					php,
					'cartbay_test_erase',
					'cartbay',
					shopper
				);
				const last = answers[ answers.length - 1 ];
				t.equal(
					'erasure: removed, the unsubscribe hash retained and explained, done',
					{
						removed: answers.some( ( a ) => a.items_removed ),
						retained: last?.items_retained,
						message: ( last?.messages.length ?? 0 ) > 0,
						done: last?.done,
					},
					{ removed: true, retained: true, message: true, done: true }
				);
				t.equal(
					"the shopper's sessions are gone; the other shopper's stays",
					[
						await fixtures.state( first.id ),
						await fixtures.state( second.id ),
						( await fixtures.state( bystander.id ) ) !== null,
					],
					[ null, null, true ]
				);
				t.equal(
					'the unused coupon is deleted',
					await phpCall< number >(
						php,
						'cartbay_test_coupon_id',
						second.coupon
					),
					0
				);
				t.equal(
					'the used coupon stays, without the email',
					await phpCall(
						php,
						'cartbay_test_coupon_state',
						usedCouponId
					),
					{ restrictions: [], email: '', email_hash: '' }
				);
				const after = await exportOf( shopper );
				t.equal(
					'a second export finds only the unsubscribe record',
					( after ?? [] ).map( ( i ) => i.group ),
					[ 'cartbay-unsubscribe' ]
				);
			}
		);
	} finally {
		remove();
	}
}
