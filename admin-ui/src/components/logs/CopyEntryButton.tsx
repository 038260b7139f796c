/**
 * Copies a log entry as text (logs.ts `logEntryText`) for a support ticket, and says so in a polite live
 * region, so screen-reader users hear that it worked (or that it did not, and what to do).
 */
/** WordPress dependencies */
import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/** Internal dependencies */
import { logEntryText } from '../../logs';
import type { LogEntry } from '../../store/types';

/** How long the confirmation stays, in milliseconds. */
const CONFIRMATION_MS = 4000;

/**
 * Writes text to the clipboard: the Clipboard API, else a selected textarea and the copy command (pages
 * served over plain http have no Clipboard API).
 * @param text Text to copy.
 */
async function copyText( text: string ): Promise< void > {
	if ( window.navigator.clipboard?.writeText ) {
		await window.navigator.clipboard.writeText( text );
		return;
	}
	const area = document.createElement( 'textarea' );
	area.value = text;
	area.setAttribute( 'readonly', '' );
	area.style.position = 'fixed';
	area.style.opacity = '0';
	document.body.appendChild( area );
	area.select();
	const done = document.execCommand( 'copy' );
	area.remove();
	if ( ! done ) {
		throw new Error( 'copy refused' );
	}
}

export default function CopyEntryButton( {
	entry,
}: {
	readonly entry: LogEntry;
} ) {
	const [ message, setMessage ] = useState( '' );
	const timer = useRef< number | undefined >( undefined );
	useEffect( () => () => window.clearTimeout( timer.current ), [] );

	const onCopy = async () => {
		window.clearTimeout( timer.current );
		try {
			await copyText( logEntryText( entry ) );
			setMessage( __( 'Entry copied to the clipboard.', 'cartbay' ) );
		} catch {
			setMessage(
				__(
					'The entry could not be copied. Select the context text and copy it instead.',
					'cartbay'
				)
			);
		}
		timer.current = window.setTimeout(
			() => setMessage( '' ),
			CONFIRMATION_MS
		);
	};

	return (
		<div className="cartbay-logs__copy">
			<Button
				variant="secondary"
				__next40pxDefaultSize
				onClick={ onCopy }
			>
				{ __( 'Copy', 'cartbay' ) }
			</Button>
			<span
				className="cartbay-logs__copy-status"
				role="status"
				aria-live="polite"
			>
				{ message }
			</span>
		</div>
	);
}
