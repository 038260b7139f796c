/**
 * The status filter and the search form above a list table of the reporting period (Sessions,
 * Notifications): a Status select whose first choice is "All statuses", and a search field the table
 * follows only when the form is sent (Enter or Search), so typing does not ask the server at every key.
 * The parent lays them out (with its own controls beside them, such as the Sessions exports).
 */
/** External dependencies */
import type { FormEvent } from 'react';

/** WordPress dependencies */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

interface StatusSearchFiltersProps< Status extends string > {
	/** The status chosen. */
	readonly status: Status | 'all';
	/** The statuses to choose from, after "All statuses". */
	readonly statuses: readonly Status[];
	readonly statusLabel: ( status: Status ) => string;
	readonly onStatus: ( status: Status | 'all' ) => void;
	/** The search field's label, such as "Search sessions". */
	readonly searchLabel: string;
	/** What the search looks in. */
	readonly searchHelp: string;
	/** Called with the search typed when the form is sent. */
	readonly onSearch: ( search: string ) => void;
}

export default function StatusSearchFilters< Status extends string >( {
	status,
	statuses,
	statusLabel,
	onStatus,
	searchLabel,
	searchHelp,
	onSearch,
}: StatusSearchFiltersProps< Status > ) {
	const [ searchDraft, setSearchDraft ] = useState( '' );
	const onSubmit = ( event: FormEvent ) => {
		event.preventDefault();
		onSearch( searchDraft );
	};
	const choices: readonly ( Status | 'all' )[] = [ 'all', ...statuses ];
	return (
		<>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Status', 'cartbay' ) }
				value={ status }
				options={ choices.map( ( choice ) => ( {
					value: choice,
					label:
						choice === 'all'
							? __( 'All statuses', 'cartbay' )
							: statusLabel( choice ),
				} ) ) }
				onChange={ ( chosen ) => onStatus( chosen as Status | 'all' ) }
			/>
			<form
				role="search"
				className="cartbay-sessions__search"
				onSubmit={ onSubmit }
			>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="search"
					label={ searchLabel }
					help={ searchHelp }
					value={ searchDraft }
					onChange={ setSearchDraft }
				/>
				<Button variant="secondary" type="submit" __next40pxDefaultSize>
					{ __( 'Search', 'cartbay' ) }
				</Button>
			</form>
		</>
	);
}
