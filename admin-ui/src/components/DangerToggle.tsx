/**
 * A boolean setting whose "on" is dangerous (the schema gives it a `danger` warning): the warning is
 * always shown in danger styling, and switching it on first asks for confirmation in a dialog. Switching
 * it off never asks.
 */
/** External dependencies */
import type { ReactNode } from 'react';

/** WordPress dependencies */
import { Button, Modal, ToggleControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { schemaText } from '../schema-text';
import type { SettingFieldProps } from '../types';

interface DangerToggleProps extends SettingFieldProps {
	/** The field's usual help (description, preview). */
	readonly help: ReactNode;
	/** The schema's warning for this field. */
	readonly danger: string;
}

export default function DangerToggle( {
	field,
	value,
	onChange,
	disabled = false,
	help,
	danger,
}: DangerToggleProps ) {
	const [ confirming, setConfirming ] = useState( false );
	const label = schemaText( field.label );
	const warning = schemaText( danger );

	return (
		<div className="cartbay-field--danger">
			<ToggleControl
				__nextHasNoMarginBottom
				label={ label }
				help={
					<>
						{ help }
						<span className="cartbay-field__danger">
							{ ' ' }
							{ warning }
						</span>
					</>
				}
				checked={ value === true }
				disabled={ disabled }
				onChange={ ( next: boolean ) =>
					next ? setConfirming( true ) : onChange( false )
				}
			/>
			{ confirming && (
				<Modal
					title={ sprintf(
						/* translators: %s: setting label, e.g. "Delete Data on Uninstall" */
						__( 'Turn on “%s”?', 'cartbay' ),
						label
					) }
					onRequestClose={ () => setConfirming( false ) }
					size="medium"
				>
					<p>{ warning }</p>
					<p>
						{ __(
							'It takes effect when you save the settings.',
							'cartbay'
						) }
					</p>
					<div className="cartbay-modal__actions">
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ () => setConfirming( false ) }
						>
							{ __( 'Cancel', 'cartbay' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ () => {
								setConfirming( false );
								onChange( true );
							} }
						>
							{ __( 'Turn it on', 'cartbay' ) }
						</Button>
					</div>
				</Modal>
			) }
		</div>
	);
}
