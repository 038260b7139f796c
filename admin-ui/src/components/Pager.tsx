/**
 * The Previous page and Next page buttons under a paged list (Sessions, Notifications, Coupon History,
 * Logs), in a navigation landmark named after the list: one pager, so every list pages, reads and is
 * tested alike. A button that cannot move stays focusable (`accessibleWhenDisabled`) and says it is off.
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface PagerProps {
	/** The page shown, 1-based. */
	readonly page: number;
	/** How many pages there are; Next page is off from the last one (and with no pages at all). */
	readonly totalPages: number;
	/** The navigation's accessible name, such as "Sessions pages". */
	readonly label: string;
	/** Called with the page asked for: the one before or after `page`. */
	readonly onPage: ( page: number ) => void;
}

export default function Pager( {
	page,
	totalPages,
	label,
	onPage,
}: PagerProps ) {
	return (
		<nav className="cartbay-sessions__pages" aria-label={ label }>
			<Button
				variant="secondary"
				__next40pxDefaultSize
				disabled={ page <= 1 }
				accessibleWhenDisabled
				onClick={ () => onPage( page - 1 ) }
			>
				{ __( 'Previous page', 'cartbay' ) }
			</Button>
			<Button
				variant="secondary"
				__next40pxDefaultSize
				disabled={ page >= totalPages }
				accessibleWhenDisabled
				onClick={ () => onPage( page + 1 ) }
			>
				{ __( 'Next page', 'cartbay' ) }
			</Button>
		</nav>
	);
}
