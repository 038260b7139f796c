/**
 * The daily series of the period as a small line chart (inline SVG: no chart library in the bundle),
 * with a text summary for screen readers and the same figures as a table anyone can open.
 */
/** WordPress dependencies */
import { useId } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoney } from '../../format';
import type { AnalyticsDay } from '../../store/types';
import type { TrendChartProps } from '../../types';

const WIDTH = 640;
const HEIGHT = 160;
const PAD = 8;

/** The plotted series: colour and line style differ, so the legend does not rely on colour alone. */
const LINES = [
	{ key: 'tracked', color: '#2271b1', dash: '' },
	{ key: 'abandoned', color: '#b32d2e', dash: '6 4' },
	{ key: 'recovered', color: '#007017', dash: '2 3' },
] as const;

function lineLabel( key: ( typeof LINES )[ number ][ 'key' ] ): string {
	switch ( key ) {
		case 'tracked':
			return __( 'Tracked', 'cartbay' );
		case 'abandoned':
			return __( 'Abandoned', 'cartbay' );
		case 'recovered':
			return __( 'Recovered', 'cartbay' );
	}
}

/**
 * SVG polyline points of one series, scaled to the chart.
 * @param series Days of the period.
 * @param key    Counter plotted.
 * @param max    Largest value of any plotted counter (at least 1).
 */
export function linePoints(
	series: readonly AnalyticsDay[],
	key: 'tracked' | 'abandoned' | 'recovered',
	max: number
): string {
	const step =
		series.length > 1 ? ( WIDTH - 2 * PAD ) / ( series.length - 1 ) : 0;
	return series
		.map( ( day, i ) => {
			const x = PAD + i * step;
			const y =
				HEIGHT - PAD - ( day[ key ] / max ) * ( HEIGHT - 2 * PAD );
			return `${ x.toFixed( 1 ) },${ y.toFixed( 1 ) }`;
		} )
		.join( ' ' );
}

export default function TrendChart( { series, currency }: TrendChartProps ) {
	const id = useId();
	const max = Math.max(
		1,
		...series.map( ( d ) =>
			Math.max( d.tracked, d.abandoned, d.recovered )
		)
	);
	const sum = ( key: 'tracked' | 'abandoned' | 'recovered' ) =>
		series.reduce( ( total, day ) => total + day[ key ], 0 );
	const summary = sprintf(
		/* translators: 1: number of days, 2: tracked carts, 3: abandoned carts, 4: recovered carts, 5: highest daily count */
		__(
			'Daily carts over %1$d days: %2$d tracked, %3$d abandoned, %4$d recovered in all; the busiest day had %5$d.',
			'cartbay'
		),
		series.length,
		sum( 'tracked' ),
		sum( 'abandoned' ),
		sum( 'recovered' ),
		max === 1 && sum( 'tracked' ) === 0 ? 0 : max
	);
	return (
		<figure className="cartbay-trend">
			<figcaption id={ `${ id }-title` }>
				{ __( 'Daily trend', 'cartbay' ) }
			</figcaption>
			<svg
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-labelledby={ `${ id }-title ${ id }-desc` }
				className="cartbay-trend__chart"
				preserveAspectRatio="none"
			>
				<desc id={ `${ id }-desc` }>{ summary }</desc>
				<line
					x1={ PAD }
					x2={ WIDTH - PAD }
					y1={ HEIGHT - PAD }
					y2={ HEIGHT - PAD }
					stroke="#c3c4c7"
				/>
				{ LINES.map( ( line ) => (
					<polyline
						key={ line.key }
						points={ linePoints( series, line.key, max ) }
						fill="none"
						stroke={ line.color }
						strokeWidth={ 2 }
						strokeDasharray={ line.dash || undefined }
						vectorEffect="non-scaling-stroke"
					/>
				) ) }
			</svg>
			<ul className="cartbay-trend__legend" aria-hidden="true">
				{ LINES.map( ( line ) => (
					<li key={ line.key }>
						<svg width="24" height="8">
							<line
								x1="0"
								x2="24"
								y1="4"
								y2="4"
								stroke={ line.color }
								strokeWidth={ 2 }
								strokeDasharray={ line.dash || undefined }
							/>
						</svg>
						{ lineLabel( line.key ) }
					</li>
				) ) }
			</ul>
			<details className="cartbay-trend__data">
				<summary>
					{ __( 'Show the figures as a table', 'cartbay' ) }
				</summary>
				<table className="widefat striped">
					<caption className="screen-reader-text">
						{ __( 'Daily trend', 'cartbay' ) }
					</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Day', 'cartbay' ) }</th>
							{ LINES.map( ( line ) => (
								<th scope="col" key={ line.key }>
									{ lineLabel( line.key ) }
								</th>
							) ) }
							<th scope="col">
								{ __( 'Recovered revenue', 'cartbay' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ series.map( ( day ) => (
							<tr key={ day.date }>
								<th scope="row">{ day.date }</th>
								<td>{ day.tracked }</td>
								<td>{ day.abandoned }</td>
								<td>{ day.recovered }</td>
								<td>
									{ formatMoney(
										day.recovered_revenue,
										currency
									) }
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</details>
		</figure>
	);
}
