/**
 * Coexistence with WooCommerce's own abandoned-cart recovery email (WooCommerce 11.0, experimental; removed in
 * 11.1). The WooCommerce this suite runs has no such email, so a must-use plugin plays WooCommerce's documented
 * part: its Action Scheduler hook handler (priority 10, the order id as its argument) asks the suppress filter
 * and records whether it would have sent. CartBay must hold that send back for shoppers it handles, and only
 * during that send.
 */
import type { Site } from '../../tools/store';
import type { Checks } from '../support/checks';
import { phpCall, phpJson } from '../support/php';
import { EVENT, HOOK, STATUS } from '../support/schema-names';
import {
	addresses,
	installMuPlugins,
	RECOVERY_TEST_HELPERS,
	COMMON_TEST_HELPERS,
	recoveryFixtures,
} from '../support/store-fixtures';

/** WooCommerce 11.0's names (its public contract, not CartBay's). */
const WC_SEND_HOOK = 'woocommerce_send_abandoned_cart_recovery_notification';
const WC_SUPPRESS_FILTER = 'woocommerce_abandoned_cart_recovery_suppress';

const WC_STAND_IN = String.raw`<?php
/**
 * Plugin Name: CartBay test: WooCommerce 11.0 recovery email stand-in
 */
add_action(
	'${ WC_SEND_HOOK }',
	static function ( $order_id ) {
		$sent = ! apply_filters( '${ WC_SUPPRESS_FILTER }', false );
		update_option( 'cartbay_test_core_recovery', array( 'order' => (int) $order_id, 'sent' => $sent ), false );
	},
	10,
	1
);

/** An unpaid checkout order of $email; WooCommerce's send for it; what the stand-in recorded. */
function cartbay_test_core_send( $email ) {
	$order = wc_create_order( array( 'status' => 'pending', 'created_via' => 'checkout' ) );
	$order->set_billing_email( $email );
	$order->save();
	delete_option( 'cartbay_test_core_recovery' );
	do_action( '${ WC_SEND_HOOK }', $order->get_id() );
	return get_option( 'cartbay_test_core_recovery' );
}

/** The suppress filter's answer outside a send (WooCommerce asks it when scheduling, and for manual sends). */
function cartbay_test_core_suppress_outside_send() {
	return (bool) apply_filters( '${ WC_SUPPRESS_FILTER }', false );
}

/** Suppresses an email through CartBay's list (as an unsubscribe does). */
function cartbay_test_core_suppress_email( $email ) {
	\WPAnchorBay\CartBay\Core\Plugin::instance()->service( \WPAnchorBay\CartBay\Suppression\SuppressionList::class )->suppress( $email );
	return true;
}
`;

/** A test-only must-use plugin that turns CartBay's decision off through its public filter. */
const OPT_OUT = String.raw`<?php
/**
 * Plugin Name: CartBay test: let WooCommerce send its own recovery email
 */
add_filter( '${ HOOK.CORE_RECOVERY_EMAIL_SUPPRESSED }', '__return_false' );
`;

interface CoreSend {
	order: number;
	sent: boolean;
}

export async function coexistenceScenarios(
	t: Checks,
	site: Site
): Promise< void > {
	const remove = installMuPlugins( site, {
		'cartbay-test-common.php': COMMON_TEST_HELPERS,
		'cartbay-test-recovery.php': RECOVERY_TEST_HELPERS,
		'cartbay-test-core-recovery.php': WC_STAND_IN,
	} );
	const php = phpJson( site );
	const fixtures = recoveryFixtures( php );
	const email = addresses( 'coexist-' );
	const send = ( address: string ) =>
		phpCall< CoreSend >( php, 'cartbay_test_core_send', address );
	try {
		await t.group(
			"WooCommerce's own recovery email stands down for shoppers CartBay handles, only while it sends",
			async () => {
				const abandoned = email( 'abandoned' );
				const session = await fixtures.session( {
					email: abandoned,
					items: [ [ 'CB-EBOOK', 1 ] ],
				} );
				const held = await send( abandoned.toUpperCase() );
				t.equal(
					'an unpaid order of a shopper with an abandoned CartBay session: not sent',
					held.sent,
					false
				);
				const state = await fixtures.state( session.id );
				t.check(
					'the session timeline says why',
					state?.events.includes(
						EVENT.CORE_RECOVERY_EMAIL_SUPPRESSED
					) ?? false,
					state?.events
				);

				t.equal(
					'an unpaid order of an email CartBay never captured: sent',
					( await send( email( 'stranger' ) ) ).sent,
					true
				);

				const expired = email( 'expired' );
				await fixtures.session( {
					email: expired,
					items: [ [ 'CB-EBOOK', 1 ] ],
					status: `wc-${ STATUS.expired }`,
				} );
				t.equal(
					'an email whose only CartBay session expired: sent',
					( await send( expired ) ).sent,
					true
				);

				const unsubscribed = email( 'unsubscribed' );
				await phpCall(
					php,
					'cartbay_test_core_suppress_email',
					unsubscribed
				);
				t.equal(
					'an email on CartBay’s suppression list (no session): not sent',
					( await send( unsubscribed ) ).sent,
					false
				);

				t.equal(
					'outside a send (scheduling, a manual send) the filter keeps WooCommerce’s value',
					await phpCall< boolean >(
						php,
						'cartbay_test_core_suppress_outside_send'
					),
					false
				);

				const removeOptOut = installMuPlugins( site, {
					'cartbay-test-core-opt-out.php': OPT_OUT,
				} );
				try {
					t.equal(
						`${ HOOK.CORE_RECOVERY_EMAIL_SUPPRESSED } returning false lets WooCommerce send`,
						( await send( abandoned ) ).sent,
						true
					);
				} finally {
					removeOptOut();
				}
			}
		);
	} finally {
		remove();
	}
}
