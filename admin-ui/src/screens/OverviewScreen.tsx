/**
 * Overview: the period's figures (cards, the More figures, the daily trend), the Status Guide and the
 * Sessions table. The period is the URL's `period` argument (navigation.ts), so it survives a reload and
 * the browser's back and forward buttons move between periods too.
 */
/** WordPress dependencies */
import { Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import PeriodSelector from '../components/PeriodSelector';
import Loading from '../components/Loading';
import LoadError from '../components/LoadError';
import SectionLink from '../components/SectionLink';
import SessionsTable from '../components/overview/SessionsTable';
import StatCards from '../components/overview/StatCards';
import StatusGuide from '../components/overview/StatusGuide';
import TrendChart from '../components/overview/TrendChart';
import { formatMoment } from '../format';
import { SECTIONS } from '../sections';
import { useAppNavigation } from '../navigation';
import { analyticsKey, store } from '../store';

export default function OverviewScreen() {
	const { location, navigate } = useAppNavigation();
	const days = location.period;
	const { report, error } = useSelect(
		( select ) => ( {
			report: select( store ).getAnalytics( days ),
			error: select( store ).getReportError(
				'analytics',
				analyticsKey( days )
			),
		} ),
		[ days ]
	);
	const { invalidateResolution } = useDispatch( store );

	return (
		<div className="cartbay-overview">
			<PeriodSelector
				period={ days }
				onChange={ ( period ) => navigate( { period } ) }
			>
				{ report && (
					<p className="cartbay-overview__range">
						{ sprintf(
							/* translators: 1: first day, 2: last day, 3: when the figures were computed */
							__(
								'Sessions created from %1$s to %2$s. Figures computed %3$s.',
								'cartbay'
							),
							report.from,
							report.to,
							formatMoment( report.generated_at )
						) }
					</p>
				) }
			</PeriodSelector>
			{ report === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getAnalytics', [ days ] )
					}
				/>
			) }
			{ report === undefined && ! error && <Loading /> }
			{ report !== undefined && (
				<>
					{ ( report.metrics.tracked_carts ?? 0 ) === 0 && (
						<Notice
							status="info"
							isDismissible={ false }
							className="cartbay-overview__empty"
						>
							<p>
								{ __(
									'No carts were tracked in this period. Check that capture is on and that the checkout shows the consent option.',
									'cartbay'
								) }{ ' ' }
								<SectionLink section={ SECTIONS.capture }>
									{ __(
										'Check the Capture settings',
										'cartbay'
									) }
								</SectionLink>
							</p>
						</Notice>
					) }
					<section
						className="cartbay-overview__figures"
						aria-labelledby="cartbay-figures-title"
					>
						<h2 id="cartbay-figures-title">
							{ __( 'Recovery figures', 'cartbay' ) }
						</h2>
						<StatCards report={ report } />
						<TrendChart
							series={ report.series }
							currency={ report.currency }
						/>
					</section>
					<StatusGuide statuses={ report.statuses } />
				</>
			) }
			<SessionsTable days={ days } />
		</div>
	);
}
