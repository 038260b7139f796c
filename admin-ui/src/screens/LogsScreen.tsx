/**
 * The hidden Logs section (no tab: `section=logs`, or Settings' "Open CartBay Logs"): CartBay's sanitized
 * log entries of `GET /logs`, newest first, filtered by level, source, event prefix and text, one page at a
 * time with the totals of its headers; an entry's details show its context and copy it as text.
 */
/** External dependencies */
import type { FormEvent } from 'react';

/** WordPress dependencies */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useReducer, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import Loading from '../components/Loading';
import LoadError from '../components/LoadError';
import LogDetailModal from '../components/logs/LogDetailModal';
import Pager from '../components/Pager';
import { useLastPage } from '../components/use-last-page';
import { formatMoment } from '../format';
import {
	initialLogsQuery,
	isFiltered,
	logEntryKey,
	logsReducer,
	wooCommerceLogsUrl,
} from '../logs';
import { logLevels, logLimits, logSources } from '../schema';
import type { LogLevelFilter, LogSourceFilter } from '../schema';
import { logsKey, store } from '../store';
import type { LogEntry } from '../store/types';

function levelLabel( level: string ): string {
	switch ( level ) {
		case 'info':
			return __( 'Info', 'cartbay' );
		case 'warning':
			return __( 'Warning', 'cartbay' );
		case 'error':
			return __( 'Error', 'cartbay' );
		default:
			return level;
	}
}

export default function LogsScreen() {
	const [ query, dispatch ] = useReducer( logsReducer, initialLogsQuery );
	const [ eventDraft, setEventDraft ] = useState( '' );
	const [ searchDraft, setSearchDraft ] = useState( '' );
	const [ openEntry, setOpenEntry ] = useState< LogEntry | null >( null );
	const { page, error } = useSelect(
		( select ) => ( {
			page: select( store ).getLogsPage( query ),
			error: select( store ).getReportError( 'logs', logsKey( query ) ),
		} ),
		[ query ]
	);
	const { invalidateResolution } = useDispatch( store );
	const { shown, isBusy } = useLastPage( page );
	const totalPages = Math.max( 1, shown?.totalPages ?? 1 );

	const onFilter = ( event: FormEvent ) => {
		event.preventDefault();
		dispatch( { type: 'text', event: eventDraft, search: searchDraft } );
	};

	return (
		<div className="cartbay-logs">
			<p className="description">
				{ __(
					'CartBay’s sanitized log (ids, counts and reasons; never an email, token or key), newest first. Use it with the WooCommerce logs when you troubleshoot or contact support.',
					'cartbay'
				) }{ ' ' }
				<a href={ wooCommerceLogsUrl() }>
					{ __(
						'WooCommerce logs of the cartbay source',
						'cartbay'
					) }
				</a>
			</p>
			<div className="cartbay-sessions__controls cartbay-logs__controls">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Level', 'cartbay' ) }
					value={ query.level }
					options={ [ 'all', ...logLevels ].map( ( level ) => ( {
						value: level,
						label:
							level === 'all'
								? __( 'All levels', 'cartbay' )
								: levelLabel( level ),
					} ) ) }
					onChange={ ( level ) =>
						dispatch( {
							type: 'level',
							level: level as LogLevelFilter,
						} )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Source', 'cartbay' ) }
					value={ query.source }
					options={ [ 'all', ...Object.values( logSources ) ].map(
						( source ) => ( {
							value: source,
							label:
								source === 'all'
									? __( 'All sources', 'cartbay' )
									: source,
						} )
					) }
					onChange={ ( source ) =>
						dispatch( {
							type: 'source',
							source: source as LogSourceFilter,
						} )
					}
				/>
				<form
					role="search"
					className="cartbay-sessions__search cartbay-logs__search"
					onSubmit={ onFilter }
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Event starts with', 'cartbay' ) }
						help={ __(
							'For example email. or restore.failed',
							'cartbay'
						) }
						value={ eventDraft }
						maxLength={ logLimits.maxFilterLength }
						onChange={ setEventDraft }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="search"
						label={ __( 'Search logs', 'cartbay' ) }
						help={ __(
							'Text in the event or its context, such as an order id.',
							'cartbay'
						) }
						value={ searchDraft }
						maxLength={ logLimits.maxFilterLength }
						onChange={ setSearchDraft }
					/>
					<Button
						variant="secondary"
						type="submit"
						__next40pxDefaultSize
					>
						{ __( 'Filter', 'cartbay' ) }
					</Button>
				</form>
				<Button
					variant="tertiary"
					__next40pxDefaultSize
					onClick={ () =>
						invalidateResolution( 'getLogsPage', [ query ] )
					}
				>
					{ __( 'Refresh', 'cartbay' ) }
				</Button>
			</div>
			{ page === undefined && error && (
				<LoadError
					error={ error }
					onRetry={ () =>
						invalidateResolution( 'getLogsPage', [ query ] )
					}
				/>
			) }
			{ shown === undefined && ! error && <Loading /> }
			{ shown !== undefined && ! ( page === undefined && error ) && (
				<>
					<p className="cartbay-sessions__count" aria-live="polite">
						{ sprintf(
							/* translators: 1: number of log entries, 2: current page, 3: number of pages */
							_n(
								'%1$d entry · page %2$d of %3$d',
								'%1$d entries · page %2$d of %3$d',
								shown.total,
								'cartbay'
							),
							shown.total,
							query.page,
							totalPages
						) }
					</p>
					<div className="cartbay-sessions__scroll">
						<table
							className="widefat striped cartbay-logs__table"
							aria-busy={ isBusy }
						>
							<caption className="screen-reader-text">
								{ __(
									'CartBay log entries, newest first.',
									'cartbay'
								) }
							</caption>
							<thead>
								<tr>
									<th scope="col">
										{ __( 'Time', 'cartbay' ) }
									</th>
									<th scope="col">
										{ __( 'Level', 'cartbay' ) }
									</th>
									<th scope="col">
										{ __( 'Source', 'cartbay' ) }
									</th>
									<th scope="col">
										{ __( 'Event', 'cartbay' ) }
									</th>
									<th scope="col">
										<span className="screen-reader-text">
											{ __( 'Details', 'cartbay' ) }
										</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{ shown.rows.length === 0 && (
									<tr>
										<td colSpan={ 5 }>
											<NoEntries
												filtered={ isFiltered( query ) }
											/>
										</td>
									</tr>
								) }
								{ shown.rows.map( ( entry, index ) => (
									<tr
										key={ logEntryKey( entry, index ) }
										data-event={ entry.event }
										data-level={ entry.level }
									>
										<td>
											<time dateTime={ entry.time }>
												{ formatMoment( entry.time ) }
											</time>
										</td>
										<td>
											<span
												className={ `cartbay-status cartbay-log-level--${ entry.level }` }
											>
												{ levelLabel( entry.level ) }
											</span>
										</td>
										<td>{ entry.source }</td>
										<th scope="row">
											<code>{ entry.event }</code>
										</th>
										<td>
											<Button
												variant="link"
												aria-haspopup="dialog"
												aria-label={ sprintf(
													/* translators: 1: event name, 2: time */
													__(
														'Details of %1$s at %2$s',
														'cartbay'
													),
													entry.event,
													formatMoment( entry.time )
												) }
												onClick={ () =>
													setOpenEntry( entry )
												}
											>
												{ __( 'Details', 'cartbay' ) }
											</Button>
										</td>
									</tr>
								) ) }
							</tbody>
						</table>
					</div>
					<Pager
						page={ query.page }
						totalPages={ totalPages }
						label={ __( 'Log pages', 'cartbay' ) }
						onPage={ ( next ) =>
							dispatch( { type: 'page', page: next, totalPages } )
						}
					/>
				</>
			) }
			{ openEntry !== null && (
				<LogDetailModal
					entry={ openEntry }
					onClose={ () => setOpenEntry( null ) }
				/>
			) }
		</div>
	);
}

function NoEntries( { filtered }: { readonly filtered: boolean } ) {
	return (
		<>
			{ filtered
				? __(
						'No entries match these filters. Choose All levels and All sources, or clear the event and search fields.',
						'cartbay'
					)
				: __(
						'The CartBay log is empty. Entries appear as carts are captured and recovery emails are sent; check that Enable CartBay Logs is on in Settings.',
						'cartbay'
					) }
		</>
	);
}
