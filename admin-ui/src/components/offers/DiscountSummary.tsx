/**
 * The Offers section's Discount Summary and percentage warning, worded from the form's live preview
 * (what the server would save of the drafts), so both follow the fields before anything is saved.
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { getBootData } from '../../boot';
import { discountSummary, percentageWarning } from '../../offers';
import type { Settings } from '../../schema';

export default function DiscountSummary( {
	preview,
}: {
	readonly preview: Settings;
} ) {
	const warning = percentageWarning( preview );
	return (
		<div className="cartbay-offers__summary">
			<h2 id="cartbay-discount-summary-title">
				{ __( 'Discount Summary', 'cartbay' ) }
			</h2>
			<p
				className="cartbay-offers__summary-text"
				role="status"
				aria-labelledby="cartbay-discount-summary-title"
			>
				{ discountSummary( preview, getBootData().currency ?? '' ) }
			</p>
			<p className="description">
				{ __(
					'The summary follows the fields as you type; save to apply it to future coupon-enabled recovery emails.',
					'cartbay'
				) }
			</p>
			{ /* Always present, so screen readers hear the warning when a percentage is chosen. */ }
			<div aria-live="polite">
				{ warning && (
					<div
						className={ `notice inline notice-${ warning.status } cartbay-offers__warning` }
					>
						<p>
							<strong>
								{ warning.status === 'error'
									? __( 'Whole cart free:', 'cartbay' )
									: __( 'Percentage discount:', 'cartbay' ) }
							</strong>{ ' ' }
							{ warning.message }
						</p>
					</div>
				) }
			</div>
		</div>
	);
}
