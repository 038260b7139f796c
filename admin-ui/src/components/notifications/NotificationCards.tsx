/**
 * The Notifications cards: the analytics figures the spec names (Pending Queue, Emails Sent, Emails Failed,
 * Acceptance Rate, Best Email Step), each with its schema definition, and a More card whose modal lists the
 * period's notifications by lifecycle state. Every number is the analytics answer's own; nothing is recounted.
 */
/** WordPress dependencies */
import { Button, Modal } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMetric } from '../../format';
import { metrics } from '../../schema';
import type { MetricKey } from '../../schema';
import {
	NOTIFICATION_STATES,
	notificationStateLabel,
} from '../../notifications';
import type { AnalyticsReport } from '../../store/types';
import StatCard from '../overview/StatCard';

/** The cards of the section, in the spec's order. */
export const NOTIFICATION_METRICS: readonly MetricKey[] = [
	'pending_queue',
	'emails_sent',
	'emails_failed',
	'acceptance_rate',
	'best_step',
];

export default function NotificationCards( {
	report,
}: {
	readonly report: AnalyticsReport;
} ) {
	const [ isMoreOpen, setMoreOpen ] = useState( false );
	const counts = report.notifications ?? {};
	return (
		<>
			<ul
				className="cartbay-stats"
				aria-label={ __( 'Recovery email figures', 'cartbay' ) }
			>
				{ NOTIFICATION_METRICS.map( ( key ) => {
					const metric = metrics.find( ( m ) => m.key === key )!;
					return (
						<StatCard
							key={ key }
							metric={ metric }
							value={ report.metrics[ key ] }
							currency={ report.currency }
						/>
					);
				} ) }
				<li className="cartbay-stat cartbay-stat--more">
					<h3 className="cartbay-stat__label">
						{ __( 'More', 'cartbay' ) }
					</h3>
					<Button
						variant="secondary"
						className="cartbay-notification-stats__more"
						aria-haspopup="dialog"
						onClick={ () => setMoreOpen( true ) }
					>
						{ __( 'Show counts by status', 'cartbay' ) }
					</Button>
				</li>
			</ul>
			{ isMoreOpen && (
				<Modal
					title={ __( 'Notifications by status', 'cartbay' ) }
					onRequestClose={ () => setMoreOpen( false ) }
					className="cartbay-more-modal"
				>
					<p>
						{ __(
							'Recovery emails of the period’s sessions, by their current lifecycle status.',
							'cartbay'
						) }
					</p>
					<ul className="cartbay-stats cartbay-stats--modal">
						{ NOTIFICATION_STATES.map( ( state ) => (
							<li
								key={ state }
								className="cartbay-stat"
								data-state={ state }
							>
								<h3 className="cartbay-stat__label">
									{ notificationStateLabel( state ) }
								</h3>
								<p className="cartbay-stat__value">
									{ formatMetric(
										counts[ state ] ?? 0,
										'count',
										''
									) }
								</p>
							</li>
						) ) }
					</ul>
				</Modal>
			) }
		</>
	);
}
