// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook } from '@testing-library/react';

import { useLastPage } from '../use-last-page';

afterEach( cleanup );

interface Page {
	readonly rows: string[];
}

describe( 'useLastPage', () => {
	it( 'shows nothing, busy, before the first page arrives', () => {
		const { result } = renderHook( () => useLastPage( undefined ) );
		expect( result.current ).toEqual( { shown: undefined, isBusy: true } );
	} );

	it( 'keeps the last page, busy, while the next one loads, then shows the new one', () => {
		const first: Page = { rows: [ 'a' ] };
		const second: Page = { rows: [ 'b' ] };
		const { result, rerender } = renderHook(
			( page: Page | undefined ) => useLastPage( page ),
			{ initialProps: first as Page | undefined }
		);
		expect( result.current ).toEqual( { shown: first, isBusy: false } );
		rerender( undefined );
		expect( result.current ).toEqual( { shown: first, isBusy: true } );
		rerender( second );
		expect( result.current ).toEqual( { shown: second, isBusy: false } );
		rerender( undefined );
		expect( result.current ).toEqual( { shown: second, isBusy: true } );
	} );
} );
