/**
 * Status Guide: what each session status means (the schema's descriptions) and how many sessions are in
 * it now (the analytics answer's `statuses`, not limited to the period).
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMetric } from '../../format';
import { orderStatuses } from '../../schema';
import { schemaText } from '../../schema-text';
import type { StatusGuideProps } from '../../types';

export default function StatusGuide( { statuses }: StatusGuideProps ) {
	return (
		<section
			className="cartbay-status-guide"
			aria-labelledby="cartbay-status-guide-title"
		>
			<h2 id="cartbay-status-guide-title">
				{ __( 'Status Guide', 'cartbay' ) }
			</h2>
			<p>
				{ __(
					'Sessions in each status now, whatever the period.',
					'cartbay'
				) }
			</p>
			<dl className="cartbay-status-guide__list">
				{ orderStatuses.map( ( status ) => (
					<div
						key={ status.key }
						className="cartbay-status-guide__item"
						data-status={ status.key }
					>
						<dt>
							<span
								className={ `cartbay-status cartbay-status--${ status.key }` }
							>
								{ schemaText( status.label ) }
							</span>{ ' ' }
							<span className="cartbay-status-guide__count">
								{ formatMetric(
									statuses[ status.key ] ?? 0,
									'count',
									''
								) }
							</span>
						</dt>
						<dd>{ schemaText( status.description ) }</dd>
					</div>
				) ) }
			</dl>
		</section>
	);
}
