/**
 * A session's event log as an ordered list: when, what happened (the schema's label, translated) and the
 * event's name, which is what logs, webhooks and support conversations use. Session details and coupon
 * details both show it.
 */
/** WordPress dependencies */
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoment } from '../format';
import { sessionEvents } from '../schema';
import { schemaText } from '../schema-text';
import type { SessionEventEntry } from '../store/types';

/**
 * An event name's translated label, or the name itself for one this version does not know.
 * @param event Event name (`email_sent`).
 */
export function eventLabel( event: string ): string {
	const known = sessionEvents.constants.find( ( c ) => c.value === event );
	return known ? schemaText( known.label ) : event;
}

export default function EventTimeline( {
	events,
}: {
	readonly events: readonly SessionEventEntry[];
} ) {
	if ( events.length === 0 ) {
		return <p>{ __( 'No events recorded.', 'cartbay' ) }</p>;
	}
	return (
		<ol className="cartbay-session-detail__timeline">
			{ events.map( ( entry, i ) => (
				<li key={ i }>
					<time dateTime={ entry.at ?? undefined }>
						{ formatMoment( entry.at ) }
					</time>{ ' ' }
					{ eventLabel( entry.event ) } <code>{ entry.event }</code>
				</li>
			) ) }
		</ol>
	);
}
