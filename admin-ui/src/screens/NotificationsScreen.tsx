/**
 * Notifications (spec "Notifications"): the lifecycle of recovery emails for the reporting period (the
 * URL's shared `period` argument, as on Overview): the notification cards with their More modal, the
 * notifications table with its filter, search and Details, and the Email Delivery Test at the bottom.
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
import DeliveryTest from '../components/notifications/DeliveryTest';
import NotificationCards from '../components/notifications/NotificationCards';
import NotificationsTable from '../components/notifications/NotificationsTable';
import { formatMoment } from '../format';
import { SECTIONS } from '../sections';
import { useAppNavigation } from '../navigation';
import { analyticsKey, store } from '../store';

export default function NotificationsScreen() {
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
	const scheduled = report
		? Object.values( report.notifications ?? {} ).reduce(
				( sum, count ) => sum + count,
				0
			)
		: 0;

	return (
		<div className="cartbay-overview cartbay-notifications">
			<PeriodSelector
				period={ days }
				onChange={ ( period ) => navigate( { period } ) }
			>
				{ report && (
					<p className="cartbay-overview__range">
						{ sprintf(
							/* translators: 1: first day, 2: last day, 3: when the figures were computed */
							__(
								'Recovery emails of sessions created from %1$s to %2$s. Figures computed %3$s.',
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
					{ scheduled === 0 && (
						<Notice
							status="info"
							isDismissible={ false }
							className="cartbay-overview__empty"
						>
							<p>
								{ __(
									'No recovery emails were scheduled in this period. Emails are scheduled when a captured cart is abandoned: check that the recovery sequence is on.',
									'cartbay'
								) }{ ' ' }
								<SectionLink
									section={ SECTIONS.recoverySequence }
								>
									{ __(
										'Check the Recovery Sequence',
										'cartbay'
									) }
								</SectionLink>
							</p>
						</Notice>
					) }
					<section
						className="cartbay-overview__figures"
						aria-labelledby="cartbay-notification-figures-title"
					>
						<h2 id="cartbay-notification-figures-title">
							{ __( 'Recovery email figures', 'cartbay' ) }
						</h2>
						<NotificationCards report={ report } />
					</section>
				</>
			) }
			<NotificationsTable days={ days } />
			<DeliveryTest />
		</div>
	);
}
