/**
 * Classic checkout (`[woocommerce_checkout]`): inserts the consent checkbox after the billing email field and
 * reports email, consent and a cheap cart signature to the capture client. No jQuery.
 *
 * Runs when loaded: enqueue it in the footer (or deferred), after the checkout form is in the DOM.
 */
import { captureClient } from '../../plugin/schema/capture';
import {
	createCapture,
	readConfig,
	type CheckoutState,
} from './capture-client';

/** Id of the consent checkbox. */
export const CONSENT_ID = captureClient.classicCheckboxId;

const config = readConfig();
const emailRow = document.getElementById( 'billing_email_field' );
const anchor = emailRow || document.querySelector( 'form.checkout .form-row' );

if ( config && anchor ) {
	// A WooCommerce-style checkbox row. A `.form-row` without `data-priority`: WooCommerce's address-i18n
	// re-sort gives it the email row's priority + 1, so it stays right after the email row.
	anchor.insertAdjacentHTML(
		emailRow ? 'afterend' : 'beforebegin',
		`<p class="form-row form-row-wide"><label class="checkbox"><input type="checkbox" class="input-checkbox" id="${ CONSENT_ID }"> </label></p>`
	);
	const box = document.getElementById( CONSENT_ID ) as HTMLInputElement;
	box.checked = config.consentDefault;
	// Text, never markup.
	( box.parentNode as HTMLLabelElement ).append( config.consentText );

	const review = document.getElementById( 'order_review' );
	const capture = createCapture( 'classic', config.endpoint, config.nonce );
	const read = (): CheckoutState => ( {
		email:
			(
				document.getElementById(
					'billing_email'
				) as HTMLInputElement | null
			 )?.value ?? '',
		consent: box.checked,
		// The review table's rows (names, quantities, line totals), re-rendered by update_order_review.
		sig: review?.querySelector( 'tbody' )?.textContent,
	} );
	const update = () => capture( read() );

	capture( read(), config.restored );
	// Email typing and autofill, the checkbox (checkboxes fire `input` too): all bubble here; unchanged states
	// cost nothing.
	document.addEventListener( 'input', update );
	if ( review ) {
		new MutationObserver( update ).observe( review, {
			childList: true,
			subtree: true,
		} );
	}
	// Placing the order: nothing may be captured on its way out (a failed attempt resumes on the next change).
	box.form?.addEventListener( 'submit', () => capture() );
}
