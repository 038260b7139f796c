/**
 * Where the admin app is: the open section and the reporting period, kept in the page URL (`section`,
 * `period`) so every section is deep-linkable and the browser's back and forward buttons move between them.
 * A change pushes a history entry; going back (popstate) is read back from the URL.
 */
/** WordPress dependencies */
import {
	createContext,
	useCallback,
	useContext,
	useEffect,
	useState,
} from '@wordpress/element';

/** Internal dependencies */
import { reportPeriodChoices, reportPeriods } from './schema';

export const SECTION_ARG = 'section';
export const PERIOD_ARG = 'period';

/** Where the app is. */
export interface AppLocation {
	/** A section name, or undefined for the first one. */
	readonly section: string | undefined;
	/** Reporting period in days: one of the schema's choices (anything else reads as the default). */
	readonly period: number;
}

/**
 * The period a query value stands for: a supported number of days, else the default (30).
 * @param value Raw query value.
 */
export function normalizePeriod( value: string | null | undefined ): number {
	const days = Number( value );
	return ( reportPeriodChoices as readonly number[] ).includes( days )
		? days
		: reportPeriods.defaultDays;
}

/**
 * The location a URL's query string says.
 * @param search `location.search`.
 */
export function readLocation( search: string ): AppLocation {
	const params = new URLSearchParams( search );
	return {
		section: params.get( SECTION_ARG ) ?? undefined,
		period: normalizePeriod( params.get( PERIOD_ARG ) ),
	};
}

/**
 * The URL of a location, keeping every other query argument of `href` (WordPress's `page`, say). The
 * default period is left out, so plain links stay plain.
 * @param href     Current URL.
 * @param location Where to go.
 */
export function locationUrl( href: string, location: AppLocation ): string {
	const url = new URL( href );
	if ( location.section === undefined ) {
		url.searchParams.delete( SECTION_ARG );
	} else {
		url.searchParams.set( SECTION_ARG, location.section );
	}
	if ( location.period === reportPeriods.defaultDays ) {
		url.searchParams.delete( PERIOD_ARG );
	} else {
		url.searchParams.set( PERIOD_ARG, String( location.period ) );
	}
	return url.toString();
}

/**
 * The app's location, a way to change it, and how many times the browser moved it (back or forward):
 * `navigate()` pushes a history entry (nothing when the location does not change; `replace` rewrites the
 * current one instead), and back and forward
 * read the location from the URL again. Components that keep their own selection (a tab panel) can be
 * keyed on the count, so only a browser move resets them, never the user's own selection (which would
 * take the keyboard focus away).
 */
export function useAppLocation(): [
	AppLocation,
	( next: Partial< AppLocation >, options?: { replace?: boolean } ) => void,
	number,
] {
	const [ location, setLocation ] = useState( () =>
		readLocation( window.location.search )
	);
	const [ moves, setMoves ] = useState( 0 );
	useEffect( () => {
		const onPop = () => {
			setLocation( readLocation( window.location.search ) );
			setMoves( ( n ) => n + 1 );
		};
		window.addEventListener( 'popstate', onPop );
		return () => window.removeEventListener( 'popstate', onPop );
	}, [] );
	const navigate = useCallback(
		(
			next: Partial< AppLocation >,
			options: { replace?: boolean } = {}
		) => {
			const target = {
				...readLocation( window.location.search ),
				...next,
			};
			const href = locationUrl( window.location.href, target );
			if ( href !== window.location.href ) {
				// Replace: a selection that only confirms where the page already is adds no history entry.
				window.history[
					options.replace ? 'replaceState' : 'pushState'
				]( window.history.state, '', href );
			}
			setLocation( readLocation( new URL( href ).search ) );
		},
		[]
	);
	return [ location, navigate, moves ];
}

/** What App shares with its screens: where the app is, and how to move (see useAppLocation). */
export interface AppNavigation {
	readonly location: AppLocation;
	readonly navigate: (
		next: Partial< AppLocation >,
		options?: { replace?: boolean }
	) => void;
	/** Open another section (a tab) from inside a screen, as if its tab had been clicked. */
	readonly openSection: ( section: string ) => void;
}

export const AppNavigationContext = createContext< AppNavigation | null >(
	null
);

/**
 * The app's navigation, from App; a screen rendered on its own (tests) gets a location of its own, and
 * `openSection` then only changes the URL.
 */
export function useAppNavigation(): AppNavigation {
	const shared = useContext( AppNavigationContext );
	const [ location, navigate ] = useAppLocation();
	return (
		shared ?? {
			location,
			navigate,
			openSection: ( section ) => navigate( { section } ),
		}
	);
}
