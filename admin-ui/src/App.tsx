/**
 * The CartBay admin page: one tab per screen. The open tab is kept in the `section` query argument
 * (navigation.ts), so `…&section=offers` links straight to it, a reload stays on it, and the browser's back
 * and forward buttons move between the tabs visited. Screens read and change the location (the Overview's
 * period, a link to another section) through AppNavigationContext.
 */
/** WordPress dependencies */
import { TabPanel } from '@wordpress/components';
import { useEffect, useMemo, useRef, useState } from '@wordpress/element';

/** Internal dependencies */
import { AppNavigationContext, useAppLocation } from './navigation';
import { getScreens } from './screens';

export default function App() {
	const screens = useMemo( getScreens, [] );
	const [ location, navigate, browserMoves ] = useAppLocation();
	// Sections opened from inside a screen (a link, not a tab click): the panel is re-opened on them.
	const [ jumps, setJumps ] = useState( 0 );
	const panel = useRef< HTMLDivElement >( null );
	const open = screens.some( ( screen ) => screen.name === location.section )
		? location.section
		: screens[ 0 ]?.name;
	const navigation = useMemo(
		() => ( {
			location,
			navigate,
			openSection: ( section: string ) => {
				navigate( { section } );
				setJumps( ( n ) => n + 1 );
			},
		} ),
		[ location, navigate ]
	);
	useEffect( () => {
		// The link that opened the section is gone: the keyboard focus goes to the section's tab.
		if ( jumps > 0 ) {
			panel.current
				?.querySelector< HTMLElement >(
					'[role="tab"][aria-selected="true"]'
				)
				?.focus();
		}
	}, [ jumps ] );

	return (
		<AppNavigationContext.Provider value={ navigation }>
			<div ref={ panel }>
				<TabPanel
					// Back/forward (and a section opened from a screen) re-open the panel on the URL's tab;
					// the user's own tab clicks never remount it.
					key={ `${ browserMoves }-${ jumps }` }
					className="cartbay-admin__tabs"
					tabs={ screens.map( ( { name, title } ) => ( {
						name,
						title,
					} ) ) }
					initialTabName={ open }
					// The panel also selects on mount: confirming the open tab rewrites the entry, so Back leaves the page.
					onSelect={ ( name ) =>
						navigate(
							{ section: name },
							{ replace: name === open }
						)
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
			</div>
		</AppNavigationContext.Provider>
	);
}
