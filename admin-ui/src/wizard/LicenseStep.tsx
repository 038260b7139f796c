/**
 * Setup wizard, License: confirms an active license, or activates a typed key; "I'll do this later"
 * moves on without one (recovery works without it).
 */
/** WordPress dependencies */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** Internal dependencies */
import Loading from '../components/Loading';
import { LICENSE_KEY_EXAMPLE } from '../components/settings/LicensePanel';
import { useLicense } from '../components/settings/use-license';
import { isWellFormedLicenseKey } from '../license';
import type { StepProps } from './step-props';

/** Statuses under which the step only confirms. */
const SETTLED = [ 'active', 'dev_mode' ];

export default function LicenseStep( { onContinue, onNotice }: StepProps ) {
	const { license, busy, run } = useLicense( true );
	const [ key, setKey ] = useState( '' );

	if ( license === undefined ) {
		return <Loading />;
	}

	const activate = async () => {
		if ( ! isWellFormedLicenseKey( key ) ) {
			onNotice( {
				status: 'error',
				message: sprintf(
					/* translators: %s: the key format, WPAB-XXXXXXXXXXXX-XXXXXXXXXXXX */
					__(
						'That is not a license key: it looks like %s.',
						'cartbay'
					),
					LICENSE_KEY_EXAMPLE
				),
			} );
			return;
		}
		const result = await run( 'activate', key );
		if ( ! result.ok ) {
			onNotice( { status: 'error', message: result.error.message } );
			return;
		}
		setKey( '' );
		onNotice( {
			status: SETTLED.includes( result.license.status )
				? 'success'
				: 'warning',
			message: sprintf(
				/* translators: %s: license status, e.g. "Active" */
				__( 'License status: %s.', 'cartbay' ),
				result.license.label
			),
			...( result.license.message !== null
				? { details: [ result.license.message ] }
				: {} ),
		} );
	};

	if ( SETTLED.includes( license.status ) ) {
		return (
			<>
				<p>
					{ sprintf(
						/* translators: 1: license status, e.g. "Active", 2: the masked key */
						__( 'Your license is set up: %1$s (%2$s).', 'cartbay' ),
						license.label,
						license.key ?? ''
					) }
				</p>
				<div className="cartbay-wizard__actions">
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ onContinue }
					>
						{ __( 'Continue', 'cartbay' ) }
					</Button>
				</div>
			</>
		);
	}

	return (
		<>
			<p>
				{ __(
					'Enter your CartBay license key for private updates and support checks. You find it in your purchase email or your WPAnchorBay account.',
					'cartbay'
				) }
			</p>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'License key', 'cartbay' ) }
				help={ LICENSE_KEY_EXAMPLE }
				value={ key }
				autoComplete="off"
				spellCheck={ false }
				onChange={ setKey }
			/>
			<div className="cartbay-wizard__actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					isBusy={ busy === 'activate' }
					disabled={ busy !== null || key.trim() === '' }
					accessibleWhenDisabled
					onClick={ activate }
				>
					{ __( 'Activate', 'cartbay' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ onContinue }
				>
					{ __( 'I’ll do this later', 'cartbay' ) }
				</Button>
			</div>
		</>
	);
}
