/**
 * axe-core in the browser: the WCAG 2.1 A/AA violations inside one part of a page. The admin sections'
 * E2E files check each section with it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Checks } from '../support/checks';

/** axe-core's browser script (a devDependency), or null when node_modules lacks it. */
export function axeSource(): string | null {
	try {
		const require = createRequire( import.meta.url );
		return readFileSync( require.resolve( 'axe-core/axe.min.js' ), 'utf8' );
	} catch {
		return null;
	}
}

export interface AxeViolation {
	readonly id: string;
	/** The first few elements in violation (CSS selectors). */
	readonly targets: readonly string[];
}

/**
 * Runs axe-core over `selector` and records one check named `name` (zero violations); says loudly that
 * the check is skipped when axe-core is not installed.
 * @param t        Checks of the running group.
 * @param page     Page to check.
 * @param selector Root of the part checked.
 * @param name     Check name.
 */
export async function checkAxe(
	t: Checks,
	page: Page,
	selector: string,
	name: string
): Promise< void > {
	const axe = axeSource();
	if ( axe === null ) {
		console.log(
			`          axe-core is not installed: "${ name }" is skipped`
		);
		return;
	}
	if ( ! ( await page.evaluate( () => 'axe' in window ) ) ) {
		await page.addScriptTag( { content: axe } );
	}
	const violations: AxeViolation[] = await page.evaluate( async ( root ) => {
		const result = await (
			window as unknown as {
				axe: {
					run: (
						context: string,
						options: unknown
					) => Promise< {
						violations: {
							id: string;
							nodes: { target: string[] }[];
						}[];
					} >;
				};
			}
		 ).axe.run( root, {
			runOnly: {
				type: 'tag',
				values: [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ],
			},
		} );
		return result.violations.map( ( v ) => ( {
			id: v.id,
			targets: v.nodes.slice( 0, 3 ).map( ( n ) => n.target.join( ' ' ) ),
		} ) );
	}, selector );
	t.check( name, violations.length === 0, violations );
}
