/**
 * The CartBay admin page: one tab per screen; a hidden screen (Logs) has no tab and is shown on its own,
 * with its title and a link back to the section that links to it. The open tab is kept in the `section` query argument
 * (navigation.ts), so `…&section=offers` links straight to it, a reload stays on it, and the browser's back
 * and forward buttons move between the tabs visited. Screens read and change the location (the Overview's
 * period, a link to another section) through AppNavigationContext.
 */
/** WordPress dependencies */
import { TabPanel } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { useEffect, useMemo, useRef, useState } from '@wordpress/element';

/** Internal dependencies */
import SectionLink from './components/SectionLink';
import { AppNavigationContext, useAppLocation } from './navigation';
import { getScreens } from './screens';

/** Where a hidden screen's back link goes (screens/index.tsx: the Settings section links to Logs). */
const HIDDEN_PARENT = 'settings';

export default function App() {
	const screens = useMemo( getScreens, [] );
	const [ location, navigate, browserMoves ] = useAppLocation();
	// Sections opened from inside a screen (a link, not a tab click): the panel is re-opened on them.
	const [ jumps, setJumps ] = useState( 0 );
	const panel = useRef< HTMLDivElement >( null );
	const tabs = screens.filter( ( screen ) => ! screen.hidden );
	const hidden = screens.find(
		( screen ) => screen.hidden && screen.name === location.section
	);
	const parent = tabs.find( ( screen ) => screen.name === HIDDEN_PARENT );
	const open = tabs.some( ( screen ) => screen.name === location.section )
		? location.section
		: tabs[ 0 ]?.name;
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
		// The link that opened the section is gone: the keyboard focus goes to the section's tab (or the
		// hidden section's title).
		if ( jumps > 0 ) {
			panel.current
				?.querySelector< HTMLElement >(
					'[role="tab"][aria-selected="true"], .cartbay-admin__hidden-title'
				)
				?.focus();
		}
	}, [ jumps ] );

	return (
		<AppNavigationContext.Provider value={ navigation }>
			<div ref={ panel }>
				{ hidden ? (
					<div className="cartbay-admin__hidden">
						{ parent && (
							<p className="cartbay-admin__back">
								<SectionLink section={ parent.name }>
									{ sprintf(
										/* translators: %s: section title (Settings) */
										__( '← Back to %s', 'cartbay' ),
										parent.title
									) }
								</SectionLink>
							</p>
						) }
						<h2
							className="cartbay-admin__hidden-title"
							tabIndex={ -1 }
						>
							{ hidden.title }
						</h2>
						<div className="cartbay-admin__screen">
							{ hidden.render() }
						</div>
					</div>
				) : (
					<TabPanel
						// Back/forward (and a section opened from a screen) re-open the panel on the URL's tab;
						// the user's own tab clicks never remount it.
						key={ `${ browserMoves }-${ jumps }` }
						className="cartbay-admin__tabs"
						tabs={ tabs.map( ( { name, title } ) => ( {
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
									.find(
										( screen ) => screen.name === tab.name
									)
									?.render() }
							</div>
						) }
					</TabPanel>
				) }
			</div>
		</AppNavigationContext.Provider>
	);
}
