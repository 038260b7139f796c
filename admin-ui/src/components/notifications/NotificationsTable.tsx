/**
 * The Notifications table of the period (`GET /notifications`): status filter, search (recipient, session
 * id, notification id, email type or trigger), 20 a page, and a notification's Details in a modal; the
 * focus goes back to the row's Details button when the modal closes.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoment } from '../../format';
import {
	initialNotificationsState,
	NOTIFICATION_STATES,
	notificationStateLabel,
	notificationsReducer,
	triggerLabel,
} from '../../notifications';
import { notificationsKey, store } from '../../store';
import type { NotificationsPage } from '../../store/types';
import Loading from '../Loading';
import LoadError from '../LoadError';
import Pager from '../Pager';
import StatusSearchFilters from '../StatusSearchFilters';
import { useLastPage } from '../use-last-page';
import { usePeriodListTable } from '../use-period-list-table';
import NotificationDetailModal from './NotificationDetailModal';

export default function NotificationsTable( {
	days,
}: {
	readonly days: number;
} ) {
	const { state, dispatch, query } = usePeriodListTable(
		notificationsReducer,
		initialNotificationsState,
		days
	);
	const [ openId, setOpenId ] = useState< string | null >( null );
	const { page, error } = useSelect(
		( select ) => ( {
			page: select( store ).getNotificationsPage( query ),
			error: select( store ).getReportError(
				'notifications',
				notificationsKey( query )
			),
		} ),
		[ query ]
	);
	const { invalidateResolution } = useDispatch( store );
	const { shown, isBusy } = useLastPage( page );
	const filtered = state.status !== 'all' || state.search !== '';

	return (
		<section
			className="cartbay-notifications-list"
			aria-labelledby="cartbay-notifications-list-title"
		>
			<h2 id="cartbay-notifications-list-title">
				{ __( 'Recovery email notifications', 'cartbay' ) }
			</h2>
			<div className="cartbay-sessions__controls">
				<StatusSearchFilters
					status={ state.status }
					statuses={ NOTIFICATION_STATES }
					statusLabel={ notificationStateLabel }
					onStatus={ ( status ) =>
						dispatch( { type: 'status', status } )
					}
					searchLabel={ __( 'Search notifications', 'cartbay' ) }
					searchHelp={ __(
						'Recipient email, session id, notification id, email type or trigger source.',
						'cartbay'
					) }
					onSearch={ ( search ) =>
						dispatch( { type: 'search', search } )
					}
				/>
			</div>
			{ page === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getNotificationsPage', [
							query,
						] )
					}
				/>
			) }
			{ shown === undefined && ! error && <Loading /> }
			{ shown !== undefined && ! ( page === undefined && error ) && (
				<NotificationsGrid
					page={ shown }
					pageNumber={ query.page }
					isBusy={ isBusy }
					filtered={ filtered }
					onPage={ ( next ) =>
						dispatch( {
							type: 'page',
							page: next,
							totalPages: shown.totalPages,
						} )
					}
					onOpen={ setOpenId }
				/>
			) }
			{ openId !== null && (
				<NotificationDetailModal
					notificationId={ openId }
					onClose={ () => setOpenId( null ) }
				/>
			) }
		</section>
	);
}

interface GridProps {
	readonly page: NotificationsPage;
	readonly pageNumber: number;
	readonly isBusy: boolean;
	readonly filtered: boolean;
	readonly onPage: ( page: number ) => void;
	readonly onOpen: ( notificationId: string ) => void;
}

function NotificationsGrid( {
	page,
	pageNumber,
	isBusy,
	filtered,
	onPage,
	onOpen,
}: GridProps ) {
	const totalPages = Math.max( 1, page.totalPages );
	return (
		<>
			<p className="cartbay-sessions__count" aria-live="polite">
				{ sprintf(
					/* translators: 1: number of notifications, 2: current page, 3: number of pages */
					_n(
						'%1$d notification · page %2$d of %3$d',
						'%1$d notifications · page %2$d of %3$d',
						page.total,
						'cartbay'
					),
					page.total,
					pageNumber,
					totalPages
				) }
			</p>
			<div className="cartbay-sessions__scroll">
				<table
					className="widefat striped cartbay-notifications__table"
					aria-busy={ isBusy }
				>
					<caption className="screen-reader-text">
						{ __(
							'Recovery email notifications of the period, newest scheduled first.',
							'cartbay'
						) }
					</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Session', 'cartbay' ) }</th>
							<th scope="col">{ __( 'Status', 'cartbay' ) }</th>
							<th scope="col">
								{ __( 'Recipient Email', 'cartbay' ) }
							</th>
							<th scope="col">{ __( 'Email', 'cartbay' ) }</th>
							<th scope="col">
								{ __( 'Scheduled', 'cartbay' ) }
							</th>
							<th scope="col">{ __( 'Actions', 'cartbay' ) }</th>
						</tr>
					</thead>
					<tbody>
						{ page.rows.length === 0 && (
							<tr>
								<td colSpan={ 6 }>
									{ filtered
										? __(
												'No notifications match this status or search. Choose All statuses or clear the search.',
												'cartbay'
											)
										: __(
												'No recovery emails were scheduled for this period’s sessions. Emails are scheduled when a captured cart is abandoned and the recovery sequence is on.',
												'cartbay'
											) }
								</td>
							</tr>
						) }
						{ page.rows.map( ( row ) => (
							<tr
								key={ row.notification_id }
								data-notification={ row.notification_id }
							>
								<td>{ row.session_id }</td>
								<td>
									<span
										className={ `cartbay-status cartbay-notification-status--${ row.status }` }
									>
										{ notificationStateLabel( row.status ) }
									</span>
								</td>
								<td>{ row.recipient }</td>
								<td>
									{ sprintf(
										/* translators: %d: recovery email step number */
										__( 'Recovery Email %d', 'cartbay' ),
										row.step
									) }
									<br />
									<code>{ row.notification_id }</code>
									<span className="cartbay-notifications__trigger">
										{ triggerLabel( row.trigger ) }
									</span>
								</td>
								<td>{ formatMoment( row.scheduled_at ) }</td>
								<td>
									<Button
										variant="secondary"
										size="compact"
										aria-haspopup="dialog"
										className="cartbay-notifications__open"
										onClick={ () =>
											onOpen( row.notification_id )
										}
									>
										{ __( 'Details', 'cartbay' ) }
										<span className="screen-reader-text">
											{ ' ' }
											{ row.notification_id }
										</span>
									</Button>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			</div>
			<Pager
				page={ pageNumber }
				totalPages={ totalPages }
				label={ __( 'Notifications pages', 'cartbay' ) }
				onPage={ onPage }
			/>
		</>
	);
}
