// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import EventTimeline, { eventLabel } from '../components/EventTimeline';

afterEach( cleanup );

describe( 'EventTimeline', () => {
	it( 'labels a known event from the schema and keeps an unknown name as it is', () => {
		expect( eventLabel( 'email_sent' ) ).toBe( 'Email sent' );
		expect( eventLabel( 'restore_clicked' ) ).toBe( 'Restore link opened' );
		expect( eventLabel( 'from_a_newer_version' ) ).toBe(
			'from_a_newer_version'
		);
	} );

	it( 'lists each event in order with its label and name; an empty log says so', () => {
		const { rerender } = render(
			<EventTimeline
				events={ [
					{ event: 'captured', at: '2026-12-01T10:00:00+00:00' },
					{ event: 'abandoned', at: null },
				] }
			/>
		);
		const items = screen.getAllByRole( 'listitem' );
		expect( items.map( ( li ) => li.textContent ) ).toEqual( [
			expect.stringMatching( /Captured captured$/ ),
			expect.stringMatching( /Abandoned abandoned$/ ),
		] );
		rerender( <EventTimeline events={ [] } /> );
		expect( screen.getByText( 'No events recorded.' ) ).toBeTruthy();
	} );
} );
