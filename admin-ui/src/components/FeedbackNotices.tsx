/**
 * Save results, announced to screen readers as they appear (Notice speaks its spokenMessage).
 */
/** WordPress dependencies */
import { Notice } from '@wordpress/components';

/** Internal dependencies */
import type { FeedbackNoticesProps } from '../types';

export default function FeedbackNotices( {
	notices,
	onRemove,
}: FeedbackNoticesProps ) {
	if ( notices.length === 0 ) {
		return null;
	}
	return (
		<div className="cartbay-notices">
			{ notices.map( ( notice ) => (
				<Notice
					key={ notice.id }
					status={ notice.status }
					politeness={
						notice.status === 'error' ? 'assertive' : 'polite'
					}
					spokenMessage={ [
						notice.message,
						...( notice.details ?? [] ),
					].join( ' ' ) }
					onRemove={ () => onRemove( notice.id ) }
				>
					<p>{ notice.message }</p>
					{ notice.details && notice.details.length > 0 && (
						<ul>
							{ notice.details.map( ( line ) => (
								<li key={ line }>{ line }</li>
							) ) }
						</ul>
					) }
				</Notice>
			) ) }
		</div>
	);
}
