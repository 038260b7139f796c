/**
 * Under the logging settings: "Open CartBay Logs" (the hidden Logs section) and "View Logs" (WooCommerce >
 * Status > Logs filtered to the cartbay source).
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { wooCommerceLogsUrl } from '../../logs';
import { SECTIONS } from '../../sections';
import SectionLink from '../SectionLink';

export default function LogLinks() {
	return (
		<div className="cartbay-log-links">
			<h3>{ __( 'CartBay Logs', 'cartbay' ) }</h3>
			<p>
				{ __(
					'CartBay’s sanitized log history, with filters, details and copy for support.',
					'cartbay'
				) }{ ' ' }
				<SectionLink section={ SECTIONS.logs }>
					{ __( 'Open CartBay Logs', 'cartbay' ) }
				</SectionLink>
			</p>
			<h3>{ __( 'WooCommerce Logs', 'cartbay' ) }</h3>
			<p>
				{ __(
					'Capture, Action Scheduler, restore, license and recovery messages written through WooCommerce logging, source cartbay.',
					'cartbay'
				) }{ ' ' }
				<a href={ wooCommerceLogsUrl() }>
					{ __( 'View Logs', 'cartbay' ) }
				</a>
			</p>
		</div>
	);
}
