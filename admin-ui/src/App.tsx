/**
 * The CartBay admin page: one tab per screen. The open tab is kept in the `section` query argument,
 * so `…&section=offers` links straight to it and a reload stays on it.
 */
/** WordPress dependencies */
import { TabPanel } from '@wordpress/components';
import { useMemo } from '@wordpress/element';

/** Internal dependencies */
import { getScreens } from './screens';

const QUERY_ARG = 'section';

function sectionFromUrl(): string | undefined {
	return (
		new URLSearchParams( window.location.search ).get( QUERY_ARG ) ??
		undefined
	);
}

function rememberSection( name: string ): void {
	const url = new URL( window.location.href );
	if ( url.searchParams.get( QUERY_ARG ) !== name ) {
		url.searchParams.set( QUERY_ARG, name );
		window.history.replaceState( window.history.state, '', url );
	}
}

export default function App() {
	const screens = useMemo( getScreens, [] );
	const requested = sectionFromUrl();
	const initial = screens.some( ( screen ) => screen.name === requested )
		? requested
		: screens[ 0 ]?.name;

	return (
		<TabPanel
			className="cartbay-admin__tabs"
			tabs={ screens.map( ( { name, title } ) => ( { name, title } ) ) }
			initialTabName={ initial }
			onSelect={ rememberSection }
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
