/**
 * One figure of the Overview: its label, its formatted value and its one written definition (the
 * schema's), which is also the card's accessible description.
 */
/** WordPress dependencies */
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMetric } from '../../format';
import { schemaText } from '../../schema-text';
import type { StatCardProps } from '../../types';

export default function StatCard( { metric, value, currency }: StatCardProps ) {
	const id = useId();
	return (
		<li
			className="cartbay-stat"
			data-metric={ metric.key }
			aria-labelledby={ `${ id }-label` }
			aria-describedby={ `${ id }-definition` }
		>
			<h3 className="cartbay-stat__label" id={ `${ id }-label` }>
				{ schemaText( metric.label ) }
			</h3>
			<p className="cartbay-stat__value">
				{ formatMetric( value, metric.format, currency ) }
			</p>
			<details className="cartbay-stat__help">
				<summary>{ __( 'What this counts', 'cartbay' ) }</summary>
				<p id={ `${ id }-definition` }>
					{ schemaText( metric.definition ) }
				</p>
			</details>
		</li>
	);
}
