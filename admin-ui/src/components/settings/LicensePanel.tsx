/**
 * License & Updates (top of the Settings section): the stored license (status, masked key, expiry, plan,
 * last check), the Activate New Key field (activated by the form's Save Changes, as the docs describe),
 * Check Current License, and Remove License behind a confirmation. The license only gates private
 * updates and support checks; the panel says so, since recovery never stops for it.
 */
/** WordPress dependencies */
import { Button, Modal, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import { formatMoment } from '../../format';
import { licenseStatusMeaning, licenseTone } from '../../license';
import { licenseKeyFormat } from '../../schema';
import { schemaText } from '../../schema-text';
import type { FeedbackNotice } from '../../types';
import LoadError from '../LoadError';
import Loading from '../Loading';
import type { LicenseControls } from './use-license';

export const LICENSE_KEY_EXAMPLE = `${ licenseKeyFormat.prefix }-XXXXXXXXXXXX-XXXXXXXXXXXX`;

interface LicensePanelProps {
	readonly controls: LicenseControls;
	/** The Activate New Key field's text. */
	readonly keyDraft: string;
	readonly onKeyDraftChange: ( value: string ) => void;
	/** Shows the outcome of Check Current License or Remove License. */
	readonly onResult: ( notice: Omit< FeedbackNotice, 'id' > ) => void;
}

export default function LicensePanel( {
	controls,
	keyDraft,
	onKeyDraftChange,
	onResult,
}: LicensePanelProps ) {
	const { license, loadError, busy, reload, run } = controls;
	const [ confirmingRemove, setConfirmingRemove ] = useState( false );

	const check = async () => {
		const result = await run( 'check' );
		onResult(
			result.ok
				? {
						status:
							licenseTone( result.license.status ) === 'error'
								? 'warning'
								: 'success',
						message:
							result.license.message ??
							__( 'License checked.', 'cartbay' ),
					}
				: { status: 'error', message: result.error.message }
		);
	};

	const remove = async () => {
		setConfirmingRemove( false );
		const result = await run( 'remove' );
		onResult(
			result.ok
				? {
						status: 'success',
						message: __(
							'The license was removed from this site. Recovery keeps running.',
							'cartbay'
						),
					}
				: { status: 'error', message: result.error.message }
		);
	};

	let state = null;
	if ( license === undefined ) {
		state = loadError ? (
			<LoadError error={ loadError } onRetry={ reload } />
		) : (
			<Loading />
		);
	} else {
		const meaning = licenseStatusMeaning( license.status );
		state = (
			<dl className="cartbay-license__facts">
				<dt>{ __( 'Status', 'cartbay' ) }</dt>
				<dd>
					<span
						className={ `cartbay-license__status cartbay-license__status--${ licenseTone(
							license.status
						) }` }
					>
						{ license.label }
					</span>
					{ meaning && ` ${ schemaText( meaning ) }` }
				</dd>
				<dt>{ __( 'Current Key', 'cartbay' ) }</dt>
				<dd>
					{ license.key !== null ? (
						<code>{ license.key }</code>
					) : (
						__( 'No key is stored on this site.', 'cartbay' )
					) }
				</dd>
				{ license.expiresAt !== null && (
					<>
						<dt>{ __( 'Expires', 'cartbay' ) }</dt>
						<dd>{ formatMoment( license.expiresAt ) }</dd>
					</>
				) }
				{ license.plan !== null && (
					<>
						<dt>{ __( 'Plan', 'cartbay' ) }</dt>
						<dd>{ license.plan }</dd>
					</>
				) }
				{ license.checkedAt !== null && (
					<>
						<dt>{ __( 'Last checked', 'cartbay' ) }</dt>
						<dd>{ formatMoment( license.checkedAt ) }</dd>
					</>
				) }
				{ license.message !== null && (
					<>
						<dt>{ __( 'License server says', 'cartbay' ) }</dt>
						<dd>{ license.message }</dd>
					</>
				) }
			</dl>
		);
	}

	return (
		<section
			className="cartbay-form__section cartbay-license"
			aria-labelledby="cartbay-license-title"
		>
			<h2 id="cartbay-license-title">
				{ __( 'License & Updates', 'cartbay' ) }
			</h2>
			<p className="cartbay-form__intro">
				{ __(
					'The license brings private updates and support checks. Capture, recovery emails, restore links and analytics work without it.',
					'cartbay'
				) }
			</p>
			{ state }
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Activate New Key', 'cartbay' ) }
				help={ sprintf(
					/* translators: %s: the key format, WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX */
					__(
						'Paste the key from your purchase email or WPAnchorBay account (%s), then Save changes.',
						'cartbay'
					),
					LICENSE_KEY_EXAMPLE
				) }
				value={ keyDraft }
				autoComplete="off"
				spellCheck={ false }
				maxLength={ licenseKeyFormat.length + 8 }
				onChange={ onKeyDraftChange }
			/>
			<div className="cartbay-license__actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					isBusy={ busy === 'check' }
					disabled={ busy !== null || ! license?.key }
					accessibleWhenDisabled
					onClick={ check }
				>
					{ __( 'Check Current License', 'cartbay' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					isDestructive
					isBusy={ busy === 'remove' }
					disabled={ busy !== null || ! license?.key }
					accessibleWhenDisabled
					onClick={ () => setConfirmingRemove( true ) }
				>
					{ __( 'Remove License', 'cartbay' ) }
				</Button>
			</div>
			{ confirmingRemove && (
				<Modal
					title={ __(
						'Remove the license from this site?',
						'cartbay'
					) }
					onRequestClose={ () => setConfirmingRemove( false ) }
					size="medium"
				>
					<p>
						{ __(
							'Removing the license does not stop capture, recovery emails, restore links or analytics. It disconnects private updates and support checks until a new key is activated.',
							'cartbay'
						) }
					</p>
					<div className="cartbay-modal__actions">
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ () => setConfirmingRemove( false ) }
						>
							{ __( 'Cancel', 'cartbay' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ remove }
						>
							{ __( 'Remove License', 'cartbay' ) }
						</Button>
					</div>
				</Modal>
			) }
			{ license?.status === 'server_error' && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'The license server could not be reached. CartBay keeps working and checks again later.',
						'cartbay'
					) }
				</Notice>
			) }
		</section>
	);
}
