/**
 * A link to another section of the app. It is a real link, so it can be opened in a new tab or copied;
 * a plain click is followed inside the app (no page load, focus and history handled by the navigation),
 * while a modified or middle click is left to the browser.
 */
/** External dependencies */
import type { MouseEvent, ReactNode } from 'react';

/** Internal dependencies */
import { locationUrl, useAppNavigation } from '../navigation';
import type { SectionName } from '../sections';

export default function SectionLink( {
	section,
	children,
}: {
	readonly section: SectionName;
	readonly children: ReactNode;
} ) {
	const { location, openSection } = useAppNavigation();
	return (
		<a
			href={ locationUrl( window.location.href, {
				...location,
				section,
			} ) }
			onClick={ ( event: MouseEvent ) => {
				if (
					event.button !== 0 ||
					event.metaKey ||
					event.ctrlKey ||
					event.shiftKey ||
					event.altKey
				) {
					return;
				}
				event.preventDefault();
				openSection( section );
			} }
		>
			{ children }
		</a>
	);
}
