/**
 * The reporting period selector of the reporting sections (Overview, Notifications): the schema's choices
 * (7, 30 or 90 days). The screen keeps the period in the URL's `period` argument, so every section shows the
 * same period. `children` is shown beside it (the range the figures cover).
 */
/** External dependencies */
import type { ReactNode } from 'react';

/** WordPress dependencies */
import { SelectControl } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { normalizePeriod } from '../navigation';
import { reportPeriodChoices } from '../schema';

interface PeriodSelectorProps {
	/** The period shown, in days. */
	readonly period: number;
	/** Called with the chosen period (a schema choice). */
	readonly onChange: ( period: number ) => void;
	readonly children?: ReactNode;
}

export default function PeriodSelector( {
	period,
	onChange,
	children,
}: PeriodSelectorProps ) {
	return (
		<div className="cartbay-overview__period">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Reporting period', 'cartbay' ) }
				value={ String( period ) }
				options={ reportPeriodChoices.map( ( choice ) => ( {
					value: String( choice ),
					label: sprintf(
						/* translators: %d: number of days */
						_n( 'Last %d day', 'Last %d days', choice, 'cartbay' ),
						choice
					),
				} ) ) }
				onChange={ ( value ) => onChange( normalizePeriod( value ) ) }
			/>
			{ children }
		</div>
	);
}
