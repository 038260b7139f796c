/**
 * One log entry in a modal dialog: when, level, source, event and its sanitized context as JSON, with the
 * Copy button. Escape or the close button closes it, and the focus goes back to the entry's button.
 */
/** WordPress dependencies */
import { Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoment } from '../../format';
import type { LogEntry } from '../../store/types';
import CopyEntryButton from './CopyEntryButton';

export default function LogDetailModal( {
	entry,
	onClose,
}: {
	readonly entry: LogEntry;
	readonly onClose: () => void;
} ) {
	return (
		<Modal
			title={ __( 'Log entry', 'cartbay' ) }
			onRequestClose={ onClose }
			className="cartbay-log-modal"
			size="medium"
		>
			<dl className="cartbay-session-detail__summary">
				<dt>{ __( 'Time', 'cartbay' ) }</dt>
				<dd>
					<time dateTime={ entry.time }>
						{ formatMoment( entry.time ) }
					</time>{ ' ' }
					<code>{ entry.time }</code>
				</dd>
				<dt>{ __( 'Level', 'cartbay' ) }</dt>
				<dd>{ entry.level }</dd>
				<dt>{ __( 'Source', 'cartbay' ) }</dt>
				<dd>{ entry.source }</dd>
				<dt>{ __( 'Event', 'cartbay' ) }</dt>
				<dd>
					<code>{ entry.event }</code>
				</dd>
			</dl>
			<h3 id="cartbay-log-context-title">
				{ __( 'Context', 'cartbay' ) }
			</h3>
			<pre
				className="cartbay-log-modal__context"
				aria-labelledby="cartbay-log-context-title"
				// A scrollable region is reachable by keyboard.
				tabIndex={ 0 }
			>
				{ JSON.stringify( entry.context ?? {}, null, 2 ) }
			</pre>
			<CopyEntryButton entry={ entry } />
		</Modal>
	);
}
