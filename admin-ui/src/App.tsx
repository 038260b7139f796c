/**
 * The CartBay admin page: one tab per screen. The open tab is kept in the `section` query argument
 * (navigation.ts), so `…&section=offers` links straight to it, a reload stays on it, and the browser's back
 * and forward buttons move between the tabs visited.
 */
/** WordPress dependencies */
import { TabPanel } from '@wordpress/components';
import { useMemo } from '@wordpress/element';

/** Internal dependencies */
import { useAppLocation } from './navigation';
import { getScreens } from './screens';

export default function App() {
	const screens = useMemo( getScreens, [] );
	const [ location, navigate, browserMoves ] = useAppLocation();
	const open = screens.some( ( screen ) => screen.name === location.section )
		? location.section
		: screens[ 0 ]?.name;

	return (
		<TabPanel
			// Back/forward re-open the panel on the URL's tab; the user's own clicks never remount it.
			key={ browserMoves }
			className="cartbay-admin__tabs"
			tabs={ screens.map( ( { name, title } ) => ( { name, title } ) ) }
			initialTabName={ open }
			// The panel also selects on mount: confirming the open tab rewrites the entry, so Back leaves the page.
			onSelect={ ( name ) =>
				navigate( { section: name }, { replace: name === open } )
			}
		>
			{ ( tab ) => (
				<div className="cartbay-admin__screen">
					{ screens
						.find( ( screen ) => screen.name === tab.name )
						?.render() }
				</div>
			) }
		</TabPanel>
	);
}
