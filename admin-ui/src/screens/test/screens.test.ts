// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isValidElement } from 'react';

import { settingsOption } from '../../../../plugin/schema';
import { getScreens } from '..';

describe( 'getScreens', () => {
	it( 'gives every tab a unique name and a title', () => {
		const screens = getScreens();
		expect( new Set( screens.map( ( screen ) => screen.name ) ).size ).toBe(
			screens.length
		);
		expect( screens.every( ( screen ) => screen.title !== '' ) ).toBe(
			true
		);
	} );

	it( 'puts every settings section of the schema on exactly one screen', () => {
		const shown = getScreens().flatMap( ( screen ) => {
			const element = screen.render();
			const sections = isValidElement< { sections?: string[] } >(
				element
			)
				? element.props.sections
				: undefined;
			return sections ?? [];
		} );
		const declared = [
			...new Set(
				settingsOption.fields.map( ( field ) => field.section )
			),
		];
		expect( [ ...shown ].sort() ).toEqual( [ ...declared ].sort() );
	} );

	it( 'has a hidden Logs screen: a section without a tab', () => {
		const hidden = getScreens().filter( ( screen ) => screen.hidden );
		expect( hidden.map( ( screen ) => screen.name ) ).toEqual( [ 'logs' ] );
	} );
} );
